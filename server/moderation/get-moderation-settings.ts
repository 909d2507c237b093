import { isModeratedNow } from "./moderated-hours";
import { unsafeReadModerationSettings, type ModerationSettings } from "./moderation-settings";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type GetModerationSettingsResult = ({ status: "found"; moderatedNow: boolean } & ModerationSettings) | { status: "not_found" };

/** The deployment's moderation settings, for the people who may change them, and whether the forum is moderated at this moment. */
export async function getModerationSettings(db: Executor, actor: Actor, now = new Date()): Promise<GetModerationSettingsResult> {
  if (!can(actor, "moderation_settings.manage")) return { status: "not_found" };

  return { status: "found", moderatedNow: await isModeratedNow(db, now), ...(await unsafeReadModerationSettings(db)) };
}
