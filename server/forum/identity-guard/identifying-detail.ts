/** Kinds of detail that may identify the writer of a forum post or the people they write about. */
export const identifyingDetailKinds = [
  "phone_number",
  "email_address",
  "national_id_number",
  "birth_date",
  "street_address",
  "postcode",
  "personal_name",
  "place_name",
  "workplace",
  "car_registration",
  "social_media_profile",
] as const;

export type IdentifyingDetailKind = (typeof identifyingDetailKinds)[number];

/** One finding: `start` and `end` are UTF-16 offsets into the checked text, and `match` is `text.slice(start, end)`. */
export type IdentifyingDetail = {
  kind: IdentifyingDetailKind;
  start: number;
  end: number;
  match: string;
};

/**
 * Rank of each kind for resolving overlapping findings: the higher rank is kept,
 * so a national ID number beats a phone number or date that overlaps it, and a
 * street address beats the name it contains.
 */
export const specificityRank: Record<IdentifyingDetailKind, number> = {
  national_id_number: 100,
  email_address: 90,
  social_media_profile: 90,
  phone_number: 80,
  car_registration: 70,
  birth_date: 60,
  street_address: 55,
  postcode: 50,
  workplace: 40,
  personal_name: 30,
  place_name: 20,
};

export function detailAt(text: string, kind: IdentifyingDetailKind, start: number, end: number): IdentifyingDetail {
  return { kind, start, end, match: text.slice(start, end) };
}
