import { m } from "~/paraglide/messages";
import { MODERATOR_REASONS, type ModeratorReason } from "../server/moderation/reason-codes";

/** Word a moderator's reason code in the request's language. A code this version does not know reads as "other". */
export function moderationReasonLabel(code: string): string {
  switch (code as ModeratorReason) {
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
    default:
      return m.moderation_reason_other();
  }
}

/** The options of a reason select, worded. */
export function moderationReasonOptions(): { value: ModeratorReason; label: string }[] {
  return MODERATOR_REASONS.map((value) => ({ value, label: moderationReasonLabel(value) }));
}
