import { describe, expect, it } from "vitest";

import exclusions from "./crisis-exclusions.json" with { type: "json" };
import rules from "./crisis-rules.json" with { type: "json" };
import sentences from "./crisis-sentences.json" with { type: "json" };
import words from "./crisis-words.json" with { type: "json" };
import { compileCrisisRuleSet, crisisCategories, type CrisisData } from "./crisis-rule-set";
import { detectCrisisLanguage, detectWithRuleSet } from "./detect-crisis-language";
import { normalizeCrisisWord } from "./normalize-crisis-word";

type SentenceRow = { text: string; language: "nb" | "nn" | "en"; expected: boolean; category?: string; note?: string };

const table = sentences as SentenceRow[];

function label(row: SentenceRow): string {
  const text = row.text.replace(/\s+/g, " ");
  return `[${row.language}] ${text.length > 70 ? `${text.slice(0, 70)}…` : text}`;
}

describe("crisis sentence table", () => {
  it.each(table.map((row) => [label(row), row] as const))("%s", (_label, row) => {
    const finding = detectCrisisLanguage(row.text);

    if (row.expected) {
      expect(finding, "expected a finding").not.toBeNull();
      expect(finding!.categories[0], "most serious category").toBe(row.category);
    } else {
      expect(finding, "expected no finding").toBeNull();
    }
  });

  it("has enough rows in every language", () => {
    expect(table.length).toBeGreaterThanOrEqual(150);
    for (const language of ["nb", "nn", "en"] as const) {
      expect(table.filter((row) => row.language === language && row.expected).length, `${language} rows that trigger`).toBeGreaterThanOrEqual(15);
      expect(table.filter((row) => row.language === language && !row.expected).length, `${language} rows that do not`).toBeGreaterThanOrEqual(10);
    }
  });

  it("names a known category on every triggering row", () => {
    for (const row of table.filter((candidate) => candidate.expected)) {
      expect(crisisCategories, label(row)).toContain(row.category);
    }
  });

  it("exercises every rule", () => {
    const firedIds = new Set(table.flatMap((row) => detectCrisisLanguage(row.text)?.ruleIds ?? []));
    const unused = rules.rules.map((rule) => rule.id).filter((id) => !firedIds.has(id));

    expect(unused).toEqual([]);
  });
});

describe("detectCrisisLanguage", () => {
  it("returns null for ordinary text", () => {
    expect(detectCrisisLanguage("Vi sees på kafeen på torsdag, jeg tar med boller.")).toBeNull();
    expect(detectCrisisLanguage("")).toBeNull();
  });

  it("orders categories most serious first", () => {
    const finding = detectCrisisLanguage("Jeg orker ikke mer. Jeg kuttet meg i natt, og jeg vil bare dø.");

    expect(finding?.categories).toEqual(["suicide", "self_harm", "crisis"]);
  });

  it("lists each category and rule once", () => {
    const finding = detectCrisisLanguage("Jeg vil dø. Jeg vil bare dø. Jeg ønsker å dø.");

    expect(finding?.categories).toEqual(["suicide"]);
    expect(finding?.ruleIds).toEqual(["suicide.wish_to_die"]);
  });

  it("returns categories and rule ids from the data only", () => {
    const knownIds = new Set(rules.rules.map((rule) => rule.id));
    const finding = detectCrisisLanguage("Jeg vil ikke leve lenger. Har skrevet avskjedsbrev. I want to kill myself.");

    expect(Object.keys(finding ?? {}).sort()).toEqual(["categories", "ruleIds"]);
    expect(finding!.ruleIds.length).toBeGreaterThan(0);
    for (const id of finding!.ruleIds) expect(knownIds.has(id), id).toBe(true);
  });

  it("never matches across joined fields", () => {
    expect(detectCrisisLanguage("Jeg vil dø")).not.toBeNull();
    expect(detectCrisisLanguage(["Jeg vil", "dø"].join("\n\n"))).toBeNull();
    expect(detectCrisisLanguage(["I want", "to die"].join("\n\n"))).toBeNull();
  });

  it("finds a phrase in any of the joined fields", () => {
    const finding = detectCrisisLanguage(["Tung kveld", "Jeg har det vondt.", "selvmordstanker"].join("\n\n"));

    expect(finding?.categories).toEqual(["suicide"]);
  });

  it("keeps a goodbye's finality anywhere in the text", () => {
    expect(detectCrisisLanguage("Farvel alle sammen")).toBeNull();
    expect(detectCrisisLanguage(["Farvel alle sammen", "Tilgi meg."].join("\n\n"))?.ruleIds).toContain("suicide.goodbye");
  });

  it("treats an ellipsis as part of the sentence", () => {
    expect(detectCrisisLanguage("Jeg vil bare... dø")?.categories).toEqual(["suicide"]);
    expect(detectCrisisLanguage("Jeg vil bare. Dø")).toBeNull();
  });

  it("stops a gap at a comma", () => {
    expect(detectCrisisLanguage("Jeg tenker på deg hele tiden å dø")?.categories).toEqual(["suicide"]);
    expect(detectCrisisLanguage("Jeg tenker på deg, å dø er ikke noe tema")).toBeNull();
  });

  it("reads masked letters and look-alike digits", () => {
    expect(detectCrisisLanguage("s*lvmord")?.categories).toEqual(["suicide"]);
    expect(detectCrisisLanguage("su1c1dal")?.categories).toEqual(["suicide"]);
  });
});

