import { data, Form, Link, redirect } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { decideMeetup } from "../../server/cafes/decide-meetup";
import { listPendingMeetups, type PendingMeetup } from "../../server/cafes/list-pending-meetups";
import { MEETUP_DECISION_NOTE_MAX_LENGTH } from "../../server/cafes/meetup-rules";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/moderation-meetups";
import { meetupKindLabel } from "./meetup-labels";

export function meta() {
  return [{ title: `${m.meetup_approvals_title()} – ReConnect` }];
}

const notices = ["approved", "declined", "already_decided", "past"] as const;
type Notice = (typeof notices)[number];

/** A decline that was refused: which meet-up's form it came from, the note as typed, and the error to show there. */
export type ModerationMeetupsActionData = { cafeId: string; note: string; noteError: string };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.approve");
  const { portal, locale } = context.get(requestContext);
  const result = await listPendingMeetups(portal.db, actor, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const noticeParam = new URL(request.url).searchParams.get("notice");
  return { locale, meetups: result.meetups, notice: notices.find((candidate) => candidate === noticeParam) ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.approve");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "approve" && intent !== "decline") throw data({ code: "invalid_intent" }, { status: 400 });
  const cafeIdValue = form.get("cafeId");
  const cafeId = typeof cafeIdValue === "string" ? cafeIdValue : "";
  const noteValue = form.get("note");
  const note = typeof noteValue === "string" ? noteValue : "";

  const result = await decideMeetup(portal.db, actor, cafeId, { decision: intent, note }, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid") {
    return data<ModerationMeetupsActionData>({ cafeId, note, noteError: m.meetup_error_too_long({ max: MEETUP_DECISION_NOTE_MAX_LENGTH }) }, { status: 400 });
  }
  return redirect(`${cafePaths.meetupApprovals()}?notice=${result.status}`);
}

function noticeText(notice: Notice): { text: string; color: "success" | "warning" } {
  switch (notice) {
    case "approved":
      return { text: m.meetup_notice_approved(), color: "success" };
    case "declined":
      return { text: m.meetup_notice_declined(), color: "success" };
    case "already_decided":
      return { text: m.meetup_notice_already_decided(), color: "warning" };
    case "past":
      return { text: m.meetup_notice_past(), color: "warning" };
  }
}

export default function ModerationMeetups({ loaderData, actionData }: Route.ComponentProps) {
  const { meetups, locale } = loaderData;
  const notice = loaderData.notice ? noticeText(loaderData.notice) : null;

  return (
    <>
      <p className="ds-paragraph">
        <Link to={moderationPaths.overview()}>{m.moderation_reports_back()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.meetup_approvals_title()}
      </h1>
      <p className="ds-paragraph">{m.meetup_approvals_intro()}</p>
      {notice ? (
        <div className="ds-alert" data-color={notice.color} role="status">
          <p className="ds-paragraph">{notice.text}</p>
        </div>
      ) : null}
      {meetups.length === 0 ? (
        <p className="ds-paragraph">{m.meetup_approvals_empty()}</p>
      ) : (
        <ul className="company-offer-list">
          {meetups.map((meetup) => (
            <li key={meetup.id} className="company-offer-list__item stack">
              <div className="meetup-title-row">
                <h2 className="ds-heading" data-size="sm" id={`meetup-${meetup.id}`}>
                  <Link to={cafePaths.cafe(meetup.id)}>{meetup.title}</Link>
                </h2>
                {meetup.meetupKind ? (
                  <span className="ds-tag" data-color="info" data-size="sm">
                    {meetupKindLabel(meetup.meetupKind)}
                  </span>
                ) : null}
              </div>
              <p className="ds-paragraph" data-size="sm">
                {m.meetup_proposed_by({ pseudonym: meetup.proposer ?? m.forum_former_member(), community: meetup.communityName })}
              </p>
              <dl className="company-details">
                <dt>{m.meetup_starts_at_label()}</dt>
                <dd>
                  <time dateTime={new Date(meetup.startsAt).toISOString()}>{formatDateTime(meetup.startsAt, locale)}</time> – {formatDateTime(meetup.endsAt, locale)}
                </dd>
                <dt>{m.meetup_place_name_label()}</dt>
                <dd className="company-text">{meetup.placeName}</dd>
                <dt>{m.meetup_address_label()}</dt>
                <dd className="company-text">{meetup.address}</dd>
                {meetup.directions ? (
                  <>
                    <dt>{m.meetup_directions_term()}</dt>
                    <dd className="company-text">{meetup.directions}</dd>
                  </>
                ) : null}
                {meetup.capacity !== null ? (
                  <>
                    <dt>{m.meetup_capacity_term()}</dt>
                    <dd>{meetup.capacity}</dd>
                  </>
                ) : null}
                {meetup.topic ? (
                  <>
                    <dt>{m.meetup_topic_term()}</dt>
                    <dd className="company-text">{meetup.topic}</dd>
                  </>
                ) : null}
              </dl>
              {meetup.past ? <p className="ds-paragraph">{m.meetup_past()}</p> : null}
              {meetup.past ? null : (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="cafeId" value={meetup.id} />
                  <button type="submit" name="intent" value="approve" className="ds-button" data-variant="primary" aria-describedby={`meetup-${meetup.id}`}>
                    {m.meetup_approve()}
                  </button>
                </Form>
              )}
              <DeclineForm meetup={meetup} refused={actionData?.cafeId === meetup.id ? actionData : undefined} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Decline one meet-up, with an optional note only its proposer will read. A refused note comes back to this meet-up's form, as typed. */
function DeclineForm({ meetup, refused }: { meetup: PendingMeetup; refused: ModerationMeetupsActionData | undefined }) {
  const noteId = `meetup-${meetup.id}-note`;
  return (
    <Form method="post" className="stack">
      <CsrfField />
      <input type="hidden" name="cafeId" value={meetup.id} />
      <div className="ds-field">
        <label className="ds-label" htmlFor={noteId}>
          {m.meetup_decision_note_label()}
        </label>
        <p className="ds-paragraph" data-size="sm" id={`${noteId}-help`}>
          {m.meetup_decision_note_help({ max: MEETUP_DECISION_NOTE_MAX_LENGTH })}
        </p>
        <textarea
          className="ds-input"
          id={noteId}
          name="note"
          rows={3}
          maxLength={MEETUP_DECISION_NOTE_MAX_LENGTH}
          defaultValue={refused?.note ?? ""}
          suppressHydrationWarning
          aria-invalid={refused ? true : undefined}
          aria-describedby={[`meetup-${meetup.id}`, `${noteId}-help`, refused ? `${noteId}-error` : null].filter(Boolean).join(" ")}
        />
        {refused ? (
          <p className="ds-validation-message" id={`${noteId}-error`} data-color="danger">
            {refused.noteError}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" name="intent" value="decline" className="ds-button" data-variant="secondary" aria-describedby={`meetup-${meetup.id}`}>
          {m.meetup_decline()}
        </button>
      </div>
    </Form>
  );
}
