import { data, Form, Link, redirect } from "react-router";

import { cafeAnswerText, cancelReasonText } from "~/cafe-answer-text";
import { formatCafeTime } from "~/cafe-format.server";
import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { answerCafe } from "../../server/cafes/answer-cafe";
import { getCafePage, type CafePageView, type CafeViewerView } from "../../server/cafes/get-cafe-page";
import { markNotificationsRead } from "../../server/notifications/list-notifications";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-cafe";

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.cafe.title} – ReConnect` : "ReConnect" }];
}

const notices = ["created", "saved", "cancelled", "answered"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, locale } = context.get(requestContext);
  const result = await getCafePage(portal.db, portal.keys, actor, params.cafeId, portal.clock.now(), locale);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  await markNotificationsRead(portal.db, actor, { cafeId: result.cafe.id });
  const notice = notices.find((candidate) => candidate === new URL(request.url).searchParams.get("notice")) ?? null;
  const when = formatCafeTime(result.cafe.startsAt, result.cafe.endsAt, locale);
  return { when, cafe: result.cafe, viewer: result.viewer, shownAttendees: result.shownAttendees, notice };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal } = context.get(requestContext);
  const form = await request.formData();

  const result = await answerCafe(portal.db, actor, params.cafeId, { answer: form.get("answer"), showToRevealed: form.get("showToRevealed") === "on" }, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid") return data({ error: "invalid" as const }, { status: 400 });
  if (result.status === "closed") return data({ error: result.reason }, { status: 409 });
  return redirect(`${cafePaths.cafe(params.cafeId)}?notice=answered#answer-heading`);
}


function ConfidentialityReminder() {
  return (
    <div className="ds-alert" data-color="info" aria-labelledby="confidentiality-heading">
      <h2 id="confidentiality-heading" className="ds-heading" data-size="xs">
        {m.cafes_confidentiality_heading()}
      </h2>
      <p className="ds-paragraph">{m.cafes_confidentiality_body()}</p>
    </div>
  );
}

function Seats({ cafe }: { cafe: CafePageView }) {
  return (
    <ul className="cafe-facts">
      <li>{m.cafes_coming_count({ count: cafe.comingCount })}</li>
      <li>{m.cafes_maybe_count({ count: cafe.maybeCount })}</li>
      {cafe.capacity === null ? <li>{m.cafes_no_seat_limit()}</li> : <li>{m.cafes_seats_left({ count: cafe.seatsLeft ?? 0, capacity: cafe.capacity })}</li>}
      {cafe.waitlistedCount > 0 ? <li>{m.cafes_waitlisted_count({ count: cafe.waitlistedCount })}</li> : null}
    </ul>
  );
}

function closedAnswerText(reason: string): string {
  if (reason === "started") return m.cafes_answer_closed_started();
  if (reason === "cancelled") return m.cafes_answer_closed_cancelled();
  if (reason === "not_approved") return m.cafes_answer_closed_pending();
  return m.cafes_answer_invalid();
}

function AnswerSection({ cafe, viewer, error }: { cafe: CafePageView; viewer: CafeViewerView; error: string | null }) {
  return (
    <section className="stack" aria-labelledby="answer-heading">
      <h2 id="answer-heading" className="ds-heading" data-size="md">
        {m.cafes_answer_heading()}
      </h2>
      {viewer.answer ? (
        <p className="ds-paragraph" data-testid="own-answer">
          {m.cafes_your_answer({ answer: cafeAnswerText(viewer.answer) })}
        </p>
      ) : null}
      {viewer.waitingListPosition !== null ? <p className="ds-paragraph">{m.cafes_waiting_list_position({ position: viewer.waitingListPosition })}</p> : null}
      {error ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{closedAnswerText(error)}</p>
        </div>
      ) : null}
      {viewer.mayAnswer ? (
        <Form method="post" className="stack" key={`${viewer.answer}:${viewer.showToRevealed}`}>
          <CsrfField />
          <div className="ds-field">
            <input className="ds-input" type="checkbox" id="show-to-revealed" name="showToRevealed" defaultChecked={viewer.showToRevealed} aria-describedby="show-to-revealed-help" />
            <label className="ds-label" htmlFor="show-to-revealed" data-weight="regular">
              {m.cafes_show_to_revealed_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id="show-to-revealed-help">
              {m.cafes_show_to_revealed_help()}
            </p>
          </div>
          <div className="button-row">
            <button type="submit" name="answer" value="coming" className="ds-button" data-variant={viewer.answer === "coming" || viewer.answer === "waitlisted" ? "primary" : "secondary"}>
              {cafe.capacity !== null && cafe.seatsLeft === 0 && viewer.answer !== "coming" ? m.cafes_answer_coming_waitlist() : m.cafes_answer_coming()}
            </button>
            <button type="submit" name="answer" value="maybe" className="ds-button" data-variant={viewer.answer === "maybe" ? "primary" : "secondary"}>
              {m.cafes_answer_maybe()}
            </button>
            <button type="submit" name="answer" value="not_coming" className="ds-button" data-variant={viewer.answer === "not_coming" ? "primary" : "secondary"}>
              {m.cafes_answer_not_coming()}
            </button>
          </div>
        </Form>
      ) : (
        <p className="ds-paragraph">{closedAnswerText(cafe.cancelled ? "cancelled" : cafe.started ? "started" : "not_approved")}</p>
      )}
    </section>
  );
}

