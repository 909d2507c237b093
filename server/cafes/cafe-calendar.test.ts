import { afterEach, describe, expect, test } from "vitest";

import { parseCalendar } from "../../tests/support/parse-calendar";
import { portalLocalTimeToInstant } from "../platform/portal-time";
import { buildCafeCalendar, type CalendarEntry } from "./cafe-calendar";

const publicUrl = new URL("https://reconnect.example.no");
const now = new Date("2026-03-01T12:00:00Z");

function entry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    cafeId: "6f1c2f8e-7d0e-4a59-9a5e-0c7f1d2b3a41",
    title: "Kafé i Bjørkelia",
    topic: "Gode rutiner for søvn",
    placeName: "Bjørkelia frivilligsentral",
    address: "Storgata 12, 9999 Bjørkelia",
    startsAt: new Date("2026-03-29T16:00:00Z"),
    endsAt: new Date("2026-03-29T18:00:00Z"),
    cancelled: false,
    changedAt: new Date("2026-02-20T10:00:00Z"),
    ...overrides,
  };
}

function build(entries: CalendarEntry[], options: { neutral?: boolean; locale?: "nb" | "nn" | "en"; feed?: boolean } = {}) {
  return buildCafeCalendar({ entries, neutral: options.neutral ?? true, locale: options.locale ?? "nb", publicUrl, feed: options.feed ?? true, now });
}

function instant(local: string): Date {
  const value = portalLocalTimeToInstant(local);
  if (!value) throw new Error(`${local} is not a time in Europe/Oslo.`);
  return value;
}

