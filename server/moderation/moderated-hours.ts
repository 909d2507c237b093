import { and, eq, isNull, sql } from "drizzle-orm";

import { unsafeReadModerationSettings } from "./moderation-settings";
import { moderatorDuty, type ModeratedHoursWindow } from "./schema";
import { accountRoles, accounts } from "../identity/schema";
import type { Executor } from "../platform/db";

/** Moderated hours are kept in the local time of the moderators, who work in Norway. */
export const MODERATED_HOURS_TIME_ZONE = "Europe/Oslo";

const osloClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: MODERATED_HOURS_TIME_ZONE,
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const isoWeekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Minutes after midnight of a "HH:MM" time; "24:00" is 1440, the end of the day. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The ISO weekday (Monday 1) and the minute of the day an instant has on a clock in Oslo, daylight saving time included. */
export function osloWeekdayAndMinute(instant: Date): { weekday: number; minute: number } {
  const parts = Object.fromEntries(osloClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const weekday = isoWeekdays[parts.weekday ?? ""];
  if (weekday === undefined) throw new Error(`Unexpected weekday "${parts.weekday}" from Intl.DateTimeFormat.`);
  return { weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/**
 * Whether an instant falls in one of the weekly windows, read on a clock in
 * Oslo. A window includes its start and excludes its end, so 09:00–15:00
 * covers 09:00 up to 14:59. On the night clocks go back, the hour that
 * happens twice is inside a window each time; the hour skipped in spring is
 * in none.
 */
export function isWithinModeratedHours(windows: readonly ModeratedHoursWindow[], instant: Date): boolean {
  const { weekday, minute } = osloWeekdayAndMinute(instant);
  return windows.some((window) => window.weekday === weekday && minutesOfDay(window.start) <= minute && minute < minutesOfDay(window.end));
}

/** Whether an active peer moderator, not on a break, has said they are on duty. */
export async function isModeratorOnDuty(db: Executor): Promise<boolean> {
  const [row] = await db
    .select({ accountId: moderatorDuty.accountId })
    .from(moderatorDuty)
    .innerJoin(accounts, eq(accounts.id, moderatorDuty.accountId))
    .where(
      and(
        eq(accounts.status, "active"),
        isNull(accounts.pausedAt),
        sql`exists (select 1 from ${accountRoles} where ${accountRoles.accountId} = ${moderatorDuty.accountId} and ${accountRoles.role} = 'peer_moderator')`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Whether a moderator follows the forum now: inside the moderated hours, or
 * with at least one peer moderator on duty. Outside both, a post with crisis
 * language waits for a moderator.
 */
export async function isModeratedNow(db: Executor, now = new Date()): Promise<boolean> {
  const settings = await unsafeReadModerationSettings(db);
  if (isWithinModeratedHours(settings.moderatedHours, now)) return true;
  return isModeratorOnDuty(db);
}
