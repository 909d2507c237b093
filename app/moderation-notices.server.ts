import { formatDateTime } from "~/format-date";
import { moderationReasonLabel } from "~/moderation-labels";
import { m } from "~/paraglide/messages";
import type { Locale } from "../server/identity/roles";
import type { OwnModerationNotices } from "../server/moderation/get-own-moderation-notices";

/** The notices, worded on the server, so forum pages' scripts carry no moderation wording in three languages. */
export interface ModerationNoticesText {
  suspension: { heading: string; lines: string[] } | null;
  warnings: { id: string; heading: string; lines: string[]; acknowledge: string }[];
}

export function wordModerationNotices(notices: OwnModerationNotices, locale: Locale): ModerationNoticesText {
  const suspension = notices.suspension;
  return {
    suspension: suspension
      ? {
          heading: m.moderation_notice_suspended_heading(),
          lines: [
            m.moderation_notice_reason({ reason: moderationReasonLabel(suspension.reason) }),
            ...(suspension.message ? [m.moderation_notice_message({ message: suspension.message })] : []),
            suspension.endsAt ? m.moderation_notice_suspended_until({ time: formatDateTime(suspension.endsAt, locale) }) : m.moderation_notice_suspended_until_lifted(),
            m.moderation_notice_suspended_help(),
          ],
        }
      : null,
    warnings: notices.warnings.map((warning) => ({
      id: warning.id,
      heading: m.moderation_notice_warning_heading(),
      lines: [
        m.moderation_notice_reason({ reason: moderationReasonLabel(warning.reason) }),
        ...(warning.message ? [m.moderation_notice_message({ message: warning.message })] : []),
        m.moderation_notice_warning_sent({ time: formatDateTime(warning.createdAt, locale) }),
        m.moderation_notice_warning_help(),
      ],
      acknowledge: m.moderation_notice_warning_acknowledge(),
    })),
  };
}
