import { describe, expect, test } from "vitest";

import { formatDate, formatDateTime } from "./format-date";

describe("formatDateTime", () => {
  test("summer time is UTC+2", () => {
    expect(formatDateTime("2026-06-15T16:00:00Z", "nb")).toContain("18:00");
  });

  test("winter time is UTC+1", () => {
    expect(formatDateTime("2026-12-04T16:00:00Z", "nb")).toContain("17:00");
  });

  test("both sides of the October change", () => {
    expect(formatDateTime("2026-10-25T00:30:00Z", "en")).toContain("02:30");
    expect(formatDateTime("2026-10-25T01:30:00Z", "en")).toContain("02:30");
  });

  test("month names follow the locale", () => {
    expect(formatDate("2026-12-04T12:00:00Z", "nb")).toBe("4. desember 2026");
    expect(formatDate("2026-12-04T12:00:00Z", "en")).toBe("4 December 2026");
  });

  test("Nynorsk reads like Bokmål", () => {
    expect(formatDate("2026-12-04T12:00:00Z", "nn")).toBe("4. desember 2026");
    expect(formatDateTime("2026-12-04T17:30:00Z", "nn")).toBe("4. des. 2026, 18:30");
  });
});
