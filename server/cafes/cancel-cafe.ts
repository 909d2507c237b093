import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { auditEvents } from "../audit/schema";
import type { Actor } from "../identity/actor";
import type { Database, Executor } from "../platform/db";
import { can } from "../policy";
import { cafeHasStarted, unsafeFindCafeAccess, type CafeAccess } from "./cafe-access";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import { cafeRsvps, cafes, cafeSeries } from "./schema";

/**
 * Why a kafé was cancelled, as a code the page words in the reader's
 * language. A code rather than free text, because the reason is kept in the
 * audit log, which contains ids and codes only.
 */
export const CANCEL_REASONS = ["host_unavailable", "place_unavailable", "too_few_coming", "weather", "other"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export type CancelCafeResult =
  | { status: "cancelled"; cafeIds: string[] }
  | { status: "invalid"; errors: { reason?: string; scope?: string } }
  | { status: "closed" }
  | { status: "not_found" };

const cancelInput = z.object({
  reason: z.enum(CANCEL_REASONS, { message: "reason_missing" }),
  scope: z.enum(["one", "series"], { message: "scope_invalid" }),
});

/** Peer moderators of the community cancel kaféer; a member may cancel a meet-up they proposed. */
export function mayCancelCafe(access: CafeAccess): boolean {
  return access.moderatesCommunity || (access.cafe.kind === "meetup" && access.isHost);
}

/**
 * Cancel one kafé, or every occurrence of its series that has not started.
 * Cancelled kaféer stay visible, marked with the reason, and take no more
 * answers. Everyone who answered coming, maybe or waitlisted gets a notice.
 */
export async function cancelCafe(db: Database, actor: Actor, cafeId: string, input: { reason: unknown; scope: unknown }, now: Date): Promise<CancelCafeResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const access = await unsafeFindCafeAccess(tx, actor, cafeId, { forUpdate: true });
    if (!access || !mayCancelCafe(access)) return { status: "not_found" } as const;
    const { cafe } = access;

    const parsed = cancelInput.safeParse(input);
    if (!parsed.success) return { status: "invalid", errors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])) } as const;
    const { reason, scope } = parsed.data;
    if (scope === "series" && (cafe.seriesId === null || !access.moderatesCommunity)) return { status: "invalid", errors: { scope: "scope_invalid" } } as const;
    if (scope === "one" && (cafe.cancelledAt !== null || cafeHasStarted(cafe, now))) return { status: "closed" } as const;

    const cancelledIds =
      scope === "one"
        ? [cafe.id]
        : (
            await tx
              .update(cafes)
              .set({ cancelledAt: now, updatedAt: now })
              .where(and(eq(cafes.seriesId, cafe.seriesId!), isNull(cafes.cancelledAt), gt(cafes.startsAt, now)))
              .returning({ id: cafes.id })
          ).map((row) => row.id);
    if (scope === "one") await tx.update(cafes).set({ cancelledAt: now, updatedAt: now }).where(eq(cafes.id, cafe.id));
    if (scope === "series") {
      await tx.update(cafeSeries).set({ cancelledAt: now }).where(eq(cafeSeries.id, cafe.seriesId!));
      await recordAuditEvent(tx, { actorId: actor.accountId, action: "cafes.series_cancelled", subjectType: "cafe_series", subjectId: cafe.seriesId!, details: { reason, occurrences: cancelledIds.length } });
    }

    for (const id of cancelledIds) {
      await recordAuditEvent(tx, { actorId: actor.accountId, action: "cafes.cafe_cancelled", subjectType: "cafe", subjectId: id, details: { reason, seriesId: scope === "series" ? cafe.seriesId : null } });
    }
    await notifyAnswerers(tx, cancelledIds, actor.accountId, now);
    return { status: "cancelled", cafeIds: cancelledIds } as const;
  });
}

async function notifyAnswerers(tx: Executor, cafeIds: string[], actorId: string, now: Date) {
  if (cafeIds.length === 0) return;
  const answerers = await tx
    .select({ cafeId: cafeRsvps.cafeId, accountId: cafeRsvps.accountId })
    .from(cafeRsvps)
    .where(and(inArray(cafeRsvps.cafeId, cafeIds), inArray(cafeRsvps.answer, ["coming", "maybe", "waitlisted"])));
  const notices = answerers.filter((row) => row.accountId !== actorId).map((row) => ({ recipientId: row.accountId, kind: "cafe_cancelled" as const, cafeId: row.cafeId, actorId }));
  await unsafeQueueCafeNotices(tx, notices, now);
}

/** Find the reason recorded when the kafé was cancelled, or null. Unsafe: the caller has checked that the reader may see the kafé. */
export async function unsafeFindCancelReason(executor: Executor, cafeId: string): Promise<CancelReason | null> {
  const [event] = await executor
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "cafe"), eq(auditEvents.subjectId, cafeId), eq(auditEvents.action, "cafes.cafe_cancelled")))
    .orderBy(desc(auditEvents.createdAt))
    .limit(1);
  const reason = event?.details.reason;
  return (CANCEL_REASONS as readonly unknown[]).includes(reason) ? (reason as CancelReason) : null;
}
