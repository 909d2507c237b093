import { z } from "zod";

import { COMMUNITY_NAME_MAX_LENGTH, COMMUNITY_NAME_MIN_LENGTH, MUNICIPALITY_NUMBER_MAX, MUNICIPALITY_NUMBER_MIN } from "./community-limits";
import { foldLetters } from "../platform/fold-letters";

export const COMMUNITY_SLUG_MAX_LENGTH = 60;

/** A community's display name, e.g. "Bjørkelia kommune". Must contain a letter, so a slug can be made from it. */
export const communityNameSchema = z
  .string({ message: "name_missing" })
  .trim()
  .min(1, { message: "name_missing" })
  .min(COMMUNITY_NAME_MIN_LENGTH, { message: "name_too_short" })
  .max(COMMUNITY_NAME_MAX_LENGTH, { message: "name_too_long" })
  .regex(/\p{L}/u, { message: "name_without_letters" });

/** Statistics Norway's four-digit municipality number, e.g. 0301 for Oslo. Empty means none. */
export const municipalityNumberSchema = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  },
  z
    .string({ message: "municipality_number_invalid" })
    .regex(/^\d{4}$/, { message: "municipality_number_invalid" })
    // Four digits compare as strings in numeric order.
    .refine((number) => number >= MUNICIPALITY_NUMBER_MIN && number <= MUNICIPALITY_NUMBER_MAX, {
      message: "municipality_number_out_of_range",
    })
    .optional(),
);

/**
 * The URL form of a community name: lower-case ASCII letters, digits and
 * hyphens, with Norwegian and Northern Sámi letters folded (æ→ae, ø→o, å→a,
 * đ→d, ŋ→n, ŧ→t) and a trailing "kommune" dropped, so "Bjørkelia kommune"
 * becomes "bjorkelia". A name with no Latin letters gets "community".
 */
export function slugFromCommunityName(name: string): string {
  const slug = foldLetters(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const withoutSuffix = slug.replace(/-kommune$/, "");
  const shortened = (withoutSuffix || slug).slice(0, COMMUNITY_SLUG_MAX_LENGTH).replace(/-+$/, "");
  return shortened || "community";
}

/**
 * Return the form of a name that two communities may not share. It is lower
 * case, with accents and Norwegian and Northern Sámi letters folded as in the
 * slug, punctuation and spacing made into single spaces, and a trailing
 * "kommune" dropped. So "Bjørkelia", "bjorkelia" and "Bjørkelia  kommune" are
 * one name. Unlike the slug, it keeps letters of every script.
 */
export function communityNameKey(name: string): string {
  const key = foldLetters(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return key.replace(/ kommune$/, "") || key;
}

export type CommunityFieldErrors = Partial<Record<"name" | "municipalityNumber", string>>;

/** Collect the first error code of each field, for the form to translate. */
export function communityFieldErrors(error: z.ZodError): CommunityFieldErrors {
  const errors: CommunityFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if ((field === "name" || field === "municipalityNumber") && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
