import { notificationSettings } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type SetForumEmailNotificationsResult = { status: "saved"; emailForum: boolean } | { status: "not_found" };

/**
 * Turn e-mail about forum activity on or off for the person. Whatever sends
 * these e-mails must keep to the fact that something is new, with no post
 * text, titles or pseudonyms, because others may read the person's inbox.
 */
export async function setForumEmailNotifications(db: Executor, actor: Actor, input: { enabled: boolean }): Promise<SetForumEmailNotificationsResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  await db
    .insert(notificationSettings)
    .values({ accountId: actor.accountId, emailForum: input.enabled })
    .onConflictDoUpdate({ target: notificationSettings.accountId, set: { emailForum: input.enabled } });
  return { status: "saved", emailForum: input.enabled };
}
