import { z } from "zod";

import { CLOSED_GROUP_MAX_INVITEES, CLOSED_GROUP_NAME_MAX_LENGTH, SHOWN_NAME_MAX_LENGTH } from "./people-limits";

// Control characters and line or paragraph separators: a name is one line of plain text.
const oneLinePattern = /^[^\p{Cc}\p{Zl}\p{Zp}]*$/u;

export type ShownNameErrorCode = "shown_name_missing" | "shown_name_too_long" | "shown_name_invalid_characters";

/** The name a member shows one peer: a first name or a short greeting, 1–40 characters after trimming. */
export const shownNameSchema = z
  .string({ message: "shown_name_missing" })
  .trim()
  .min(1, { message: "shown_name_missing" })
  .max(SHOWN_NAME_MAX_LENGTH, { message: "shown_name_too_long" })
  .regex(oneLinePattern, { message: "shown_name_invalid_characters" });

export type ClosedGroupNameErrorCode = "group_name_missing" | "group_name_too_long" | "group_name_invalid_characters";

/** A closed group's name, 1–60 characters after trimming. Only the group's members ever see it. */
export const closedGroupNameSchema = z
  .string({ message: "group_name_missing" })
  .trim()
  .min(1, { message: "group_name_missing" })
  .max(CLOSED_GROUP_NAME_MAX_LENGTH, { message: "group_name_too_long" })
  .regex(oneLinePattern, { message: "group_name_invalid_characters" });

export type InviteesErrorCode = "too_many_invitees" | "invitee_not_mutually_revealed";

/** Pseudonyms ticked in the create form. Longer strings than any pseudonym are cut off here, before a query. */
export const inviteePseudonymsSchema = z
  .array(z.string().max(200), { message: "too_many_invitees" })
  .max(CLOSED_GROUP_MAX_INVITEES, { message: "too_many_invitees" });

/** A closed group id from a URL or form; anything that is not a UUID cannot name a group. */
export const closedGroupIdSchema = z.uuid();

/** The first issue's message of a failed parse, which the schemas above set to a stable error code. */
export function firstErrorCode<Code extends string>(error: z.ZodError, fallback: Code): Code {
  return (error.issues[0]?.message ?? fallback) as Code;
}
