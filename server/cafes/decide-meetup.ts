import { eq } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeFindCafeAccess } from "./cafe-access";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import { MEETUP_DECISION_NOTE_MAX_LENGTH } from "./meetup-rules";
import { cafes } from "./schema";

export type DecideMeetupResult =
  | { status: "approved" | "declined" }
  | { status: "already_decided"; approval: "approved" | "declined" }
  | { status: "past" }
  | { status: "invalid"; errors: { note: "note_too_long" } }
  | { status: "not_found" };

export interface DecideMeetupInput {
  decision: "approve" | "decline";
  /** The moderator's words to the proposer; kept on decline only. */
  note?: unknown;
}

/**
 * Approve a member's meet-up, so the community sees it like a kafé, or
 * decline it. Only peer moderators of the meet-up's own community may. The
 * kafé row is locked, so two moderators deciding at once give one decision,
 * and the second gets "already_decided". A decline may carry a note that
 * only the proposer sees on their proposal page. The decision is
 * audit-logged (whether there was a note, never its words) and the proposer
 * gets a notice.
 */
export async function decideMeetup(db: Database, actor: Actor, cafeId: string, input: DecideMeetupInput, now: Date): Promise<DecideMeetupResult> {
  if (!can(actor, "cafes.approve")) return { status: "not_found" };
  const { decision } = input;
  const note = decision === "decline" && typeof input.note === "string" ? input.note.trim() || null : null;

  return db.transaction(async (tx): Promise<DecideMeetupResult> => {
    const access = await unsafeFindCafeAccess(tx, actor, cafeId, { forUpdate: true });
    if (!access || !access.moderatesCommunity || access.cafe.kind !== "meetup" || access.cafe.cancelledAt) return { status: "not_found" };
    const { cafe } = access;
    if (cafe.approval !== "pending") return { status: "already_decided", approval: cafe.approval };
    if (decision === "approve" && cafe.startsAt.getTime() <= now.getTime()) return { status: "past" };
    if (note !== null && note.length > MEETUP_DECISION_NOTE_MAX_LENGTH) return { status: "invalid", errors: { note: "note_too_long" } };

    const approval = decision === "approve" ? "approved" : "declined";
    await tx.update(cafes).set({ approval, approvedBy: actor.accountId, approvedAt: now, decisionNote: note, updatedAt: now }).where(eq(cafes.id, cafe.id));
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: decision === "approve" ? "cafes.meetup_approved" : "cafes.meetup_declined",
      subjectType: "cafe",
      subjectId: cafe.id,
      details: { communityId: cafe.communityId, hasNote: note !== null },
    });
    if (cafe.hostId && cafe.hostId !== actor.accountId) {
      await unsafeQueueCafeNotices(tx, [{ recipientId: cafe.hostId, kind: decision === "approve" ? "cafe_meetup_approved" : "cafe_meetup_declined", cafeId: cafe.id, actorId: actor.accountId }], now);
    }
    return { status: approval };
  });
}
