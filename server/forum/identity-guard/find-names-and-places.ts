import ambiguousNames from "./ambiguous-names.json" with { type: "json" };
import ambiguousPlaceNames from "./ambiguous-place-names.json" with { type: "json" };
import givenNames from "./given-names.json" with { type: "json" };
import { detailAt, type IdentifyingDetail } from "./identifying-detail";
import nameCues from "./name-cues.json" with { type: "json" };
import placeNames from "./place-names.json" with { type: "json" };
import surnames from "./surnames.json" with { type: "json" };
import { cuePhrases, hasCueBefore, isOnlySpaces, type Token } from "./tokenize-text";

type Lookup = "definite" | "ambiguous" | null;

function lowerSet(words: Iterable<string>): Set<string> {
  return new Set([...words].map((word) => word.normalize("NFC").toLowerCase()));
}

const givenNameSet = lowerSet([...givenNames.female, ...givenNames.male]);
const surnameSet = lowerSet(surnames.surnames);
const ambiguousNameSet = lowerSet(ambiguousNames.names);

const allPlaceNames = [
  ...Object.values(placeNames.municipalities).flat(),
  ...placeNames.sami_and_kven_names,
  ...placeNames.towns_and_villages,
  ...placeNames.city_districts,
  ...placeNames.regions_and_counties,
];
const ambiguousPlaceSet = lowerSet(ambiguousPlaceNames.names);
const singleWordPlaceSet = lowerSet(allPlaceNames.filter((name) => !/\s/.test(name)));

// Place names of several words, keyed by their first word: "mo" → [["mo", "i", "rana"]]. Longest first, so the
// longest name wins. "St. Hanshaugen" is stored as ["st", "hanshaugen"] and matched across the full stop.
const multiWordPlaces = new Map<string, string[][]>();
for (const name of allPlaceNames.filter((place) => /\s/.test(place))) {
  const words = name.normalize("NFC").toLowerCase().replace(/\./g, "").split(/\s+/);
  const list = multiWordPlaces.get(words[0]!) ?? [];
  list.push(words);
  list.sort((a, b) => b.length - a.length);
  multiWordPlaces.set(words[0]!, list);
}

const strongNameCues = cuePhrases(nameCues.strong_name_cues.cues);
const nameCueSet = cuePhrases(nameCues.name_cues.cues);
const locativeCues = cuePhrases(nameCues.locative_cues.cues);
const notSurnames = lowerSet(nameCues.not_surnames.words);

/** Return the word without a genitive or English possessive ending ("Karis", "Kari's", "Oslos"), or null. */
function withoutPossessive(lower: string): string | null {
  if (lower.endsWith("'s") || lower.endsWith("’s")) return lower.slice(0, -2);
  if (lower.endsWith("s") && lower.length > 3) return lower.slice(0, -1);
  return null;
}

function lookupNameForm(form: string): Lookup {
  if (!givenNameSet.has(form) && !surnameSet.has(form)) return null;
  return ambiguousNameSet.has(form) ? "ambiguous" : "definite";
}

/** Look a word up in the name lists, also without a possessive ending when the word itself is not listed. */
function lookupName(lower: string): Lookup {
  const found = lookupNameForm(lower);
  if (found !== null) return found;
  const stem = withoutPossessive(lower);
  if (stem !== null) {
    const stemFound = lookupNameForm(stem);
    if (stemFound !== null) return stemFound;
  }
  // Double given names such as Anne-Lise or Per-Erik: every part must be a given name.
  if (lower.includes("-") && lower.split("-").every((part) => givenNameSet.has(part))) return "definite";
  return null;
}

function lookupPlaceForm(form: string): Lookup {
  if (!singleWordPlaceSet.has(form)) return null;
  return ambiguousPlaceSet.has(form) ? "ambiguous" : "definite";
}

/** Look a word up in the place lists, also without a possessive ending when the word itself is not listed. */
function lookupPlace(lower: string): Lookup {
  const found = lookupPlaceForm(lower);
  if (found !== null) return found;
  const stem = withoutPossessive(lower);
  return stem === null ? null : lookupPlaceForm(stem);
}

/** Return the index of the last token of the longest place name of several words starting at `index`, or -1. */
function matchMultiWordPlace(tokens: Token[], text: string, index: number): number {
  const candidates = multiWordPlaces.get(tokens[index]!.lower);
  if (!candidates) return -1;

  for (const words of candidates) {
    const last = index + words.length - 1;
    if (last >= tokens.length) continue;
    let matches = true;
    for (let offset = 1; offset < words.length && matches; offset += 1) {
      const token = tokens[index + offset]!;
      const previousEnd = tokens[index + offset - 1]!.end;
      const gapStart = text[previousEnd] === "." ? previousEnd + 1 : previousEnd;
      matches = isOnlySpaces(text, gapStart, token.start) && (token.lower === words[offset] || withoutPossessive(token.lower) === words[offset]);
    }
    if (matches) return last;
  }
  return -1;
}

