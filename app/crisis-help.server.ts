import { wordAcuteHelpEntries } from "~/acute-help-service-name";
import type { CrisisHelpPanelText } from "~/components/crisis-help-panel";
import { m } from "~/paraglide/messages";
import type { AcuteHelpEntry } from "../server/platform/config";

/**
 * Word the writer's crisis panel. `draft` is shown while the text is not yet
 * published (the identity guard stopped it), `published` after a post went
 * live with a crisis alert, and `held` when it waits for a moderator.
 */
export function crisisHelpPanelText(situation: "draft" | "published" | "held", acuteHelp: readonly AcuteHelpEntry[]): CrisisHelpPanelText {
  const outcome = { draft: m.forum_crisis_panel_draft, published: m.forum_crisis_panel_published, held: m.forum_crisis_panel_held }[situation]();

  return {
    heading: m.forum_crisis_panel_heading(),
    outcome,
    notForEmergencies: m.forum_crisis_panel_not_for_emergencies(),
    acuteHelpLink: m.forum_crisis_panel_acute_help_link(),
    entries: wordAcuteHelpEntries(acuteHelp),
    // NOTE: the toolbox and its crisis plan are not built yet. When they are, link the writer's own crisis plan here when they have one.
    crisisPlan: null,
  };
}
