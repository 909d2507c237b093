import wordGroups from "./bokmal-nynorsk-words.json";
import { SEARCH_WORDS_MAX } from "./search-limits";

/**
 * Turns what a member types into the search box into text for PostgreSQL's
 * `to_tsquery('reconnect_norwegian', …)`.
 *
 * The Norwegian stemmer folds inflections ("angsten" and "angst" both become
 * `angst`) but keeps Bokmål and Nynorsk words apart ("brukere" becomes `bruker`,
 * "brukarar" becomes `brukar`). So each word is replaced by every form in its
 * Bokmål/Nynorsk group from bokmal-nynorsk-words.json, OR-ed, and the words are
 * AND-ed. The index is built from the posts' own text, so `ts_headline`
 * highlights whichever form a post used.
 *
 * - Words are runs of letters and digits. Everything else, tsquery operators
 *   and quotes included, only separates words, so no input can make the
 *   tsquery text invalid.
 * - Words in double quotes ("…", “…”, «…») must follow each other, as a
 *   phrase (`<->`). When the quotes do not pair up, the last one is ignored.
 * - There is no prefix matching (`:*`). The form is submitted with whole
 *   words, and a stemmed prefix would add unrelated words ("sov:*" finds
 *   "sovjet").
 * - The forum's `reconnect_norwegian` configuration keeps the words that the
 *   built-in `norwegian` one drops as stop words, so "ikke" finds "ikkje" and
 *   "hvordan" finds "korleis".
 */

/** One word, or the words of a quoted phrase in order. */
export type SearchTerm = string[];

export interface ParsedSearchQuery {
  terms: SearchTerm[];
  /** Words beyond {@link SEARCH_WORDS_MAX}, left out of `terms`. */
  ignoredWordCount: number;
}

const formsByWord = new Map<string, readonly string[]>();
for (const group of wordGroups) {
  for (const form of group) formsByWord.set(form, group);
}

// A word starts with a letter or digit. Combining marks may follow, so a decomposed "å" stays one word.
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const quotePattern = /["“”„«»]/g;

/** Split the input into lower-case words and quoted phrases, keeping the first {@link SEARCH_WORDS_MAX} words. */
export function parseSearchQuery(input: string): ParsedSearchQuery {
  const text = input.normalize("NFC").toLowerCase();
  const terms: SearchTerm[] = [];
  let wordCount = 0;
  let keptCount = 0;

  for (const { words, quoted } of splitAtQuotes(text)) {
    wordCount += words.length;
    const keptWords = words.slice(0, SEARCH_WORDS_MAX - keptCount);
    keptCount += keptWords.length;
    if (keptWords.length === 0) continue;
    if (quoted) terms.push(keptWords);
    else terms.push(...keptWords.map((word) => [word]));
  }

  return { terms, ignoredWordCount: wordCount - keptCount };
}

/** Return every form in the word's Bokmål/Nynorsk group, or the word alone when it has no group. */
export function wordForms(word: string): readonly string[] {
  return formsByWord.get(word) ?? [word];
}

/** Build `to_tsquery` text from parsed terms, or return null when there are none. */
export function expandSearchTerms(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map(termQuery).join(" & ");
}

/** Build `to_tsquery('reconnect_norwegian', …)` text from what a member typed, or return null when it contains no word. */
export function expandSearchQuery(input: string): string | null {
  return expandSearchTerms(parseSearchQuery(input).terms);
}

function termQuery(term: SearchTerm): string {
  const operands = term.map(wordQuery);
  return operands.length === 1 ? operands[0]! : `(${operands.join(" <-> ")})`;
}

function wordQuery(word: string): string {
  // Words hold only letters, marks and digits, so quoting them needs no escapes.
  const forms = wordForms(word).map((form) => `'${form}'`);
  return forms.length === 1 ? forms[0]! : `(${forms.join(" | ")})`;
}

/** Split at double quotes: even-numbered parts are outside quotes, odd-numbered parts are phrases. */
function splitAtQuotes(text: string): { words: string[]; quoted: boolean }[] {
  const quotes = [...text.matchAll(quotePattern)].map((match) => match.index);
  // An unpaired quote is ignored, so its words count as separate words.
  if (quotes.length % 2 === 1) quotes.pop();

  const parts: { words: string[]; quoted: boolean }[] = [];
  let start = 0;
  quotes.forEach((index, count) => {
    parts.push({ words: wordsOf(text.slice(start, index)), quoted: count % 2 === 1 });
    start = index + 1;
  });
  parts.push({ words: wordsOf(text.slice(start)), quoted: false });
  return parts;
}

function wordsOf(text: string): string[] {
  return text.match(wordPattern) ?? [];
}
