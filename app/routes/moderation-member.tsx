import { data, Form, Link } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { ModerationReasonSelect } from "~/components/moderation-reason-select";
import { formatDate, formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { moderationReasonLabel, moderationReasonOptions } from "~/moderation-labels";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getMemberForModeration } from "../../server/moderation/get-member-for-moderation";
import { liftSuspension } from "../../server/moderation/lift-suspension";
import { SUSPENSION_MAX_DAYS, suspendMember } from "../../server/moderation/suspend-member";
import { MODERATOR_MESSAGE_MAX_LENGTH, warnMember, type MemberActionErrors } from "../../server/moderation/warn-member";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/moderation-member";

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${m.moderation_member_title({ pseudonym: loaderData.member.pseudonym })} – ReConnect` : "ReConnect" }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal, locale } = context.get(requestContext);

  const result = await getMemberForModeration(portal.db, actor, params.pseudonym);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const { status: _status, ...member } = result;
  const postId = new URL(request.url).searchParams.get("post") ?? "";
  return { locale, member, self: actor.displayName === member.pseudonym, postId, reasons: moderationReasonOptions() };
}

type Intent = "warn" | "suspend" | "lift";
type FormValues = Record<"reason" | "message" | "until" | "endsAt" | "postId", string>;

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const intent = form.get("intent") as Intent;
  const text = (name: string) => String(form.get(name) ?? "");
  const values: FormValues = { reason: text("reason"), message: text("message"), until: text("until"), endsAt: text("endsAt"), postId: text("postId") };

  let outcome: { status: string; errors?: MemberActionErrors };
  let done: string;
  switch (intent) {
    case "warn":
      outcome = await warnMember(portal.db, actor, params.pseudonym, { reason: values.reason, message: values.message, postId: values.postId });
      done = m.moderation_member_warned_done();
      break;
    case "suspend":
      outcome = await suspendMember(portal.db, actor, params.pseudonym, { reason: values.reason, message: values.message, until: values.until, endsAt: values.endsAt });
      done = m.moderation_member_suspended_done();
      break;
    case "lift":
      outcome = await liftSuspension(portal.db, actor, params.pseudonym);
      done = outcome.status === "not_active" ? m.moderation_member_not_active() : m.moderation_member_lifted_done();
      break;
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }

  if (outcome.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (outcome.status === "not_allowed") return data({ intent, values, formError: m.moderation_error_not_allowed(), errors: {} }, { status: 403 });
  if (outcome.status === "invalid") return { intent, values, formError: undefined, errors: errorTexts(outcome.errors ?? {}) };

  log.info({ accountId: actor.accountId, intent, outcome: outcome.status }, "moderation.member_action");
  portal.nudgeNotificationMailer();
  return { intent, notice: done };
}

function errorTexts(errors: MemberActionErrors): Partial<Record<keyof MemberActionErrors, string>> {
  const endsAt: Record<string, string> = {
    ends_at_missing: m.moderation_error_ends_at_missing(),
    ends_at_invalid: m.moderation_error_ends_at_invalid(),
    ends_at_past: m.moderation_error_ends_at_past(),
    ends_at_too_far: m.moderation_error_ends_at_too_far({ days: SUSPENSION_MAX_DAYS }),
  };
  return {
    reason: errors.reason ? m.moderation_error_reason_missing() : undefined,
    message: errors.message === "message_too_long" ? m.moderation_error_message_too_long({ max: MODERATOR_MESSAGE_MAX_LENGTH }) : errors.message ? m.moderation_error_message_missing() : undefined,
    until: errors.until ? m.moderation_error_until_missing() : undefined,
    endsAt: errors.endsAt ? (endsAt[errors.endsAt] ?? m.moderation_error_ends_at_invalid()) : undefined,
  };
}

export default function ModerationMember({ loaderData, actionData }: Route.ComponentProps) {
  const { member, locale, reasons } = loaderData;
  const activeSuspension = member.suspensions.find((suspension) => suspension.active);
  const failed = actionData && "values" in actionData && actionData.values ? { intent: actionData.intent, formError: actionData.formError, values: actionData.values, errors: actionData.errors ?? {} } : undefined;

  return (
    <>
      <p className="ds-paragraph">
        <Link to={moderationPaths.overview()}>{m.moderation_overview_link()}</Link>
        {" · "}
        <Link to={forumPaths.member(member.pseudonym)}>{member.pseudonym}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_member_title({ pseudonym: member.pseudonym })}
      </h1>
      <p className="ds-paragraph">
        {m.moderation_member_joined({ date: formatDate(member.joinedAt, locale) })}
        {member.isModerator ? (
          <>
            {" "}
            <span className="ds-tag" data-color="info" data-size="sm">
              {m.forum_moderator_badge()}
            </span>
          </>
        ) : null}
      </p>
      <dl className="definition-list">
        <dt>{m.moderation_member_posts_label()}</dt>
        <dd>{member.counts.posts}</dd>
        <dt>{m.moderation_member_hidden_label()}</dt>
        <dd>{member.counts.hiddenPosts}</dd>
        <dt>{m.moderation_member_reports_label()}</dt>
        <dd>{member.counts.openReports}</dd>
      </dl>

      {actionData && "notice" in actionData ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{actionData.notice}</p>
        </div>
      ) : null}
      {failed?.formError ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{failed.formError}</p>
        </div>
      ) : null}

      {member.mayActOn ? (
        <>
          {activeSuspension ? (
            <section className="stack" aria-labelledby="lift-heading">
              <h2 id="lift-heading" className="ds-heading" data-size="sm">
                {m.moderation_lift_heading()}
              </h2>
              <p className="ds-paragraph">{suspensionPeriod(activeSuspension, locale)}</p>
              <p className="ds-paragraph">{m.moderation_lift_intro()}</p>
              <Form method="post">
                <CsrfField />
                <button type="submit" name="intent" value="lift" className="ds-button" data-variant="primary">
                  {m.moderation_lift_submit()}
                </button>
              </Form>
            </section>
          ) : null}
          <WarnForm reasons={reasons} postId={loaderData.postId} failed={failed?.intent === "warn" ? failed : undefined} />
          <SuspendForm reasons={reasons} failed={failed?.intent === "suspend" ? failed : undefined} />
        </>
      ) : (
        <p className="ds-paragraph">{loaderData.self ? m.moderation_member_is_self() : m.moderation_member_is_moderator({ pseudonym: member.pseudonym })}</p>
      )}

      <section className="stack" aria-labelledby="warnings-heading">
        <h2 id="warnings-heading" className="ds-heading" data-size="sm">
          {m.moderation_member_warnings_heading()}
        </h2>
        {member.warnings.length === 0 ? (
          <p className="ds-paragraph">{m.moderation_member_warnings_empty()}</p>
        ) : (
          <ul className="stack">
            {member.warnings.map((warning) => (
              <li key={warning.id}>
                <p className="ds-paragraph">
                  {formatDateTime(warning.createdAt, locale)} · {moderationReasonLabel(warning.reason)} · {warning.seenAt ? m.moderation_member_warning_read() : m.moderation_member_warning_unread()}
                </p>
                {warning.message ? <p className="ds-paragraph">{warning.message}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby="suspensions-heading">
        <h2 id="suspensions-heading" className="ds-heading" data-size="sm">
          {m.moderation_member_suspensions_heading()}
        </h2>
        {member.suspensions.length === 0 ? (
          <p className="ds-paragraph">{m.moderation_member_suspensions_empty()}</p>
        ) : (
          <ul className="stack">
            {member.suspensions.map((suspension) => (
              <li key={suspension.id}>
                <p className="ds-paragraph">
                  {suspensionPeriod(suspension, locale)} · {moderationReasonLabel(suspension.reason)} ·{" "}
                  {suspension.active
                    ? m.moderation_member_suspension_active()
                    : suspension.liftedAt
                      ? m.moderation_member_suspension_lifted({ time: formatDateTime(suspension.liftedAt, locale) })
                      : m.moderation_member_suspension_ended()}
                </p>
                {suspension.message ? <p className="ds-paragraph">{suspension.message}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function suspensionPeriod(suspension: { createdAt: Date; endsAt: Date | null }, locale: Parameters<typeof formatDateTime>[1]) {
  const start = formatDateTime(suspension.createdAt, locale);
  return suspension.endsAt ? m.moderation_member_suspension_period({ start, end: formatDateTime(suspension.endsAt, locale) }) : m.moderation_member_suspension_open_ended({ start });
}

type FailedForm = { values: FormValues; errors: Partial<Record<keyof MemberActionErrors, string>> };

function MessageField(props: { id: string; failed?: FailedForm }) {
  const error = props.failed?.errors.message;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={props.id}>
        {m.moderation_message_label()}
      </label>
      <p className="ds-paragraph" data-size="sm" id={`${props.id}-help`}>
        {m.moderation_message_help({ max: MODERATOR_MESSAGE_MAX_LENGTH })}
      </p>
      <textarea
        className="ds-input"
        id={props.id}
        name="message"
        rows={4}
        required
        maxLength={MODERATOR_MESSAGE_MAX_LENGTH}
        defaultValue={props.failed?.values.message ?? ""}
        suppressHydrationWarning
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${props.id}-help`, error ? `${props.id}-error` : null].filter(Boolean).join(" ")}
      />
      {error ? (
        <p className="ds-validation-message" id={`${props.id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function WarnForm(props: { reasons: ReturnType<typeof moderationReasonOptions>; postId: string; failed?: FailedForm }) {
  const postId = props.failed?.values.postId ?? props.postId;
  return (
    <section className="stack" aria-labelledby="warn-heading">
      <h2 id="warn-heading" className="ds-heading" data-size="sm">
        {m.moderation_warn_heading()}
      </h2>
      <p className="ds-paragraph">{m.moderation_warn_intro()}</p>
      {postId ? <p className="ds-paragraph">{m.moderation_warn_about_post()}</p> : null}
      <Form method="post" className="stack" key={props.failed ? JSON.stringify(props.failed.values) : "initial"}>
        <CsrfField />
        {postId ? <input type="hidden" name="postId" value={postId} /> : null}
        <ModerationReasonSelect
          id="warn-reason"
          label={m.moderation_reason_label_required()}
          options={props.reasons}
          emptyLabel={m.moderation_reason_choose()}
          required
          defaultValue={props.failed?.values.reason}
          error={props.failed?.errors.reason}
        />
        <MessageField id="warn-message" failed={props.failed} />
        <div className="button-row">
          <button type="submit" name="intent" value="warn" className="ds-button" data-variant="secondary">
            {m.moderation_warn_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}

function SuspendForm(props: { reasons: ReturnType<typeof moderationReasonOptions>; failed?: FailedForm }) {
  const values = props.failed?.values;
  const errors = props.failed?.errors ?? {};
  return (
    <section className="stack" aria-labelledby="suspend-heading">
      <h2 id="suspend-heading" className="ds-heading" data-size="sm">
        {m.moderation_suspend_heading()}
      </h2>
      <p className="ds-paragraph">{m.moderation_suspend_intro()}</p>
      <Form method="post" className="stack" key={props.failed ? JSON.stringify(props.failed.values) : "initial"}>
        <CsrfField />
        <ModerationReasonSelect
          id="suspend-reason"
          label={m.moderation_reason_label_required()}
          options={props.reasons}
          emptyLabel={m.moderation_reason_choose()}
          required
          defaultValue={values?.reason}
          error={errors.reason}
        />
        <MessageField id="suspend-message" failed={props.failed} />
        <fieldset className="ds-fieldset" aria-describedby={errors.until ? "suspend-until-error" : undefined}>
          <legend className="ds-label">{m.moderation_suspend_until_legend()}</legend>
          <div className="ds-field">
            <input className="ds-input" type="radio" id="suspend-until-date" name="until" value="date" defaultChecked={(values?.until ?? "date") === "date"} />
            <label className="ds-label" htmlFor="suspend-until-date" data-weight="regular">
              {m.moderation_suspend_until_date()}
            </label>
          </div>
          <div className="ds-field">
            <label className="ds-label" htmlFor="suspend-ends-at">
              {m.moderation_suspend_ends_at_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id="suspend-ends-at-help">
              {m.moderation_suspend_ends_at_help({ days: SUSPENSION_MAX_DAYS })}
            </p>
            <input
              className="ds-input"
              type="datetime-local"
              id="suspend-ends-at"
              name="endsAt"
              defaultValue={values?.endsAt ?? ""}
              aria-invalid={errors.endsAt ? true : undefined}
              aria-describedby={["suspend-ends-at-help", errors.endsAt ? "suspend-ends-at-error" : null].filter(Boolean).join(" ")}
            />
            {errors.endsAt ? (
              <p className="ds-validation-message" id="suspend-ends-at-error">
                {errors.endsAt}
              </p>
            ) : null}
          </div>
          <div className="ds-field">
            <input className="ds-input" type="radio" id="suspend-until-lifted" name="until" value="lifted" defaultChecked={values?.until === "lifted"} />
            <label className="ds-label" htmlFor="suspend-until-lifted" data-weight="regular">
              {m.moderation_suspend_until_lifted()}
            </label>
          </div>
          {errors.until ? (
            <p className="ds-validation-message" id="suspend-until-error">
              {errors.until}
            </p>
          ) : null}
        </fieldset>
        <div className="button-row">
          <button type="submit" name="intent" value="suspend" className="ds-button" data-variant="primary" data-color="danger">
            {m.moderation_suspend_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}
