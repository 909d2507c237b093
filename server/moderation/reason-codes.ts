/**
 * Reason codes shared by every moderation page, so a reason chosen on one
 * page is worded the same everywhere. Members see them translated.
 */

/** What a member may pick when reporting a post. */
export const reportReasons = ["hurtful", "identifying", "at_risk", "spam", "other"] as const;
export type ReportReason = (typeof reportReasons)[number];

/** What a moderator gives when hiding a post, warning or suspending a member. `unsafe_detail` means details of methods of self-harm or suicide. */
export const moderatorReasons = ["hurtful", "identifying", "unsafe_detail", "advertising", "off_topic", "repeated_breaches", "other"] as const;
export type ModeratorReason = (typeof moderatorReasons)[number];

/** Set by the portal itself: a post hidden by members' reports until a moderator decides. */
export const automaticReasons = ["reported"] as const;
export type AutomaticReason = (typeof automaticReasons)[number];

/** Why a post waits for a moderator before others can read it (`forum_posts.pending_reason`). */
export const pendingReasons = ["first_posts", "crisis_out_of_hours"] as const;
export type PendingReason = (typeof pendingReasons)[number];

export function isModeratorReason(value: unknown): value is ModeratorReason {
  return typeof value === "string" && (moderatorReasons as readonly string[]).includes(value);
}

export function isPendingReason(value: unknown): value is PendingReason {
  return typeof value === "string" && (pendingReasons as readonly string[]).includes(value);
}
