import { describe, expect, test } from "vitest";

import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  test.each([
    ["/", "/"],
    ["/settings", "/settings"],
    ["/settings?x=1", "/settings?x=1"],
    ["/invite/abc?step=2&lang=nn", "/invite/abc?step=2&lang=nn"],
    ["/forum/../settings", "/settings"],
    ["/søk?q=mestring", "/s%C3%B8k?q=mestring"],
  ])("accepts %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  test("drops the fragment", () => {
    expect(safeReturnPath("/settings#sessions")).toBe("/settings");
  });

  test.each([
    ["protocol-relative URL", "//evil.example"],
    ["protocol-relative URL with path", "//evil.example/settings"],
    ["backslash", "/\\evil.example"],
    ["backslash later", "/settings\\..\\evil"],
    ["absolute https URL", "https://evil.example/"],
    ["absolute http URL", "http://localhost/settings"],
    ["javascript URL", "javascript:alert(1)"],
    ["data URL", "data:text/html,hi"],
    ["relative path", "settings"],
    ["empty", ""],
    ["tab", "/\t/evil.example"],
    ["newline", "/settings\n//evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["null byte", "/settings\u0000"],
    ["delete character", "/settings\u007f"],
    ["over-long", `/${"a".repeat(500)}`],
  ])("rejects %s", (_label, value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  test("accepts the longest allowed path", () => {
    const longest = `/${"a".repeat(499)}`;
    expect(safeReturnPath(longest)).toBe(longest);
  });

  test.each([null, undefined, 42, ["/settings"], { path: "/settings" }])("rejects non-string %j", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  test("uses the given fallback", () => {
    expect(safeReturnPath("//evil.example", "/welcome")).toBe("/welcome");
  });
});
