import { and, eq, sql } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { jobs } from "../platform/schema";
import { CAFE_REMINDER_QUEUE } from "./cafe-jobs";
import { cafes, cafeSettings } from "./schema";

/** Minutes before the start, used until a member chooses: the day before and two hours before. */
export const DEFAULT_REMINDER_OFFSETS = [24 * 60, 120] as const;

export interface CafeReminderPayload {
  cafeId: string;
  accountId: string;
  offsetMinutes: number;
}

/**
 * Schedule the member's reminders for one kafé, one job per reminder time
 * still in the future. Safe to call again: each reminder has a singleton key.
 * The job itself checks, when it runs, that the kafé is not cancelled, that
 * the member still answers coming or maybe and still wants that reminder, so
 * nothing here needs undoing when an answer or a choice changes.
 */
export async function unsafeScheduleCafeReminders(executor: Executor, cafeId: string, accountId: string, now: Date): Promise<void> {
  const [cafe] = await executor.select({ startsAt: cafes.startsAt }).from(cafes).where(eq(cafes.id, cafeId));
  if (!cafe) return;
  const [settings] = await executor.select({ offsets: cafeSettings.reminderOffsets }).from(cafeSettings).where(eq(cafeSettings.accountId, accountId));
  const offsets = settings?.offsets ?? [...DEFAULT_REMINDER_OFFSETS];

  for (const offsetMinutes of offsets) {
    const runAt = new Date(cafe.startsAt.getTime() - offsetMinutes * 60_000);
    if (runAt.getTime() <= now.getTime()) continue;
    const payload: CafeReminderPayload = { cafeId, accountId, offsetMinutes };
    // A reminder that already ran and was skipped (the member said no, then yes again) is made pending again; one that was sent stays sent.
    await executor
      .insert(jobs)
      .values({ queue: CAFE_REMINDER_QUEUE, payload: { ...payload }, runAt, singletonKey: reminderKey(payload) })
      .onConflictDoUpdate({
        target: jobs.singletonKey,
        set: { state: "pending", runAt, attempts: 0, outcome: null, lastError: null, completedAt: null },
        setWhere: sql`${jobs.state} = 'done' and ${jobs.outcome} like 'skipped%'`,
      });
  }
}

/** Move the pending reminders of a kafé whose time changed, keeping each one's distance to the start. */
export async function unsafeRescheduleCafeReminders(executor: Executor, cafeId: string, startsAt: Date): Promise<void> {
  await executor
    .update(jobs)
    .set({ runAt: sql`${startsAt.toISOString()}::timestamptz - make_interval(mins => (${jobs.payload}->>'offsetMinutes')::int)` })
    .where(and(eq(jobs.queue, CAFE_REMINDER_QUEUE), eq(jobs.state, "pending"), sql`${jobs.payload}->>'cafeId' = ${cafeId}`));
}

export function reminderKey(payload: CafeReminderPayload): string {
  return `${CAFE_REMINDER_QUEUE}:${payload.cafeId}:${payload.accountId}:${payload.offsetMinutes}`;
}
