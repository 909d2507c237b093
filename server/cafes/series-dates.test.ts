import { describe, expect, test } from "vitest";

import { instantToPortalLocalTime } from "../platform/portal-time";
import { localDateOf, localStartInstant, monthlyOccurrences, ruleDayOfMonth, type MonthlyRule } from "./series-dates";

const lastSunday: MonthlyRule = { weekday: 7, weekOfMonth: -1, startTime: "18:00", durationMinutes: 120, startsOn: "2026-01-01", endsOn: "2026-12-31" };

describe("monthly series dates", () => {
  test.each([
    // March 2026 starts on a Sunday; the last Sunday is the 29th, when summer time starts.
    [2026, 3, 7, 1, 1],
    [2026, 3, 7, -1, 29],
    [2026, 10, 7, -1, 25],
    [2026, 12, 2, 1, 1],
    [2026, 12, 4, 3, 17],
    [2027, 2, 1, 4, 22],
    [2027, 2, 7, -1, 28],
  ])("%i-%i weekday %i week %i is day %i", (year, month, weekday, weekOfMonth, day) => {
    expect(ruleDayOfMonth(year, month, weekday, weekOfMonth)).toBe(day);
  });

  test("18:00 stays 18:00 across summer time", () => {
    const occurrences = monthlyOccurrences(lastSunday, new Date("2026-01-01T00:00:00Z"));
    const march = occurrences.find((occurrence) => occurrence.localDate === "2026-03-29")!;
    const february = occurrences.find((occurrence) => occurrence.localDate === "2026-02-22")!;

    expect(instantToPortalLocalTime(february.startsAt)).toBe("2026-02-22T18:00");
    expect(instantToPortalLocalTime(march.startsAt)).toBe("2026-03-29T18:00");
    expect(february.startsAt.toISOString()).toBe("2026-02-22T17:00:00.000Z");
    expect(march.startsAt.toISOString()).toBe("2026-03-29T16:00:00.000Z");
  });

  test("18:00 stays 18:00 when summer time ends", () => {
    const occurrences = monthlyOccurrences(lastSunday, new Date("2026-01-01T00:00:00Z"));
    const september = occurrences.find((occurrence) => occurrence.localDate === "2026-09-27")!;
    const october = occurrences.find((occurrence) => occurrence.localDate === "2026-10-25")!;

    expect(instantToPortalLocalTime(october.startsAt)).toBe("2026-10-25T18:00");
    expect(september.startsAt.toISOString()).toBe("2026-09-27T16:00:00.000Z");
    expect(october.startsAt.toISOString()).toBe("2026-10-25T17:00:00.000Z");
    expect(october.endsAt.toISOString()).toBe("2026-10-25T19:00:00.000Z");
  });

  test("series stops at its end date", () => {
    const occurrences = monthlyOccurrences({ ...lastSunday, endsOn: "2026-05-30" }, new Date("2026-01-01T00:00:00Z"));
    expect(occurrences.map((occurrence) => occurrence.localDate)).toEqual(["2026-01-25", "2026-02-22", "2026-03-29", "2026-04-26"]);
  });

  test("series starts on its first date", () => {
    const occurrences = monthlyOccurrences({ ...lastSunday, startsOn: "2026-01-26", endsOn: "2026-03-01" }, new Date("2026-01-01T00:00:00Z"));
    expect(occurrences.map((occurrence) => occurrence.localDate)).toEqual(["2026-02-22"]);
  });

  test("open series reaches twelve months ahead", () => {
    const occurrences = monthlyOccurrences({ ...lastSunday, endsOn: null, weekday: 2, weekOfMonth: 1 }, new Date("2026-12-05T06:00:00Z"));
    expect(occurrences[0]?.localDate).toBe("2027-01-05");
    expect(occurrences.at(-1)?.localDate).toBe("2027-12-07");
    expect(occurrences).toHaveLength(12);
  });

  test("past occurrences are left out", () => {
    const occurrences = monthlyOccurrences({ ...lastSunday, endsOn: null }, new Date("2026-03-29T16:00:00Z"), 1);
    expect(occurrences.map((occurrence) => occurrence.localDate)).toEqual(["2026-04-26"]);
  });

  test("skipped hour moves an hour later", () => {
    expect(instantToPortalLocalTime(localStartInstant("2026-03-29", "02:30")!)).toBe("2026-03-29T03:30");
  });

  test("local date uses Oslo time", () => {
    expect(localDateOf(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });
});
