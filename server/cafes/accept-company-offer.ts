import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import { takesPartInCompany, unsafeCountLiveAcceptances, unsafeNotBlockedBetween } from "./company-access";
import { unsafeFindOfferForChange } from "./company-offer-for-change";
import { cafeCompanyAcceptances } from "./schema";

export type AcceptCompanyOfferResult =
  | { status: "accepted" | "already_accepted" }
  | { status: "full" }
  | { status: "closed" }
  | { status: "own_offer" }
  | { status: "not_found" };

/**
 * Accept an offer, or answer an ask: "I'll come with you". Only members who
 * take part in the kafé's going together may. The offer row is locked while
 * the seats are counted, so when many accept a ride at once it never takes
 * more people than it has seats. The author gets a notice.
 */
export async function acceptCompanyOffer(db: Database, actor: Actor, offerId: string, now: Date): Promise<AcceptCompanyOfferResult> {
  if (!can(actor, "cafes.read") || !actor.hasMemberProfile) return { status: "not_found" };

  return db.transaction(async (tx): Promise<AcceptCompanyOfferResult> => {
    const found = await unsafeFindOfferForChange(tx, actor, offerId, now);
    if (found.status !== "found") return found;
    const { access, offer, summary } = found;
    if (!takesPartInCompany(access)) return { status: "not_found" };
    if (offer.authorId === actor.accountId) return { status: "own_offer" };
    // A peer moderator sees every offer, but accepting is between members who have not blocked each other.
    if (!(await unsafeNotBlockedBetween(tx, actor.accountId, offer.authorId))) return { status: "not_found" };
    if (summary.acceptedByViewer) return { status: "already_accepted" };
    if (offer.closedAt) return { status: "closed" };

    const accepted = await unsafeCountLiveAcceptances(tx, offer);
    if (offer.kind === "ride" && offer.direction === "offer" && offer.seats !== null && accepted >= offer.seats) return { status: "full" };

    const inserted = await tx
      .insert(cafeCompanyAcceptances)
      .values({ offerId: offer.id, accountId: actor.accountId })
      .onConflictDoNothing()
      .returning({ offerId: cafeCompanyAcceptances.offerId });
    if (inserted.length > 0) {
      await unsafeQueueCafeNotices(tx, [{ recipientId: offer.authorId, kind: "cafe_company_accepted", cafeId: offer.cafeId, actorId: actor.accountId }], now);
    }
    return { status: "accepted" };
  });
}