function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.capitalised && lookupName(token.lower) !== null;
}

/** True when the token is next to another capitalised name with only spaces between them (Per Hansen, Liv Tor). */
function hasNameNeighbour(tokens: Token[], index: number): boolean {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  return (token.spacedFromPrevious && isNameWord(tokens[index - 1])) || (next !== undefined && next.spacedFromPrevious && isNameWord(next));
}

/** Tokens `first` to `last` of one finding; `end` is set when the finding stops inside the last token (Oslo-området). */
type Span = { kind: "personal_name" | "place_name"; first: number; last: number; end?: number };

/** Decide whether one capitalised token is a name, a place or neither. */
function classifyToken(tokens: Token[], text: string, index: number): Span["kind"] | null {
  const token = tokens[index]!;
  const name = lookupName(token.lower);
  const place = lookupPlace(token.lower);
  const afterLocative = hasCueBefore(tokens, text, index, locativeCues);
  const nameNeighbour = name !== null && hasNameNeighbour(tokens, index);

  if (place !== null && afterLocative && !nameNeighbour) return "place_name";
  if (name !== null && (nameNeighbour || hasCueBefore(tokens, text, index, nameCueSet))) return "personal_name";
  if (place === "definite") return "place_name";
  if (name === "definite" || (name === "ambiguous" && !token.sentenceStart)) return "personal_name";
  return null;
}

/**
 * Find given names, surnames and place names among capitalised words. Runs of names separated only by spaces
 * become one finding, and an unlisted capitalised word right after a given name is taken as its surname (Ola
 * Nordmann). Any capitalised word after a first-person cue ("jeg heter", "my name is") is a name.
 */
export function findNamesAndPlaces(text: string, tokens: Token[]): IdentifyingDetail[] {
  const spans: Span[] = [];

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (!token.capitalised) continue;

    const multiWordEnd = matchMultiWordPlace(tokens, text, index);
    if (multiWordEnd !== -1) {
      spans.push({ kind: "place_name", first: index, last: multiWordEnd });
      index = multiWordEnd;
      continue;
    }

    const kind = hasCueBefore(tokens, text, index, strongNameCues) ? "personal_name" : classifyToken(tokens, text, index);
    if (kind === null) {
      const prefixEnd = placePrefixEnd(token);
      if (prefixEnd !== null) spans.push({ kind: "place_name", first: index, last: index, end: prefixEnd });
      continue;
    }

    const previous = spans.at(-1);
    if (kind === "personal_name" && previous?.kind === "personal_name" && previous.last === index - 1 && token.spacedFromPrevious) {
      previous.last = index;
    } else {
      spans.push({ kind, first: index, last: index });
    }
  }

  for (const span of spans) {
    if (span.kind === "personal_name") absorbUnknownSurname(tokens, span);
  }
  return spans.map((span) => detailAt(text, span.kind, tokens[span.first]!.start, span.end ?? tokens[span.last]!.end));
}

/** Return where a place name ends when it starts a hyphenated word (Oslo-området, Bergens-kanten), or null. */
function placePrefixEnd(token: Token): number | null {
  const hyphen = token.text.search(/-/);
  if (hyphen === -1) return null;
  return lookupPlace(token.text.slice(0, hyphen).normalize("NFC").toLowerCase()) === "definite" ? token.start + hyphen : null;
}

/** Extend a name that ends in a given name with the next capitalised word when that word is in no list (Ola Nordmann). */
function absorbUnknownSurname(tokens: Token[], span: Span): void {
  if (span.end !== undefined) return;
  const last = tokens[span.last]!;
  const next = tokens[span.last + 1];
  if (!next || !next.capitalised || !next.spacedFromPrevious || next.text.length < 2) return;
  if (!givenNameSet.has(last.lower)) return;
  if (next.text === next.text.toUpperCase()) return; // acronyms such as NAV or DPS
  if (notSurnames.has(next.lower) || lookupName(next.lower) !== null || lookupPlace(next.lower) !== null) return;
  span.last += 1;
}

/** Return true when a listed place name (of one or several words) starts at token `index`, whatever its case. */
export function startsPlaceName(tokens: Token[], text: string, index: number): boolean {
  return lookupPlace(tokens[index]!.lower) !== null || matchMultiWordPlace(tokens, text, index) !== -1;
}
