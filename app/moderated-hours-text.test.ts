import { describe, expect, test } from "vitest";

import { describeModeratedHours, weekdayNames } from "./moderated-hours-text.server";

describe("describeModeratedHours", () => {
  test("weekdays with the same hours share a range", () => {
    const windows = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "15:00" }));
    expect(describeModeratedHours(windows, "nb")).toBe("mandag–fredag 09:00–15:00");
    expect(describeModeratedHours(windows, "nn")).toBe("måndag–fredag 09:00–15:00");
    expect(describeModeratedHours(windows, "en")).toBe("Monday–Friday 09:00–15:00");
  });

  test("different hours and gaps get their own parts", () => {
    const windows = [
      { weekday: 1, start: "09:00", end: "15:00" },
      { weekday: 2, start: "09:00", end: "15:00" },
      { weekday: 4, start: "09:00", end: "11:00" },
      { weekday: 4, start: "18:00", end: "20:00" },
      { weekday: 6, start: "10:00", end: "12:00" },
    ];
    expect(describeModeratedHours(windows, "nb")).toBe("mandag–tirsdag 09:00–15:00, torsdag 09:00–11:00, 18:00–20:00 og lørdag 10:00–12:00");
  });

  test("weekday names start on Monday", () => {
    expect(weekdayNames("en").map((day) => day.name)).toEqual(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
  });
});
