import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestDatabase, testEngines, type TestDatabase } from "../../../tests/support/test-database";
import wordGroups from "./bokmal-nynorsk-words.json";
import { expandSearchQuery, parseSearchQuery, wordForms } from "./expand-search-query";
import { SEARCH_WORDS_MAX } from "./search-limits";

describe("Bokmål and Nynorsk word groups", () => {
  test("there are at least 300 groups", () => {
    expect(wordGroups.length).toBeGreaterThanOrEqual(300);
  });

  test("no word is in two groups", () => {
    const groupOf = new Map<string, number>();
    const duplicates: string[] = [];
    wordGroups.forEach((group, index) => {
      for (const word of group) {
        const earlier = groupOf.get(word);
        if (earlier !== undefined) duplicates.push(`${word} (groups ${earlier} and ${index})`);
        groupOf.set(word, index);
      }
    });

    expect(duplicates).toEqual([]);
  });

  test("every group has at least two words", () => {
    expect(wordGroups.filter((group) => group.length < 2)).toEqual([]);
  });

  test("words are lower-case letters in NFC", () => {
    const malformed = wordGroups.flat().filter((word) => !/^\p{Ll}+$/u.test(word) || word.normalize("NFC") !== word);

    expect(malformed).toEqual([]);
  });
});

describe("parseSearchQuery", () => {
  test("words are lower-cased and split at punctuation", () => {
    expect(parseSearchQuery("Angst, SØVN og e-post!")).toEqual({ terms: [["angst"], ["søvn"], ["og"], ["e"], ["post"]], ignoredWordCount: 0 });
  });

  test("quoted words form one phrase term", () => {
    expect(parseSearchQuery('søvn "klarer ikke sove" angst').terms).toEqual([["søvn"], ["klarer", "ikke", "sove"], ["angst"]]);
  });

  test.each([
    ["“klarer ikke”", [["klarer", "ikke"]]],
    ["«klarer ikke»", [["klarer", "ikke"]]],
  ])("typographic quotes in %s form a phrase", (input, terms) => {
    expect(parseSearchQuery(input).terms).toEqual(terms);
  });

  test("an unpaired quote is ignored", () => {
    expect(parseSearchQuery('"klarer ikke "sove').terms).toEqual([["klarer", "ikke"], ["sove"]]);
    expect(parseSearchQuery('klarer "ikke sove').terms).toEqual([["klarer"], ["ikke"], ["sove"]]);
  });

  test("words past the maximum are counted and dropped", () => {
    const words = Array.from({ length: SEARCH_WORDS_MAX + 3 }, (_, index) => `ord${index}`);

    const parsed = parseSearchQuery(words.join(" "));

    expect(parsed.terms.flat()).toEqual(words.slice(0, SEARCH_WORDS_MAX));
    expect(parsed.ignoredWordCount).toBe(3);
  });

  test("a phrase crossing the maximum is cut", () => {
    const parsed = parseSearchQuery(`a b c d e f g h "i j k l"`);

    expect(parsed.terms.at(-1)).toEqual(["i", "j"]);
    expect(parsed.ignoredWordCount).toBe(2);
  });

  test("decomposed letters join their word", () => {
    expect(parseSearchQuery("pa\u030arørende").terms).toEqual([["pårørende"]]);
  });
});