export default function CafePage({ loaderData, actionData }: Route.ComponentProps) {
  const { cafe, viewer, shownAttendees, notice, when } = loaderData;
  const justAnsweredComing = notice === "answered" && viewer.answer === "coming";
  const showReminder = viewer.inCommunity && !cafe.cancelled && (justAnsweredComing || (cafe.isToday && !cafe.ended));

  return (
    <article className="stack">
      <p className="ds-paragraph" data-size="sm">
        <Link to={cafePaths.list()}>{m.cafes_back_to_list()}</Link>
      </p>
      {cafe.kind === "meetup" ? (
        <p className="ds-paragraph" data-size="sm">
          <span className="ds-tag" data-color="neutral">
            {m.cafes_meetup_label()}
          </span>
        </p>
      ) : null}
      <h1 className="ds-heading" data-size="lg">
        {cafe.title}
      </h1>
      {cafe.cancelled ? (
        <div className="ds-alert" data-color="warning" role="status">
          <h2 className="ds-heading" data-size="xs">
            {m.cafes_cancelled_heading()}
          </h2>
          <p className="ds-paragraph">{m.cafes_cancelled_reason({ reason: cancelReasonText(cafe.cancelReason) })}</p>
        </div>
      ) : null}
      {notice === "created" || notice === "saved" ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{notice === "created" ? m.cafes_notice_created() : m.cafes_notice_saved()}</p>
        </div>
      ) : null}
      {notice === "answered" && viewer.answer ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{viewer.answer === "waitlisted" ? m.cafes_notice_waitlisted() : m.cafes_notice_answered({ answer: cafeAnswerText(viewer.answer) })}</p>
        </div>
      ) : null}
      {showReminder ? <ConfidentialityReminder /> : null}

      <dl className="cafe-details">
        <dt>{m.cafes_when()}</dt>
        <dd>
          <time dateTime={new Date(cafe.startsAt).toISOString()}>{when}</time>
        </dd>
        <dt>{m.cafes_community()}</dt>
        <dd>{cafe.communityName}</dd>
        {cafe.place?.topic ? (
          <>
            <dt>{m.cafes_field_topic()}</dt>
            <dd className="wrap-anywhere">{cafe.place.topic}</dd>
          </>
        ) : null}
        {cafe.place ? (
          <>
            <dt>{m.cafes_where()}</dt>
            <dd className="wrap-anywhere">
              {cafe.place.placeName}
              <br />
              {cafe.place.address}
            </dd>
            {cafe.place.directions ? (
              <>
                <dt>{m.cafes_field_directions()}</dt>
                <dd className="wrap-anywhere">{cafe.place.directions}</dd>
              </>
            ) : null}
            {cafe.place.accessibilityNotes ? (
              <>
                <dt>{m.cafes_field_accessibility_notes()}</dt>
                <dd className="wrap-anywhere">{cafe.place.accessibilityNotes}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>

      {viewer.inCommunity ? (
        <>
          <section className="stack" aria-labelledby="seats-heading">
            <h2 id="seats-heading" className="ds-heading" data-size="md">
              {m.cafes_seats_heading()}
            </h2>
            <Seats cafe={cafe} />
            {shownAttendees.length > 0 ? (
              <>
                <h3 id="shown-attendees-heading" className="ds-heading" data-size="xs">
                  {m.cafes_shown_attendees_heading()}
                </h3>
                <ul aria-labelledby="shown-attendees-heading">
                  {shownAttendees.map((attendee) => (
                    <li key={attendee.pseudonym}>{m.cafes_shown_attendee({ pseudonym: attendee.pseudonym, name: attendee.shownName })}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <AnswerSection cafe={cafe} viewer={viewer} error={actionData?.error ?? null} />
          {cafe.thread ? (
            <p className="ds-paragraph">
              {m.cafes_thread_intro()} <Link to={forumPaths.thread(cafe.thread.id)}>{cafe.thread.title}</Link>
            </p>
          ) : null}
          {cafe.cancelled ? null : (
            <ul className="cafe-links">
              <li>
                <a href={cafePaths.calendarFile(cafe.id)}>{m.cafes_add_to_calendar()}</a>
              </li>
              {cafe.ended ? null : viewer.seesCompany ? (
                <li>
                  <Link to={cafePaths.company(cafe.id)}>{m.cafes_go_together()}</Link>
                </li>
              ) : (
                <li>{m.cafes_go_together_after_answer()}</li>
              )}
            </ul>
          )}
        </>
      ) : (
        <p className="ds-paragraph">{m.cafes_other_community({ community: cafe.communityName })}</p>
      )}

      {viewer.moderatesCommunity ? (
        <section className="stack" aria-labelledby="host-tools-heading">
          <h2 id="host-tools-heading" className="ds-heading" data-size="md">
            {m.cafes_host_tools_heading()}
          </h2>
          <ul className="cafe-links">
            {!cafe.cancelled && !cafe.started ? (
              <li>
                <Link to={cafePaths.edit(cafe.id)}>{m.cafes_edit_link()}</Link>
              </li>
            ) : null}
            {viewer.mayCancel ? (
              <li>
                <Link to={cafePaths.cancel(cafe.id)}>{m.cafes_cancel_link()}</Link>
              </li>
            ) : null}
            <li>
              <Link to={cafePaths.attendance(cafe.id)}>{cafe.started ? m.cafes_attendance_link() : m.cafes_attendance_before_link()}</Link>
            </li>
            {cafe.seriesId ? (
              <li>
                <Link to={cafePaths.series(cafe.seriesId)}>{m.cafes_series_link()}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : viewer.mayCancel ? (
        <p className="ds-paragraph">
          <Link to={cafePaths.cancel(cafe.id)}>{m.cafes_cancel_link()}</Link>
        </p>
      ) : null}
    </article>
  );
}
