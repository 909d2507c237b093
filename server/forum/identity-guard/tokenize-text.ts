/** A word of the checked text, with what the finders need to know about its surroundings. */
export type Token = {
  /** The word as written. */
  text: string;
  /** The word in Unicode NFC, lower-cased, for looking up in the word lists. */
  lower: string;
  start: number;
  end: number;
  /** True when the first letter is upper case (Kari, OSLO, Ørland). */
  capitalised: boolean;
  /** True when only spaces, quotes or brackets separate the word from the start of the text, a line break or . ! ? … : */
  sentenceStart: boolean;
  /** True when only spaces or tabs separate the word from the previous word. */
  spacedFromPrevious: boolean;
};

/** Cue phrases (lower-case words separated by single spaces) prepared for a quick check before each token. */
export type CuePhrases = {
  phrases: ReadonlySet<string>;
  lastWords: ReadonlySet<string>;
  maxWords: number;
};

// Letters, combining marks (Sámi and decomposed æøå) and digits, with inner hyphens and apostrophes: Nord-Fron, Kari's.
const wordPattern = /[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’-](?=[\p{L}\p{M}]))*/gu;
const sentenceEnd = new Set([".", "!", "?", "…", ":", "\n"]);
const skippedBeforeWord = new Set([" ", "\t", "\r", "\u00a0", '"', "'", "«", "»", "“", "”", "‘", "’", "(", "[", "*", "•", "-", "–", "—", ">"]);
const spaces = new Set([" ", "\t", "\u00a0"]);

/** Split text into words with their offsets, in one pass over the text. */
export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;

  for (const found of text.matchAll(wordPattern)) {
    const start = found.index;
    const word = found[0];
    const first = word[0]!;
    tokens.push({
      text: word,
      lower: word.normalize("NFC").toLowerCase(),
      start,
      end: start + word.length,
      capitalised: first !== first.toLowerCase() && first === first.toUpperCase(),
      sentenceStart: isSentenceStart(text, start),
      spacedFromPrevious: previousEnd !== -1 && isOnlySpaces(text, previousEnd, start),
    });
    previousEnd = start + word.length;
  }
  return tokens;
}

function isSentenceStart(text: string, start: number): boolean {
  for (let index = start - 1; index >= 0; index -= 1) {
    const character = text[index]!;
    if (sentenceEnd.has(character)) return true;
    if (!skippedBeforeWord.has(character)) return false;
  }
  return true;
}

/** True when text[from, to) is one or more spaces, tabs or no-break spaces. */
export function isOnlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let index = from; index < to; index += 1) {
    if (!spaces.has(text[index]!)) return false;
  }
  return true;
}

/** Prepare cue phrases for `hasCueBefore`. */
export function cuePhrases(phrases: Iterable<string>): CuePhrases {
  const set = new Set([...phrases].map((phrase) => phrase.normalize("NFC").toLowerCase()));
  const words = [...set].map((phrase) => phrase.split(" "));
  return { phrases: set, lastWords: new Set(words.map((phrase) => phrase.at(-1)!)), maxWords: Math.max(1, ...words.map((phrase) => phrase.length)) };
}

/**
 * Return true when one of the cue phrases ends right before token `index`. The words of the phrase must be separated
 * by spaces only (a cue and its name are one phrase), and a colon may stand between the phrase and the token.
 */
export function hasCueBefore(tokens: Token[], text: string, index: number, cues: CuePhrases): boolean {
  const previous = tokens[index - 1];
  if (!previous || !cues.lastWords.has(previous.lower)) return false;
  const gapStart = text[previous.end] === ":" ? previous.end + 1 : previous.end;
  if (!isOnlySpaces(text, gapStart, tokens[index]!.start)) return false;

  let phrase = previous.lower;
  if (cues.phrases.has(phrase)) return true;
  for (let first = index - 2; first >= 0 && index - first <= cues.maxWords; first -= 1) {
    if (!tokens[first + 1]!.spacedFromPrevious) return false;
    phrase = `${tokens[first]!.lower} ${phrase}`;
    if (cues.phrases.has(phrase)) return true;
  }
  return false;
}
