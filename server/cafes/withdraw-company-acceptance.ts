import { and, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeFindOfferForChange } from "./company-offer-for-change";
import { cafeCompanyAcceptances } from "./schema";

export type WithdrawCompanyAcceptanceResult = { status: "withdrawn" } | { status: "not_found" };

/**
 * Take back one's own acceptance of an offer, which frees the seat in a ride.
 * Allowed while the kafé is cancelled too, since withdrawing only takes
 * something back. Withdrawing twice is the same as once.
 */
export async function withdrawCompanyAcceptance(db: Database, actor: Actor, offerId: string, now: Date): Promise<WithdrawCompanyAcceptanceResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  return db.transaction(async (tx): Promise<WithdrawCompanyAcceptanceResult> => {
    const found = await unsafeFindOfferForChange(tx, actor, offerId, now);
    if (found.status === "not_found") return found;
    await tx.delete(cafeCompanyAcceptances).where(and(eq(cafeCompanyAcceptances.offerId, offerId), eq(cafeCompanyAcceptances.accountId, actor.accountId)));
    return { status: "withdrawn" };
  });
}
