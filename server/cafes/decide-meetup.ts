import { eq } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeFindCafeAccess } from "./cafe-access";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import { cafes } from "./schema";

export type DecideMeetupResult =
  | { status: "approved" | "declined" }
  | { status: "already_decided"; approval: "approved" | "declined" }
  | { status: "past" }
  | { status: "not_found" };

/**
 * Approve a member's meet-up, so the community sees it like a kafé, or
 * decline it. Only peer moderators of the meet-up's own community may. The
 * kafé row is locked, so two moderators deciding at once give one decision,
 * and the second gets "already_decided". The decision is audit-logged and
 * the proposer gets a notice.
 */
// NOTE: a moderator's message to the proposer on decline is not supported, because `cafes` has no column to keep it in.
export async function decideMeetup(db: Database, actor: Actor, cafeId: string, decision: "approve" | "decline", now: Date): Promise<DecideMeetupResult> {
  if (!can(actor, "cafes.approve")) return { status: "not_found" };

  return db.transaction(async (tx): Promise<DecideMeetupResult> => {
    const access = await unsafeFindCafeAccess(tx, actor, cafeId, { forUpdate: true });
    if (!access || !access.moderatesCommunity || access.cafe.kind !== "meetup" || access.cafe.cancelledAt) return { status: "not_found" };
    const { cafe } = access;
    if (cafe.approval !== "pending") return { status: "already_decided", approval: cafe.approval };
    if (decision === "approve" && cafe.startsAt.getTime() <= now.getTime()) return { status: "past" };

    const approval = decision === "approve" ? "approved" : "declined";
    await tx.update(cafes).set({ approval, approvedBy: actor.accountId, approvedAt: now, updatedAt: now }).where(eq(cafes.id, cafe.id));
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: decision === "approve" ? "cafes.meetup_approved" : "cafes.meetup_declined",
      subjectType: "cafe",
      subjectId: cafe.id,
      details: { communityId: cafe.communityId },
    });
    if (cafe.hostId && cafe.hostId !== actor.accountId) {
      await unsafeQueueCafeNotices(tx, [{ recipientId: cafe.hostId, kind: decision === "approve" ? "cafe_meetup_approved" : "cafe_meetup_declined", cafeId: cafe.id, actorId: actor.accountId }], now);
    }
    return { status: approval };
  });
}
