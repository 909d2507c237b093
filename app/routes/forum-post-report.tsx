import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { forumPaths } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { reportReasonHelp, reportReasonLabel } from "~/moderation-labels";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getReportablePost, REPORT_NOTE_MAX_LENGTH, reportPost, type ReportPostErrorCode } from "../../server/moderation/report-post";
import { REPORT_REASONS, type ReportReason } from "../../server/moderation/reason-codes";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-post-report";

export function meta() {
  return [{ title: `${m.report_title()} – ReConnect` }];
}

export type ReportActionData = { error: ReportPostErrorCode; values: { reason: string; note: string } };

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.report");
  const { portal } = context.get(requestContext);

  const result = await getReportablePost(portal.db, actor, params.postId);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  // `sent` carries only the reason code the reporter picked, so the receipt can repeat the acute-help advice.
  const sent = new URL(request.url).searchParams.get("sent");
  const receipt = sent === null ? null : { atRisk: sent === "at_risk" };
  if (result.status === "already_reported") {
    return { receipt, alreadyReported: true, post: null, back: forumPaths.post(result.threadId, params.postId, result.position) };
  }

  const { alreadyReported, ...post } = result;
  return { receipt, alreadyReported, post, back: forumPaths.post(post.threadId, post.id, post.position) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.report");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const reason = form.get("reason");
  const note = form.get("note");

  const result = await reportPost(portal.db, actor, params.postId, { reason, note });
  switch (result.status) {
    case "not_found":
      throw data({ code: "not_found" }, { status: 404 });
    case "invalid":
      return data<ReportActionData>({ error: result.error, values: { reason: typeof reason === "string" ? reason : "", note: typeof note === "string" ? note : "" } }, { status: 400 });
    case "already_reported":
      // A double submit lands here too; the page then says kindly that the report is already with the moderators.
      return redirect(moderationPaths.reportPost(params.postId));
    case "reported":
      log.info({ accountId: actor.accountId, postId: params.postId }, "post.reported");
      return redirect(`${moderationPaths.reportPost(params.postId)}?sent=${reason === "at_risk" ? "at_risk" : "1"}`);
  }
}

function errorText(error: ReportPostErrorCode): string {
  switch (error) {
    case "reason_missing":
      return m.report_error_reason_missing();
    case "note_too_long":
      return m.report_error_note_too_long({ max: REPORT_NOTE_MAX_LENGTH });
  }
}

function AcuteHelpNote() {
  return (
    <div className="ds-alert" data-color="warning">
      <p className="ds-paragraph">
        {m.report_at_risk_emergency()} <Link to="/acute-help">{m.report_at_risk_acute_help_link()}</Link>
      </p>
    </div>
  );
}

export default function ForumPostReport({ loaderData, actionData }: Route.ComponentProps) {
  const { receipt, alreadyReported, post, back } = loaderData;

  if (receipt || alreadyReported) {
    return (
      <>
        <h1 className="ds-heading" data-size="lg">
          {receipt ? m.report_received_title() : m.report_already_title()}
        </h1>
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{receipt ? m.report_received_body() : m.report_already_body()}</p>
        </div>
        {receipt?.atRisk ? <AcuteHelpNote /> : null}
        <p className="ds-paragraph">
          <Link to={back}>{m.report_back_to_thread()}</Link>
        </p>
      </>
    );
  }
  if (!post) return null;

  const error = actionData ? errorText(actionData.error) : null;
  const values = actionData?.values ?? { reason: "", note: "" };
  const reasonError = actionData?.error === "reason_missing" ? error : null;
  const noteError = actionData?.error === "note_too_long" ? error : null;

  return (
    <>
      <p className="ds-paragraph">
        <Link to={back}>{m.report_back_to_thread()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.report_title()}
      </h1>
      <p className="ds-paragraph">{m.report_intro()}</p>

      <section className="stack" aria-labelledby="reported-post-heading">
        <h2 id="reported-post-heading" className="ds-heading" data-size="xs">
          {m.report_post_heading({ author: post.author ?? m.forum_former_member(), thread: post.threadTitle })}
        </h2>
        {post.contentWarning ? (
          <details className="ds-details forum-post__fold">
            <summary>{m.forum_post_content_warning_summary({ warning: post.contentWarning })}</summary>
            <blockquote className="forum-post__body report-post__quote" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
          </details>
        ) : (
          <blockquote className="forum-post__body report-post__quote" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        )}
      </section>

      {/* Keyed by the returned values, so the fields show what was sent after an error. */}
      <Form method="post" className="stack" noValidate key={actionData ? JSON.stringify(values) : "initial"}>
        <CsrfField />
        <fieldset className="ds-fieldset" aria-describedby={reasonError ? "report-reason-error" : undefined} aria-invalid={reasonError ? true : undefined}>
          <legend className="ds-label">{m.report_reason_legend()}</legend>
          {REPORT_REASONS.map((reason: ReportReason) => (
            <div className="ds-field" key={reason}>
              <input className="ds-input" type="radio" id={`report-reason-${reason}`} name="reason" value={reason} defaultChecked={values.reason === reason} aria-describedby={`report-reason-${reason}-help`} />
              <label className="ds-label" htmlFor={`report-reason-${reason}`} data-weight="regular">
                {reportReasonLabel(reason)}
              </label>
              <p className="ds-paragraph" data-size="sm" id={`report-reason-${reason}-help`}>
                {reportReasonHelp(reason)}
              </p>
            </div>
          ))}
          {reasonError ? (
            <p className="ds-validation-message" id="report-reason-error">
              {reasonError}
            </p>
          ) : null}
        </fieldset>
        <AcuteHelpNote />
        <div className="ds-field">
          <label className="ds-label" htmlFor="report-note">
            {m.report_note_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="report-note-help">
            {m.report_note_help({ max: REPORT_NOTE_MAX_LENGTH })}
          </p>
          <textarea
            className="ds-input"
            id="report-note"
            name="note"
            rows={4}
            defaultValue={values.note}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={["report-note-help", noteError ? "report-note-error" : null].filter(Boolean).join(" ")}
            suppressHydrationWarning
          />
          {noteError ? (
            <p className="ds-validation-message" id="report-note-error">
              {noteError}
            </p>
          ) : null}
        </div>
        <p className="ds-paragraph" data-size="sm">
          {m.report_privacy()}
        </p>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.report_submit()}
          </button>
        </div>
      </Form>
    </>
  );
}
