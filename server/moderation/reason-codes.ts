import { z } from "zod";

/**
 * Reason codes shared by reports, moderator actions and the pages that show
 * them. Only codes are stored; each page words them in the reader's language.
 */

/** Reasons a member can pick when reporting a post. */
export const REPORT_REASONS = ["hurtful", "identifying", "at_risk", "spam", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Reasons a moderator gives for hiding a post, warning or suspending a member. `unsafe_detail` means details of methods of self-harm or suicide. */
export const MODERATOR_REASONS = ["hurtful", "identifying", "unsafe_detail", "advertising", "off_topic", "repeated_breaches", "other"] as const;
export type ModeratorReason = (typeof MODERATOR_REASONS)[number];

/** Reasons a post waits for a moderator before others can read it (`forum_posts.pending_reason`). */
export const pendingReasons = ["first_posts", "crisis_out_of_hours"] as const;
export type PendingReason = (typeof pendingReasons)[number];

export function isPendingReason(value: unknown): value is PendingReason {
  return typeof value === "string" && (pendingReasons as readonly string[]).includes(value);
}

/** Set by the portal itself: enough members reported the post, and it stays hidden until a moderator decides. */
export const AUTOMATIC_HIDE_REASON = "reported";

/** Any code a hidden post can carry in `forum_posts.hidden_reason`. */
export type HiddenReason = ModeratorReason | typeof AUTOMATIC_HIDE_REASON;

export const moderatorReasonSchema = z.enum(MODERATOR_REASONS, { message: "reason_missing" });

/** An optional reason for thread actions (lock, pin, move): empty means none. */
export const optionalModeratorReasonSchema = z.preprocess((value) => (value === "" || value === null ? undefined : value), moderatorReasonSchema.optional());

export function isReportReason(value: unknown): value is ReportReason {
  return typeof value === "string" && (REPORT_REASONS as readonly string[]).includes(value);
}

export function isModeratorReason(value: unknown): value is ModeratorReason {
  return typeof value === "string" && (MODERATOR_REASONS as readonly string[]).includes(value);
}

export function isHiddenReason(value: unknown): value is HiddenReason {
  return value === AUTOMATIC_HIDE_REASON || isModeratorReason(value);
}
