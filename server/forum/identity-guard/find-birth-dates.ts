import dateWords from "./date-words.json" with { type: "json" };
import { detectionPatterns } from "./detection-patterns";
import { detailAt, type IdentifyingDetail } from "./identifying-detail";

const months = new Map(Object.entries(dateWords.months));
const datePatterns = [
  detectionPatterns.numericDate,
  detectionPatterns.isoDate,
  detectionPatterns.numericDayMonth,
  detectionPatterns.dayMonthNameDate,
  detectionPatterns.monthNameDayDate,
];

// A sentence ends at ! ? … or a line break, or at a full stop after a word of two or more letters, so that
// abbreviations (f. 12.03.1985) and ordinal dates (12. mars) do not end it.
const sentenceBoundaryPattern = /[!?…\n]|(?<=\p{L}{2})\.(?=\s)/gu;
const cueDistanceBefore = 60;
const cueDistanceAfter = 40;

function monthNumber(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : (months.get(value.toLowerCase()) ?? 0);
}

function isPlausibleBirthYear(year: string | undefined): boolean {
  if (year === undefined || year.length === 2) return true;
  const value = Number(year);
  return value >= dateWords.earliest_birth_year && value <= new Date().getFullYear();
}

function isCalendarDate(day: number, month: number, year: string | undefined): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  // Without a year, 29 February is allowed (2000 was a leap year). A two-digit year is read as 19xx.
  let fullYear = 2000;
  if (year !== undefined) fullYear = year.length === 2 ? 1900 + Number(year) : Number(year);
  const date = new Date(Date.UTC(fullYear, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function hasBirthCueNear(text: string, start: number, end: number): boolean {
  let before = text.slice(Math.max(0, start - cueDistanceBefore), start);
  const boundaries = [...before.matchAll(sentenceBoundaryPattern)];
  if (boundaries.length > 0) before = before.slice(boundaries.at(-1)!.index + 1);

  let after = text.slice(end, end + cueDistanceAfter);
  const boundary = after.search(sentenceBoundaryPattern);
  if (boundary !== -1) after = after.slice(0, boundary);

  return detectionPatterns.birthCue.test(before) || detectionPatterns.birthCue.test(after);
}

/**
 * Find dates of birth. A date (12.03.1985, 12. mars 1985, 3 May 1990, bursdagen min er 12. mars) counts only when
 * a birth cue (født, fødd, born, bursdag…) is in the same sentence, at most 60 characters before it or 40 after,
 * and its year, if given, is a plausible birth year. "født i 1985" flags the year alone.
 */
export function findBirthDates(text: string): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];

  for (const pattern of datePatterns) {
    for (const found of text.matchAll(pattern)) {
      const groups = found.groups!;
      const day = Number(groups.day);
      const month = monthNumber(groups.month!);
      const end = found.index + found[0].length;
      if (!isCalendarDate(day, month, groups.year) || !isPlausibleBirthYear(groups.year)) continue;
      if (!hasBirthCueNear(text, found.index, end)) continue;
      details.push(detailAt(text, "birth_date", found.index, end));
    }
  }

  for (const found of text.matchAll(detectionPatterns.birthYear)) {
    const year = found.groups!.year!;
    if (!isPlausibleBirthYear(year)) continue;
    const start = found.index + found[0].length - year.length;
    details.push(detailAt(text, "birth_date", start, start + year.length));
  }
  return details;
}
