import { data, Form, Link } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { ModeratorDutyForm } from "~/components/moderator-duty-form";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { countPendingMeetups } from "../../server/cafes/list-pending-meetups";
import { getModerationOverview, markModerationSeen, type OverviewPost } from "../../server/moderation/get-moderation-overview";
import { getModeratorDuty } from "../../server/moderation/get-moderator-duty";
import { requestContext } from "../../server/platform/request-context";
import type { Locale } from "../../server/identity/roles";
import type { Route } from "./+types/moderation";

export function meta() {
  return [{ title: `${m.moderation_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal, locale } = context.get(requestContext);
  const result = await getModerationOverview(portal.db, actor);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const duty = await getModeratorDuty(portal.db, actor);
  const meetups = await countPendingMeetups(portal.db, actor);
  return { locale, overview: result.overview, onDuty: duty.status === "found" ? duty.onDuty : null, pendingMeetups: meetups.status === "counted" ? meetups.count : 0 };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const result = await markModerationSeen(portal.db, actor, form.get("seenUntil"));
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  return { seen: true };
}

export default function Moderation({ loaderData, actionData }: Route.ComponentProps) {
  const { overview, locale } = loaderData;
  const { counts } = overview;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_title()}
      </h1>
      <p className="ds-paragraph">{m.moderation_intro()}</p>
      {loaderData.onDuty !== null ? <ModeratorDutyForm onDuty={loaderData.onDuty} returnTo={moderationPaths.overview()} /> : null}

      <nav aria-labelledby="moderation-queues-heading">
        <h2 id="moderation-queues-heading" className="ds-heading" data-size="sm">
          {m.moderation_queues_heading()}
        </h2>
        <ul className="moderation-counts">
          <li>
            <Link to={moderationPaths.crisisAlerts()}>{m.moderation_count_crisis_alerts({ count: counts.openCrisisAlerts })}</Link>
          </li>
          <li>
            <Link to={moderationPaths.reports()}>{m.moderation_count_reports({ count: counts.reportedPosts })}</Link>
          </li>
          <li>
            <Link to={moderationPaths.approvals()}>{m.moderation_count_pending({ count: counts.pendingPosts })}</Link>
          </li>
          <li>
            <Link to={cafePaths.meetupApprovals()}>{m.meetup_moderation_count({ count: loaderData.pendingMeetups })}</Link>
          </li>
          <li>
            <a href="#unanswered-heading">{m.moderation_count_unanswered({ count: counts.unanswered })}</a>
          </li>
          <li>
            <a href="#new-posts-heading">{m.moderation_count_new_posts({ count: counts.newPosts })}</a>
          </li>
        </ul>
        <p className="ds-paragraph">
          <Link to={moderationPaths.log()}>{m.moderation_log_link()}</Link> · <Link to={moderationPaths.settings()}>{m.moderation_settings_link()}</Link>
        </p>
      </nav>

      <section aria-labelledby="unanswered-heading" className="stack">
        <h2 id="unanswered-heading" className="ds-heading" data-size="md">
          {m.moderation_unanswered_heading()}
        </h2>
        <p className="ds-paragraph">{m.moderation_unanswered_intro({ hours: overview.unansweredAfterHours })}</p>
        {overview.unanswered.length === 0 ? (
          <p className="ds-paragraph">{m.moderation_unanswered_empty()}</p>
        ) : (
          <OverviewPostList posts={overview.unanswered} locale={locale} timeLabel={m.moderation_waiting_since} />
        )}
        {counts.unanswered > overview.unanswered.length ? <p className="ds-paragraph">{m.moderation_list_more({ shown: overview.unanswered.length, count: counts.unanswered })}</p> : null}
      </section>

      <section aria-labelledby="new-posts-heading" className="stack">
        <h2 id="new-posts-heading" className="ds-heading" data-size="md">
          {m.moderation_new_posts_heading()}
        </h2>
        <p className="ds-paragraph">{m.moderation_new_posts_since({ since: formatDateTime(overview.newSince, locale) })}</p>
        {actionData?.seen ? (
          <p className="ds-paragraph" role="status">
            {m.moderation_new_posts_marked_seen()}
          </p>
        ) : null}
        {overview.newPosts.length === 0 ? (
          <p className="ds-paragraph">{m.moderation_new_posts_empty()}</p>
        ) : (
          <>
            <OverviewPostList posts={overview.newPosts} locale={locale} timeLabel={m.moderation_written_at} />
            {counts.newPosts > overview.newPosts.length ? <p className="ds-paragraph">{m.moderation_list_more({ shown: overview.newPosts.length, count: counts.newPosts })}</p> : null}
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="seenUntil" value={new Date(overview.loadedAt).toISOString()} />
              <button type="submit" className="ds-button" data-variant="secondary">
                {m.moderation_new_posts_mark_seen()}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

function OverviewPostList(props: { posts: OverviewPost[]; locale: Locale; timeLabel: (inputs: { time: string }) => string }) {
  return (
    <ul className="moderation-post-list">
      {props.posts.map((post) => (
        <li key={post.postId} className="moderation-post-list__item">
          <p className="ds-paragraph">
            <Link to={forumPaths.post(post.threadId, post.postId, post.position)}>{post.threadTitle}</Link>
          </p>
          <p className="ds-paragraph" data-size="sm">
            {post.authorPseudonym ?? m.forum_former_member()} ·{" "}
            <time dateTime={new Date(post.createdAt).toISOString()}>{props.timeLabel({ time: formatDateTime(post.createdAt, props.locale) })}</time>
            {" · "}
            <Link to={moderationPaths.post(post.postId)}>{m.forum_post_moderate()}</Link>
          </p>
          <p className="ds-paragraph moderation-post-list__excerpt" data-size="sm">
            {post.excerpt}
          </p>
        </li>
      ))}
    </ul>
  );
}
