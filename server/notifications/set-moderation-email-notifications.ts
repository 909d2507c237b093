import { notificationSettings } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type SetModerationEmailNotificationsResult = { status: "saved"; emailModeration: boolean } | { status: "not_found" };

/**
 * Turn a peer moderator's e-mail about reports, crisis alerts and posts for
 * approval on or off. Those e-mails say only that something waits, with no
 * post text, titles, pseudonyms or categories.
 */
export async function setModerationEmailNotifications(db: Executor, actor: Actor, input: { enabled: boolean }): Promise<SetModerationEmailNotificationsResult> {
  if (!can(actor, "moderation.view")) return { status: "not_found" };

  await db
    .insert(notificationSettings)
    .values({ accountId: actor.accountId, emailModeration: input.enabled })
    .onConflictDoUpdate({ target: notificationSettings.accountId, set: { emailModeration: input.enabled } });
  return { status: "saved", emailModeration: input.enabled };
}
