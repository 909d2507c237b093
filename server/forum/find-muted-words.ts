import { MUTED_WORD_PREFIX_MIN_LENGTH } from "./muted-word-limits";
import { foldLetters } from "../platform/fold-letters";

/**
 * Finding muted words in a post. Text and words are compared after
 * `foldLetters`, so case and accents do not matter ("Ångst", "ANGST" and
 * "angst" are one word) and æ, ø and å match ae, o and a. A side effect
 * readers should know: a muted "hår" also folds posts that say "har".
 *
 * A match starts at a word boundary. Words of `MUTED_WORD_PREFIX_MIN_LENGTH`
 * letters and digits or more also match longer words that start with them
 * ("angst" finds "angsten"); shorter ones match whole words only ("rus" does
 * not find "russ"). In a phrase, any spaces or punctuation between the words
 * match, and only the last word may be the start of a longer one.
 */

/** Characters that count as part of a word: letters and digits of any script. */
const wordCharacter = "[\\p{L}\\p{N}]";
const separators = /[^\p{L}\p{N}]+/u;
// Soft hyphens, zero-width spaces and joiners are invisible, so "an\u00ADgst" reads as "angst" and must match it.
const invisibleCharacters = /\p{Cf}/gu;

/** The folded words of a muted word or phrase, e.g. ["ta", "livet", "av", "meg"]. */
function foldedTokens(word: string): string[] {
  return foldLetters(word.normalize("NFC")).split(separators).filter(Boolean);
}

/**
 * The form two muted words may not share: folded, with any separators as one
 * space. "Covid-19", "covid 19" and "COVID 19" have one key, because they match the same posts.
 */
export function mutedWordKey(word: string): string {
  return foldedTokens(word).join(" ");
}

/** Return the muted words found in a post's text, in the order of the list the matcher was made from. */
export type MutedWordMatcher = (text: string) => string[];

interface CompiledWord {
  word: string;
  /** The folded text of the first token: when the post does not contain it, the pattern cannot match. */
  quickCheck: string;
  pattern: RegExp;
}

function escapeForPattern(token: string): string {
  return token.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

function compileWord(word: string): CompiledWord | null {
  const tokens = foldedTokens(word);
  const last = tokens.at(-1);
  if (!last) return null;

  const allowsLongerWord = [...last].length >= MUTED_WORD_PREFIX_MIN_LENGTH;
  const body = tokens.map(escapeForPattern).join(`(?:${separators.source})`);
  const end = allowsLongerWord ? "" : `(?!${wordCharacter})`;
  return { word, quickCheck: tokens[0]!, pattern: new RegExp(`(?<!${wordCharacter})${body}${end}`, "u") };
}

/**
 * Build a matcher for one reader's muted words. Compile once per request and
 * run the matcher on every post: folding the text and testing it is then the
 * only work per post. Duplicate words are reported once; words with no letters
 * or digits never match.
 */
export function compileMutedWords(words: readonly string[]): MutedWordMatcher {
  const compiled = [...new Set(words)].map(compileWord).filter((entry): entry is CompiledWord => entry !== null);
  if (compiled.length === 0) return () => [];

  return (text) => {
    const folded = foldLetters(text.normalize("NFC").replace(invisibleCharacters, ""));
    return compiled.filter((entry) => folded.includes(entry.quickCheck) && entry.pattern.test(folded)).map((entry) => entry.word);
  };
}

/** Return which of `mutedWords` occur in `text`. For many texts, call `compileMutedWords` once and reuse the matcher. */
export function findMutedWords(text: string, mutedWords: readonly string[]): string[] {
  return compileMutedWords(mutedWords)(text);
}
