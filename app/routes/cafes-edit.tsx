import { data, Form, Link, redirect } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { CafeDateField, CafeDetailsFields, CafeTimeFields, cafeErrorText, type CafeFormValues } from "~/components/cafe-form-fields";
import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import type { CafeFieldErrors } from "../../server/cafes/cafe-input";
import { editCafe } from "../../server/cafes/edit-cafe";
import { getCafeEditForm } from "../../server/cafes/get-cafe-form";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-edit";

export function meta() {
  return [{ title: `${m.cafes_edit_title()} – ReConnect` }];
}

const FIELDS = ["title", "topic", "placeName", "address", "directions", "accessibilityNotes", "capacity", "forumThread", "date", "startTime", "durationMinutes"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.host");
  const { portal } = context.get(requestContext);
  const result = await getCafeEditForm(portal.db, actor, params.cafeId, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "closed") return { closed: true as const, cafeId: params.cafeId };
  return { closed: false as const, cafe: result.cafe, values: result.values as unknown as CafeFormValues };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.host");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const values: CafeFormValues = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));

  const result = await editCafe(portal.db, actor, params.cafeId, values, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "closed") return redirect(cafePaths.cafe(params.cafeId));
  if (result.status === "invalid") return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`${cafePaths.cafe(params.cafeId)}?notice=saved`);
}

export default function EditCafe({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.closed) {
    return (
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {m.cafes_edit_title()}
        </h1>
        <p className="ds-paragraph">{m.cafes_edit_closed()}</p>
        <Link to={cafePaths.cafe(loaderData.cafeId)}>{m.cafes_back_to_cafe()}</Link>
      </div>
    );
  }
  const { cafe } = loaderData;
  const errors: CafeFieldErrors = actionData?.errors ?? {};
  const values = actionData?.values ?? loaderData.values;

  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {m.cafes_edit_title()}
      </h1>
      <p className="ds-paragraph">{cafe.seriesId ? m.cafes_edit_intro_series() : m.cafes_edit_intro()}</p>
      {Object.keys(errors).length > 0 ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{errors.form ? cafeErrorText(errors.form) : m.cafes_form_has_errors()}</p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <CafeDetailsFields values={values} errors={errors} />
        <CafeDateField name="date" label={m.cafes_field_date()} values={values} errors={errors} />
        <CafeTimeFields values={values} errors={errors} />
        <div className="button-row">
          <button type="submit" className="ds-button" data-variant="primary">
            {m.cafes_edit_submit()}
          </button>
          <Link to={cafePaths.cafe(cafe.id)}>{m.cafes_back_to_cafe()}</Link>
        </div>
      </Form>
    </div>
  );
}
