import { idnr } from "@navikt/fnrvalidator";

import { detectionPatterns } from "./detection-patterns";
import { detailAt, type IdentifyingDetail } from "./identifying-detail";
import socialMedia from "./social-media.json" with { type: "json" };

const yearPattern = /^(?:19|20)\d\d$/;

function findPhoneNumbers(text: string): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];
  for (const found of text.matchAll(detectionPatterns.phoneNumber)) {
    // "2019 2020" has the 4-4 shape of a phone number but is two years.
    const fourFour = found.groups?.fourFour;
    if (fourFour && fourFour.split(/[ \u00a0]/).every((half) => yearPattern.test(half))) continue;
    details.push(detailAt(text, "phone_number", found.index, found.index + found[0].length));
  }
  return details;
}

function findEmailAddresses(text: string): IdentifyingDetail[] {
  return [...text.matchAll(detectionPatterns.emailAddress)].map((found) => detailAt(text, "email_address", found.index, found.index + found[0].length));
}

/** Find fødselsnummer and D-numbers (also H-numbers and synthetic test numbers) whose date and check digits are valid. */
function findNationalIdNumbers(text: string): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];
  for (const found of text.matchAll(detectionPatterns.nationalIdNumber)) {
    const digits = `${found.groups!.birth}${found.groups!.individual}`;
    if (idnr(digits).status !== "valid") continue;
    details.push(detailAt(text, "national_id_number", found.index, found.index + found[0].length));
  }
  return details;
}

function findCarRegistrations(text: string): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];
  for (const found of text.matchAll(detectionPatterns.carRegistration)) {
    // "OL 1994" and "VM 2022" are events with a year, not plates.
    if (yearPattern.test(found.groups!.digits!)) continue;
    details.push(detailAt(text, "car_registration", found.index, found.index + found[0].length));
  }
  return details;
}

/**
 * Find links to social media profiles and posts, fediverse and Bluesky handles, and @handles in the same
 * sentence as a platform name, at most `max_distance` characters from it (følg meg på insta @kari_85).
 */
function findSocialMediaProfiles(text: string): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];
  for (const pattern of [detectionPatterns.socialMediaLink, detectionPatterns.fediverseHandle]) {
    for (const found of text.matchAll(pattern)) details.push(detailAt(text, "social_media_profile", found.index, found.index + found[0].length));
  }

  for (const platform of text.matchAll(detectionPatterns.platformWord)) {
    const windowStart = sentenceStartWithin(text, platform.index, socialMedia.max_distance);
    const windowEnd = sentenceEndWithin(text, platform.index + platform[0].length, socialMedia.max_distance);
    const window = text.slice(windowStart, windowEnd);
    for (const handle of window.matchAll(detectionPatterns.socialMediaHandle)) {
      const start = windowStart + handle.index;
      details.push(detailAt(text, "social_media_profile", start, start + handle[0].length));
    }
  }
  return details;
}

/** Return where the sentence around `offset` starts, looking back at most `distance` characters. */
function sentenceStartWithin(text: string, offset: number, distance: number): number {
  const limit = Math.max(0, offset - distance);
  for (let index = offset - 1; index >= limit; index -= 1) {
    const character = text[index]!;
    if (character === "\n" || (".!?".includes(character) && /\s/.test(text[index + 1] ?? ""))) return index + 1;
  }
  return limit;
}

/** Return where the sentence around `offset` ends, looking ahead at most `distance` characters. */
function sentenceEndWithin(text: string, offset: number, distance: number): number {
  const after = text.slice(offset, offset + distance);
  const boundary = after.search(/\n|[.!?](?:\s|$)/);
  return boundary === -1 ? offset + after.length : offset + boundary;
}

/** Find details with a fixed format: phone numbers, e-mail addresses, national ID numbers, registration plates and social media profiles. */
export function findFixedFormatDetails(text: string): IdentifyingDetail[] {
  return [...findPhoneNumbers(text), ...findEmailAddresses(text), ...findNationalIdNumbers(text), ...findCarRegistrations(text), ...findSocialMediaProfiles(text)];
}
