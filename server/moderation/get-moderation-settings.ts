import { unsafeReadModerationSettings, type ModerationSettings } from "./moderation-settings";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type GetModerationSettingsResult = ({ status: "found" } & ModerationSettings) | { status: "not_found" };

/** The deployment's moderation settings, for the people who may change them. */
export async function getModerationSettings(db: Executor, actor: Actor): Promise<GetModerationSettingsResult> {
  if (!can(actor, "moderation_settings.manage")) return { status: "not_found" };

  return { status: "found", ...(await unsafeReadModerationSettings(db)) };
}
