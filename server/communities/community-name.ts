import { z } from "zod";

export const COMMUNITY_NAME_MIN_LENGTH = 2;
export const COMMUNITY_NAME_MAX_LENGTH = 100;
export const COMMUNITY_SLUG_MAX_LENGTH = 60;

/** A community's display name, e.g. "Bjørkelia kommune". Must contain a letter, so a slug can be made from it. */
export const communityNameSchema = z
  .string({ message: "name_missing" })
  .trim()
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
  z.string().regex(/^\d{4}$/, { message: "municipality_number_invalid" }).optional(),
);

/**
 * The URL form of a community name: lower-case ASCII letters, digits and
 * hyphens, with Norwegian and Northern Sámi letters folded (æ→ae, ø→o, å→a,
 * đ→d, ŋ→n, ŧ→t) and a trailing "kommune" dropped, so "Bjørkelia kommune"
 * becomes "bjorkelia". A name with no Latin letters gets "community".
 */
export function slugFromCommunityName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/đ/g, "d")
    .replace(/ŋ/g, "n")
    .replace(/ŧ/g, "t")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const withoutSuffix = slug.replace(/-kommune$/, "");
  const shortened = (withoutSuffix || slug).slice(0, COMMUNITY_SLUG_MAX_LENGTH).replace(/-+$/, "");
  return shortened || "community";
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
