import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import type { CafeAccess } from "./cafe-access";
import { unsafeFindCompanyAccess, unsafeFindOffer, type CompanyOfferRow } from "./company-access";
import { unsafeListVisibleOffers, type CompanyOfferSummary } from "./list-cafe-company";

export type OfferForChange = { status: "found"; access: CafeAccess; offer: CompanyOfferRow; summary: CompanyOfferSummary } | { status: "closed" } | { status: "not_found" };

/**
 * Load an offer the actor may see, for a change inside a transaction. The
 * offer row is locked first, so acceptances of one offer happen one at a
 * time and a ride cannot take more people than it has seats. "Closed" when
 * the kafé is cancelled; not found when it has ended or the offer is hidden
 * from the actor.
 */
export async function unsafeFindOfferForChange(tx: Executor, actor: Actor, offerId: string, now: Date): Promise<OfferForChange> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const offer = await unsafeFindOffer(tx, offerId, { forUpdate: true });
  if (!offer) return { status: "not_found" };
  const found = await unsafeFindCompanyAccess(tx, actor, offer.cafeId, now);
  if (found.status === "not_found" || found.status === "ended") return { status: "not_found" };
  const [summary] = await unsafeListVisibleOffers(tx, found.access, offer.id);
  if (!summary) return { status: "not_found" };
  if (found.status === "cancelled") return { status: "closed" };
  return { status: "found", access: found.access, offer, summary };
}