describe("buildCafeCalendar", () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTimeZone;
  });

  test("output parses in ical.js", () => {
    const parsed = parseCalendar(build([entry(), entry({ cafeId: "0b7a3a60-5d3e-4c1a-8f0e-2a9d6c1e4b77" })]));

    expect(parsed.events).toHaveLength(2);
    expect(parsed.timeZones).toEqual(["Europe/Oslo"]);
    expect(parsed.prodId).toBe("-//ReConnect//Calendar//NB");
    expect(parsed.method).toBe("PUBLISH");
  });

  test.each([
    ["2026-03-28T18:00", "2026-03-28T17:00:00.000Z"],
    ["2026-03-29T18:00", "2026-03-29T16:00:00.000Z"],
    ["2026-03-31T18:00", "2026-03-31T16:00:00.000Z"],
    ["2026-10-24T18:00", "2026-10-24T16:00:00.000Z"],
    ["2026-10-25T18:00", "2026-10-25T17:00:00.000Z"],
    ["2026-10-27T18:00", "2026-10-27T17:00:00.000Z"],
  ])("kafé at %s Oslo time starts at %s", (local, utcStart) => {
    const startsAt = new Date(utcStart);
    const text = build([entry({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) })]);
    const [event] = parseCalendar(text).events;

    expect(text).toContain(`DTSTART;TZID=Europe/Oslo:${local.replaceAll("-", "").replace(":", "")}00`);
    expect(event?.timeZone).toBe("Europe/Oslo");
    expect(event?.localStart).toBe(local);
    expect(event?.start.toISOString()).toBe(utcStart);
    expect(event?.localEnd).toBe(local.replace("T18:", "T20:"));
  });

  test("wall clock is independent of server time zone", () => {
    process.env.TZ = "America/New_York";
    const text = build([entry()]);

    expect(text).toContain("DTSTART;TZID=Europe/Oslo:20260329T180000");
    expect(text).toContain("DTEND;TZID=Europe/Oslo:20260329T200000");
  });

  test("VTIMEZONE agrees with Intl near each change 2026–2035", () => {
    // Ten days around the last Sunday of March and of October, plus the 15th of every month.
    const dates: string[] = [];
    for (let year = 2026; year <= 2035; year++) {
      for (const month of [3, 10]) {
        const lastSunday = new Date(Date.UTC(year, month, 0));
        lastSunday.setUTCDate(lastSunday.getUTCDate() - lastSunday.getUTCDay());
        for (let offset = -5; offset <= 5; offset++) dates.push(new Date(lastSunday.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
      }
      for (let month = 1; month <= 12; month++) dates.push(`${year}-${String(month).padStart(2, "0")}-15`);
    }
    const entries = dates.flatMap((date) =>
      ["00:30", "12:00", "18:00"].map((time) => {
        const startsAt = instant(`${date}T${time}`);
        return entry({ cafeId: `${date}T${time}`, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
      }),
    );

    const parsed = parseCalendar(build(entries));
    const mismatches = parsed.events.filter((event, index) => event.start.getTime() !== entries[index]!.startsAt.getTime() || event.localStart !== entries[index]!.cafeId);

    expect(parsed.events).toHaveLength(entries.length);
    expect(mismatches.map((event) => event.uid)).toEqual([]);
  });

  test.each([
    ["nb", "Avtale", "Avtaler"],
    ["nn", "Avtale", "Avtalar"],
    ["en", "Appointment", "Appointments"],
  ] as const)("neutral %s event says only %s", (locale, summary, calendarName) => {
    const text = build([entry()], { neutral: true, locale });
    const parsed = parseCalendar(text);
    const [event] = parsed.events;

    expect(parsed.name).toBe(calendarName);
    expect(event?.summary).toBe(summary);
    expect(event?.description).toBeNull();
    expect(event?.location).toBeNull();
    expect(event?.url).toBeNull();
    for (const secret of ["Bjørkelia", "søvn", "Storgata", "kaf", "/cafes/"]) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  test("detailed event has title, topic, place and link", () => {
    const parsed = parseCalendar(build([entry()], { neutral: false, locale: "nn" }));
    const [event] = parsed.events;

    expect(parsed.name).toBe("Kafear i ReConnect");
    expect(event?.summary).toBe("Kafé i Bjørkelia");
    expect(event?.location).toBe("Bjørkelia frivilligsentral, Storgata 12, 9999 Bjørkelia");
    expect(event?.url).toBe("https://reconnect.example.no/cafes/6f1c2f8e-7d0e-4a59-9a5e-0c7f1d2b3a41");
    expect(event?.description).toContain("Tema: Gode rutiner for søvn");
    expect(event?.description).toContain("https://reconnect.example.no/cafes/6f1c2f8e-7d0e-4a59-9a5e-0c7f1d2b3a41");
    expect(event?.description).toContain("Hugs: Det som blir sagt på kafeen, og kven som var der, blir der.");
  });

  test("detailed event without topic skips that line", () => {
    const [event] = parseCalendar(build([entry({ topic: null })], { neutral: false, locale: "en" })).events;

    expect(event?.description).not.toContain("Topic");
    expect(event?.description).toContain("Remember:");
  });

  test("cancelled kafé has STATUS:CANCELLED", () => {
    const [open, cancelled] = parseCalendar(build([entry(), entry({ cafeId: "c2", cancelled: true })])).events;

    expect(open?.status).toBe("CONFIRMED");
    expect(cancelled?.status).toBe("CANCELLED");
  });

  test("UID is stable and SEQUENCE grows with changes", () => {
    const [before] = parseCalendar(build([entry()])).events;
    const [after] = parseCalendar(build([entry({ changedAt: new Date("2026-02-21T10:00:00Z") })])).events;

    expect(before?.uid).toBe("6f1c2f8e-7d0e-4a59-9a5e-0c7f1d2b3a41@reconnect.example.no");
    expect(after?.uid).toBe(before?.uid);
    expect(after!.sequence!).toBeGreaterThan(before!.sequence!);
    expect(after!.sequence!).toBeLessThan(2 ** 31);
    expect(after?.lastModified?.toISOString()).toBe("2026-02-21T10:00:00.000Z");
  });

  test("feed has refresh interval, single file does not", () => {
    const feed = parseCalendar(build([entry()], { feed: true }));
    const file = parseCalendar(build([entry()], { feed: false }));

    expect(feed.refreshInterval).toBe("PT1H");
    expect(feed.publishedTtl).toBe("PT1H");
    expect(file.refreshInterval).toBeNull();
    expect(file.name).toBeNull();
  });

  test("empty feed still parses", () => {
    const parsed = parseCalendar(build([]));

    expect(parsed.events).toEqual([]);
  });
});
