import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { forumPaths } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { CONTENT_WARNING_MAX_LENGTH, POST_BODY_MAX_LENGTH } from "../../server/forum/post-input";
import { editPostAsModerator, getPostForModeratorEdit, MODERATOR_NOTE_MAX_LENGTH, type ModeratorEditErrors } from "../../server/moderation/edit-post-as-moderator";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/moderation-post-edit";

export function meta() {
  return [{ title: `${m.moderation_edit_title()} – ReConnect` }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal } = context.get(requestContext);

  const post = await getPostForModeratorEdit(portal.db, actor, params.postId);
  if (post.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  return { post: { id: post.id, threadId: post.threadId, threadTitle: post.threadTitle, position: post.position, author: post.authorPseudonym }, defaults: { body: post.body, contentWarning: post.contentWarning ?? "", note: "" } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");
  const values = { body: text("body"), contentWarning: text("contentWarning"), note: text("note") };

  const result = await editPostAsModerator(portal.db, actor, params.postId, values);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid") return { values, errors: errorTexts(result.errors) };

  log.info({ accountId: actor.accountId, postId: result.postId, threadId: result.threadId }, "moderation.post_edited");
  portal.nudgeNotificationMailer();
  return redirect(forumPaths.post(result.threadId, result.postId, result.position));
}

function errorTexts(errors: ModeratorEditErrors): Partial<Record<keyof ModeratorEditErrors, string>> {
  return {
    body: errors.body === "body_too_long" ? m.forum_error_body_too_long({ max: POST_BODY_MAX_LENGTH }) : errors.body ? m.forum_error_body_missing() : undefined,
    contentWarning: errors.contentWarning ? m.forum_error_content_warning_too_long({ max: CONTENT_WARNING_MAX_LENGTH }) : undefined,
    note: errors.note === "note_too_long" ? m.moderation_error_note_too_long({ max: MODERATOR_NOTE_MAX_LENGTH }) : errors.note ? m.moderation_error_note_missing() : undefined,
  };
}

export default function ModerationPostEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { post } = loaderData;
  const values = actionData?.values ?? loaderData.defaults;
  const errors = actionData?.errors ?? {};
  const describedBy = (field: string, help?: string) => [help, errors[field as keyof typeof errors] ? `moderator-edit-${field}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <p className="ds-paragraph">
        <Link to={moderationPaths.post(post.id)}>{m.forum_post_moderate()}</Link>
        {" · "}
        <Link to={forumPaths.post(post.threadId, post.id, post.position)}>{m.moderation_thread_back()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_edit_title()}
      </h1>
      <p className="ds-paragraph">{m.moderation_edit_intro({ author: post.author ?? m.forum_former_member(), thread: post.threadTitle })}</p>
      <Form method="post" className="stack" key={actionData ? JSON.stringify(actionData.values) : "initial"}>
        <CsrfField />
        <div className="ds-field">
          <label className="ds-label" htmlFor="moderator-edit-body">
            {m.moderation_edit_body_label()}
          </label>
          <textarea
            className="ds-input"
            id="moderator-edit-body"
            name="body"
            rows={12}
            required
            maxLength={POST_BODY_MAX_LENGTH}
            defaultValue={values.body}
            suppressHydrationWarning
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={describedBy("body")}
          />
          {errors.body ? (
            <p className="ds-validation-message" id="moderator-edit-body-error">
              {errors.body}
            </p>
          ) : null}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="moderator-edit-contentWarning">
            {m.moderation_edit_content_warning_label()}
          </label>
          <input
            className="ds-input"
            id="moderator-edit-contentWarning"
            name="contentWarning"
            maxLength={CONTENT_WARNING_MAX_LENGTH}
            defaultValue={values.contentWarning}
            autoComplete="off"
            aria-invalid={errors.contentWarning ? true : undefined}
            aria-describedby={describedBy("contentWarning")}
          />
          {errors.contentWarning ? (
            <p className="ds-validation-message" id="moderator-edit-contentWarning-error">
              {errors.contentWarning}
            </p>
          ) : null}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="moderator-edit-note">
            {m.moderation_edit_note_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="moderator-edit-note-help">
            {m.moderation_edit_note_help({ max: MODERATOR_NOTE_MAX_LENGTH })}
          </p>
          <textarea
            className="ds-input"
            id="moderator-edit-note"
            name="note"
            rows={3}
            required
            maxLength={MODERATOR_NOTE_MAX_LENGTH}
            defaultValue={values.note}
            suppressHydrationWarning
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={describedBy("note", "moderator-edit-note-help")}
          />
          {errors.note ? (
            <p className="ds-validation-message" id="moderator-edit-note-error">
              {errors.note}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="submit" className="ds-button" data-variant="primary">
            {m.moderation_edit_submit()}
          </button>
        </div>
      </Form>
    </>
  );
}
