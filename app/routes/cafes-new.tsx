import { data, Form, Link, redirect } from "react-router";

import { weekdayName } from "~/cafe-format.server";
import { cafePaths } from "~/cafe-paths";
import { CafeDateField, CafeDetailsFields, CafeSeriesFields, CafeTimeFields, cafeErrorText, type CafeFormValues } from "~/components/cafe-form-fields";
import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { newIdempotencyKey } from "~/post-submission.server";
import { requirePermission } from "~/route-guards.server";
import type { CafeFieldErrors } from "../../server/cafes/cafe-input";
import { createCafe } from "../../server/cafes/create-cafe";
import { listHostingCommunities } from "../../server/cafes/get-cafe-form";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-new";

export function meta() {
  return [{ title: `${m.cafes_new_title()} – ReConnect` }];
}

const FIELDS = [
  "communityId",
  "schedule",
  "title",
  "topic",
  "placeName",
  "address",
  "directions",
  "accessibilityNotes",
  "capacity",
  "forumThread",
  "date",
  "startTime",
  "durationMinutes",
  "weekOfMonth",
  "weekday",
  "startsOn",
  "endsOn",
  "idempotencyKey",
] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.host");
  const { portal, locale } = context.get(requestContext);
  const result = await listHostingCommunities(portal.db, actor);
  if (result.status !== "listed") throw data({ code: "not_found" }, { status: 404 });
  const weekdayNames = [1, 2, 3, 4, 5, 6, 7].map((weekday) => weekdayName(weekday, locale));
  return { weekdayNames, communities: result.communities, idempotencyKey: newIdempotencyKey() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.host");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const values: CafeFormValues = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));

  const result = await createCafe(portal.db, actor, values, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid") return data({ errors: result.errors, values }, { status: 400 });
  return redirect(result.seriesId ? `${cafePaths.series(result.seriesId)}?notice=created` : `${cafePaths.cafe(result.cafeId)}?notice=created`);
}

export default function NewCafe({ loaderData, actionData }: Route.ComponentProps) {
  const { communities, weekdayNames } = loaderData;
  const errors: CafeFieldErrors = actionData?.errors ?? {};
  const values: CafeFormValues = actionData?.values ?? { schedule: "once", durationMinutes: "120", startTime: "18:00", weekOfMonth: "1", weekday: "2", idempotencyKey: loaderData.idempotencyKey };
  const errorCount = Object.keys(errors).length;

  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {m.cafes_new_title()}
      </h1>
      <p className="ds-paragraph">{m.cafes_new_intro()}</p>
      {errorCount > 0 ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{errors.form ? cafeErrorText(errors.form) : m.cafes_form_has_errors()}</p>
        </div>
      ) : null}

      {communities.length === 0 ? (
        <p className="ds-paragraph">{m.cafes_new_no_community()}</p>
      ) : (
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? loaderData.idempotencyKey} />
          <div className="ds-field">
            <label className="ds-label" htmlFor="cafe-communityId">
              {m.cafes_field_community()}
            </label>
            <select
              className="ds-input"
              id="cafe-communityId"
              name="communityId"
              defaultValue={values.communityId ?? communities[0]?.id}
              aria-describedby={errors.communityId ? "cafe-communityId-error" : undefined}
              aria-invalid={errors.communityId ? true : undefined}
            >
              {communities.map((community) => (
                <option key={community.id} value={community.id}>
                  {community.name}
                </option>
              ))}
            </select>
            {errors.communityId ? (
              <p className="ds-validation-message" id="cafe-communityId-error" data-color="danger">
                {cafeErrorText(errors.communityId)}
              </p>
            ) : null}
          </div>

          <CafeDetailsFields values={values} errors={errors} />

          <fieldset className="ds-fieldset stack">
            <legend className="ds-label">{m.cafes_field_schedule()}</legend>
            <div className="ds-field">
              <input className="ds-input" type="radio" id="cafe-schedule-once" name="schedule" value="once" defaultChecked={values.schedule !== "monthly"} />
              <label className="ds-label" htmlFor="cafe-schedule-once" data-weight="regular">
                {m.cafes_schedule_once()}
              </label>
            </div>
            <div className="ds-field">
              <input className="ds-input" type="radio" id="cafe-schedule-monthly" name="schedule" value="monthly" defaultChecked={values.schedule === "monthly"} />
              <label className="ds-label" htmlFor="cafe-schedule-monthly" data-weight="regular">
                {m.cafes_schedule_monthly()}
              </label>
            </div>
          </fieldset>

          <fieldset className="ds-fieldset stack">
            <legend className="ds-label">{m.cafes_once_legend()}</legend>
            <CafeDateField name="date" label={m.cafes_field_date()} values={values} errors={errors} />
          </fieldset>

          <fieldset className="ds-fieldset stack">
            <legend className="ds-label">{m.cafes_monthly_legend()}</legend>
            <p className="ds-paragraph" data-size="sm">
              {m.cafes_monthly_help()}
            </p>
            <CafeSeriesFields values={values} errors={errors} weekdayNames={weekdayNames} />
          </fieldset>

          <CafeTimeFields values={values} errors={errors} />

          <div className="button-row">
            <button type="submit" className="ds-button" data-variant="primary">
              {m.cafes_new_submit()}
            </button>
            <Link to={cafePaths.list()} className="ds-link">
              {m.cafes_back_to_list()}
            </Link>
          </div>
        </Form>
      )}
    </div>
  );
}
