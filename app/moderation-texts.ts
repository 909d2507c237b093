import { m } from "~/paraglide/messages";
import type { ModeratorReason, PendingReason } from "../server/moderation/reason-codes";

/** The translated label of a moderator's reason code, as the member concerned and the moderation pages show it. */
export function moderatorReasonText(reason: ModeratorReason): string {
  switch (reason) {
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
    case "other":
      return m.moderation_reason_other();
  }
}

export function pendingReasonText(reason: PendingReason): string {
  return reason === "crisis_out_of_hours" ? m.moderation_pending_reason_crisis_out_of_hours() : m.moderation_pending_reason_first_posts();
}

/** The crisis categories of an alert, translated and joined, most serious first as the detector ordered them. */
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
