import { describeModeratedHours } from "~/moderated-hours-text.server";
import { m } from "~/paraglide/messages";
import type { Locale } from "../server/identity/roles";
import type { ModerationPresence } from "../server/moderation/get-moderation-presence";
import type { AcuteHelpEntry } from "../server/platform/config";

/** Return the configured emergency number (113 in Norway), or the first help line when none is marked as the emergency number. */
export function emergencyNumber(acuteHelp: readonly AcuteHelpEntry[]): string {
  return (acuteHelp.find((entry) => entry.kind === "emergency") ?? acuteHelp[0])?.number ?? "113";
}

/** Word one calm line for members about whether a peer moderator follows the forum. */
export function moderationPresenceText(presence: ModerationPresence, locale: Locale, acuteHelp: readonly AcuteHelpEntry[]): string {
  if (presence.moderatorOnDuty) return m.forum_presence_on_duty();

  const number = emergencyNumber(acuteHelp);
  if (presence.moderatedHours.length === 0) return m.forum_presence_no_hours({ number });
  return m.forum_presence_hours({ hours: describeModeratedHours(presence.moderatedHours, locale), number });
}