describe("negation", () => {
  it.each([
    ["jeg vil ikke dø", false],
    ["jeg vil ikke leve lenger", true],
    ["jeg har aldri tenkt på selvmord", false],
    ["jeg tenker ikke på annet enn å dø", true],
    ["jeg har ikke tenkt på noe annet enn selvmord", true],
    ["jeg har aldri vært så nær selvmord", true],
    ["jeg tør ikke ta livet mitt", true],
    ["ingen vet at jeg vil dø", true],
    ["eg har ikkje sjølvmordstankar", false],
    ["I don't want to die", false],
    ["I'm not suicidal", false],
    ["I don't have the guts to kill myself", true],
    ["no one knows I'm suicidal", true],
  ])("%s → %s", (text, expected) => {
    expect(detectCrisisLanguage(text) !== null).toBe(expected);
  });

  it("does not reach past a subject pronoun", () => {
    expect(detectCrisisLanguage("Ikke si det til noen, men jeg har selvmordstanker")).not.toBeNull();
  });
});

describe("normalizeCrisisWord", () => {
  it.each([
    ["Sjølvmord", "sjolvmord"],
    ["sjoelvmord", "sjolvmord"],
    ["SJØLVMOOORD", "sjolvmord"],
    ["ikkje", "ikje"],
    ["dø", "do"],
    ["doe", "do"],
    ["låv", "lav"],
    ["laav", "lav"],
    ["su1c1de", "suicide"],
    ["selv-mord", "selvmord"],
    ["don't", "dont"],
  ])("%s → %s", (word, normalized) => {
    expect(normalizeCrisisWord(word)).toBe(normalized);
  });
});

describe("compileCrisisRuleSet", () => {
  const data = (): CrisisData => structuredClone({ words, rules, exclusions }) as CrisisData;

  it("compiles the bundled data", () => {
    expect(() => compileCrisisRuleSet()).not.toThrow();
  });

  it("rejects a pattern that names an unknown list", () => {
    const broken = data();
    broken.rules.rules[0]!.patterns = ["@no_such_list"];

    expect(() => compileCrisisRuleSet(broken)).toThrow(/@no_such_list/);
  });

  it("rejects an unknown category", () => {
    const broken = data();
    broken.rules.rules[0]!.category = "sadness";

    expect(() => compileCrisisRuleSet(broken)).toThrow(/sadness/);
  });

  it("rejects a duplicate rule id", () => {
    const broken = data();
    broken.rules.rules[1]!.id = broken.rules.rules[0]!.id;

    expect(() => compileCrisisRuleSet(broken)).toThrow(/used twice/);
  });

  it("rejects a pattern that starts with a gap", () => {
    const broken = data();
    broken.rules.rules[0]!.patterns = ["_ selvmord"];

    expect(() => compileCrisisRuleSet(broken)).toThrow(/must start with a required word/);
  });

  it("uses its own data", () => {
    const custom = data();
    custom.rules.rules = [{ id: "crisis.test_word", category: "crisis", patterns: ["blåbær"] }];
    const ruleSet = compileCrisisRuleSet(custom);

    expect(detectWithRuleSet("Jeg plukket blaabaer", ruleSet)).toEqual({ categories: ["crisis"], ruleIds: ["crisis.test_word"] });
    expect(detectWithRuleSet("Jeg vil dø", ruleSet)).toBeNull();
  });
});
