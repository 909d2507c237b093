import { describe, expect, test } from "vitest";

import { isWithinModeratedHours, osloWeekdayAndMinute } from "./moderated-hours";
import type { ModeratedHoursWindow } from "./schema";

const weekdays: ModeratedHoursWindow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "15:00" }));
const sundayMorning: ModeratedHoursWindow[] = [{ weekday: 7, start: "09:00", end: "15:00" }];

describe("osloWeekdayAndMinute", () => {
  test("winter time is UTC+1", () => {
    // Thursday 2026-01-15 08:00 UTC is 09:00 in Oslo.
    expect(osloWeekdayAndMinute(new Date("2026-01-15T08:00:00Z"))).toEqual({ weekday: 4, minute: 9 * 60 });
  });

  test("summer time is UTC+2", () => {
    expect(osloWeekdayAndMinute(new Date("2026-07-15T07:00:00Z"))).toEqual({ weekday: 3, minute: 9 * 60 });
  });

  test("weekday follows Oslo midnight, not UTC", () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Oslo in winter.
    expect(osloWeekdayAndMinute(new Date("2026-01-18T23:30:00Z"))).toEqual({ weekday: 1, minute: 30 });
  });
});

describe("isWithinModeratedHours", () => {
  test("no windows means never", () => {
    expect(isWithinModeratedHours([], new Date("2026-01-15T10:00:00Z"))).toBe(false);
  });

  test.each([
    ["2026-01-15T07:59:00Z", false, "08:59, before the start"],
    ["2026-01-15T08:00:00Z", true, "09:00, the start is inside"],
    ["2026-01-15T13:59:00Z", true, "14:59, the last minute"],
    ["2026-01-15T14:00:00Z", false, "15:00, the end is outside"],
    ["2026-01-17T10:00:00Z", false, "Saturday has no window"],
  ])("winter Thursday %s is %s (%s)", (instant, expected) => {
    expect(isWithinModeratedHours(weekdays, new Date(instant))).toBe(expected);
  });

  test.each([
    ["2026-07-16T06:59:00Z", false],
    ["2026-07-16T07:00:00Z", true],
    ["2026-07-16T12:59:00Z", true],
    ["2026-07-16T13:00:00Z", false],
  ])("summer Thursday %s is %s", (instant, expected) => {
    expect(isWithinModeratedHours(weekdays, new Date(instant))).toBe(expected);
  });

  // Clocks in Oslo go forward from 02:00 to 03:00 on Sunday 2026-03-29 (at 01:00 UTC).
  test.each([
    ["2026-03-28T07:59:00Z", false, "Saturday before, still UTC+1: 08:59"],
    ["2026-03-29T06:59:00Z", false, "08:59 in summer time"],
    ["2026-03-29T07:00:00Z", true, "09:00 in summer time"],
    ["2026-03-29T08:00:00Z", true, "10:00; in winter time this would read 09:00"],
    ["2026-03-29T12:59:00Z", true, "14:59"],
    ["2026-03-29T13:00:00Z", false, "15:00"],
  ])("spring change %s is %s (%s)", (instant, expected) => {
    expect(isWithinModeratedHours(sundayMorning, new Date(instant))).toBe(expected);
  });

  // Clocks in Oslo go back from 03:00 to 02:00 on Sunday 2026-10-25 (at 01:00 UTC).
  test.each([
    ["2026-10-25T07:59:00Z", false, "08:59 in winter time"],
    ["2026-10-25T08:00:00Z", true, "09:00 in winter time"],
    ["2026-10-25T07:00:00Z", false, "08:00; in summer time this would read 09:00"],
    ["2026-10-25T13:59:00Z", true, "14:59"],
    ["2026-10-25T14:00:00Z", false, "15:00"],
  ])("autumn change %s is %s (%s)", (instant, expected) => {
    expect(isWithinModeratedHours(sundayMorning, new Date(instant))).toBe(expected);
  });

  test("hour skipped in spring matches no window", () => {
    const skipped: ModeratedHoursWindow[] = [{ weekday: 7, start: "02:00", end: "03:00" }];
    // 00:59 UTC is 01:59 CET and 01:00 UTC is already 03:00 CEST.
    expect(isWithinModeratedHours(skipped, new Date("2026-03-29T00:59:00Z"))).toBe(false);
    expect(isWithinModeratedHours(skipped, new Date("2026-03-29T01:00:00Z"))).toBe(false);
  });

  test("hour repeated in autumn matches both times", () => {
    const repeated: ModeratedHoursWindow[] = [{ weekday: 7, start: "02:00", end: "03:00" }];
    // 00:30 UTC is 02:30 CEST, and 01:30 UTC is 02:30 CET.
    expect(isWithinModeratedHours(repeated, new Date("2026-10-25T00:30:00Z"))).toBe(true);
    expect(isWithinModeratedHours(repeated, new Date("2026-10-25T01:30:00Z"))).toBe(true);
    expect(isWithinModeratedHours(repeated, new Date("2026-10-25T02:00:00Z"))).toBe(false);
  });

  test("window ending at 24:00 covers the last minute of the day", () => {
    const evening: ModeratedHoursWindow[] = [{ weekday: 5, start: "18:00", end: "24:00" }];
    // Friday 2026-01-16 22:59 UTC is 23:59 in Oslo; a minute later it is Saturday.
    expect(isWithinModeratedHours(evening, new Date("2026-01-16T22:59:00Z"))).toBe(true);
    expect(isWithinModeratedHours(evening, new Date("2026-01-16T23:00:00Z"))).toBe(false);
  });

  test("two windows on one day", () => {
    const split: ModeratedHoursWindow[] = [
      { weekday: 2, start: "09:00", end: "11:00" },
      { weekday: 2, start: "18:00", end: "20:00" },
    ];
    // Tuesday 2026-01-13, Oslo is UTC+1.
    expect(isWithinModeratedHours(split, new Date("2026-01-13T09:30:00Z"))).toBe(true);
    expect(isWithinModeratedHours(split, new Date("2026-01-13T12:00:00Z"))).toBe(false);
    expect(isWithinModeratedHours(split, new Date("2026-01-13T17:30:00Z"))).toBe(true);
  });
});
