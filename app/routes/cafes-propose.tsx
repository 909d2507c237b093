import { data, Form, Link, redirect } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { m } from "~/paraglide/messages";
import { newIdempotencyKey } from "~/post-submission.server";
import { requirePermission } from "~/route-guards.server";
import { listOwnMeetups, type OwnMeetup } from "../../server/cafes/list-own-meetups";
import {
  MEETUP_ADDRESS_MAX_LENGTH,
  MEETUP_CAPACITY_MAX,
  MEETUP_DIRECTIONS_MAX_LENGTH,
  MEETUP_DURATIONS,
  MEETUP_KINDS,
  MEETUP_PLACE_MAX_LENGTH,
  MEETUP_TITLE_MAX_LENGTH,
  MEETUP_TITLE_MIN_LENGTH,
  MEETUP_TOPIC_MAX_LENGTH,
} from "../../server/cafes/meetup-rules";
import { proposeMeetup, type MeetupErrors, type MeetupField } from "../../server/cafes/propose-meetup";
import type { Locale } from "../../server/identity/roles";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-propose";
import { meetupKindLabel } from "./meetup-labels";

export function meta() {
  return [{ title: `${m.meetup_propose_title()} – ReConnect` }];
}

const proposalFields = ["communityId", "meetupKind", "title", "startsAt", "duration", "placeName", "address", "directions", "capacity", "topic"] as const;
type ProposalValues = Record<(typeof proposalFields)[number], string>;