describe("expandSearchQuery", () => {
  test.each([
    ["brukere", "('bruker' | 'brukeren' | 'brukere' | 'brukerne' | 'brukar' | 'brukaren' | 'brukarar' | 'brukarane')"],
    ["angsten", "'angsten'"],
    ["Hjemme alene", "('hjem' | 'hjemme' | 'hjemmet' | 'heim' | 'heime' | 'heimen') & ('alene' | 'aleine' | 'åleine')"],
    ['"gikk hjem"', "(('gikk' | 'gjekk') <-> ('hjem' | 'hjemme' | 'hjemmet' | 'heim' | 'heime' | 'heimen'))"],
  ])("%s expands to %s", (input, expected) => {
    expect(expandSearchQuery(input)).toBe(expected);
  });

  test("Nynorsk word expands to its Bokmål forms", () => {
    expect(wordForms("kjensler")).toEqual(wordForms("følelse"));
    expect(wordForms("kjensler")).toContain("følelser");
  });

  test("word without a group stays alone", () => {
    expect(wordForms("angst")).toEqual(["angst"]);
  });

  test.each(["", "   ", "&|!", ":* <-> ()", "''\"\"", "🙂👍🏽", "\u0000"])("%j has no words", (input) => {
    expect(expandSearchQuery(input)).toBeNull();
  });

  test.each([
    ["a quote", "' angst"],
    ["operators", "&|! angst"],
    ["a prefix marker", "angst:*"],
    ["an unbalanced quote", '"unbalanced'],
    ["an expression", "a & b | !c"],
    ["open brackets", "((( angst"],
    ["a distance operator", "<2> angst"],
    ["a backslash", "\\' angst"],
    ["5,000 letters", "x".repeat(5000)],
    ["emoji", "🙂 angst 👍🏽"],
  ])("input with %s leaves only quoted words and operators", (_, input) => {
      const expanded = expandSearchQuery(input);

      // Between the quoted words only the operators this module writes may appear.
      expect(expanded).not.toBeNull();
      expect(expanded?.replace(/'[\p{L}\p{M}\p{N}]+'/gu, "W")).toMatch(/^[W()|&<\->\s]*$/);
  });

  test("5,000 words keep ten", () => {
    const expanded = expandSearchQuery("angst ".repeat(5000));

    expect(expanded?.split(" & ")).toHaveLength(SEARCH_WORDS_MAX);
  });
});

describe.each(testEngines())("expansion in PostgreSQL on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function lexemesOf(words: string[]): Promise<string[][]> {
    const result = (await database.db.execute(
      sql`select array(select lexeme from unnest(to_tsvector('reconnect_norwegian', word))) as lexemes from unnest(${`{${words.join(",")}}`}::text[]) with ordinality as input(word, ordinal) order by ordinal`,
    )) as unknown as { rows: { lexemes: string[] }[] };
    return result.rows.map((row) => row.lexemes);
  }

  test("every word is indexed as one lexeme", async () => {
    const words = wordGroups.flat();
    const lexemes = await lexemesOf(words);

    // A word that became two lexemes, or none, could never match as one.
    expect(words.filter((_, index) => lexemes[index]?.length !== 1)).toEqual([]);
  });

  test("every group adds a form the stemmer alone would miss", async () => {
    const lexemes = await lexemesOf(wordGroups.flat());
    let offset = 0;
    const redundant: string[] = [];
    for (const group of wordGroups) {
      const distinct = new Set(lexemes.slice(offset, offset + group.length).flat());
      if (distinct.size < 2) redundant.push(group[0]!);
      offset += group.length;
    }

    expect(redundant).toEqual([]);
  });

  test.each([
    ["a quote", "' angst"],
    ["operators", "&|! angst"],
    ["a prefix marker", ":* angst"],
    ["an unbalanced quote", '"unbalanced'],
    ["two phrases, one unclosed", '"a" "b'],
    ["an expression", "a & b | !c"],
    ["open brackets", "((( angst"],
    ["a backslash", "\\ angst"],
    ["a 5,000-letter word", "x".repeat(5000)],
    ["emoji", "🙂 angst 👍🏽"],
    ["common short words", "ikke jeg"],
    ["a hyphen", "e-post"],
  ])("PostgreSQL accepts the expansion of input with %s", async (_, input) => {
      const expanded = expandSearchQuery(input);
      expect(expanded).not.toBeNull();

      await expect(database.db.execute(sql`select to_tsquery('reconnect_norwegian', ${expanded}::text)`)).resolves.toBeDefined();
  });

  test("every group works as a query", async () => {
    const queries = wordGroups.map((group) => expandSearchQuery(group[0]!));

    await expect(database.db.execute(sql`select to_tsquery('reconnect_norwegian', query) from unnest(${`{${queries.map((query) => `"${query}"`).join(",")}}`}::text[]) as input(query)`)).resolves.toBeDefined();
  });
});
