import { data, Link } from "react-router";

import { formatDateTime } from "~/format-date";
import { moderationPaths } from "~/moderation-paths";
import { moderatedPostStateLabel, reportReasonForModerators } from "~/moderation-labels";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listOpenReports } from "../../server/moderation/list-open-reports";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/moderation-reports";

export function meta() {
  return [{ title: `${m.moderation_reports_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal, locale } = context.get(requestContext);
  const cursor = new URL(request.url).searchParams.get("after");

  const result = await listOpenReports(portal.db, actor, { cursor });
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  return { locale, posts: result.posts, nextCursor: result.nextCursor, continued: cursor !== null };
}

export default function ModerationReports({ loaderData }: Route.ComponentProps) {
  const { posts, nextCursor, continued, locale } = loaderData;

  return (
    <>
      <p className="ds-paragraph">
        <Link to={moderationPaths.overview()}>{m.moderation_reports_back()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_reports_title()}
      </h1>
      <p className="ds-paragraph">{m.moderation_reports_intro()}</p>
      {posts.length === 0 ? (
        <p className="ds-paragraph">{continued ? m.moderation_reports_no_more() : m.moderation_reports_empty()}</p>
      ) : (
        <ul className="moderation-report-list">
          {posts.map((post) => {
            const state = post.state === "published" ? null : moderatedPostStateLabel(post.state);
            return (
              <li key={post.postId} className="stack">
                <p className="ds-paragraph">
                  <Link to={moderationPaths.post(post.postId)}>{m.moderation_reports_item({ thread: post.threadTitle, author: post.author ?? m.forum_former_member() })}</Link>
                  {state ? (
                    <>
                      {" "}
                      <span className="ds-tag" data-color="warning" data-size="sm">
                        {state}
                      </span>
                    </>
                  ) : null}
                </p>
                <p className="ds-paragraph" data-size="sm">
                  {m.moderation_reports_count({ count: post.openReports })}
                  {" · "}
                  {post.reasons.map(reportReasonForModerators).join(", ")}
                  {" · "}
                  {m.moderation_reports_since({ time: formatDateTime(post.firstReportedAt, locale) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {nextCursor ? (
        <p className="ds-paragraph">
          <Link to={`${moderationPaths.reports()}?after=${nextCursor}`}>{m.moderation_reports_more()}</Link>
        </p>
      ) : null}
    </>
  );
}
