import { normalizeCrisisWord } from "./normalize-crisis-word";

/**
 * A word of the data with its matching mode. In the data, a trailing "*" makes a prefix ("selvmord*" also
 * matches "selvmordstanker"), and a leading "~" allows one letter to be missing, extra, wrong or swapped with its
 * neighbour ("~suicid*" also matches "sucidal").
 */
type Term = { word: string; prefix: boolean; fuzzy: boolean };

const shortestPrefix = 3;
const shortestFuzzyWord = 6;
const cachedWordsLimit = 20_000;

/** The distinct words of the data, each with an id, and a lookup from a normalized word of the text to those ids. */
export class TermRegistry {
  private readonly terms: Term[] = [];
  private readonly idsByKey = new Map<string, number>();
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes = new Map<string, number[]>();
  private readonly fuzzyByFirstLetter = new Map<string, number[]>();
  // Words repeat within and across posts, so the ids of each normalized word are kept after the first lookup.
  private readonly cache = new Map<string, readonly number[]>();

  /** Return the id of a data word such as "selvmord*" or "~suicid*", registering it on first use. */
  register(source: string): number {
    const fuzzy = source.startsWith("~");
    const prefix = source.endsWith("*");
    const word = normalizeCrisisWord(source.slice(fuzzy ? 1 : 0, prefix ? -1 : undefined));
    if (!/^[\p{L}\p{N}]+$/u.test(word)) throw new Error(`Crisis word lists: "${source}" must be one word of letters, optionally with a leading "~" or a trailing "*".`);
    if (prefix && word.length < shortestPrefix) throw new Error(`Crisis word lists: the prefix "${source}" is shorter than ${shortestPrefix} letters and would match too many words.`);
    if (fuzzy && word.length < shortestFuzzyWord) throw new Error(`Crisis word lists: the fuzzy word "${source}" is shorter than ${shortestFuzzyWord} letters, so one wrong letter would make it another word.`);

    const key = `${fuzzy ? "~" : ""}${word}${prefix ? "*" : ""}`;
    const known = this.idsByKey.get(key);
    if (known !== undefined) return known;

    const id = this.terms.length;
    this.terms.push({ word, prefix, fuzzy });
    this.idsByKey.set(key, id);
    if (fuzzy) this.addToIndex(this.fuzzyByFirstLetter, word[0]!, id);
    else if (prefix) this.addToIndex(this.prefixes, word, id);
    else this.addToIndex(this.exact, word, id);
    this.cache.clear();
    return id;
  }

  private addToIndex(index: Map<string, number[]>, key: string, id: number): void {
    index.set(key, [...(index.get(key) ?? []), id]);
  }

  /** Return the ids of every data word that a word of the text matches, normalizing it first. */
  idsOf(textWord: string): readonly number[] {
    const cached = this.cache.get(textWord);
    if (cached) return cached;

    const word = normalizeCrisisWord(textWord);
    const ids = [...(this.exact.get(word) ?? [])];
    for (let length = shortestPrefix; length <= word.length; length += 1) {
      const found = this.prefixes.get(word.slice(0, length));
      if (found) ids.push(...found);
    }
    for (const id of this.fuzzyByFirstLetter.get(word[0] ?? "") ?? []) {
      const term = this.terms[id]!;
      if (isWithinOneEdit(term.word, word, term.prefix)) ids.push(id);
    }

    if (this.cache.size >= cachedWordsLimit) this.cache.clear();
    this.cache.set(textWord, ids);
    return ids;
  }
}

/**
 * Return true when `word` is at most one edit (a letter inserted, deleted, replaced, or two neighbours swapped)
 * away from `term`, or with `asPrefix`, when some beginning of `word` is. Optimal string alignment distance,
 * computed row by row and abandoned as soon as every cell of a row exceeds one.
 */
function isWithinOneEdit(term: string, word: string, asPrefix: boolean): boolean {
  if (!asPrefix && Math.abs(term.length - word.length) > 1) return false;
  if (word.length < term.length - 1) return false;

  const width = word.length + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: width }, (_unused, column) => column);
  for (let row = 1; row <= term.length; row += 1) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column < width; column += 1) {
      const cost = term[row - 1] === word[column - 1] ? 0 : 1;
      let distance = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      const swapped = row > 1 && column > 1 && term[row - 1] === word[column - 2] && term[row - 2] === word[column - 1];
      if (swapped) distance = Math.min(distance, beforePrevious[column - 2]! + 1);
      current.push(distance);
      rowMinimum = Math.min(rowMinimum, distance);
    }
    if (rowMinimum > 1) return false;
    beforePrevious = previous;
    previous = current;
  }
  return asPrefix ? Math.min(...previous) <= 1 : previous[width - 1]! <= 1;
}
