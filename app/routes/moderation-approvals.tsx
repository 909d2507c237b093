import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { crisisCategoriesText, moderationReasonLabel, pendingReasonText } from "~/moderation-labels";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { approvePost } from "../../server/moderation/approve-post";
import { declinePost } from "../../server/moderation/decline-post";
import { listPendingPosts, type PendingPostView } from "../../server/moderation/list-pending-posts";
import { MODERATOR_REASONS } from "../../server/moderation/reason-codes";
import { requestContext } from "../../server/platform/request-context";
import type { Locale } from "../../server/identity/roles";
import type { Route } from "./+types/moderation-approvals";

export function meta() {
  return [{ title: `${m.moderation_approvals_title()} – ReConnect` }];
}

const notices = ["approved", "already_live", "declined", "already_decided"] as const;
type Notice = (typeof notices)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal, locale } = context.get(requestContext);
  const result = await listPendingPosts(portal.db, actor);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  const notice = notices.find((candidate) => candidate === new URL(request.url).searchParams.get("notice")) ?? null;
  return { locale, posts: result.posts, notice };
}

export type ApprovalsActionData = { postId: string; error: "reason_missing" | "not_found" };

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const postId = String(form.get("postId") ?? "");

  switch (form.get("intent")) {
    case "approve": {
      const result = await approvePost(portal.db, actor, postId);
      if (result.status === "not_found") return data<ApprovalsActionData>({ postId, error: "not_found" }, { status: 404 });
      if (result.status === "approved") log.info({ postId, threadId: result.threadId }, "moderation.post_approved");
      return redirect(`${moderationPaths.approvals()}?notice=${result.status}`);
    }
    case "decline": {
      const result = await declinePost(portal.db, actor, postId, { reason: form.get("reason") });
      if (result.status === "not_found") return data<ApprovalsActionData>({ postId, error: "not_found" }, { status: 404 });
      if (result.status === "invalid") return data<ApprovalsActionData>({ postId, error: result.error }, { status: 400 });
      if (result.status === "declined") log.info({ postId, threadId: result.threadId }, "moderation.post_hidden");
      return redirect(`${moderationPaths.approvals()}?notice=${result.status}`);
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function noticeText(notice: Notice): string {
  switch (notice) {
    case "approved":
      return m.moderation_approvals_approved();
    case "already_live":
      return m.moderation_approvals_already_live();
    case "declined":
      return m.moderation_approvals_declined();
    case "already_decided":
      return m.moderation_approvals_already_decided();
  }
}

export default function ModerationApprovals({ loaderData, actionData }: Route.ComponentProps) {
  const { posts, notice, locale } = loaderData;
  const missingPost = actionData?.error === "not_found";

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_approvals_title()}
      </h1>
      <p className="ds-paragraph">{m.moderation_approvals_intro()}</p>
      <p className="ds-paragraph">
        <Link to={moderationPaths.overview()}>{m.moderation_back_to_overview()}</Link>
      </p>
      {notice ? (
        <div className="ds-alert" data-color={notice === "approved" || notice === "declined" ? "success" : "info"} role="status">
          <p className="ds-paragraph">{noticeText(notice)}</p>
        </div>
      ) : null}
      {missingPost ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{m.moderation_approvals_not_found()}</p>
        </div>
      ) : null}

      {posts.length === 0 ? (
        <p className="ds-paragraph">{m.moderation_approvals_empty()}</p>
      ) : (
        <ol className="moderation-post-list stack">
          {posts.map((post) => (
            <PendingPost key={post.id} post={post} locale={locale} reasonMissing={actionData?.postId === post.id && actionData.error === "reason_missing"} />
          ))}
        </ol>
      )}
    </>
  );
}

function PendingPost({ post, locale, reasonMissing }: { post: PendingPostView; locale: Locale; reasonMissing: boolean }) {
  const author = post.authorPseudonym ?? m.forum_former_member();
  const headingId = `pending-${post.id}`;
  const reasonId = `decline-reason-${post.id}`;

  return (
    <li className="moderation-post-list__item stack" id={`post-${post.id}`}>
      <article className="stack" aria-labelledby={headingId}>
        <h2 id={headingId} className="ds-heading" data-size="xs">
          {post.opensThread ? m.moderation_approvals_opens_thread({ title: post.threadTitle }) : <>{m.moderation_approvals_in_thread()}: <Link to={forumPaths.thread(post.threadId)}>{post.threadTitle}</Link></>}
          {post.inClosedGroup ? ` (${m.moderation_approvals_in_closed_group()})` : null}
        </h2>
        <p className="ds-paragraph" data-size="sm">
          {m.moderation_approvals_written_by({ author, time: formatDateTime(post.createdAt, locale) })}
        </p>
        <p className="ds-paragraph" data-size="sm">
          {m.moderation_approvals_reason({ reason: pendingReasonText(post.reason) })}
        </p>
        {post.crisisCategories.length > 0 ? (
          <p className="ds-paragraph">
            <Link to={moderationPaths.crisisAlerts()} className="ds-tag" data-color="warning">
              {m.moderation_approvals_crisis({ categories: crisisCategoriesText(post.crisisCategories) })}
            </Link>
          </p>
        ) : null}
        {post.contentWarning ? <p className="ds-paragraph">{m.forum_post_content_warning({ warning: post.contentWarning })}</p> : null}
        <div className="forum-post__body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      </article>
      <div className="button-row">
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="approve" />
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className="ds-button" data-variant="primary" aria-label={m.moderation_approvals_approve_label({ author })}>
            {m.moderation_approvals_approve()}
          </button>
        </Form>
      </div>
      <Form method="post" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="decline" />
        <input type="hidden" name="postId" value={post.id} />
        <fieldset className="ds-fieldset stack">
          <legend className="ds-label">{m.moderation_approvals_decline_legend()}</legend>
          <div className="ds-field">
            <label className="ds-label" htmlFor={reasonId}>
              {m.moderation_approvals_decline_reason_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id={`${reasonId}-help`}>
              {m.moderation_approvals_decline_reason_help()}
            </p>
            <select
              className="ds-input"
              id={reasonId}
              name="reason"
              defaultValue=""
              aria-invalid={reasonMissing ? true : undefined}
              aria-describedby={reasonMissing ? `${reasonId}-help ${reasonId}-error` : `${reasonId}-help`}
            >
              <option value="">{m.moderation_approvals_decline_reason_choose()}</option>
              {MODERATOR_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {moderationReasonLabel(reason)}
                </option>
              ))}
            </select>
            {reasonMissing ? (
              <p className="ds-validation-message" id={`${reasonId}-error`} data-color="danger">
                {m.moderation_approvals_error_reason_missing()}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="ds-button" data-variant="secondary" aria-label={m.moderation_approvals_decline_label({ author })}>
              {m.moderation_approvals_decline()}
            </button>
          </div>
        </fieldset>
      </Form>
    </li>
  );
}
