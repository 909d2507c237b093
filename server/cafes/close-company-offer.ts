import { and, eq, isNull } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeFindOfferForChange } from "./company-offer-for-change";
import { cafeCompanyOffers } from "./schema";

export type CloseCompanyOfferResult = { status: "closed" } | { status: "not_found" };

/**
 * The author closes their offer or ask: nobody more can accept it, and the
 * conversation stays for the people already in it. Closing twice is the same as once.
 */
export async function closeCompanyOffer(db: Database, actor: Actor, offerId: string, now: Date): Promise<CloseCompanyOfferResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  return db.transaction(async (tx): Promise<CloseCompanyOfferResult> => {
    const found = await unsafeFindOfferForChange(tx, actor, offerId, now);
    if (found.status === "not_found") return found;
    await tx
      .update(cafeCompanyOffers)
      .set({ closedAt: now })
      .where(and(eq(cafeCompanyOffers.id, offerId), eq(cafeCompanyOffers.authorId, actor.accountId), isNull(cafeCompanyOffers.closedAt)));
    const [offer] = await tx.select({ authorId: cafeCompanyOffers.authorId }).from(cafeCompanyOffers).where(eq(cafeCompanyOffers.id, offerId));
    return offer?.authorId === actor.accountId ? { status: "closed" } : { status: "not_found" };
  });
}
