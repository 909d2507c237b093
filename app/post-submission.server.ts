import { randomBytes } from "node:crypto";

import { data, redirect } from "react-router";

import type { PostEditorLimits, PostEditorState, PostEditorText, PostEditorValues, PostFieldErrorTexts } from "~/components/post-editor";
import { forumPaths, pageOfPosition } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { crisisHelpPanelText } from "~/crisis-help.server";
import { identityGuardReasons } from "~/identity-guard-reasons.server";
import { saveDraft } from "../server/forum/drafts";
import { findIdentifyingDetails } from "../server/forum/identity-guard/find-identifying-details";
import { CONTENT_WARNING_MAX_LENGTH, POST_BODY_MAX_LENGTH, THREAD_TITLE_MAX_LENGTH, type PostFieldErrors } from "../server/forum/post-input";
import type { PersonActor } from "../server/identity/actor";
import { findCrisisLanguageInPost } from "../server/moderation/screen-new-post";
import type { RequestState } from "../server/platform/request-context";
import { can } from "../server/policy";

export const postEditorLimits: PostEditorLimits = { titleMax: THREAD_TITLE_MAX_LENGTH, bodyMax: POST_BODY_MAX_LENGTH, contentWarningMax: CONTENT_WARNING_MAX_LENGTH };

/** Make a fresh key for a writing form, so a resubmit of that form finds the post it created. */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

export function editorValues(form: FormData): PostEditorValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { title: text("title"), body: text("body"), contentWarning: text("contentWarning") };
}

export type PublishOutcome =
  | { status: "published"; threadId: string; postId: string; position: number; crisisAlert?: boolean }
  | { status: "invalid"; errors: PostFieldErrors }
  | { status: "locked" }
  | { status: "suspended" }
  | { status: "not_found" };

/**
 * Handle a post of the writing form: save a draft, or check the text with the
 * identity guard and publish. Returns what the editor must show next, or a
 * redirect to the published post. The typed values always come back, so
 * nothing is lost on an error.
 */
export async function submitPostEditor(
  state: RequestState,
  actor: PersonActor,
  form: FormData,
  publish: (values: PostEditorValues, idempotencyKey: unknown) => Promise<PublishOutcome>,
): Promise<{ editor: PostEditorState } | ReturnType<typeof data<{ editor: PostEditorState }>> | Response> {
  const values = editorValues(form);
  const intent = form.get("intent");

  if (intent === "save-draft") {
    const saved = await saveDraft(state.portal.db, actor, { draftKey: form.get("draftKey"), ...values });
    return { editor: { values, draftSaved: saved.status === "saved" } };
  }
  if (intent !== "publish" && intent !== "publish-anyway") throw data({ code: "invalid_intent" }, { status: 400 });

  // The guard reads the text only to point at details; nothing it finds is stored or logged.
  if (intent === "publish") {
    const findings = findIdentifyingDetails(values.body);
    const titleFindings = findIdentifyingDetails(values.title);
    const warningFindings = findIdentifyingDetails(values.contentWarning);
    if (findings.length > 0 || titleFindings.length > 0 || warningFindings.length > 0) {
      await saveDraft(state.portal.db, actor, { draftKey: form.get("draftKey"), ...values });
      const guardReasons = identityGuardReasons([...findings, ...titleFindings, ...warningFindings]);
      // The guard stops the text before it is published, so no crisis alert is raised yet, but the writer sees the help at once.
      const crisisHelp = !can(actor, "forum.moderate") && findCrisisLanguageInPost(values) ? crisisHelpPanelText("draft", state.portal.config.acuteHelp) : undefined;
      return { editor: { values, findings, titleFindings, warningFindings, guardReasons, crisisHelp } };
    }
  }

  const outcome = await publish(values, form.get("idempotencyKey"));
  switch (outcome.status) {
    case "published":
      state.log.info({ accountId: actor.accountId, postId: outcome.postId, threadId: outcome.threadId }, "forum_post.published");
      state.portal.nudgeNotificationMailer();
      return redirect(writtenPostPath(outcome.threadId, outcome.postId, outcome.position, outcome.crisisAlert ?? false));
    case "invalid":
      return { editor: { values, errors: postFieldErrorTexts(outcome.errors) } };
    case "locked":
      return { editor: { values, errors: postFieldErrorTexts({ form: "locked" }) } };
    case "suspended":
      // A suspended member's page shows no editor, so this is a form sent from an older page or by hand.
      return data({ editor: { values, errors: postFieldErrorTexts({ form: "suspended" }) } }, { status: 403 });
    case "not_found":
      throw data({ code: "not_found" }, { status: 404 });
  }
}

/**
 * Build the thread page's address right after the reader wrote a post.
 * `written` lets the page show the crisis panel, which it only does for the
 * writer's own post, and the anchor lands on the panel when there is one.
 */
function writtenPostPath(threadId: string, postId: string, position: number, crisisAlert: boolean): string {
  const page = pageOfPosition(position);
  return `${forumPaths.thread(threadId)}?${page > 1 ? `page=${page}&` : ""}written=${postId}#${crisisAlert ? "crisis-panel" : `post-${postId}`}`;
}

/** Word each field's error code in the request's language. */
export function postFieldErrorTexts(errors: PostFieldErrors): PostFieldErrorTexts {
  const texts: PostFieldErrorTexts = {};
  for (const [field, code] of Object.entries(errors) as [keyof PostFieldErrors, string][]) texts[field] = errorText(code, postEditorLimits);
  return texts;
}

function errorText(code: string | undefined, limits: PostEditorLimits): string | undefined {
  switch (code) {
    case undefined:
      return undefined;
    case "title_missing":
      return m.forum_error_title_missing();
    case "title_too_short":
      return m.forum_error_title_too_short();
    case "title_too_long":
      return m.forum_error_title_too_long({ max: limits.titleMax });
    case "body_missing":
      return m.forum_error_body_missing();
    case "body_too_long":
      return m.forum_error_body_too_long({ max: limits.bodyMax });
    case "content_warning_too_long":
      return m.forum_error_content_warning_too_long({ max: limits.contentWarningMax });
    case "locked":
      return m.forum_error_locked();
    case "suspended":
      return m.forum_error_suspended();
    default:
      return m.forum_error_form_expired();
  }
}

/** Word the editor's labels and buttons in the request's language. */
export function postEditorText(): PostEditorText {
  return {
    titleLabel: m.forum_editor_title_label(),
    bodyLabel: m.forum_editor_body_label(),
    bodyHelp: m.forum_editor_body_help(),
    contentWarningLabel: m.forum_editor_content_warning_label(),
    contentWarningHelp: m.forum_editor_content_warning_help(),
    checkAgain: m.forum_editor_check_again(),
    publishAnyway: m.forum_editor_publish_anyway(),
    saveDraft: m.forum_editor_save_draft(),
    draftRestored: m.forum_editor_draft_restored(),
    draftSaved: m.forum_editor_draft_saved(),
  };
}
