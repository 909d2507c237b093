import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { ModerationNotices } from "~/components/moderation-notices";
import { PostEditor } from "~/components/post-editor";
import { forumPaths } from "~/forum-paths";
import { wordModerationNotices } from "~/moderation-notices.server";
import { m } from "~/paraglide/messages";
import { postEditorLimits, postEditorText, submitPostEditor } from "~/post-submission.server";
import { requirePermission } from "~/route-guards.server";
import { deletePost } from "../../server/forum/delete-post";
import { getDraft } from "../../server/forum/drafts";
import { editPost, getEditablePost } from "../../server/forum/edit-post";
import { getOwnModerationNotices } from "../../server/moderation/get-own-moderation-notices";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-post-edit";

export function meta() {
  return [{ title: `${m.forum_edit_title()} – ReConnect` }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.write");
  const { portal, locale } = context.get(requestContext);

  const post = await getEditablePost(portal.db, actor, params.postId);
  if (post.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  const draftKey = `post:${post.id}`;
  const draft = await getDraft(portal.db, actor, draftKey);
  const notices = await getOwnModerationNotices(portal.db, actor);
  return {
    notices: wordModerationNotices(notices, locale),
    // A suspended member cannot edit, but can still delete their own post.
    suspended: notices.suspension !== null,
    post: { id: post.id, threadId: post.threadId, position: post.position, isOpening: post.threadTitle !== null },
    draftKey,
    defaults: draft ?? { title: post.threadTitle ?? "", body: post.body, contentWarning: post.contentWarning ?? "" },
    draftSavedAt: draft ? draft.updatedAt.toISOString() : null,
    limits: postEditorLimits,
    editorText: postEditorText(),
    confirmDelete: new URL(request.url).searchParams.get("confirm") === "delete",
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.write");
  const state = context.get(requestContext);
  const form = await request.formData();

  if (form.get("intent") === "delete") {
    const result = await deletePost(state.portal.db, actor, params.postId);
    if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
    state.log.info({ accountId: actor.accountId, postId: params.postId }, "forum_post.deleted");
    return redirect(forumPaths.post(result.threadId, params.postId, result.position));
  }

  return submitPostEditor(state, actor, form, async (values) => {
    const result = await editPost(state.portal.db, actor, params.postId, { ...values, title: form.has("title") ? values.title : undefined });
    return result.status === "saved" ? { ...result, status: "published" } : result;
  });
}

export default function ForumPostEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { post } = loaderData;
  const back = forumPaths.post(post.threadId, post.id, post.position);

  return (
    <>
      <p className="ds-paragraph">
        <Link to={back}>{m.forum_edit_back()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.forum_edit_title()}
      </h1>
      <p className="ds-paragraph">{m.forum_edit_intro()}</p>
      <ModerationNotices notices={loaderData.notices} />
      {loaderData.suspended ? null : <PostEditor
        id="edit-editor"
        heading={m.forum_edit_editor_heading()}
        draftKey={loaderData.draftKey}
        withTitle={post.isOpening}
        defaults={loaderData.defaults}
        draftSavedAt={loaderData.draftSavedAt}
        state={actionData && "editor" in actionData ? actionData.editor : undefined}
        limits={loaderData.limits}
        text={loaderData.editorText}
        submitLabel={m.forum_edit_submit()}
      />}
      <section className="stack" aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="ds-heading" data-size="sm">
          {m.forum_delete_heading()}
        </h2>
        <p className="ds-paragraph">{m.forum_delete_body()}</p>
        {loaderData.confirmDelete ? (
          <div className="ds-alert" data-color="warning">
            <p className="ds-paragraph">{m.forum_delete_confirm_question()}</p>
            <Form method="post" className="button-row">
              <CsrfField />
              <button type="submit" name="intent" value="delete" className="ds-button" data-variant="primary" data-color="danger">
                {m.forum_delete_confirm()}
              </button>
              <Link to={forumPaths.editPost(post.id)} className="ds-button" data-variant="tertiary">
                {m.forum_delete_keep()}
              </Link>
            </Form>
          </div>
        ) : (
          // A link, not a form: asking for confirmation changes nothing.
          <Link to={`${forumPaths.editPost(post.id)}?confirm=delete#delete-heading`} className="ds-button" data-variant="secondary" data-color="danger">
            {m.forum_delete_submit()}
          </Link>
        )}
      </section>
    </>
  );
}
