import { m } from "~/paraglide/messages";
import type { CompanyOfferErrors } from "../../server/cafes/create-company-offer";
import { COMPANY_MESSAGE_MAX_LENGTH, COMPANY_NOTE_MAX_LENGTH, COMPANY_PLACE_MAX_LENGTH, COMPANY_SEATS_MAX } from "../../server/cafes/company-access";
import type { CompanyOfferSummary } from "../../server/cafes/list-cafe-company";

/** Word the heading of an offer or ask in the request's language: what it is and where from. */
export function companyOfferHeading(offer: Pick<CompanyOfferSummary, "kind" | "direction" | "place">): string {
  const place = offer.place;
  if (offer.kind === "walk") return offer.direction === "offer" ? m.cafe_company_offer_walk({ place }) : m.cafe_company_ask_walk({ place });
  return offer.direction === "offer" ? m.cafe_company_offer_ride({ place }) : m.cafe_company_ask_ride({ place });
}

/** Word the seats free in a ride offered, or the seats wanted in an ask. Returns null for a walk. */
export function companySeatsText(offer: Pick<CompanyOfferSummary, "kind" | "direction" | "seats" | "seatsLeft">): string | null {
  if (offer.kind !== "ride" || offer.seats === null) return null;
  if (offer.direction === "offer") return m.cafe_company_seats_left({ count: offer.seatsLeft ?? offer.seats });
  return m.cafe_company_seats_wanted({ count: offer.seats });
}

/** Word one error code of the company forms. */
export function companyErrorText(code: string | undefined): string | undefined {
  switch (code) {
    case undefined:
      return undefined;
    case "direction_missing":
      return m.cafe_company_error_direction_missing();
    case "kind_missing":
      return m.cafe_company_error_kind_missing();
    case "place_missing":
      return m.cafe_company_error_place_missing();
    case "place_too_long":
      return m.cafe_company_error_too_long({ max: COMPANY_PLACE_MAX_LENGTH });
    case "meet_at_invalid":
      return m.cafe_company_error_meet_at_invalid();
    case "meet_at_past":
      return m.cafe_company_error_meet_at_past();
    case "meet_at_after_cafe":
      return m.cafe_company_error_meet_at_after_cafe();
    case "seats_missing":
      return m.cafe_company_error_seats_missing();
    case "seats_invalid":
      return m.cafe_company_error_seats_invalid({ max: COMPANY_SEATS_MAX });
    case "note_too_long":
      return m.cafe_company_error_too_long({ max: COMPANY_NOTE_MAX_LENGTH });
    case "body_missing":
      return m.cafe_company_error_body_missing();
    case "body_too_long":
      return m.cafe_company_error_too_long({ max: COMPANY_MESSAGE_MAX_LENGTH });
    case "closed":
      return m.cafe_company_cancelled();
    case "suspended":
      return m.cafe_company_error_suspended();
    default:
      return m.forum_error_form_expired();
  }
}

export function companyOfferErrorTexts(errors: CompanyOfferErrors): CompanyOfferErrors {
  const texts: CompanyOfferErrors = {};
  for (const [field, code] of Object.entries(errors) as [keyof CompanyOfferErrors, string][]) texts[field] = companyErrorText(code);
  return texts;
}
