import { z } from "zod";

/** Why a member reports a post: the short list the report form offers. */
export const REPORT_REASONS = ["hurtful", "identifying", "at_risk", "spam", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Why a moderator hides a post, warns or suspends a member. The member sees the code translated. */
export const MODERATOR_REASONS = ["hurtful", "identifying", "unsafe_detail", "advertising", "off_topic", "repeated_breaches", "other"] as const;
export type ModeratorReason = (typeof MODERATOR_REASONS)[number];

/** Set by the product, not a person: a post hidden because enough members reported it, until a moderator decides. */
export const AUTOMATIC_REASONS = ["reported"] as const;
export type AutomaticReason = (typeof AUTOMATIC_REASONS)[number];

export const moderatorReasonSchema = z.enum(MODERATOR_REASONS, { message: "reason_missing" });

/** An optional reason for thread actions (lock, pin, move): empty means none. */
export const optionalModeratorReasonSchema = z.preprocess((value) => (value === "" || value === null ? undefined : value), moderatorReasonSchema.optional());
