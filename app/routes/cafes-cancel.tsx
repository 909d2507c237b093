import { data, Form, Link, redirect } from "react-router";

import { cancelReasonText } from "~/cafe-answer-text";
import { formatCafeTime } from "~/cafe-format.server";
import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { CANCEL_REASONS, cancelCafe } from "../../server/cafes/cancel-cafe";
import { getCafePage } from "../../server/cafes/get-cafe-page";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-cancel";

export function meta() {
  return [{ title: `${m.cafes_cancel_title()} – ReConnect` }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, locale } = context.get(requestContext);
  const result = await getCafePage(portal.db, portal.keys, actor, params.cafeId, portal.clock.now(), locale);
  if (result.status === "not_found" || (!result.viewer.mayCancel && !result.viewer.moderatesCommunity)) throw data({ code: "not_found" }, { status: 404 });
  const { cafe, viewer } = result;
  return {
    when: formatCafeTime(cafe.startsAt, cafe.endsAt, locale),
    cafe: { id: cafe.id, title: cafe.title, startsAt: cafe.startsAt, endsAt: cafe.endsAt, inSeries: cafe.seriesId !== null && viewer.moderatesCommunity, answered: cafe.comingCount + cafe.maybeCount + cafe.waitlistedCount },
    mayCancel: viewer.mayCancel,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const result = await cancelCafe(portal.db, actor, params.cafeId, { reason: form.get("reason"), scope: form.get("scope") ?? "one" }, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid") return data({ errors: result.errors, reason: String(form.get("reason") ?? ""), scope: String(form.get("scope") ?? "one") }, { status: 400 });
  return redirect(`${cafePaths.cafe(params.cafeId)}?notice=cancelled`);
}


export default function CancelCafe({ loaderData, actionData }: Route.ComponentProps) {
  const { cafe, mayCancel, when } = loaderData;
  const reasonError = actionData?.errors.reason ? m.cafes_cancel_reason_missing() : null;

  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {m.cafes_cancel_title()}
      </h1>
      <p className="ds-paragraph">
        {cafe.title} · <time dateTime={new Date(cafe.startsAt).toISOString()}>{when}</time>
      </p>
      {mayCancel ? (
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <p className="ds-paragraph">{m.cafes_cancel_intro({ count: cafe.answered })}</p>
          <fieldset className="ds-fieldset stack" aria-describedby={reasonError ? "cancel-reason-error" : undefined}>
            <legend className="ds-label">{m.cafes_cancel_reason_legend()}</legend>
            {CANCEL_REASONS.map((reason) => (
              <div className="ds-field" key={reason}>
                <input className="ds-input" type="radio" id={`cancel-reason-${reason}`} name="reason" value={reason} defaultChecked={actionData?.reason === reason} />
                <label className="ds-label" htmlFor={`cancel-reason-${reason}`} data-weight="regular">
                  {cancelReasonText(reason)}
                </label>
              </div>
            ))}
            {reasonError ? (
              <p className="ds-validation-message" id="cancel-reason-error" data-color="danger">
                {reasonError}
              </p>
            ) : null}
          </fieldset>
          {cafe.inSeries ? (
            <fieldset className="ds-fieldset stack">
              <legend className="ds-label">{m.cafes_cancel_scope_legend()}</legend>
              <div className="ds-field">
                <input className="ds-input" type="radio" id="cancel-scope-one" name="scope" value="one" defaultChecked={actionData?.scope !== "series"} />
                <label className="ds-label" htmlFor="cancel-scope-one" data-weight="regular">
                  {m.cafes_cancel_scope_one()}
                </label>
              </div>
              <div className="ds-field">
                <input className="ds-input" type="radio" id="cancel-scope-series" name="scope" value="series" defaultChecked={actionData?.scope === "series"} />
                <label className="ds-label" htmlFor="cancel-scope-series" data-weight="regular">
                  {m.cafes_cancel_scope_series()}
                </label>
              </div>
            </fieldset>
          ) : (
            <input type="hidden" name="scope" value="one" />
          )}
          <div className="button-row">
            <button type="submit" className="ds-button" data-variant="primary" data-color="danger">
              {m.cafes_cancel_submit()}
            </button>
            <Link to={cafePaths.cafe(cafe.id)}>{m.cafes_cancel_keep()}</Link>
          </div>
        </Form>
      ) : (
        <>
          <p className="ds-paragraph">{m.cafes_cancel_closed()}</p>
          <Link to={cafePaths.cafe(cafe.id)}>{m.cafes_back_to_cafe()}</Link>
        </>
      )}
    </div>
  );
}
