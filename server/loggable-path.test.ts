import { describe, expect, test } from "vitest";

import { loggablePath } from "./app";

describe("loggablePath", () => {
  test.each([
    ["/invite/8xN-3Q7TLaFSW0nrIxlUONar2WKl_jgIImHq2XUwKe8", "/invite/[token]"],
    ["/invite/8xN-3Q7TLaFSW0nrIxlUONar2WKl_jgIImHq2XUwKe8.data", "/invite/[token]"],
    ["/invitations", "/invitations"],
    ["/settings/profile", "/settings/profile"],
  ])("%s is logged as %s", (path, logged) => {
    expect(loggablePath(path)).toBe(logged);
  });
});
