import { findAddresses } from "./find-addresses";
import { findBirthDates } from "./find-birth-dates";
import { findFixedFormatDetails } from "./find-fixed-format-details";
import { findNamesAndPlaces } from "./find-names-and-places";
import { findWorkplaces } from "./find-workplaces";
import { specificityRank, type IdentifyingDetail } from "./identifying-detail";
import { tokenizeText } from "./tokenize-text";

export { identifyingDetailKinds, type IdentifyingDetail, type IdentifyingDetailKind } from "./identifying-detail";

/**
 * Find details in a forum post that may identify the writer or the people they write about: phone numbers,
 * e-mail addresses, national ID numbers, dates of birth, street addresses, postcodes, names, place names,
 * workplaces, registration plates and social media profiles.
 *
 * Returns findings sorted by start, none overlapping. Offsets are UTF-16 code units into `text`, as
 * `String.prototype.slice` counts them. The check is a hint for the writer, not a guarantee: it finds only what
 * the word lists and patterns beside this file describe, and names and places only when capitalised.
 */
export function findIdentifyingDetails(text: string): IdentifyingDetail[] {
  const tokens = tokenizeText(text);
  const candidates = [
    ...findFixedFormatDetails(text),
    ...findBirthDates(text),
    ...findAddresses(text, tokens),
    ...findWorkplaces(text, tokens),
    ...findNamesAndPlaces(text, tokens),
  ];
  return keepMostSpecific(candidates);
}

/**
 * Resolve overlaps: the finding of the higher-ranked kind wins (a national ID number over the phone number or date
 * that overlaps it), then the longer one, then the earlier one.
 */
function keepMostSpecific(candidates: IdentifyingDetail[]): IdentifyingDetail[] {
  const ordered = candidates
    .filter((candidate) => candidate.end > candidate.start)
    .sort((a, b) => specificityRank[b.kind] - specificityRank[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);

  // Kept findings never overlap, so sorted by start only the neighbours of an insertion point can overlap it.
  const nonOverlapping: IdentifyingDetail[] = [];
  for (const candidate of ordered) {
    const position = firstStartingAtOrAfter(nonOverlapping, candidate.start);
    const before = nonOverlapping[position - 1];
    const after = nonOverlapping[position];
    if ((before && before.end > candidate.start) || (after && after.start < candidate.end)) continue;
    nonOverlapping.splice(position, 0, candidate);
  }
  return nonOverlapping;
}

/** Return the index of the first finding that starts at or after `offset`, by binary search. */
function firstStartingAtOrAfter(sorted: IdentifyingDetail[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
