import { data, Link } from "react-router";

import { cafeAnswerText } from "~/cafe-answer-text";
import { formatCafeTime } from "~/cafe-format.server";
import { cafePaths } from "~/cafe-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listCafes, type CafeListItem } from "../../server/cafes/list-cafes";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes";

export function meta() {
  return [{ title: `${m.cafes_list_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, locale } = context.get(requestContext);
  const result = await listCafes(portal.db, actor, portal.clock.now());
  if (result.status !== "listed") throw data({ code: "not_found" }, { status: 404 });
  const worded = (cafe: CafeListItem) => ({ ...cafe, when: formatCafeTime(cafe.startsAt, cafe.endsAt, locale) });
  return { upcoming: result.upcoming.map(worded), past: result.past.map(worded), mayHost: result.mayHost };
}

function CafeItem({ cafe, past }: { cafe: CafeListItem & { when: string }; past: boolean }) {
  return (
    <li className="cafe-list__item">
      <h3 className="ds-heading" data-size="xs">
        <Link to={cafePaths.cafe(cafe.id)}>{cafe.title}</Link>
      </h3>
      <p className="ds-paragraph" data-size="sm">
        <time dateTime={new Date(cafe.startsAt).toISOString()}>{cafe.when}</time> · {cafe.communityName}
      </p>
      <p className="ds-paragraph" data-size="sm">
        {cafe.kind === "meetup" ? (
          <span className="ds-tag" data-color="neutral" data-size="sm">
            {m.cafes_meetup_label()}
          </span>
        ) : null}{" "}
        {cafe.cancelled ? (
          <span className="ds-tag" data-color="warning" data-size="sm">
            {m.cafes_cancelled_tag()}
          </span>
        ) : null}{" "}
        {cafe.answer ? m.cafes_your_answer({ answer: cafeAnswerText(cafe.answer) }) : past ? null : m.cafes_not_answered()}
      </p>
      {past ? (
        <p className="ds-paragraph" data-size="sm">
          {cafe.attendanceRegistered ? m.cafes_attendance_registered() : <Link to={cafePaths.attendance(cafe.id)}>{m.cafes_attendance_missing()}</Link>}
        </p>
      ) : null}
    </li>
  );
}

export default function Cafes({ loaderData }: Route.ComponentProps) {
  const { upcoming, past, mayHost } = loaderData;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {m.cafes_list_title()}
      </h1>
      <p className="ds-paragraph">{m.cafes_list_intro()}</p>
      <ul className="cafe-links">
        {mayHost ? (
          <li>
            <Link to={cafePaths.create()}>{m.cafes_create_link()}</Link>
          </li>
        ) : null}
        <li>
          <Link to={cafePaths.propose()}>{m.cafes_propose_link()}</Link>
        </li>
        <li>
          <Link to={cafePaths.settings()}>{m.cafes_settings_link()}</Link>
        </li>
        <li>
          <Link to={cafePaths.calendarSettings()}>{m.cafes_calendar_settings_link()}</Link>
        </li>
      </ul>

      <section className="stack" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="ds-heading" data-size="md">
          {m.cafes_upcoming_heading()}
        </h2>
        {upcoming.length === 0 ? (
          <p className="ds-paragraph">{m.cafes_upcoming_empty()}</p>
        ) : (
          <ul className="cafe-list" aria-labelledby="upcoming-heading">
            {upcoming.map((cafe) => (
              <CafeItem key={cafe.id} cafe={cafe} past={false} />
            ))}
          </ul>
        )}
      </section>

      {mayHost ? (
        <section className="stack" aria-labelledby="past-heading">
          <h2 id="past-heading" className="ds-heading" data-size="md">
            {m.cafes_past_heading()}
          </h2>
          {past.length === 0 ? (
            <p className="ds-paragraph">{m.cafes_past_empty()}</p>
          ) : (
            <ul className="cafe-list" aria-labelledby="past-heading">
              {past.map((cafe) => (
                <CafeItem key={cafe.id} cafe={cafe} past />
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
