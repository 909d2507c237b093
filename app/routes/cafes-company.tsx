import { data, Form, Link, redirect } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { companyErrorText, companyOfferErrorTexts, companyOfferHeading, companySeatsText } from "./cafes-company-labels";
import { CsrfField } from "~/components/csrf-field";
import { IdentityGuardFindings, type IdentityGuardReasons } from "~/components/identity-guard-findings";
import { formatDateTime } from "~/format-date";
import { identityGuardReasons } from "~/identity-guard-reasons.server";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { COMPANY_NOTE_MAX_LENGTH, COMPANY_PLACE_MAX_LENGTH, COMPANY_SEATS_MAX } from "../../server/cafes/company-access";
import { createCompanyOffer, type CompanyOfferErrors } from "../../server/cafes/create-company-offer";
import { listCafeCompany, type CompanyOfferSummary } from "../../server/cafes/list-cafe-company";
import { findIdentifyingDetails, type IdentifyingDetail } from "../../server/forum/identity-guard/find-identifying-details";
import type { Locale } from "../../server/identity/roles";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-company";

export function meta() {
  return [{ title: `${m.cafe_company_title()} – ReConnect` }];
}

const offerFields = ["direction", "kind", "place", "meetAt", "seats", "note"] as const;
type OfferValues = Record<(typeof offerFields)[number], string>;

export type CafesCompanyActionData = {
  values: OfferValues;
  errors: CompanyOfferErrors;
  formError?: string;
  placeFindings?: IdentifyingDetail[];
  noteFindings?: IdentifyingDetail[];
  guardReasons?: IdentityGuardReasons;
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, locale } = context.get(requestContext);
  const result = await listCafeCompany(portal.db, actor, params.cafeId, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  return { locale, result };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent !== "create-offer" && intent !== "create-offer-anyway") throw data({ code: "invalid_intent" }, { status: 400 });

  const values = Object.fromEntries(offerFields.map((field) => [field, typeof form.get(field) === "string" ? (form.get(field) as string) : ""])) as OfferValues;
  // The guard reads the text only to point at details; nothing it finds is stored or logged.
  // A meeting place is a place by nature, so only other details (an address, a phone number) are pointed at there.
  if (intent === "create-offer") {
    const placeFindings = findIdentifyingDetails(values.place).filter((detail) => detail.kind !== "place_name");
    const noteFindings = findIdentifyingDetails(values.note);
    if (placeFindings.length > 0 || noteFindings.length > 0) {
      return data<CafesCompanyActionData>({ values, errors: {}, placeFindings, noteFindings, guardReasons: identityGuardReasons([...placeFindings, ...noteFindings]) });
    }
  }
  const result = await createCompanyOffer(portal.db, actor, params.cafeId, values, portal.clock.now());
  switch (result.status) {
    case "created":
    case "exists":
      return redirect(`${cafePaths.companyOffer(result.offerId)}?notice=${result.status}`);
    case "invalid":
      return data<CafesCompanyActionData>({ values, errors: companyOfferErrorTexts(result.errors) }, { status: 400 });
    case "closed":
    case "suspended":
      return data<CafesCompanyActionData>({ values, errors: {}, formError: companyErrorText(result.status) }, { status: result.status === "closed" ? 409 : 403 });
    case "not_found":
      throw data({ code: "not_found" }, { status: 404 });
  }
}