export type CafesProposeActionData = { values: ProposalValues; idempotencyKey: string; errors: MeetupErrors };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.propose");
  const { portal, locale } = context.get(requestContext);
  const result = await listOwnMeetups(portal.db, actor, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const proposed = new URL(request.url).searchParams.get("notice") === "proposed";
  return { locale, communities: result.communities, meetups: result.meetups, proposed, idempotencyKey: newIdempotencyKey() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.propose");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = Object.fromEntries(proposalFields.map((field) => [field, text(field)])) as ProposalValues;
  const idempotencyKey = text("idempotencyKey");

  const result = await proposeMeetup(portal.db, actor, { ...values, idempotencyKey }, portal.clock.now());
  switch (result.status) {
    case "proposed":
      return redirect(`${cafePaths.propose()}?notice=proposed#own-meetups-heading`);
    case "invalid":
      // A rejected key gets a fresh one, so pressing the button again can work.
      return data<CafesProposeActionData>({ values, idempotencyKey: result.errors.form ? newIdempotencyKey() : idempotencyKey, errors: meetupErrorTexts(result.errors) }, { status: 400 });
    case "suspended":
      return data<CafesProposeActionData>({ values, idempotencyKey, errors: { form: m.meetup_error_suspended() } }, { status: 403 });
    case "not_found":
      throw data({ code: "not_found" }, { status: 404 });
  }
}

function meetupErrorText(code: string): string {
  switch (code) {
    case "community_missing":
      return m.meetup_error_community_missing();
    case "meetup_kind_missing":
      return m.meetup_error_kind_missing();
    case "title_missing":
      return m.meetup_error_title_missing();
    case "title_too_short":
      return m.meetup_error_title_too_short({ min: MEETUP_TITLE_MIN_LENGTH });
    case "title_too_long":
      return m.meetup_error_too_long({ max: MEETUP_TITLE_MAX_LENGTH });
    case "place_name_missing":
      return m.meetup_error_place_name_missing();
    case "place_name_too_long":
      return m.meetup_error_too_long({ max: MEETUP_PLACE_MAX_LENGTH });
    case "address_missing":
      return m.meetup_error_address_missing();
    case "address_too_long":
      return m.meetup_error_too_long({ max: MEETUP_ADDRESS_MAX_LENGTH });
    case "directions_too_long":
      return m.meetup_error_too_long({ max: MEETUP_DIRECTIONS_MAX_LENGTH });
    case "topic_too_long":
      return m.meetup_error_too_long({ max: MEETUP_TOPIC_MAX_LENGTH });
    case "starts_at_missing":
      return m.meetup_error_starts_at_missing();
    case "starts_at_invalid":
      return m.meetup_error_starts_at_invalid();
    case "starts_at_past":
      return m.meetup_error_starts_at_past();
    case "starts_at_too_far":
      return m.meetup_error_starts_at_too_far();
    case "duration_missing":
      return m.meetup_error_duration_missing();
    case "capacity_invalid":
      return m.meetup_error_capacity_invalid({ max: MEETUP_CAPACITY_MAX });
    default:
      return m.forum_error_form_expired();
  }
}

function meetupErrorTexts(errors: MeetupErrors): MeetupErrors {
  const texts: MeetupErrors = {};
  for (const [field, code] of Object.entries(errors) as [MeetupField, string][]) texts[field] = meetupErrorText(code);
  return texts;
}

const durationLabels: Record<(typeof MEETUP_DURATIONS)[number], () => string> = {
  30: () => m.meetup_duration_30(),
  60: () => m.meetup_duration_60(),
  90: () => m.meetup_duration_90(),
  120: () => m.meetup_duration_120(),
  180: () => m.meetup_duration_180(),
  240: () => m.meetup_duration_240(),
};

export default function CafesPropose({ loaderData, actionData }: Route.ComponentProps) {
  const { communities, meetups, locale } = loaderData;
  const values = actionData?.values;
  const errors = actionData?.errors ?? {};
  const describedBy = (help: string | null, field: MeetupField) => [help, errors[field] ? `meetup-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = (field: MeetupField) => (errors[field] ? true : undefined);
  const fieldError = (field: MeetupField) =>
    errors[field] ? (
      <p className="ds-validation-message" id={`meetup-${field}-error`} data-color="danger">
        {errors[field]}
      </p>
    ) : null;
  const textField = (field: MeetupField & keyof ProposalValues, label: string, max: number, help: string | null) => (
    <div className="ds-field">
      <label className="ds-label" htmlFor={`meetup-${field}`}>
        {label}
      </label>
      {help ? (
        <p className="ds-paragraph" data-size="sm" id={`meetup-${field}-help`}>
          {help}
        </p>
      ) : null}
      <input
        className="ds-input"
        id={`meetup-${field}`}
        name={field}
        type="text"
        autoComplete="off"
        maxLength={max}
        defaultValue={values?.[field] ?? ""}
        aria-invalid={invalid(field)}
        aria-describedby={describedBy(help ? `meetup-${field}-help` : null, field)}
      />
      {fieldError(field)}
    </div>
  );
  const textArea = (field: "directions" | "topic", label: string, max: number) => (
    <div className="ds-field">
      <label className="ds-label" htmlFor={`meetup-${field}`}>
        {label}
      </label>
      <p className="ds-paragraph" data-size="sm" id={`meetup-${field}-help`}>
        {m.meetup_max_length({ max })}
      </p>
      <textarea
        className="ds-input"
        id={`meetup-${field}`}
        name={field}
        rows={3}
        maxLength={max}
        defaultValue={values?.[field] ?? ""}
        suppressHydrationWarning
        aria-invalid={invalid(field)}
        aria-describedby={describedBy(`meetup-${field}-help`, field)}
      />
      {fieldError(field)}
    </div>
  );

  return (
    <>
      <p className="ds-paragraph">
        <Link to={cafePaths.list()}>{m.meetup_back_to_cafes()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.meetup_propose_title()}
      </h1>
      <p className="ds-paragraph">{m.meetup_propose_intro()}</p>

      <section className="stack" aria-labelledby="own-meetups-heading">
        <h2 id="own-meetups-heading" className="ds-heading" data-size="md">
          {m.meetup_own_heading()}
        </h2>
        {loaderData.proposed ? (
          <div className="ds-alert" data-color="success" role="status">
            <p className="ds-paragraph">{m.meetup_notice_proposed()}</p>
          </div>
        ) : null}
        {meetups.length === 0 ? <p className="ds-paragraph">{m.meetup_own_empty()}</p> : <OwnMeetupList meetups={meetups} locale={locale} />}
      </section>

      <section className="stack" aria-labelledby="propose-heading">
        <h2 id="propose-heading" className="ds-heading" data-size="md">
          {m.meetup_form_heading()}
        </h2>
        <p className="ds-paragraph">{m.meetup_propose_privacy()}</p>
        {errors.form ? (
          <div className="ds-alert" data-color="danger" role="alert">
            <p className="ds-paragraph">{errors.form}</p>
          </div>
        ) : null}
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="idempotencyKey" value={actionData?.idempotencyKey ?? loaderData.idempotencyKey} />
          {communities.length > 1 ? (
            <div className="ds-field">
              <label className="ds-label" htmlFor="meetup-communityId">
                {m.meetup_community_label()}
              </label>
              <select
                className="ds-input"
                id="meetup-communityId"
                name="communityId"
                defaultValue={values?.communityId ?? ""}
                aria-invalid={invalid("communityId")}
                aria-describedby={describedBy(null, "communityId")}
              >
                <option value="">{m.meetup_community_choose()}</option>
                {communities.map((community) => (
                  <option key={community.id} value={community.id}>
                    {community.name}
                  </option>
                ))}
              </select>
              {fieldError("communityId")}
            </div>
          ) : (
            <p className="ds-paragraph">{m.meetup_community_only({ community: communities[0]?.name ?? "" })}</p>
          )}
          <fieldset className="ds-fieldset" aria-describedby={describedBy(null, "meetupKind")}>
            <legend className="ds-label">{m.meetup_kind_legend()}</legend>
            {MEETUP_KINDS.map((kind) => (
              <div className="ds-field" key={kind}>
                <input
                  className="ds-input"
                  type="radio"
                  id={`meetup-meetupKind-${kind}`}
                  name="meetupKind"
                  value={kind}
                  defaultChecked={(values?.meetupKind ?? "coffee") === kind}
                  aria-invalid={invalid("meetupKind")}
                />
                <label className="ds-label" htmlFor={`meetup-meetupKind-${kind}`} data-weight="regular">
                  {meetupKindLabel(kind)}
                </label>
              </div>
            ))}
            {fieldError("meetupKind")}
          </fieldset>
          {textField("title", m.meetup_title_label(), MEETUP_TITLE_MAX_LENGTH, m.meetup_title_help())}
          <div className="ds-field">
            <label className="ds-label" htmlFor="meetup-startsAt">
              {m.meetup_starts_at_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id="meetup-startsAt-help">
              {m.meetup_starts_at_help()}
            </p>
            <input
              className="ds-input"
              id="meetup-startsAt"
              name="startsAt"
              type="datetime-local"
              defaultValue={values?.startsAt ?? ""}
              aria-invalid={invalid("startsAt")}
              aria-describedby={describedBy("meetup-startsAt-help", "startsAt")}
            />
            {fieldError("startsAt")}
          </div>
          <div className="ds-field">
            <label className="ds-label" htmlFor="meetup-duration">
              {m.meetup_duration_label()}
            </label>
            <select className="ds-input" id="meetup-duration" name="duration" defaultValue={values?.duration || "90"} aria-invalid={invalid("duration")} aria-describedby={describedBy(null, "duration")}>
              {MEETUP_DURATIONS.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {durationLabels[minutes]()}
                </option>
              ))}
            </select>
            {fieldError("duration")}
          </div>
          {textField("placeName", m.meetup_place_name_label(), MEETUP_PLACE_MAX_LENGTH, m.meetup_place_name_help())}
          {textField("address", m.meetup_address_label(), MEETUP_ADDRESS_MAX_LENGTH, m.meetup_address_help())}
          {textArea("directions", m.meetup_directions_label(), MEETUP_DIRECTIONS_MAX_LENGTH)}
          <div className="ds-field">
            <label className="ds-label" htmlFor="meetup-capacity">
              {m.meetup_capacity_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id="meetup-capacity-help">
              {m.meetup_capacity_help()}
            </p>
            <input
              className="ds-input"
              id="meetup-capacity"
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              max={MEETUP_CAPACITY_MAX}
              defaultValue={values?.capacity ?? ""}
              aria-invalid={invalid("capacity")}
              aria-describedby={describedBy("meetup-capacity-help", "capacity")}
            />
            {fieldError("capacity")}
          </div>
          {textArea("topic", m.meetup_topic_label(), MEETUP_TOPIC_MAX_LENGTH)}
          <div>
            <button type="submit" className="ds-button" data-variant="primary">
              {m.meetup_submit()}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

function OwnMeetupList({ meetups, locale }: { meetups: OwnMeetup[]; locale: Locale }) {
  const status = (meetup: OwnMeetup) => {
    if (meetup.cancelled) return { text: m.meetup_status_cancelled(), color: "neutral" };
    if (meetup.approval === "approved") return { text: m.meetup_status_approved(), color: "success" };
    if (meetup.approval === "declined") return { text: m.meetup_status_declined(), color: "neutral" };
    return { text: m.meetup_status_pending(), color: "warning" };
  };
  return (
    <ul className="company-offer-list">
      {meetups.map((meetup) => {
        const { text, color } = status(meetup);
        return (
          <li key={meetup.id} className="company-offer-list__item">
            <p className="ds-paragraph">
              {meetup.approval === "declined" ? meetup.title : <Link to={cafePaths.cafe(meetup.id)}>{meetup.title}</Link>}{" "}
              {meetup.meetupKind ? (
                <>
                  <span className="ds-tag" data-color="info" data-size="sm">
                    {meetupKindLabel(meetup.meetupKind)}
                  </span>{" "}
                </>
              ) : null}
              <span className="ds-tag" data-color={color} data-size="sm">
                {text}
              </span>
            </p>
            <p className="ds-paragraph" data-size="sm">
              <time dateTime={new Date(meetup.startsAt).toISOString()}>{formatDateTime(meetup.startsAt, locale)}</time> · {meetup.communityName}
            </p>
            {meetup.decisionNote ? (
              <div className="meetup-decision-note">
                <p className="ds-paragraph" data-size="sm">
                  <strong>{m.meetup_decision_note_heading()}</strong>
                </p>
                <p className="ds-paragraph company-text">{meetup.decisionNote}</p>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
