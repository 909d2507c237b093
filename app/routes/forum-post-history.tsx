import { data, Link } from "react-router";

import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listPostRevisions } from "../../server/forum/list-post-revisions";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-post-history";

export function meta() {
  return [{ title: `${m.forum_history_title()} – ReConnect` }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, locale, log } = context.get(requestContext);

  const result = await listPostRevisions(portal.db, actor, params.postId);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  log.info({ accountId: actor.accountId, postId: result.post.id }, "forum_post.history_viewed");
  return { locale, post: result.post, revisions: result.revisions };
}

/** Render each version as the Markdown the member typed, so a moderator can compare exactly what changed. */
export default function ForumPostHistory({ loaderData }: Route.ComponentProps) {
  const { post, revisions, locale } = loaderData;

  return (
    <>
      <p className="ds-paragraph">
        <Link to={forumPaths.post(post.threadId, post.id, post.position)}>{m.forum_history_back({ thread: post.threadTitle })}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.forum_history_title()}
      </h1>
      <p className="ds-paragraph">{m.forum_history_intro({ author: post.author ?? m.forum_former_member() })}</p>
      <section className="stack" aria-labelledby="history-current">
        <h2 id="history-current" className="ds-heading" data-size="sm">
          {post.deleted ? m.forum_history_current_deleted() : m.forum_history_current()}
        </h2>
        {post.contentWarning ? <p className="ds-paragraph">{m.forum_post_content_warning({ warning: post.contentWarning })}</p> : null}
        <pre className="post-source">{post.body}</pre>
      </section>
      {revisions.length === 0 ? (
        <p className="ds-paragraph">{m.forum_history_none()}</p>
      ) : (
        revisions.map((revision, index) => (
          <section key={index} className="stack" aria-labelledby={`history-${index}`}>
            <h2 id={`history-${index}`} className="ds-heading" data-size="sm">
              {m.forum_history_version({ written: formatDateTime(revision.writtenAt, locale), replaced: formatDateTime(revision.replacedAt, locale) })}
            </h2>
            {revision.contentWarning ? <p className="ds-paragraph">{m.forum_post_content_warning({ warning: revision.contentWarning })}</p> : null}
            <pre className="post-source">{revision.body}</pre>
          </section>
        ))
      )}
    </>
  );
}
