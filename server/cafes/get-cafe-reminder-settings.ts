import { asc, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { unsafeHasEmailAddress } from "../identity/has-email-address";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { DEFAULT_REMINDER_OFFSETS } from "./schedule-cafe-reminders";
import { cafeSettings, pushSubscriptions } from "./schema";

export interface CafeReminderSettings {
  remindByEmail: boolean;
  remindByPush: boolean;
  remindInPortal: boolean;
  /** Minutes before the start, largest first. */
  reminderOffsets: number[];
  showDetails: boolean;
  hasEmailAddress: boolean;
  devices: PushDevice[];
}

/** One browser that receives web push, named by its push service, since nothing else about it is stored. */
export interface PushDevice {
  id: string;
  pushService: string;
  createdAt: Date;
  lastSuccessAt: Date | null;
}

export type GetCafeReminderSettingsResult = { status: "found"; settings: CafeReminderSettings } | { status: "not_found" };

/** Load the member's own reminder choices, with the defaults when none were saved, and their push devices. */
export async function getCafeReminderSettings(db: Executor, actor: Actor): Promise<GetCafeReminderSettingsResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  const [row] = await db.select().from(cafeSettings).where(eq(cafeSettings.accountId, actor.accountId));
  const devices = await db
    .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, createdAt: pushSubscriptions.createdAt, lastSuccessAt: pushSubscriptions.lastSuccessAt })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.accountId, actor.accountId))
    .orderBy(asc(pushSubscriptions.createdAt));
  const hasEmailAddress = await unsafeHasEmailAddress(db, actor.accountId);

  return {
    status: "found",
    settings: {
      remindByEmail: row?.remindByEmail ?? true,
      remindByPush: row?.remindByPush ?? true,
      remindInPortal: row?.remindInPortal ?? true,
      reminderOffsets: [...(row?.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS)].sort((a, b) => b - a),
      showDetails: row?.showDetails ?? false,
      hasEmailAddress,
      devices: devices.map((device) => ({ id: device.id, pushService: new URL(device.endpoint).hostname, createdAt: device.createdAt, lastSuccessAt: device.lastSuccessAt })),
    },
  };
}
