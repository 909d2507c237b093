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

  const nonOverlapping: IdentifyingDetail[] = [];
  for (const candidate of ordered) {
    if (nonOverlapping.every((other) => candidate.end <= other.start || candidate.start >= other.end)) nonOverlapping.push(candidate);
  }
  return nonOverlapping.sort((a, b) => a.start - b.start);
}
