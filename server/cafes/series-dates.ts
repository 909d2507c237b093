import { instantToPortalLocalTime, portalLocalTimeToInstant } from "../platform/portal-time";

/** The local rule of a monthly series: "the second Thursday of each month at 17:30 for 120 minutes". */
export interface MonthlyRule {
  /** ISO weekday, 1 Monday to 7 Sunday. */
  weekday: number;
  /** 1–4 for the first to fourth such weekday of the month; -1 for the last. */
  weekOfMonth: number;
  /** Local start time in Europe/Oslo, "HH:MM". */
  startTime: string;
  durationMinutes: number;
  /** First local date ("YYYY-MM-DD") an occurrence may fall on. */
  startsOn: string;
  /** Last local date an occurrence may fall on, or null for an open-ended series. */
  endsOn: string | null;
}

export interface Occurrence {
  /** Local date in Europe/Oslo, "YYYY-MM-DD". */
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

/** How far ahead an open-ended series gets its occurrences made. */
export const SERIES_MONTHS_AHEAD = 12;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** Parse "YYYY-MM-DD" into its numbers, or null when it is not a real calendar date. */
export function parseLocalDate(value: string): { year: number; month: number; day: number } | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * Return the day of the month on which the rule falls in one month. The weekday of
 * a calendar date does not depend on the time zone, so UTC dates are used to
 * count days.
 */
export function ruleDayOfMonth(year: number, month: number, weekday: number, weekOfMonth: number): number {
  if (weekOfMonth === -1) {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const lastWeekday = isoWeekday(year, month, lastDay);
    return lastDay - ((lastWeekday - weekday + 7) % 7);
  }
  const firstWeekday = isoWeekday(year, month, 1);
  return 1 + ((weekday - firstWeekday + 7) % 7) + (weekOfMonth - 1) * 7;
}

function isoWeekday(year: number, month: number, day: number): number {
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/**
 * Convert a local date and "HH:MM" in Europe/Oslo to an instant. A time the
 * clock skips when summer time starts (02:00–02:59 on the last Sunday of
 * March) is moved an hour later, as a wall clock would read it.
 */
export function localStartInstant(localDate: string, startTime: string): Date | null {
  const exact = portalLocalTimeToInstant(`${localDate}T${startTime}`);
  if (exact) return exact;
  const [hour, minute] = startTime.split(":").map(Number) as [number, number];
  if (!Number.isInteger(hour) || hour >= 23) return null;
  return portalLocalTimeToInstant(`${localDate}T${pad(hour + 1)}:${pad(minute)}`);
}

/**
 * List the occurrences of a monthly rule from its first date to its end date or
 * `monthsAhead` months after `from`, whichever comes first. Each occurrence's
 * local date is found per month and then converted to an instant, so 18:00
 * stays 18:00 in Oslo across daylight-saving changes. Occurrences that start
 * at or before `from` are left out.
 */
export function monthlyOccurrences(rule: MonthlyRule, from: Date, monthsAhead = SERIES_MONTHS_AHEAD): Occurrence[] {
  const first = parseLocalDate(rule.startsOn);
  if (!first) return [];
  const fromLocal = parseLocalDate(localDateOf(from))!;
  const horizonIndex = fromLocal.year * 12 + (fromLocal.month - 1) + monthsAhead;
  const endsOn = rule.endsOn ?? null;

  const occurrences: Occurrence[] = [];
  for (let index = first.year * 12 + (first.month - 1); index <= horizonIndex; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const localDate = `${year}-${pad(month)}-${pad(ruleDayOfMonth(year, month, rule.weekday, rule.weekOfMonth))}`;
    if (localDate < rule.startsOn) continue;
    if (endsOn !== null && localDate > endsOn) break;

    const startsAt = localStartInstant(localDate, rule.startTime);
    if (!startsAt || startsAt.getTime() <= from.getTime()) continue;
    occurrences.push({ localDate, startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) });
  }
  return occurrences;
}

/** Return the local date of an instant in Europe/Oslo, "YYYY-MM-DD". */
export function localDateOf(instant: Date): string {
  return instantToPortalLocalTime(instant).slice(0, 10);
}
