import { and, asc, eq, sql } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { cafeHasStarted, type CafeRow } from "./cafe-access";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import { unsafeScheduleCafeReminders } from "./schedule-cafe-reminders";
import { cafeRsvps } from "./schema";

/** Count the members who hold a seat. */
export async function countComing(executor: Executor, cafeId: string): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(cafeRsvps)
    .where(and(eq(cafeRsvps.cafeId, cafeId), eq(cafeRsvps.answer, "coming")));
  return Number(row?.count ?? 0);
}

/**
 * Give free seats to the waiting list, oldest request first, with a notice
 * and reminders for each member moved up. Unsafe: the caller holds the
 * kafé's row lock (`forUpdate`), so two freed seats cannot go to the same
 * member and a seat cannot go to two.
 */
export async function unsafePromoteFromWaitingList(executor: Executor, cafe: CafeRow, now: Date, actorId: string | null): Promise<string[]> {
  if (cafe.cancelledAt !== null || cafeHasStarted(cafe, now)) return [];

  const coming = await countComing(executor, cafe.id);
  const freeSeats = cafe.capacity === null ? Number.MAX_SAFE_INTEGER : cafe.capacity - coming;
  if (freeSeats <= 0) return [];

  const waiting = await executor
    .select({ accountId: cafeRsvps.accountId })
    .from(cafeRsvps)
    .where(and(eq(cafeRsvps.cafeId, cafe.id), eq(cafeRsvps.answer, "waitlisted")))
    .orderBy(asc(cafeRsvps.requestedAt), asc(cafeRsvps.accountId))
    .limit(Math.min(freeSeats, 500));
  if (waiting.length === 0) return [];

  const promoted = waiting.map((row) => row.accountId);
  for (const accountId of promoted) {
    await executor
      .update(cafeRsvps)
      .set({ answer: "coming" })
      .where(and(eq(cafeRsvps.cafeId, cafe.id), eq(cafeRsvps.accountId, accountId)));
    await unsafeScheduleCafeReminders(executor, cafe.id, accountId, now);
  }
  await unsafeQueueCafeNotices(
    executor,
    promoted.map((recipientId) => ({ recipientId, kind: "cafe_seat_given" as const, cafeId: cafe.id, actorId })),
    now,
  );
  return promoted;
}
