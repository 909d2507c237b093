import type { WordedAcuteHelpEntry } from "~/components/acute-help-list";
import { m } from "~/paraglide/messages";
import type { AcuteHelpEntry } from "../server/platform/config";

/** The translated name of a help line: known services by their `kind`, any other by its configured name. */
export function acuteHelpServiceName(entry: AcuteHelpEntry): string {
  switch (entry.kind) {
    case "emergency":
      return m.acute_help_emergency();
    case "out_of_hours":
      return m.acute_help_out_of_hours();
    case "mental_helse":
      return m.acute_help_mental_helse();
    case "kirkens_sos":
      return m.acute_help_kirkens_sos();
    default:
      return entry.name ?? entry.number;
  }
}

/** Word every configured help line in the request's language, for `AcuteHelpList`. */
export function wordAcuteHelpEntries(entries: readonly AcuteHelpEntry[]): WordedAcuteHelpEntry[] {
  return entries.map((entry) => ({ name: acuteHelpServiceName(entry), number: entry.number, hours: entry.hours ?? null }));
}
