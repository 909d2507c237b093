import type { TermRegistry } from "./crisis-terms";

/**
 * Phrase patterns of the crisis data. A pattern is elements separated by spaces, matched against consecutive
 * words of one sentence:
 *
 * - `word`, `word*`, `~word`: one word (see TermRegistry for "*" and "~"); `ta+livet` is a phrase of two words;
 * - `@list`: any entry of a named word list, where an entry may be a phrase ("ta livet av");
 * - `_`: any one word, but a run of `_` never crosses a comma, colon, semicolon, dash or bracket;
 * - `$`: the end of a clause (the end of the sentence, or a comma, colon, semicolon, dash or bracket next), also as
 *   an alternative (`igjen|$`) or a list entry;
 * - alternatives joined by `|`, and a quantifier `?` (zero or one) or `{m,n}` after an element;
 * - a leading `^`: the match must start a clause ("^ vil bare dø", where "vil" could otherwise be a future tense).
 */
export type CompiledPattern = {
  source: string;
  elements: PatternElement[];
  clauseStart: boolean;
  firstTerms: ReadonlySet<number>;
  /** For each later element that must match a word, the ids its phrases can start with: a text lacking all of them cannot match. */
  requiredTerms: ReadonlySet<number>[];
};

type Alternative = { kind: "phrase"; terms: number[] } | { kind: "any" } | { kind: "clause_end" };
type PhraseAlternative = Extract<Alternative, { kind: "phrase" }>;
type PatternElement = {
  min: number;
  max: number;
  /** Phrase alternatives by the id of their first word, so a position only tries the phrases its word can start. */
  phrasesByFirstTerm: ReadonlyMap<number, readonly PhraseAlternative[]>;
  /** The `_` and `$` alternatives, which do not depend on the word. */
  otherAlternatives: readonly Alternative[];
};

export type WordLists = ReadonlyMap<string, readonly string[]>;

const longestRepeat = 8;

/** Compile a pattern, registering its words. Throws on a syntax error or an unknown list, naming both. */
export function compilePattern(source: string, lists: WordLists, registry: TermRegistry): CompiledPattern {
  const parts = source.trim().split(/\s+/);
  const clauseStart = parts[0] === "^";
  const elements = parts.slice(clauseStart ? 1 : 0).map((part) => compileElement(part, source, lists, registry));
  const first = elements[0];
  if (!first || first.min === 0 || first.otherAlternatives.length > 0) {
    throw new Error(`Crisis pattern "${source}" must start with a required word or list, so it can be looked up by its first word.`);
  }
  const requiredTerms = elements
    .slice(1)
    .filter((element) => element.min > 0 && element.otherAlternatives.length === 0)
    .map((element) => new Set(element.phrasesByFirstTerm.keys()));
  return { source, elements, clauseStart, firstTerms: new Set(first.phrasesByFirstTerm.keys()), requiredTerms };
}

function compileElement(part: string, source: string, lists: WordLists, registry: TermRegistry): PatternElement {
  const quantified = /^(.+?)(\?|\{(\d+),(\d+)\})?$/.exec(part)!;
  const body = quantified[1]!;
  let min = 1;
  let max = 1;
  if (quantified[2] === "?") min = 0;
  if (quantified[3] !== undefined) {
    min = Number(quantified[3]);
    max = Number(quantified[4]);
  }
  if (min > max || max > longestRepeat) throw new Error(`Crisis pattern "${source}": "${part}" must repeat between 0 and ${longestRepeat} times.`);

  const alternatives = body.split("|").flatMap((alternative): Alternative[] => {
    if (alternative === "_") return [{ kind: "any" }];
    if (alternative.startsWith("@")) {
      const list = lists.get(alternative.slice(1));
      if (!list) throw new Error(`Crisis pattern "${source}" names the list ${alternative}, which crisis-words.json does not define.`);
      return list.map((entry) => compilePhrase(entry.split(" "), source, registry));
    }
    return [compilePhrase(alternative.split("+"), source, registry)];
  });

  const phrasesByFirstTerm = new Map<number, PhraseAlternative[]>();
  for (const alternative of alternatives) {
    if (alternative.kind !== "phrase") continue;
    const first = alternative.terms[0]!;
    phrasesByFirstTerm.set(first, [...(phrasesByFirstTerm.get(first) ?? []), alternative]);
  }
  return { min, max, phrasesByFirstTerm, otherAlternatives: alternatives.filter((alternative) => alternative.kind !== "phrase") };
}

function compilePhrase(words: string[], source: string, registry: TermRegistry): Alternative {
  if (words.length === 1 && words[0] === "$") return { kind: "clause_end" };
  try {
    return { kind: "phrase", terms: words.map((word) => registry.register(word)) };
  } catch (error) {
    throw new Error(`Crisis pattern "${source}": ${(error as Error).message}`, { cause: error });
  }
}

/** Patterns by the ids of the data words they can start with. */
export type PatternIndex = ReadonlyMap<number, readonly CompiledPattern[]>;

export function indexByFirstTerm(patterns: readonly CompiledPattern[]): PatternIndex {
  const index = new Map<number, CompiledPattern[]>();
  for (const pattern of patterns) {
    for (const id of pattern.firstTerms) index.set(id, [...(index.get(id) ?? []), pattern]);
  }
  return index;
}

