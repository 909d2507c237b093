import { describe, expect, test } from "vitest";

import { compileMutedWords, findMutedWords, mutedWordKey } from "./find-muted-words";

describe("findMutedWords", () => {
  test.each<[string, string[], string[]]>([
    // Whole words, case and accents.
    ["Jeg kjenner på angst i dag.", ["angst"], ["angst"]],
    ["ANGST hele dagen", ["angst"], ["angst"]],
    ["Angst, uro og søvnløshet", ["angst"], ["angst"]],
    ["Ångst er ikke et ord, men det ligner", ["angst"], ["angst"]],
    ["Jeg har angst", ["ångst"], ["ångst"]],
    ["Café-besøk i dag", ["cafe"], ["cafe"]],
    // Æ, ø and å, in both directions of the folding.
    ["Jeg er så død i dag", ["død"], ["død"]],
    ["Jeg er så dod i dag", ["død"], ["død"]],
    ["Hun var DØD lenge", ["død"], ["død"]],
    ["Ærlig talt", ["aerlig"], ["aerlig"]],
    ["Aerlig talt", ["ærlig"], ["ærlig"]],
    ["Sår på armen", ["sår"], ["sår"]],
    // Words of four or more letters also match longer words that start with them.
    ["Angsten kom tilbake i natt", ["angst"], ["angst"]],
    ["Et angstanfall på bussen", ["angst"], ["angst"]],
    ["Selvskadingen har stoppet", ["selvskading"], ["selvskading"]],
    ["Sosialangst er vanlig", ["angst"], []],
    ["Morsom dag", ["mors"], ["mors"]],
    // Shorter words match whole words only.
    ["Russen feiret i sentrum", ["rus"], []],
    ["Rus og psykiatri", ["rus"], ["rus"]],
    ["Brus og kaffe", ["rus"], []],
    ["Dø ikke", ["dø"], ["dø"]],
    ["Doen var opptatt", ["dø"], []],
    // Phrases: any spacing or punctuation between the words, the last word may be longer.
    ["Jeg vil ta livet av meg", ["ta livet av meg"], ["ta livet av meg"]],
    ["Jeg vil ta  livet,\nav meg", ["ta livet av meg"], ["ta livet av meg"]],
    ["Ta livet tilbake", ["ta livet av meg"], []],
    ["Hun fikk en panikkanfallsplan", ["panikk anfall"], []],
    ["Panikk-anfallene mine", ["panikk anfall"], ["panikk anfall"]],
    ["Covid 19 igjen", ["covid-19"], ["covid-19"]],
    // Boundaries: no match inside a word, Unicode letters count as word characters.
    ["Vangsten var stor", ["angst"], []],
    ["Blåangst", ["angst"], []],
    ["Ørangst", ["angst"], []],
    ["ølangst", ["øl"], []],
    ["Øl og pizza", ["øl"], ["øl"]],
    ["113 er nødnummeret", ["113"], ["113"]],
    ["Ring 1130", ["113"], []],
    // Markdown and invisible characters do not hide a word.
    ["Det var **angst** hele dagen", ["angst"], ["angst"]],
    ["_Død_ og pine", ["død"], ["død"]],
    ["an\u00ADgst og uro", ["angst"], ["angst"]],
    ["an\u200Bgst og uro", ["angst"], ["angst"]],
    // Decomposed letters (å written as a + ring) match the composed form.
    ["Sa\u030Ar på armen", ["sår"], ["sår"]],
    // Several words: each found once, in the list's order.
    ["Angst og død, angst igjen", ["død", "angst", "rus"], ["død", "angst"]],
    ["Ingenting her", ["angst", "død"], []],
    ["", ["angst"], []],
    ["Angst", [], []],
    // A known side effect of folding å to a: "hår" also finds "har".
    ["Jeg har det bra", ["hår"], ["hår"]],
  ])("%j with %j finds %j", (text, words, expected) => {
    expect(findMutedWords(text, words)).toEqual(expected);
  });

  test("a word with no letters or digits never matches", () => {
    expect(findMutedWords("!!! ??? ...", ["!!!", "..."])).toEqual([]);
  });

  test("duplicate words are reported once", () => {
    expect(findMutedWords("angst", ["angst", "angst"])).toEqual(["angst"]);
  });

  test("regular expression characters in a word are literal", () => {
    expect(findMutedWords("a.b c+d", ["a.b", "c+d"])).toEqual(["a.b", "c+d"]);
    expect(findMutedWords("axb", ["a.b"])).toEqual([]);
  });

  test("Cyrillic words fold and match on boundaries", () => {
    expect(findMutedWords("Мне страшно сегодня", ["СТРАШНО"])).toEqual(["СТРАШНО"]);
    expect(findMutedWords("Мнестрашно", ["страшно"])).toEqual([]);
  });
});

describe("compileMutedWords", () => {
  test("one matcher serves many posts", () => {
    const matcher = compileMutedWords(["angst", "rus"]);
    expect(matcher("Angsten slapp taket")).toEqual(["angst"]);
    expect(matcher("Rus er tema i dag")).toEqual(["rus"]);
    expect(matcher("Russ i gatene")).toEqual([]);
  });

  test("matcher for no words finds nothing", () => {
    expect(compileMutedWords([])("angst")).toEqual([]);
  });

  test("30 posts against 50 words take little time", () => {
    const words = Array.from({ length: 50 }, (_, index) => `ordnummer${index}`);
    const post = "Dette er et ganske vanlig innlegg om hverdagen, med litt angst og uro. ".repeat(40);
    const matcher = compileMutedWords(words);

    const started = performance.now();
    for (let round = 0; round < 100; round++) {
      for (let postIndex = 0; postIndex < 30; postIndex++) matcher(post);
    }
    const perPage = (performance.now() - started) / 100;

    // A thread page has 30 posts; a generous bound that still catches a matcher gone quadratic.
    expect(perPage).toBeLessThan(50);
  });
});

describe("mutedWordKey", () => {
  test.each([
    ["Covid-19", "covid 19"],
    ["  ANGST ", "angst"],
    ["Død", "dod"],
    ["ta   livet", "ta livet"],
  ])("%s has key %s", (word, key) => {
    expect(mutedWordKey(word)).toBe(key);
  });
});
