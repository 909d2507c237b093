import { describe, expect, test } from "vitest";

import en from "../messages/en.json" with { type: "json" };
import nb from "../messages/nb.json" with { type: "json" };
import nn from "../messages/nn.json" with { type: "json" };

const catalogues = { nb, nn, en } as Record<string, Record<string, unknown>>;

function placeholders(message: unknown): string[] {
  return [...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe("message catalogues", () => {
  const bokmalKeys = Object.keys(nb).filter((key) => key !== "$schema").sort();

  test.each(["nn", "en"])("%s has exactly the Bokmål keys", (locale) => {
    const keys = Object.keys(catalogues[locale]!).filter((key) => key !== "$schema").sort();
    expect(keys.filter((key) => !bokmalKeys.includes(key)), "extra keys").toEqual([]);
    expect(bokmalKeys.filter((key) => !keys.includes(key)), "missing keys").toEqual([]);
  });

  test.each(["nb", "nn", "en"])("%s has no empty messages", (locale) => {
    const empty = Object.entries(catalogues[locale]!).filter(([, message]) => typeof message === "string" && message.trim() === "");
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  test.each(["nn", "en"])("%s uses the same placeholders as Bokmål", (locale) => {
    const mismatched = bokmalKeys.filter((key) => placeholders(nb[key as keyof typeof nb]).join() !== placeholders(catalogues[locale]![key]).join());
    expect(mismatched).toEqual([]);
  });
});