export default function CafesCompany({ loaderData, actionData }: Route.ComponentProps) {
  const { result, locale } = loaderData;

  if (result.status === "ended") {
    return (
      <>
        <p className="ds-paragraph">
          <Link to={cafePaths.cafe(result.cafe.id)}>{m.cafe_company_back()}</Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {m.cafe_company_ended_title()}
        </h1>
        <p className="ds-paragraph">{m.cafe_company_ended_body()}</p>
      </>
    );
  }

  const { cafe, offers } = result;
  return (
    <>
      <p className="ds-paragraph">
        <Link to={cafePaths.cafe(cafe.id)}>{m.cafe_company_back()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.cafe_company_title()}
      </h1>
      <p className="ds-paragraph">{m.cafe_company_for_cafe({ title: cafe.title, time: formatDateTime(cafe.startsAt, locale), place: cafe.placeName })}</p>
      <p className="ds-paragraph">{m.cafe_company_intro()}</p>
      <p className="ds-paragraph">{result.moderates ? m.cafe_company_moderator_note() : m.cafe_company_host_note()}</p>
      {result.cancelled ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{m.cafe_company_cancelled()}</p>
        </div>
      ) : null}

      <section className="stack" aria-labelledby="company-offers-heading">
        <h2 id="company-offers-heading" className="ds-heading" data-size="md">
          {m.cafe_company_list_heading()}
        </h2>
        {offers.length === 0 ? <p className="ds-paragraph">{m.cafe_company_empty()}</p> : <OfferList offers={offers} locale={locale} />}
      </section>

      {result.takesPart && !result.cancelled ? <OfferForm actionData={actionData} /> : null}
    </>
  );
}