/** Mark the words of every match of the indexed patterns in `marks`. */
export function markMatches(index: PatternIndex, words: PreparedWords, marks: Uint8Array): void {
  for (let start = 0; start < words.termIds.length; start += 1) {
    for (const id of words.termIds[start]!) {
      for (const pattern of index.get(id) ?? []) {
        const match = matchPatternAt(pattern, words, start);
        if (match) marks.fill(1, match.start, match.end);
      }
    }
  }
}

/** The words of a text, prepared once for all patterns. */
export type PreparedWords = {
  /** For each word, the ids of the data words it matches. */
  termIds: ReadonlyArray<readonly number[]>;
  sentence: Int32Array;
  clause: Int32Array;
  /** Words inside an exclusion phrase ("dø av latter"): no pattern may use them as a word of its own. */
  masked: Uint8Array;
};

/** True when the words `textTerms` include, for every required element of the pattern, one that can start it. */
export function canMatchText(pattern: CompiledPattern, textTerms: ReadonlySet<number>): boolean {
  return pattern.requiredTerms.every((terms) => {
    const [smaller, larger] = terms.size < textTerms.size ? [terms, textTerms] : [textTerms, terms];
    for (const id of smaller) if (larger.has(id)) return true;
    return false;
  });
}

/** A match: the words from `start` up to, not including, `end`, and which of them `_` matched. */
export type PatternMatch = { start: number; end: number; gapWords: number[] };

/** Match the pattern at word `start`, within one sentence; returns the first match found, or null. */
export function matchPatternAt(pattern: CompiledPattern, words: PreparedWords, start: number): PatternMatch | null {
  if (pattern.clauseStart && start > 0 && words.clause[start] === words.clause[start - 1]) return null;

  const gapWords: number[] = [];
  const end = matchElements(pattern.elements, 0, 0, start, { words, start, gapWords, afterGap: false });
  return end === -1 ? null : { start, end, gapWords };
}

type MatchState = { words: PreparedWords; start: number; gapWords: number[]; afterGap: boolean };

/**
 * Backtracking match of elements[index], already repeated `repeated` times, at word `position`. Tries the next
 * element before another repetition, so gaps stay as short as they can. Returns the end of the match, or -1.
 */
function matchElements(elements: PatternElement[], index: number, repeated: number, position: number, state: MatchState): number {
  const element = elements[index];
  if (!element) return position;

  if (repeated >= element.min) {
    const end = matchElements(elements, index + 1, 0, position, state);
    if (end !== -1) return end;
  }
  if (repeated >= element.max) return -1;

  for (const alternative of element.otherAlternatives) {
    const end = repeatAfter(alternative, elements, index, repeated, position, state);
    if (end !== -1) return end;
  }
  for (const id of state.words.termIds[position] ?? []) {
    for (const alternative of element.phrasesByFirstTerm.get(id) ?? []) {
      const end = repeatAfter(alternative, elements, index, repeated, position, state);
      if (end !== -1) return end;
    }
  }
  return -1;
}

/** Match one alternative at `position`, then the rest of the pattern after it; undoes its gap bookkeeping on failure. */
function repeatAfter(alternative: Alternative, elements: PatternElement[], index: number, repeated: number, position: number, state: MatchState): number {
  const length = matchAlternative(alternative, position, state);
  if (length === -1) return -1;

  const gapCount = state.gapWords.length;
  const wasAfterGap = state.afterGap;
  if (alternative.kind === "any") state.gapWords.push(position);
  state.afterGap = alternative.kind === "any";
  const end = matchElements(elements, index, repeated + 1, position + length, state);
  if (end === -1) {
    state.gapWords.length = gapCount;
    state.afterGap = wasAfterGap;
  }
  return end;
}

/** Return how many words the alternative matches at `position`, or -1. */
function matchAlternative(alternative: Alternative, position: number, state: MatchState): number {
  const { words, start } = state;
  if (alternative.kind === "clause_end") return isClauseEnd(words, position) ? 0 : -1;

  // A gap may not cross a clause break, on either side of the skipped words.
  const crossesClause = position > start && (alternative.kind === "any" || state.afterGap) && words.clause[position] !== words.clause[position - 1];
  if (crossesClause) return -1;

  if (alternative.kind === "any") return isInSentence(words, start, position) ? 1 : -1;

  for (let offset = 0; offset < alternative.terms.length; offset += 1) {
    const at = position + offset;
    if (!isInSentence(words, start, at) || words.masked[at] || !words.termIds[at]!.includes(alternative.terms[offset]!)) return -1;
  }
  return alternative.terms.length;
}

function isInSentence(words: PreparedWords, start: number, position: number): boolean {
  return position < words.termIds.length && words.sentence[position] === words.sentence[start];
}

/** True at the end of the text, or when a new sentence or clause starts at `position`. */
export function isClauseEnd(words: PreparedWords, position: number): boolean {
  if (position >= words.termIds.length) return true;
  if (position === 0) return false;
  return words.clause[position] !== words.clause[position - 1];
}
