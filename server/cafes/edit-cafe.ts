import { and, eq, inArray } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { cafeHasStarted, unsafeFindCafeAccess } from "./cafe-access";
import { cafeDetailsSchema, cafeFieldErrors, oneOffScheduleSchema, type CafeFieldErrors } from "./cafe-input";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import { findLinkableThread } from "./find-linkable-thread";
import { unsafePromoteFromWaitingList } from "./promote-from-waiting-list";
import { unsafeRescheduleCafeReminders } from "./schedule-cafe-reminders";
import { cafeRsvps, cafes } from "./schema";
import { localStartInstant } from "./series-dates";

export type EditCafeResult = { status: "saved"; changed: string[]; promoted: number } | { status: "invalid"; errors: CafeFieldErrors } | { status: "closed" } | { status: "not_found" };

/** Fields whose change is sent as a notice to members who answered. */
const NOTIFIED_FIELDS = ["title", "topic", "placeName", "address", "directions", "accessibilityNotes", "capacity", "startsAt", "endsAt"] as const;

/**
 * Edit one kafé (one occurrence of a series). Members who answered coming,
 * maybe or waitlisted get a `cafe_changed` notice; pending reminders follow a
 * new time; a higher capacity gives the new seats to the waiting list.
 */
export async function editCafe(db: Database, actor: Actor, cafeId: string, input: Record<string, unknown>, now: Date): Promise<EditCafeResult> {
  if (!can(actor, "cafes.host")) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const access = await unsafeFindCafeAccess(tx, actor, cafeId, { forUpdate: true });
    if (!access || !access.moderatesCommunity) return { status: "not_found" } as const;
    const { cafe } = access;
    if (cafe.cancelledAt !== null || cafeHasStarted(cafe, now)) return { status: "closed" } as const;

    const details = cafeDetailsSchema.safeParse(input);
    const schedule = oneOffScheduleSchema.safeParse({ ...input, schedule: "once" });
    if (!details.success || !schedule.success) return { status: "invalid", errors: cafeFieldErrors(details.error, schedule.error) } as const;
    const fields = details.data;

    const startsAt = localStartInstant(schedule.data.date, fields.startTime);
    if (!startsAt || startsAt.getTime() <= now.getTime()) return { status: "invalid", errors: { date: "date_in_past" } } as const;
    const endsAt = new Date(startsAt.getTime() + fields.durationMinutes * 60_000);

    // An unchanged link is kept even if the thread has since moved out of the host's reach.
    let forumThreadId = cafe.forumThreadId;
    if (fields.forumThread === null) forumThreadId = null;
    else if (!cafe.forumThreadId || !fields.forumThread.toLowerCase().includes(cafe.forumThreadId)) {
      const thread = await findLinkableThread(tx, actor, fields.forumThread);
      if (thread.status !== "found") return { status: "invalid", errors: { forumThread: "forum_thread_invalid" } } as const;
      forumThreadId = thread.threadId;
    }

    const next = {
      title: fields.title,
      topic: fields.topic,
      placeName: fields.placeName,
      address: fields.address,
      directions: fields.directions,
      accessibilityNotes: fields.accessibilityNotes,
      capacity: fields.capacity,
      startsAt,
      endsAt,
    };
    const changed: string[] = NOTIFIED_FIELDS.filter((field) => String(cafe[field]) !== String(next[field]));
    if (forumThreadId !== cafe.forumThreadId) changed.push("forumThreadId");
    if (changed.length === 0) return { status: "saved", changed: [], promoted: 0 } as const;

    const [updated] = await tx
      .update(cafes)
      .set({ ...next, forumThreadId, updatedAt: now })
      .where(eq(cafes.id, cafe.id))
      .returning();

    if (startsAt.getTime() !== cafe.startsAt.getTime()) await unsafeRescheduleCafeReminders(tx, cafe.id, startsAt);
    // NOTE: a lower capacity keeps the seats already given; only new "coming" answers wait.
    const promoted = await unsafePromoteFromWaitingList(tx, updated!, now, actor.accountId);

    const answerers = await tx
      .select({ accountId: cafeRsvps.accountId })
      .from(cafeRsvps)
      .where(and(eq(cafeRsvps.cafeId, cafe.id), inArray(cafeRsvps.answer, ["coming", "maybe", "waitlisted"])));
    const notices = answerers
      .filter((row) => row.accountId !== actor.accountId && !promoted.includes(row.accountId))
      .map((row) => ({ recipientId: row.accountId, kind: "cafe_changed" as const, cafeId: cafe.id, actorId: actor.accountId }));
    // Members moved up from the waiting list already get a notice that they have a seat.
    if (changed.some((field) => field !== "forumThreadId")) await unsafeQueueCafeNotices(tx, notices, now);

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "cafes.cafe_edited", subjectType: "cafe", subjectId: cafe.id, details: { changed: changed.join(","), promoted: promoted.length } });
    return { status: "saved", changed, promoted: promoted.length } as const;
  });
}
