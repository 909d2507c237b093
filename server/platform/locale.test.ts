import { describe, expect, test } from "vitest";

import { negotiateLocale } from "./locale";

const none = { personLocale: null, cookieLocale: undefined, acceptLanguage: undefined };

describe("negotiateLocale", () => {
  test("person's setting wins over cookie and header", () => {
    expect(negotiateLocale({ personLocale: "nn", cookieLocale: "en", acceptLanguage: "en-GB" })).toBe("nn");
  });

  test("cookie wins over the header", () => {
    expect(negotiateLocale({ ...none, cookieLocale: "en", acceptLanguage: "nn" })).toBe("en");
  });

  test("unknown cookie falls through to the header", () => {
    expect(negotiateLocale({ ...none, cookieLocale: "de", acceptLanguage: "nn" })).toBe("nn");
  });

  test.each([
    ["no", "nb"],
    ["nb", "nb"],
    ["nb-NO", "nb"],
    ["no-NO", "nb"],
    ["nn", "nn"],
    ["nn-NO", "nn"],
    ["en-GB", "en"],
    ["en-US,en;q=0.9", "en"],
    ["EN-gb", "en"],
    ["de-DE,de;q=0.9,nn;q=0.5,en;q=0.3", "nn"],
    ["de-DE, fr;q=0.8", "nb"],
  ])("Accept-Language %s gives %s", (acceptLanguage, expected) => {
    expect(negotiateLocale({ ...none, acceptLanguage })).toBe(expected);
  });

  test.each([
    ["en;q=0.5,nn;q=0.9", "nn"],
    ["nb;q=0.1,en;q=0.2", "en"],
    ["nn;q=0,en", "en"],
    ["en;q=0, no;q=0.3", "nb"],
  ])("q-values order %s", (acceptLanguage, expected) => {
    expect(negotiateLocale({ ...none, acceptLanguage })).toBe(expected);
  });

  test.each(["", "*", ";;;", "q=1", "en;q=abc"])("Bokmål when the header gives nothing usable: %j", (acceptLanguage) => {
    const result = negotiateLocale({ ...none, acceptLanguage });
    expect(result).toBe("nb");
  });

  test("Bokmål without any input", () => {
    expect(negotiateLocale(none)).toBe("nb");
  });
});
