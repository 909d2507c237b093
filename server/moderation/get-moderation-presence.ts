import { isModeratorOnDuty, isWithinModeratedHours } from "./moderated-hours";
import { unsafeReadModerationSettings } from "./moderation-settings";
import type { ModeratedHoursWindow } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface ModerationPresence {
  /** A peer moderator has said they are on duty now. */
  moderatorOnDuty: boolean;
  /** Now is inside the deployment's moderated hours. */
  withinModeratedHours: boolean;
  moderatedHours: ModeratedHoursWindow[];
}

export type GetModerationPresenceResult = ({ status: "found" } & ModerationPresence) | { status: "not_found" };

/** Whether a moderator follows the forum now, and when they usually do, for members reading the forum. No moderator is named. */
export async function getModerationPresence(db: Executor, actor: Actor, now = new Date()): Promise<GetModerationPresenceResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const settings = await unsafeReadModerationSettings(db);
  return {
    status: "found",
    moderatorOnDuty: await isModeratorOnDuty(db),
    withinModeratedHours: isWithinModeratedHours(settings.moderatedHours, now),
    moderatedHours: settings.moderatedHours,
  };
}
