import addressWords from "./address-words.json" with { type: "json" };
import { detectionPatterns } from "./detection-patterns";
import { startsPlaceName } from "./find-names-and-places";
import { detailAt, type IdentifyingDetail } from "./identifying-detail";
import { cuePhrases, hasCueBefore, type Token } from "./tokenize-text";

const streetSuffixes = [...new Set(addressWords.street_suffixes.suffixes)].sort((a, b) => b.length - a.length);
const streetWords = new Set(addressWords.street_words.words);
const residenceCues = cuePhrases(addressWords.residence_cues.cues);
const unitsAfterNumbers = new Set(addressWords.units_after_numbers.words);
const postcodeCues = new Set(addressWords.postcode_cues.cues);
const yearContextWords = new Set(addressWords.year_context_words.words);

const nextWordPattern = /^[ \t\u00a0]*(\p{L}+)/u;

function isOneWordStreetName(tokens: Token[], text: string, index: number): boolean {
  const token = tokens[index]!;
  if (!token.capitalised) return false;
  const suffix = streetSuffixes.find((ending) => token.lower.endsWith(ending) && token.lower.length - ending.length >= 2);
  return suffix !== undefined && !startsPlaceName(tokens, text, index);
}

/** Return the end offset of a house number that follows `offset`, or null when none follows or it is an amount (5 minutter). */
function houseNumberEnd(text: string, offset: number): number | null {
  const found = detectionPatterns.houseNumber.exec(text.slice(offset, offset + 12));
  if (!found) return null;
  const end = offset + found[0].length;
  const nextWord = nextWordPattern.exec(text.slice(end, end + 20));
  if (nextWord && unitsAfterNumbers.has(nextWord[1]!.toLowerCase())) return null;
  return end;
}

/**
 * Find street addresses: a street name followed by a house number (Storgata 12B, Karl Johans gate 1), or a street
 * name after a residence cue (bor i Storgata).
 */
function findStreetAddresses(text: string, tokens: Token[]): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    let first = -1;

    if (isOneWordStreetName(tokens, text, index)) {
      first = index;
    } else if (streetWords.has(token.lower) && index > 0 && token.spacedFromPrevious) {
      // Walk back over up to three capitalised words: Karl Johans gate, Kong Oscars allé.
      let start = index;
      while (start > 0 && index - start < 3 && tokens[start]!.spacedFromPrevious && tokens[start - 1]!.capitalised) start -= 1;
      if (start < index && tokens[start]!.capitalised) first = start;
    }
    if (first === -1) continue;

    const numberEnd = houseNumberEnd(text, token.end);
    if (numberEnd !== null) {
      details.push(detailAt(text, "street_address", tokens[first]!.start, numberEnd));
    } else if (hasCueBefore(tokens, text, first, residenceCues)) {
      details.push(detailAt(text, "street_address", tokens[first]!.start, token.end));
    }
  }
  return details;
}

/** Find four-digit postcodes before a listed place name (0155 Oslo) or after a cue word (postnummer 0155). */
function findPostcodes(text: string, tokens: Token[]): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];

  for (const found of text.matchAll(detectionPatterns.fourDigits)) {
    const end = found.index + 4;
    const spaces = /^[ \u00a0]+/.exec(text.slice(end, end + 4));
    if (!spaces) continue;
    const placeIndex = tokenIndexAt(tokens, end + spaces[0].length);
    if (placeIndex === -1 || !tokens[placeIndex]!.capitalised || !startsPlaceName(tokens, text, placeIndex)) continue;
    if (looksLikeYear(found[0]) && isAfterYearContextWord(tokens, placeIndex)) continue;
    details.push(detailAt(text, "postcode", found.index, end));
  }

  for (const token of tokens) {
    if (!postcodeCues.has(token.lower)) continue;
    const found = detectionPatterns.postcodeAfterCue.exec(text.slice(token.end, token.end + 32));
    if (!found) continue;
    const start = token.end + found[0].length - 4;
    details.push(detailAt(text, "postcode", start, start + 4));
  }
  return details;
}

/** Return the index of the token that starts at `offset`, or -1, by binary search over the sorted tokens. */
function tokenIndexAt(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = tokens[middle]!.start;
    if (start === offset) return middle;
    if (start < offset) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function looksLikeYear(digits: string): boolean {
  const value = Number(digits);
  return value >= 1900 && value <= 2099;
}

function isAfterYearContextWord(tokens: Token[], placeIndex: number): boolean {
  const previous = tokens[placeIndex - 1];
  return previous !== undefined && yearContextWords.has(previous.lower);
}

/** Find street addresses and postcodes. */
export function findAddresses(text: string, tokens: Token[]): IdentifyingDetail[] {
  return [...findStreetAddresses(text, tokens), ...findPostcodes(text, tokens)];
}
