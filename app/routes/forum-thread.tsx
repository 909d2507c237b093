import { Fragment } from "react";
import { data, Form, Link, redirect } from "react-router";

import { CrisisHelpPanel } from "~/components/crisis-help-panel";
import { CsrfField } from "~/components/csrf-field";
import { ForumBreadcrumbs } from "~/components/forum-breadcrumbs";
import { ForumPost } from "~/components/forum-post";
import { ModerationNotices } from "~/components/moderation-notices";
import { PostEditor } from "~/components/post-editor";
import { Pagination } from "~/components/pagination";
import { cafePaths } from "~/cafe-paths";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { wordModerationNotices } from "~/moderation-notices.server";
import { moderationPaths } from "~/moderation-paths";
import { crisisHelpPanelText } from "~/crisis-help.server";
import { m } from "~/paraglide/messages";
import { wordReactions } from "~/forum-reactions.server";
import { wordHiddenPostNotice } from "~/hidden-post-notice.server";
import { newIdempotencyKey, postEditorLimits, postEditorText, submitPostEditor } from "~/post-submission.server";
import { requirePermission } from "~/route-guards.server";
import { findCafeForThread } from "../../server/cafes/find-cafe-for-thread";
import { getDraft } from "../../server/forum/drafts";
import { compileMutedWords } from "../../server/forum/find-muted-words";
import { getThreadPage } from "../../server/forum/get-thread-page";
import { listMutedWords } from "../../server/forum/list-muted-words";
import { reactToPost } from "../../server/forum/react-to-post";
import { recordThreadRead } from "../../server/forum/record-thread-read";
import { quoteMarkdown } from "../../server/forum/render-markdown";
import { draftKeyForReply, replyToThread } from "../../server/forum/reply-to-thread";
import { setThreadSubscription } from "../../server/forum/set-subscription";
import { getOwnCrisisAlert } from "../../server/moderation/get-own-crisis-alert";
import { getOwnModerationNotices } from "../../server/moderation/get-own-moderation-notices";
import { markNotificationsRead } from "../../server/notifications/list-notifications";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/forum-thread";

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.thread.title} – ReConnect` : "ReConnect" }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);
  const url = new URL(request.url);

  const result = await getThreadPage(portal.db, actor, params.threadId, Number(url.searchParams.get("page") ?? 1), locale);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  const lastShown = result.posts.at(-1)?.position;
  if (lastShown) await recordThreadRead(portal.db, actor, result.thread.id, lastShown);
  await markNotificationsRead(portal.db, actor, { threadId: result.thread.id });

  const muted = await listMutedWords(portal.db, actor);
  const findMuted = compileMutedWords(muted.status === "listed" ? muted.words : []);
  // The Markdown source stays on the server; the page needs only the rendered HTML.
  const posts = result.posts.map((post) => {
    const { hidden: _hidden, ...shown } = post;
    return {
      ...shown,
      body: null,
      mutedWords: post.body && post.state === "published" ? findMuted(post.body) : [],
      reactions: wordReactions(post.reactions),
      moderatorNote: post.moderatorNote ? m.forum_post_moderator_note({ note: post.moderatorNote }) : null,
      hiddenNotice: wordHiddenPostNotice(post),
      pendingNote: post.pendingReason ? pendingNote(post.pendingReason) : null,
    };
  });

  // `written` names the post the reader just published; the panel shows only when it is their own post and has a crisis alert.
  const crisis = await getOwnCrisisAlert(portal.db, actor, url.searchParams.get("written"));
  const crisisPanel = crisis.status === "found" ? { postId: crisis.postId, text: crisisHelpPanelText(crisis.held ? "held" : "published", portal.config.acuteHelp) } : null;

  const ownNotices = await getOwnModerationNotices(portal.db, actor);
  const reflectionCafe = await findCafeForThread(portal.db, actor, result.thread.id, portal.clock.now());
  // A suspended member reads and reports, but gets no editor or reaction buttons.
  const canWrite = can(actor, "forum.write") && actor.hasMemberProfile && ownNotices.suspension === null;
  const draftKey = draftKeyForReply(result.thread.id);
  const draft = canWrite ? await getDraft(portal.db, actor, draftKey) : null;
  const quoted = result.posts.find((post) => post.id === url.searchParams.get("quote"));
  const quote = quoted?.body ? quoteMarkdown(quoted.body) : "";
  const replyBody = [draft?.body ?? "", quote].filter(Boolean).join("\n\n");

  return {
    locale,
    thread: result.thread,
    page: result.page,
    posts,
    crisisPanel,
    canWrite,
    canModerate: can(actor, "forum.moderate"),
    canReport: can(actor, "forum.report"),
    notices: wordModerationNotices(ownNotices, locale),
    limits: postEditorLimits,
    editorText: postEditorText(),
    // Worded here rather than in the component, so the page's script carries one language, not three: it keeps the page under 120 KB.
    reflectionCafe: reflectionCafe
      ? { href: cafePaths.cafe(reflectionCafe.cafeId), intro: m.cafes_thread_reflection_for(), label: m.cafes_thread_reflection_cafe({ cafe: reflectionCafe.title, date: formatDateTime(reflectionCafe.startsAt, locale) }) }
      : null,
    text: {
      inClosedGroup: result.thread.place.kind === "group" ? m.forum_thread_in_closed_group({ group: result.thread.place.name }) : "",
      locked: m.forum_thread_locked(),
      subscribe: m.forum_thread_subscribe(),
      unsubscribe: m.forum_thread_unsubscribe(),
      subscribed: m.forum_thread_subscribed(),
      unsubscribed: m.forum_thread_unsubscribed(),
      pagesLabel: m.forum_thread_pages_label(),
      replyHeading: m.forum_reply_heading(),
      replySubmit: m.forum_reply_submit(),
      moderateThread: m.forum_thread_moderate(),
    },
    reply: {
      quotedPostId: quoted?.id ?? null,
      draftKey,
      idempotencyKey: newIdempotencyKey(),
      defaults: { title: "", body: replyBody, contentWarning: draft?.contentWarning ?? "" },
      draftSavedAt: draft ? draft.updatedAt.toISOString() : null,
    },
  };
}

/** Word why the reader's own post waits for a moderator, on the server, so the page's script carries no wording in three languages. */
function pendingNote(reason: "first_posts" | "crisis_out_of_hours") {
  return { label: m.forum_post_pending_label(), why: reason === "crisis_out_of_hours" ? m.forum_post_pending_crisis() : m.forum_post_pending_first_posts() };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.write");
  const state = context.get(requestContext);
  const form = await request.formData();
  const threadId = params.threadId;

  switch (form.get("intent")) {
    case "react": {
      const postId = String(form.get("postId") ?? "");
      const result = await reactToPost(state.portal.db, actor, postId, { kind: form.get("kind"), on: form.get("on") === "yes" });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      if (result.status === "suspended") throw data({ code: "suspended" }, { status: 403 });
      return redirect(forumPaths.post(result.threadId, postId, result.position));
    }
    case "subscribe":
    case "unsubscribe": {
      const result = await setThreadSubscription(state.portal.db, actor, threadId, form.get("intent") === "subscribe");
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return { subscriptionSaved: result.subscribed };
    }
    default: {
      const outcome = await submitPostEditor(state, actor, form, async (values, idempotencyKey) => {
        const result = await replyToThread(state.portal.db, actor, threadId, { ...values, quotedPostId: form.get("quotedPostId") ?? undefined, idempotencyKey });
        return result.status === "created" ? { ...result, status: "published" } : result;
      });
      return outcome;
    }
  }
}

export default function ForumThread({ loaderData, actionData }: Route.ComponentProps) {
  const { thread, posts, page, locale, text } = loaderData;
  const editorState = actionData && "editor" in actionData ? actionData.editor : undefined;
  const place = thread.place;

  return (
    <>
      <ForumBreadcrumbs trail={[{ label: place.name, to: place.kind === "category" ? forumPaths.category(place.slug) : forumPaths.group(place.groupId) }]} />
      <h1 className="ds-heading" data-size="lg">
        {thread.title}
      </h1>
      {place.kind === "group" ? <p className="ds-paragraph">{text.inClosedGroup}</p> : null}
      {loaderData.reflectionCafe ? (
        <p className="ds-paragraph">
          {loaderData.reflectionCafe.intro} <Link to={loaderData.reflectionCafe.href}>{loaderData.reflectionCafe.label}</Link>
        </p>
      ) : null}
      <ModerationNotices notices={loaderData.notices} />
      {thread.locked ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{text.locked}</p>
        </div>
      ) : null}
      {loaderData.canModerate ? (
        <p className="ds-paragraph">
          <Link to={moderationPaths.thread(thread.id)}>{text.moderateThread}</Link>
        </p>
      ) : null}
      <Form method="post" className="inline-form">
        <CsrfField />
        <button type="submit" name="intent" value={thread.subscribed ? "unsubscribe" : "subscribe"} className="ds-button" data-variant="tertiary" data-size="sm">
          {thread.subscribed ? text.unsubscribe : text.subscribe}
        </button>
      </Form>
      {actionData && "subscriptionSaved" in actionData ? (
        <p className="ds-paragraph" role="status">
          {actionData.subscriptionSaved ? text.subscribed : text.unsubscribed}
        </p>
      ) : null}

      <div className="stack forum-posts">
        {posts.map((post) => (
          <Fragment key={post.id}>
            {loaderData.crisisPanel?.postId === post.id ? <CrisisHelpPanel id="crisis-panel" text={loaderData.crisisPanel.text} /> : null}
            <ForumPost post={post} threadId={thread.id} locale={locale} canWrite={loaderData.canWrite} canReport={loaderData.canReport} canModerate={loaderData.canModerate} />
          </Fragment>
        ))}
      </div>
      <Pagination page={page} pageCount={thread.pageCount} href={(target) => forumPaths.thread(thread.id, target)} label={text.pagesLabel} />

      {loaderData.canWrite && !thread.locked ? (
        <div id="reply">
          <PostEditor
            id="reply-editor"
            heading={text.replyHeading}
            draftKey={loaderData.reply.draftKey}
            idempotencyKey={loaderData.reply.idempotencyKey}
            withTitle={false}
            defaults={loaderData.reply.defaults}
            draftSavedAt={loaderData.reply.draftSavedAt}
            state={editorState}
            limits={loaderData.limits}
            text={loaderData.editorText}
            hiddenFields={loaderData.reply.quotedPostId ? { quotedPostId: loaderData.reply.quotedPostId } : undefined}
            submitLabel={text.replySubmit}
          />
        </div>
      ) : null}
    </>
  );
}
