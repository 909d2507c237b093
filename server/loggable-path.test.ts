import { describe, expect, test } from "vitest";

import { loggablePath } from "./app";

describe("loggablePath", () => {
  test.each([
    ["/invite/8xN-3Q7TLaFSW0nrIxlUONar2WKl_jgIImHq2XUwKe8", "/invite/[token]"],
    ["/invite/8xN-3Q7TLaFSW0nrIxlUONar2WKl_jgIImHq2XUwKe8.data", "/invite/[token]"],
    ["/invitations", "/invitations"],
    ["/calendar/8xN-3Q7TLaFSW0nrIxlUONar2WKl_jgIImHq2XUwKe8.ics", "/calendar/[token].ics"],
    ["/calendar/8xN-3Q7TLaFSW0nrIxlUONar2WKl_jgIImHq2XUwKe8", "/calendar/[token].ics"],
    ["/calendar/not-a-token.ics.data", "/calendar/[token].ics"],
    ["/settings/calendar", "/settings/calendar"],
    ["/cafes/6f1c2f8e-7d0e-4a59-9a5e-0c7f1d2b3a41/calendar.ics", "/cafes/6f1c2f8e-7d0e-4a59-9a5e-0c7f1d2b3a41/calendar.ics"],
    ["/settings/profile", "/settings/profile"],
  ])("%s is logged as %s", (path, logged) => {
    expect(loggablePath(path)).toBe(logged);
  });
});
