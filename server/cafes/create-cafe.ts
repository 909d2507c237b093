import { eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { isUniqueViolation } from "../platform/unique-violation";
import { can } from "../policy";
import { unsafeListOwnCommunityIds } from "./cafe-access";
import { cafeFieldErrors, createCafeSchema, monthlyScheduleSchema, oneOffScheduleSchema, type CafeFieldErrors } from "./cafe-input";
import { findLinkableThread } from "./find-linkable-thread";
import { cafes, cafeSeries } from "./schema";
import { localStartInstant, monthlyOccurrences, type Occurrence } from "./series-dates";

export type CreateCafeResult =
  | { status: "created"; cafeId: string; seriesId: string | null; occurrenceCount: number }
  | { status: "invalid"; errors: CafeFieldErrors }
  | { status: "not_found" };

/**
 * Create a one-off kafé or a monthly series. A series' occurrences are made
 * ahead as rows (twelve months, or to the end date), so answers, capacity and
 * cancelling work the same for both. The form's idempotency key sits on the
 * first occurrence: a resubmitted form finds what it already created.
 */
export async function createCafe(db: Database, actor: Actor, input: Record<string, unknown>, now: Date): Promise<CreateCafeResult> {
  if (!can(actor, "cafes.host")) return { status: "not_found" };

  const details = createCafeSchema.safeParse(input);
  const schedule = z.discriminatedUnion("schedule", [oneOffScheduleSchema, monthlyScheduleSchema]).safeParse(input);
  if (!schedule.success && !["once", "monthly"].includes(String(input.schedule))) return { status: "invalid", errors: { ...cafeFieldErrors(details.error), schedule: "schedule_invalid" } };
  if (!details.success || !schedule.success) return { status: "invalid", errors: cafeFieldErrors(details.error, schedule.error) };
  const fields = details.data;

  const existing = await findByIdempotencyKey(db, fields.idempotencyKey);
  if (existing) return existing;

  const communityIds = await unsafeListOwnCommunityIds(db, actor.accountId);
  if (!communityIds.includes(fields.communityId)) return { status: "invalid", errors: { communityId: "community_invalid" } };

  const thread = await findLinkableThread(db, actor, fields.forumThread);
  if (thread.status === "invalid") return { status: "invalid", errors: { forumThread: "forum_thread_invalid" } };

  let occurrences: Occurrence[];
  if (schedule.data.schedule === "once") {
    const startsAt = localStartInstant(schedule.data.date, fields.startTime);
    if (!startsAt || startsAt.getTime() <= now.getTime()) return { status: "invalid", errors: { date: "date_in_past" } };
    occurrences = [{ localDate: schedule.data.date, startsAt, endsAt: new Date(startsAt.getTime() + fields.durationMinutes * 60_000) }];
  } else {
    occurrences = monthlyOccurrences({ ...schedule.data, startTime: fields.startTime, durationMinutes: fields.durationMinutes }, now);
    if (occurrences.length === 0) return { status: "invalid", errors: { endsOn: "series_empty" } };
  }

  try {
    return await db.transaction(async (tx) => {
      let seriesId: string | null = null;
      if (schedule.data.schedule === "monthly") {
        const rule = schedule.data;
        const [series] = await tx
          .insert(cafeSeries)
          .values({
            communityId: fields.communityId,
            hostId: actor.accountId,
            weekday: rule.weekday,
            weekOfMonth: rule.weekOfMonth,
            startTime: fields.startTime,
            durationMinutes: fields.durationMinutes,
            startsOn: rule.startsOn,
            endsOn: rule.endsOn,
          })
          .returning({ id: cafeSeries.id });
        seriesId = series!.id;
      }

      const rows = await tx
        .insert(cafes)
        .values(
          occurrences.map((occurrence, index) => ({
            communityId: fields.communityId,
            seriesId,
            kind: "cafe" as const,
            hostId: actor.accountId,
            title: fields.title,
            topic: fields.topic,
            placeName: fields.placeName,
            address: fields.address,
            directions: fields.directions,
            accessibilityNotes: fields.accessibilityNotes,
            capacity: fields.capacity,
            startsAt: occurrence.startsAt,
            endsAt: occurrence.endsAt,
            forumThreadId: thread.status === "found" ? thread.threadId : null,
            approval: "approved" as const,
            approvedBy: actor.accountId,
            approvedAt: now,
            idempotencyKey: index === 0 ? fields.idempotencyKey : null,
            createdBy: actor.accountId,
          })),
        )
        .returning({ id: cafes.id });
      const cafeId = rows[0]!.id;

      await recordAuditEvent(tx, {
        actorId: actor.accountId,
        action: seriesId ? "cafes.series_created" : "cafes.cafe_created",
        subjectType: seriesId ? "cafe_series" : "cafe",
        subjectId: seriesId ?? cafeId,
        details: { communityId: fields.communityId, occurrences: rows.length, firstCafeId: cafeId },
      });
      return { status: "created", cafeId, seriesId, occurrenceCount: rows.length } as const;
    });
  } catch (error) {
    // Two submits of the same form at once: the loser finds the winner's kafé.
    if (!isUniqueViolation(error, "cafes_idempotency_key_key")) throw error;
    const created = await findByIdempotencyKey(db, fields.idempotencyKey);
    if (!created) throw error;
    return created;
  }
}

async function findByIdempotencyKey(db: Database, idempotencyKey: string): Promise<CreateCafeResult | null> {
  const [cafe] = await db.select({ id: cafes.id, seriesId: cafes.seriesId }).from(cafes).where(eq(cafes.idempotencyKey, idempotencyKey));
  if (!cafe) return null;
  const occurrences = cafe.seriesId ? await db.select({ id: cafes.id }).from(cafes).where(inArray(cafes.seriesId, [cafe.seriesId])) : [cafe];
  return { status: "created", cafeId: cafe.id, seriesId: cafe.seriesId, occurrenceCount: occurrences.length };
}
