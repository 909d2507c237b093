import { eq, sql } from "drizzle-orm";

import { unsafeReadModerationSettings, type ModerationSettings } from "./moderation-settings";
import { validateModerationSettings, type ModerationSettingsErrors, type ModerationSettingsInput } from "./moderation-settings-fields";
import { moderationSettings } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type UpdateModerationSettingsResult =
  | { status: "updated"; changed: (keyof ModerationSettings)[] }
  | { status: "unchanged" }
  | { status: "invalid"; errors: ModerationSettingsErrors }
  | { status: "not_found" };

/**
 * Change the deployment's moderation settings. The audit event names the
 * fields that changed; their values stay in the settings row. Saving the same
 * values again writes nothing.
 */
export async function updateModerationSettings(db: Database, actor: Actor, input: ModerationSettingsInput): Promise<UpdateModerationSettingsResult> {
  if (!can(actor, "moderation_settings.manage")) return { status: "not_found" };

  const validated = validateModerationSettings(input);
  if (!validated.valid) return { status: "invalid", errors: validated.errors };
  const next = validated.settings;

  return db.transaction(async (tx) => {
    // Lock the single row, so two moderators saving at once each see the other's change.
    await tx.select({ id: moderationSettings.id }).from(moderationSettings).where(eq(moderationSettings.id, 1)).for("update");
    const current = await unsafeReadModerationSettings(tx);
    const changed = changedFields(current, next);
    if (changed.length === 0) return { status: "unchanged" } as const;

    await tx
      .insert(moderationSettings)
      .values({ id: 1, ...next, updatedBy: actor.accountId })
      .onConflictDoUpdate({ target: moderationSettings.id, set: { ...next, updatedAt: sql`now()`, updatedBy: actor.accountId } });
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.settings_changed",
      subjectType: "moderation_settings",
      subjectId: "1",
      details: { changed: changed.join(",") },
    });
    return { status: "updated", changed } as const;
  });
}

function changedFields(current: ModerationSettings, next: ModerationSettings): (keyof ModerationSettings)[] {
  const changed: (keyof ModerationSettings)[] = [];
  if (current.approvalPostCount !== next.approvalPostCount) changed.push("approvalPostCount");
  if (current.unansweredAfterHours !== next.unansweredAfterHours) changed.push("unansweredAfterHours");
  if (current.reportsToHide !== next.reportsToHide) changed.push("reportsToHide");
  if (windowsKey(current.moderatedHours) !== windowsKey(next.moderatedHours)) changed.push("moderatedHours");
  return changed;
}

/** Compare windows by value: jsonb returns an object's keys in its own order. */
function windowsKey(windows: ModerationSettings["moderatedHours"]): string {
  return windows.map((window) => `${window.weekday} ${window.start}-${window.end}`).join(",");
}
