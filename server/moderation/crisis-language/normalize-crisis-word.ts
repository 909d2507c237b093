import { foldLetters } from "../../platform/fold-letters";

// Digits that people type for look-alike letters to get past filters ("su1c1de", "s3lvmord").
const digitLetters: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t" };

/**
 * Reduce a word to the form the crisis word lists are compared in, so that common spellings of one word meet.
 * The steps: lower case, æ → ae, ø → o, å → a and accents dropped (`foldLetters`), the ASCII stand-in "oe" → o, look-alike
 * digits as letters, hyphens and apostrophes dropped, and every run of a repeated letter as one letter (which also
 * turns the stand-in "aa" into a). So "Sjølvmord", "sjoelvmord" and "SJØLVMOOORD" all become "sjolvmord", and
 * "ikkje" becomes "ikje".
 * Data and text go through the same function, so the folding never has to be undone.
 */
export function normalizeCrisisWord(word: string): string {
  const folded = foldLetters(word.normalize("NFC"))
    .replace(/['’-]/g, "")
    .replace(/[013457]/g, (digit) => digitLetters[digit]!)
    .replace(/oe/g, "o");
  return folded.replace(/(.)\1+/g, "$1");
}

/**
 * Replace asterisks and similar masking characters between two letters with an "x", so "s*icide" and "selvm#rd"
 * stay one word and the fuzzy terms (one letter off) still match them.
 */
export function revealMaskedLetters(text: string): string {
  return text.replace(/(?<=\p{L})[*#_]+(?=\p{L})/gu, "x");
}
