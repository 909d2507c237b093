import { describe, expect, test } from "vitest";

import { pseudonymKey, pseudonymResemblesName, pseudonymSchema } from "./pseudonym";

describe("pseudonymKey", () => {
  test("folds case, accents and Norwegian letters", () => {
    expect(pseudonymKey("Måke")).toBe(pseudonymKey("make"));
    expect(pseudonymKey("Ærlig-Øye")).toBe("aerligoye");
    expect(pseudonymKey("Émile")).toBe("emile");
  });

  test("folds Northern Sámi letters", () => {
    expect(pseudonymKey("Áđđiŋŧ")).toBe("addint");
  });

  test("drops separators and spaces", () => {
    expect(pseudonymKey("Stille vann")).toBe(pseudonymKey("stille_vann"));
  });
});

describe("pseudonymResemblesName", () => {
  test.each([
    ["KariN", "Kari Nordby", true],
    ["nordby77", "Kari Nordby", true],
    ["Kary", "Kari Nordby", true],
    ["Bjorn", "Bjørn Sæther", true],
    ["Morgenfugl", "Kari Nordby", false],
    ["Fjellrev", "Ola Bergset", false],
    ["Ola", null, false],
  ])("%s against %s is %s", (pseudonym, name, expected) => {
    expect(pseudonymResemblesName(pseudonym, name)).toBe(expected);
  });
});

describe("pseudonymSchema", () => {
  test("accepts letters, digits and separators", () => {
    expect(pseudonymSchema.safeParse("Stille vann 2").success).toBe(true);
  });

  test.each([["ab"], ["x".repeat(31)], ["-start"], ["bad<script>"]])("rejects %s", (value) => {
    expect(pseudonymSchema.safeParse(value).success).toBe(false);
  });
});
