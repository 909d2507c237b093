import { eq } from "drizzle-orm";

import { notificationSettings } from "./schema";
import type { Actor } from "../identity/actor";
import { unsafeHasEmailAddress } from "../identity/has-email-address";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface NotificationSettings {
  /** E-mail about new replies and mentions in the forum. Off until the person turns it on. */
  emailForum: boolean;
  /** Whether the portal has an address to send to; without one, the setting has no effect yet. */
  hasEmailAddress: boolean;
  /** Peer moderators only, else null: a content-free e-mail about reports, crisis alerts and posts for approval. On until they turn it off. */
  emailModeration: boolean | null;
}

export type GetNotificationSettingsResult = { status: "found"; settings: NotificationSettings } | { status: "not_found" };

/** Load the person's own notification settings, with the defaults when they have never saved any. */
export async function getNotificationSettings(db: Executor, actor: Actor): Promise<GetNotificationSettingsResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const [[row], hasEmailAddress] = await Promise.all([
    db.select({ emailForum: notificationSettings.emailForum, emailModeration: notificationSettings.emailModeration }).from(notificationSettings).where(eq(notificationSettings.accountId, actor.accountId)),
    unsafeHasEmailAddress(db, actor.accountId),
  ]);
  const emailModeration = can(actor, "moderation.view") ? (row?.emailModeration ?? true) : null;
  return { status: "found", settings: { emailForum: row?.emailForum ?? false, hasEmailAddress, emailModeration } };
}
