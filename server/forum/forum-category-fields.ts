import { z } from "zod";

import {
  FORUM_CATEGORY_DESCRIPTION_MAX_LENGTH,
  FORUM_CATEGORY_NAME_MAX_LENGTH,
  FORUM_CATEGORY_NAME_MIN_LENGTH,
  FORUM_CATEGORY_POSITION_MAX,
  FORUM_CATEGORY_POSITION_MIN,
} from "./forum-category-limits";
import { foldLetters } from "../platform/fold-letters";

export const FORUM_CATEGORY_SLUG_MAX_LENGTH = 60;

export const forumCategoryNameFields = ["nameNb", "nameNn", "nameEn"] as const;
export type ForumCategoryNameField = (typeof forumCategoryNameFields)[number];

export const forumCategoryFields = [...forumCategoryNameFields, "descriptionNb", "descriptionNn", "descriptionEn", "position"] as const;
export type ForumCategoryField = (typeof forumCategoryFields)[number];

export const forumCategoryErrorCodes = [
  "name_missing",
  "name_too_short",
  "name_too_long",
  "name_without_letters",
  "name_taken",
  "description_invalid",
  "description_too_long",
  "position_missing",
  "position_invalid",
  "position_out_of_range",
] as const;
export type ForumCategoryErrorCode = (typeof forumCategoryErrorCodes)[number];

export type ForumCategoryFieldErrors = Partial<Record<ForumCategoryField, ForumCategoryErrorCode>>;

/** Runs of spaces, tabs and line breaks become one space, so a name reads the same in every list. */
function collapseSpaces(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** A category's name in one language, e.g. "Hverdagen". Must contain a letter, so a slug can be made from the Bokmål name. */
export const forumCategoryNameSchema = z
  .string({ message: "name_missing" })
  .overwrite(collapseSpaces)
  .min(1, { message: "name_missing" })
  .min(FORUM_CATEGORY_NAME_MIN_LENGTH, { message: "name_too_short" })
  .max(FORUM_CATEGORY_NAME_MAX_LENGTH, { message: "name_too_long" })
  .regex(/\p{L}/u, { message: "name_without_letters" });

/** A category's description in one language: one short paragraph, empty allowed. */
export const forumCategoryDescriptionSchema = z.preprocess(
  (value) => value ?? "",
  z.string({ message: "description_invalid" }).overwrite(collapseSpaces).max(FORUM_CATEGORY_DESCRIPTION_MAX_LENGTH, { message: "description_too_long" }),
);

/** A whole number typed in a form, or a number; an empty field counts as missing. */
function positionFromForm(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const positionNumber = z
  .number({ error: (issue) => (issue.input === undefined ? "position_missing" : "position_invalid") })
  .int({ message: "position_invalid" })
  .min(FORUM_CATEGORY_POSITION_MIN, { message: "position_out_of_range" })
  .max(FORUM_CATEGORY_POSITION_MAX, { message: "position_out_of_range" });

/** The place of a category in the list, lowest first. */
export const forumCategoryPositionSchema = z.preprocess(positionFromForm, positionNumber);

/** Like `forumCategoryPositionSchema`, but an empty field is allowed: a new category then goes last. */
export const optionalForumCategoryPositionSchema = z.preprocess(positionFromForm, positionNumber.optional());

export const forumCategoryTextSchema = z.object({
  nameNb: forumCategoryNameSchema,
  nameNn: forumCategoryNameSchema,
  nameEn: forumCategoryNameSchema,
  descriptionNb: forumCategoryDescriptionSchema,
  descriptionNn: forumCategoryDescriptionSchema,
  descriptionEn: forumCategoryDescriptionSchema,
});

/** The texts of a category as a form sends them: every field may be missing or of the wrong type. */
export type ForumCategoryTextInput = Partial<Record<Exclude<ForumCategoryField, "position">, unknown>>;

export type ForumCategoryTexts = z.infer<typeof forumCategoryTextSchema>;

/**
 * The URL form of a category's Bokmål name: lower-case ASCII letters, digits
 * and hyphens, with æ→ae, ø→o, å→a and other accented letters folded, so
 * "Angst og uro" becomes "angst-og-uro" and "Sjølvhjelp" becomes "sjolvhjelp".
 * A name with no Latin letters gets "category".
 */
export function slugFromForumCategoryName(name: string): string {
  const slug = foldLetters(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const shortened = slug.slice(0, FORUM_CATEGORY_SLUG_MAX_LENGTH).replace(/-+$/, "");
  return shortened || "category";
}

/**
 * Return the form of a name that two categories may not share in one
 * language: lower case, accents and Norwegian letters folded, punctuation and
 * spacing made into single spaces. So "Angst og uro" and "angst, og URO" are one name.
 */
export function forumCategoryNameKey(name: string): string {
  return foldLetters(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function isErrorCode(message: string): message is ForumCategoryErrorCode {
  return (forumCategoryErrorCodes as readonly string[]).includes(message);
}

function isField(field: unknown): field is ForumCategoryField {
  return (forumCategoryFields as readonly unknown[]).includes(field);
}

// Used only if Zod reports an issue without one of the codes above, for instance from a future option.
const fallbackErrorCodes: Record<ForumCategoryField, ForumCategoryErrorCode> = {
  nameNb: "name_missing",
  nameNn: "name_missing",
  nameEn: "name_missing",
  descriptionNb: "description_invalid",
  descriptionNn: "description_invalid",
  descriptionEn: "description_invalid",
  position: "position_invalid",
};

/** Collect the first error code of each field, for the form to translate. */
export function forumCategoryFieldErrors(error: z.ZodError): ForumCategoryFieldErrors {
  const errors: ForumCategoryFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (!isField(field) || errors[field]) continue;
    errors[field] = isErrorCode(issue.message) ? issue.message : fallbackErrorCodes[field];
  }
  return errors;
}
