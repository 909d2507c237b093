import { data, Form, Link, redirect } from "react-router";

import { cafeAnswerText } from "~/cafe-answer-text";
import { formatDateTime } from "~/format-date";
import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getAttendance, registerAttendance } from "../../server/cafes/register-attendance";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-attendance";

export function meta() {
  return [{ title: `${m.cafes_attendance_title()} – ReConnect` }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.host");
  const { portal, locale } = context.get(requestContext);
  const result = await getAttendance(portal.db, actor, params.cafeId, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const saved = new URL(request.url).searchParams.get("notice") === "saved";
  return {
    cafe: result.cafe,
    when: formatDateTime(result.cafe.startsAt, locale),
    registeredText: result.cafe.registeredAt ? m.cafes_attendance_registered_at({ time: formatDateTime(result.cafe.registeredAt, locale) }) : null,
    rows: result.rows,
    saved,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.host");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const result = await registerAttendance(portal.db, actor, params.cafeId, { attended: form.getAll("attended").map(String) }, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "not_started") return redirect(cafePaths.attendance(params.cafeId));
  return redirect(`${cafePaths.attendance(params.cafeId)}?notice=saved`);
}

export default function CafeAttendance({ loaderData }: Route.ComponentProps) {
  const { cafe, rows, saved, when, registeredText } = loaderData;
  const mayRegister = cafe.started && !cafe.cancelled;

  return (
    <div className="stack">
      <p className="ds-paragraph" data-size="sm">
        <Link to={cafePaths.cafe(cafe.id)}>{m.cafes_back_to_cafe()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {mayRegister ? m.cafes_attendance_title() : m.cafes_attendance_before_title()}
      </h1>
      <p className="ds-paragraph">
        {cafe.title} · <time dateTime={new Date(cafe.startsAt).toISOString()}>{when}</time>
      </p>
      {saved ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{m.cafes_attendance_saved()}</p>
        </div>
      ) : null}
      {registeredText && !saved ? <p className="ds-paragraph">{registeredText}</p> : null}

      {rows.length === 0 ? (
        <p className="ds-paragraph">{m.cafes_attendance_empty()}</p>
      ) : mayRegister ? (
        <Form method="post" className="stack">
          <CsrfField />
          <fieldset className="ds-fieldset stack" aria-describedby="attendance-help">
            <legend className="ds-label">{m.cafes_attendance_legend()}</legend>
            <p className="ds-paragraph" data-size="sm" id="attendance-help">
              {m.cafes_attendance_help()}
            </p>
            {rows.map((row) => (
              <div className="ds-field" key={row.key}>
                <input
                  className="ds-input"
                  type="checkbox"
                  id={`attended-${row.key}`}
                  name="attended"
                  value={row.key}
                  defaultChecked={row.attended ?? (row.answer === "coming")}
                />
                <label className="ds-label" htmlFor={`attended-${row.key}`} data-weight="regular">
                  {m.cafes_attendance_row({ pseudonym: row.pseudonym, answer: cafeAnswerText(row.answer) })}
                </label>
              </div>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="ds-button" data-variant="primary">
              {m.cafes_attendance_submit()}
            </button>
          </div>
        </Form>
      ) : (
        <ul aria-label={m.cafes_attendance_before_title()}>
          {rows.map((row) => (
            <li key={row.key}>{m.cafes_attendance_row({ pseudonym: row.pseudonym, answer: cafeAnswerText(row.answer) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