function OfferList({ offers, locale }: { offers: CompanyOfferSummary[]; locale: Locale }) {
  return (
    <ul className="company-offer-list">
      {offers.map((offer) => {
        const seats = companySeatsText(offer);
        return (
          <li key={offer.id} className="company-offer-list__item stack">
            <h3 className="ds-heading" data-size="xs">
              <Link to={cafePaths.companyOffer(offer.id)}>{companyOfferHeading(offer)}</Link>
            </h3>
            <p className="ds-paragraph" data-size="sm">
              {offer.isOwn ? m.cafe_company_by_you() : m.cafe_company_by({ pseudonym: offer.author ?? m.forum_former_member() })}
              {offer.meetAt ? ` · ${m.cafe_company_meet_at({ time: formatDateTime(offer.meetAt, locale) })}` : null}
              {seats ? ` · ${seats}` : null}
              {` · ${m.cafe_company_accepted_count({ count: offer.acceptedCount })}`}
            </p>
            {offer.note ? <p className="ds-paragraph company-text">{offer.note}</p> : null}
            {offer.closed || offer.acceptedByViewer ? (
              <p className="button-row">
                {offer.closed ? (
                  <span className="ds-tag" data-color="neutral" data-size="sm">
                    {m.cafe_company_closed_tag()}
                  </span>
                ) : null}
                {offer.acceptedByViewer ? (
                  <span className="ds-tag" data-color="success" data-size="sm">
                    {m.cafe_company_you_accepted_tag()}
                  </span>
                ) : null}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function OfferForm({ actionData }: { actionData: CafesCompanyActionData | undefined }) {
  const values = actionData?.values;
  const errors = actionData?.errors ?? {};
  const placeFindings = actionData?.placeFindings ?? [];
  const noteFindings = actionData?.noteFindings ?? [];
  const guarded = placeFindings.length > 0 || noteFindings.length > 0;
  const describedBy = (help: string | null, field: keyof CompanyOfferErrors) => [help, errors[field] ? `offer-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: keyof CompanyOfferErrors) =>
    errors[field] ? (
      <p className="ds-validation-message" id={`offer-${field}-error`} data-color="danger">
        {errors[field]}
      </p>
    ) : null;

  return (
    <section className="stack" aria-labelledby="company-form-heading">
      <h2 id="company-form-heading" className="ds-heading" data-size="md">
        {m.cafe_company_form_heading()}
      </h2>
      <p className="ds-paragraph">{m.cafe_company_form_privacy()}</p>
      {actionData?.formError ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{actionData.formError}</p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <fieldset className="ds-fieldset" aria-describedby={describedBy(null, "direction")}>
          <legend className="ds-label">{m.cafe_company_direction_legend()}</legend>
          {(["offer", "ask"] as const).map((direction) => (
            <div className="ds-field" key={direction}>
              <input className="ds-input" type="radio" id={`offer-direction-${direction}`} name="direction" value={direction} defaultChecked={(values?.direction || "offer") === direction} />
              <label className="ds-label" htmlFor={`offer-direction-${direction}`} data-weight="regular">
                {direction === "offer" ? m.cafe_company_direction_offer() : m.cafe_company_direction_ask()}
              </label>
            </div>
          ))}
          {fieldError("direction")}
        </fieldset>
        <fieldset className="ds-fieldset" aria-describedby={describedBy(null, "kind")}>
          <legend className="ds-label">{m.cafe_company_kind_legend()}</legend>
          {(["walk", "ride"] as const).map((kind) => (
            <div className="ds-field" key={kind}>
              <input className="ds-input" type="radio" id={`offer-kind-${kind}`} name="kind" value={kind} defaultChecked={(values?.kind || "walk") === kind} />
              <label className="ds-label" htmlFor={`offer-kind-${kind}`} data-weight="regular">
                {kind === "walk" ? m.cafe_company_kind_walk() : m.cafe_company_kind_ride()}
              </label>
            </div>
          ))}
          {fieldError("kind")}
        </fieldset>
        <div className="ds-field">
          <label className="ds-label" htmlFor="offer-place">
            {m.cafe_company_place_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="offer-place-help">
            {m.cafe_company_place_help()}
          </p>
          <input
            className="ds-input"
            id="offer-place"
            name="place"
            type="text"
            autoComplete="off"
            maxLength={COMPANY_PLACE_MAX_LENGTH}
            defaultValue={values?.place ?? ""}
            aria-invalid={errors.place ? true : undefined}
            aria-describedby={describedBy("offer-place-help", "place")}
          />
          {fieldError("place")}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="offer-meet-at">
            {m.cafe_company_meet_at_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="offer-meet-at-help">
            {m.cafe_company_meet_at_help()}
          </p>
          <input
            className="ds-input"
            id="offer-meet-at"
            name="meetAt"
            type="datetime-local"
            defaultValue={values?.meetAt ?? ""}
            aria-invalid={errors.meetAt ? true : undefined}
            aria-describedby={describedBy("offer-meet-at-help", "meetAt")}
          />
          {fieldError("meetAt")}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="offer-seats">
            {m.cafe_company_seats_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="offer-seats-help">
            {m.cafe_company_seats_help({ max: COMPANY_SEATS_MAX })}
          </p>
          <input
            className="ds-input"
            id="offer-seats"
            name="seats"
            type="number"
            inputMode="numeric"
            min={1}
            max={COMPANY_SEATS_MAX}
            defaultValue={values?.seats ?? ""}
            aria-invalid={errors.seats ? true : undefined}
            aria-describedby={describedBy("offer-seats-help", "seats")}
          />
          {fieldError("seats")}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="offer-note">
            {m.cafe_company_note_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="offer-note-help">
            {m.cafe_company_note_help({ max: COMPANY_NOTE_MAX_LENGTH })}
          </p>
          <textarea
            className="ds-input"
            id="offer-note"
            name="note"
            rows={3}
            maxLength={COMPANY_NOTE_MAX_LENGTH}
            defaultValue={values?.note ?? ""}
            suppressHydrationWarning
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={describedBy("offer-note-help", "note")}
          />
          {fieldError("note")}
        </div>
        {placeFindings.length > 0 ? <IdentityGuardFindings text={values?.place ?? ""} details={placeFindings} reasons={actionData?.guardReasons ?? {}} /> : null}
        {noteFindings.length > 0 ? <IdentityGuardFindings text={values?.note ?? ""} details={noteFindings} reasons={actionData?.guardReasons ?? {}} /> : null}
        <div className="button-row">
          <button type="submit" name="intent" value="create-offer" className="ds-button" data-variant={guarded ? "secondary" : "primary"}>
            {guarded ? m.cafe_company_message_check_again() : m.cafe_company_submit()}
          </button>
          {guarded ? (
            <button type="submit" name="intent" value="create-offer-anyway" className="ds-button" data-variant="primary">
              {m.cafe_company_submit_anyway()}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
