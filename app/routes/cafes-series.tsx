import { data, Link } from "react-router";

import { formatCafeClockTime, weekdayName } from "~/cafe-format.server";
import { cafePaths } from "~/cafe-paths";
import { durationName, weekOfMonthName } from "~/components/cafe-form-fields";
import { formatDate } from "~/format-date";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getCafeSeries } from "../../server/cafes/get-cafe-series";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-series";

export function meta() {
  return [{ title: `${m.cafes_series_title()} – ReConnect` }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.host");
  const { portal, locale } = context.get(requestContext);
  const result = await getCafeSeries(portal.db, actor, params.seriesId);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const now = portal.clock.now();
  const nextOpen = result.series.occurrences.find((occurrence) => !occurrence.cancelled && occurrence.startsAt.getTime() > now.getTime());
  const { series } = result;
  return {
    series: { ...series, occurrences: series.occurrences.map((occurrence) => ({ ...occurrence, when: `${formatDate(occurrence.startsAt, locale)} ${formatCafeClockTime(occurrence.startsAt, locale)}` })) },
    rule: m.cafes_series_rule({ week: weekOfMonthName(series.weekOfMonth), weekday: weekdayName(series.weekday, locale), time: series.startTime, duration: durationName(series.durationMinutes) }),
    until: series.endsOn ? m.cafes_series_until({ date: formatDate(`${series.endsOn}T12:00:00Z`, locale) }) : m.cafes_series_open_ended(),
    nextOpenId: nextOpen?.id ?? null,
    created: new URL(request.url).searchParams.get("notice") === "created",
  };
}

export default function CafeSeries({ loaderData }: Route.ComponentProps) {
  const { series, rule, until, nextOpenId, created } = loaderData;

  return (
    <div className="stack">
      <p className="ds-paragraph" data-size="sm">
        <Link to={cafePaths.list()}>{m.cafes_back_to_list()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {series.title}
      </h1>
      {created ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{m.cafes_series_created({ count: series.occurrences.length })}</p>
        </div>
      ) : null}
      <p className="ds-paragraph">{rule}</p>
      <p className="ds-paragraph">
        {series.communityName} · {until}
      </p>
      {series.cancelled ? (
        <div className="ds-alert" data-color="warning" role="status">
          <p className="ds-paragraph">{m.cafes_series_cancelled()}</p>
        </div>
      ) : nextOpenId ? (
        <p className="ds-paragraph">
          <Link to={cafePaths.cancel(nextOpenId)}>{m.cafes_series_cancel_link()}</Link>
        </p>
      ) : null}
      <h2 id="occurrences-heading" className="ds-heading" data-size="md">
        {m.cafes_series_occurrences_heading()}
      </h2>
      <ul aria-labelledby="occurrences-heading">
        {series.occurrences.map((occurrence) => (
          <li key={occurrence.id}>
            <Link to={cafePaths.cafe(occurrence.id)}>
              {occurrence.when}
            </Link>{" "}
            {occurrence.cancelled ? (
              <span className="ds-tag" data-color="warning" data-size="sm">
                {m.cafes_cancelled_tag()}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
