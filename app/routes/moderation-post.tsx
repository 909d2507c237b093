import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { moderatedPostStateLabel, moderationReasonLabel, reportReasonForModerators } from "~/moderation-labels";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import type { Locale } from "../../server/identity/roles";
import { getPostForModeration, type PostForModeration, type ReportView } from "../../server/moderation/get-post-for-moderation";
import { HIDE_NOTE_MAX_LENGTH, hidePost, type HidePostErrorCode } from "../../server/moderation/hide-post";
import { keepPost } from "../../server/moderation/keep-post";
import { AUTOMATIC_HIDE_REASON, MODERATOR_REASONS } from "../../server/moderation/reason-codes";
import { restorePost } from "../../server/moderation/restore-post";
import { markNotificationsRead } from "../../server/notifications/list-notifications";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/moderation-post";

export function meta() {
  return [{ title: `${m.moderation_post_title()} – ReConnect` }];
}

// Outcomes travel as codes in the query after each decision, so a reload repeats nothing.
const outcomes = ["hidden", "already_hidden", "restored", "already_visible", "kept", "post_hidden"] as const;
type Outcome = (typeof outcomes)[number];

export type ModerationPostActionData = { error: HidePostErrorCode; values: { reason: string; note: string } };

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal, locale, log } = context.get(requestContext);

  const result = await getPostForModeration(portal.db, actor, params.postId, locale);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  await markNotificationsRead(portal.db, actor, { postId: result.post.id });
  log.info({ accountId: actor.accountId, postId: result.post.id }, "moderation_post.viewed");

  const outcome = outcomes.find((candidate) => candidate === new URL(request.url).searchParams.get("done")) ?? null;
  const { status: _status, ...view } = result;
  return { locale, outcome, ...view };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const done = (outcome: Outcome) => redirect(`${moderationPaths.post(params.postId)}?done=${outcome}#outcome`);

  switch (form.get("intent")) {
    case "hide": {
      const reason = form.get("reason");
      const note = form.get("note");
      const result = await hidePost(portal.db, actor, params.postId, { reason, note });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      if (result.status === "invalid") {
        return data<ModerationPostActionData>({ error: result.error, values: { reason: typeof reason === "string" ? reason : "", note: typeof note === "string" ? note : "" } }, { status: 400 });
      }
      log.info({ accountId: actor.accountId, postId: params.postId, status: result.status }, "moderation.post_hidden");
      return done(result.status);
    }
    case "restore": {
      const result = await restorePost(portal.db, actor, params.postId);
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      log.info({ accountId: actor.accountId, postId: params.postId, status: result.status }, "moderation.post_restored");
      return done(result.status);
    }
    case "keep": {
      const result = await keepPost(portal.db, actor, params.postId);
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      log.info({ accountId: actor.accountId, postId: params.postId, status: result.status }, "moderation.post_kept");
      return done(result.status);
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function outcomeText(outcome: Outcome): string {
  switch (outcome) {
    case "hidden":
      return m.moderation_post_outcome_hidden();
    case "already_hidden":
      return m.moderation_post_outcome_already_hidden();
    case "restored":
      return m.moderation_post_outcome_restored();
    case "already_visible":
      return m.moderation_post_outcome_already_visible();
    case "kept":
      return m.moderation_post_outcome_kept();
    case "post_hidden":
      return m.moderation_post_outcome_post_hidden();
  }
}

function hideErrorText(error: HidePostErrorCode): string {
  return error === "reason_missing" ? m.moderation_hide_error_reason_missing() : m.moderation_hide_error_note_too_long({ max: HIDE_NOTE_MAX_LENGTH });
}

export default function ModerationPost({ loaderData, actionData }: Route.ComponentProps) {
  const { post, openReports, resolvedReports, crisisAlert, outcome, locale } = loaderData;

  return (
    <>
      <p className="ds-paragraph">
        <Link to={moderationPaths.reports()}>{m.moderation_post_back_to_reports()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_post_title()}
      </h1>
      {outcome ? (
        <div id="outcome" className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{outcomeText(outcome)}</p>
        </div>
      ) : null}
      {crisisAlert ? (
        <div className="ds-alert" data-color="danger">
          <p className="ds-paragraph">
            {crisisAlert.handledAt ? m.moderation_post_crisis_alert_handled() : m.moderation_post_crisis_alert_open()} <Link to={moderationPaths.crisisAlerts()}>{m.moderation_post_crisis_alert_link()}</Link>
          </p>
        </div>
      ) : null}
      <PostSection post={post} locale={locale} />
      <ReportsSection openReports={openReports} resolvedReports={resolvedReports} isOwn={post.isOwn} locale={locale} />
      <ActionsSection post={post} openReportCount={openReports.length} actionData={actionData} />
    </>
  );
}

function PostSection({ post, locale }: { post: PostForModeration["post"]; locale: Locale }) {
  return (
    <section className="stack" aria-labelledby="moderated-post-heading">
      <h2 id="moderated-post-heading" className="ds-heading" data-size="md">
        {m.moderation_post_heading({ thread: post.threadTitle })}
      </h2>
      <dl className="moderation-facts">
        <dt>{m.moderation_post_author()}</dt>
        <dd>{post.author ? <Link to={moderationPaths.member(post.author)}>{post.author}</Link> : m.forum_former_member()}</dd>
        <dt>{m.moderation_post_place()}</dt>
        <dd>{post.categoryName ?? m.moderation_post_closed_group()}</dd>
        <dt>{m.moderation_post_written()}</dt>
        <dd>
          <time dateTime={new Date(post.createdAt).toISOString()}>{formatDateTime(post.createdAt, locale)}</time>
        </dd>
        <dt>{m.moderation_post_state()}</dt>
        <dd>
          {moderatedPostStateLabel(post.state)}
          {post.hiddenReason ? ` · ${m.moderation_post_hidden_reason({ reason: moderationReasonLabel(post.hiddenReason) })}` : null}
        </dd>
        {post.hiddenAt && post.hiddenReason !== AUTOMATIC_HIDE_REASON && post.moderatorNote ? (
          <>
            <dt>{m.moderation_post_note_to_author()}</dt>
            <dd>{post.moderatorNote}</dd>
          </>
        ) : null}
      </dl>
      {post.bodyHtml === null ? (
        <p className="ds-paragraph forum-post__placeholder">{m.forum_post_deleted()}</p>
      ) : (
        <>
          {post.contentWarning ? <p className="ds-paragraph">{m.forum_post_content_warning({ warning: post.contentWarning })}</p> : null}
          <div className="forum-post__body moderation-post__body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        </>
      )}
      <ul className="link-list">
        <li>
          <Link to={forumPaths.post(post.threadId, post.id, post.position)}>{m.moderation_post_link_thread()}</Link>
        </li>
        {post.hasRevisions ? (
          <li>
            <Link to={forumPaths.postHistory(post.id)}>{m.forum_post_history_link()}</Link>
          </li>
        ) : null}
        {post.state !== "deleted" ? (
          <li>
            <Link to={moderationPaths.editPost(post.id)}>{m.moderation_post_link_edit()}</Link>
          </li>
        ) : null}
        {post.author ? (
          <li>
            <Link to={moderationPaths.member(post.author)}>{m.moderation_post_link_member({ member: post.author })}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function ReportItem({ report, locale }: { report: ReportView & { resolution?: string | null; resolvedAt?: Date }; locale: Locale }) {
  return (
    <li className="stack">
      <p className="ds-paragraph">
        <strong>{reportReasonForModerators(report.reason)}</strong>
        {" · "}
        {report.reporter ? m.moderation_report_by({ reporter: report.reporter }) : m.moderation_report_by_hidden()}
        {" · "}
        <time dateTime={new Date(report.createdAt).toISOString()}>{formatDateTime(report.createdAt, locale)}</time>
      </p>
      {report.note ? <p className="ds-paragraph wrap-anywhere">{m.moderation_report_note({ note: report.note })}</p> : null}
      {report.resolvedAt ? (
        <p className="ds-paragraph" data-size="sm">
          {report.resolution === "hidden" ? m.moderation_report_resolved_hidden() : m.moderation_report_resolved_kept()}
          {" · "}
          <time dateTime={new Date(report.resolvedAt).toISOString()}>{formatDateTime(report.resolvedAt, locale)}</time>
        </p>
      ) : null}
    </li>
  );
}

function ReportsSection(props: { openReports: ReportView[]; resolvedReports: PostForModeration["resolvedReports"]; isOwn: boolean; locale: Locale }) {
  return (
    <section className="stack" aria-labelledby="open-reports-heading">
      <h2 id="open-reports-heading" className="ds-heading" data-size="md">
        {m.moderation_post_open_reports({ count: props.openReports.length })}
      </h2>
      {props.isOwn ? <p className="ds-paragraph">{m.moderation_post_own_reports()}</p> : null}
      {props.openReports.length === 0 ? (
        <p className="ds-paragraph">{m.moderation_post_no_open_reports()}</p>
      ) : (
        <ul className="moderation-report-list">
          {props.openReports.map((report) => (
            <ReportItem key={report.id} report={report} locale={props.locale} />
          ))}
        </ul>
      )}
      {props.resolvedReports.length > 0 ? (
        <details className="ds-details">
          <summary>{m.moderation_post_resolved_reports({ count: props.resolvedReports.length })}</summary>
          <ul className="moderation-report-list">
            {props.resolvedReports.map((report) => (
              <ReportItem key={report.id} report={report} locale={props.locale} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ActionsSection({ post, openReportCount, actionData }: { post: PostForModeration["post"]; openReportCount: number; actionData: ModerationPostActionData | undefined }) {
  const hidden = post.hiddenAt !== null;
  const error = actionData ? hideErrorText(actionData.error) : null;
  const reasonError = actionData?.error === "reason_missing" ? error : null;
  const noteError = actionData?.error === "note_too_long" ? error : null;
  const currentReason = hidden && post.hiddenReason !== AUTOMATIC_HIDE_REASON ? (post.hiddenReason ?? "") : "";
  const currentNote = currentReason ? (post.moderatorNote ?? "") : "";
  const values = actionData?.values ?? { reason: currentReason, note: currentNote };

  return (
    <section className="stack" aria-labelledby="moderation-actions-heading">
      <h2 id="moderation-actions-heading" className="ds-heading" data-size="md">
        {m.moderation_post_actions()}
      </h2>
      {hidden ? (
        <Form method="post" className="stack">
          <CsrfField />
          <p className="ds-paragraph">{m.moderation_restore_help()}</p>
          <div>
            <button type="submit" name="intent" value="restore" className="ds-button" data-variant="primary">
              {m.moderation_restore_submit()}
            </button>
          </div>
        </Form>
      ) : openReportCount > 0 ? (
        <Form method="post" className="stack">
          <CsrfField />
          <p className="ds-paragraph">{m.moderation_keep_help()}</p>
          <div>
            <button type="submit" name="intent" value="keep" className="ds-button" data-variant="secondary">
              {m.moderation_keep_submit()}
            </button>
          </div>
        </Form>
      ) : null}

      <Form method="post" className="stack" noValidate key={actionData ? JSON.stringify(values) : `${currentReason}:${currentNote}`}>
        <CsrfField />
        <h3 className="ds-heading" data-size="xs">
          {hidden ? m.moderation_hide_heading_hidden() : m.moderation_hide_heading()}
        </h3>
        <div className="ds-field">
          <label className="ds-label" htmlFor="hide-reason">
            {m.moderation_hide_reason_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="hide-reason-help">
            {m.moderation_hide_reason_help()}
          </p>
          <select
            className="ds-input"
            id="hide-reason"
            name="reason"
            defaultValue={values.reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={["hide-reason-help", reasonError ? "hide-reason-error" : null].filter(Boolean).join(" ")}
          >
            <option value="">{m.moderation_hide_reason_choose()}</option>
            {MODERATOR_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {moderationReasonLabel(reason)}
              </option>
            ))}
          </select>
          {reasonError ? (
            <p className="ds-validation-message" id="hide-reason-error">
              {reasonError}
            </p>
          ) : null}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="hide-note">
            {m.moderation_hide_note_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="hide-note-help">
            {m.moderation_hide_note_help({ max: HIDE_NOTE_MAX_LENGTH })}
          </p>
          <textarea
            className="ds-input"
            id="hide-note"
            name="note"
            rows={4}
            defaultValue={values.note}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={["hide-note-help", noteError ? "hide-note-error" : null].filter(Boolean).join(" ")}
            suppressHydrationWarning
          />
          {noteError ? (
            <p className="ds-validation-message" id="hide-note-error">
              {noteError}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" name="intent" value="hide" className="ds-button" data-variant={hidden ? "secondary" : "primary"} data-color="danger">
            {hidden ? m.moderation_hide_submit_hidden() : m.moderation_hide_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}
