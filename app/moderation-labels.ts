/** Wording of moderation codes: reasons and post states, shared by the moderation pages and the thread page. */
import { m } from "~/paraglide/messages";
import type { ModeratedPostState } from "../server/moderation/get-post-for-moderation";
import { isReportReason, MODERATOR_REASONS, type HiddenReason, type ModeratorReason, type PendingReason, type ReportReason } from "../server/moderation/reason-codes";

/** The reason a member picks in the report form, as the form lists it. */
export function reportReasonLabel(reason: ReportReason): string {
  switch (reason) {
    case "hurtful":
      return m.report_reason_hurtful();
    case "identifying":
      return m.report_reason_identifying();
    case "at_risk":
      return m.report_reason_at_risk();
    case "spam":
      return m.report_reason_spam();
    case "other":
      return m.report_reason_other();
  }
}

/** One line under each report reason, so the member can tell them apart. */
export function reportReasonHelp(reason: ReportReason): string {
  switch (reason) {
    case "hurtful":
      return m.report_reason_hurtful_help();
    case "identifying":
      return m.report_reason_identifying_help();
    case "at_risk":
      return m.report_reason_at_risk_help();
    case "spam":
      return m.report_reason_spam_help();
    case "other":
      return m.report_reason_other_help();
  }
}

/**
 * A hide, warning or suspension reason as the member concerned and the
 * moderators read it. An unknown code, from a newer version, reads as "other".
 */
export function moderationReasonLabel(reason: HiddenReason | string | null): string {
  switch (reason as HiddenReason) {
    case "hurtful":
      return m.moderation_reason_hurtful();
    case "identifying":
      return m.moderation_reason_identifying();
    case "unsafe_detail":
      return m.moderation_reason_unsafe_detail();
    case "advertising":
      return m.moderation_reason_advertising();
    case "off_topic":
      return m.moderation_reason_off_topic();
    case "repeated_breaches":
      return m.moderation_reason_repeated_breaches();
    case "reported":
      return m.moderation_reason_reported();
    default:
      return m.moderation_reason_other();
  }
}

/** A report reason as moderators read it in lists and on the post's page. */
export function reportReasonForModerators(reason: string): string {
  return isReportReason(reason) ? reportReasonLabel(reason) : m.report_reason_other();
}

/** A post's state as moderators read it beside the post. */
export function moderatedPostStateLabel(state: ModeratedPostState): string {
  switch (state) {
    case "published":
      return m.moderation_post_state_published();
    case "hidden":
      return m.moderation_post_state_hidden();
    case "pending":
      return m.moderation_post_state_pending();
    case "deleted":
      return m.moderation_post_state_deleted();
  }
}

/** List the options of a moderator's reason select, worded. */
export function moderationReasonOptions(): { value: ModeratorReason; label: string }[] {
  return MODERATOR_REASONS.map((value) => ({ value, label: moderationReasonLabel(value) }));
}

/** Word why a post waits for a moderator. */
export function pendingReasonText(reason: PendingReason): string {
  return reason === "crisis_out_of_hours" ? m.moderation_pending_reason_crisis_out_of_hours() : m.moderation_pending_reason_first_posts();
}

/** Word the crisis categories of an alert and join them, in the detector's order (most serious first). */
export function crisisCategoriesText(categories: readonly string[]): string {
  return categories
    .map((category) => {
      switch (category) {
        case "suicide":
          return m.moderation_crisis_category_suicide();
        case "self_harm":
          return m.moderation_crisis_category_self_harm();
        default:
          return m.moderation_crisis_category_crisis();
      }
    })
    .join(", ");
}
