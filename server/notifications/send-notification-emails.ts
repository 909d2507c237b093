import { and, eq, inArray, isNull, sql } from "drizzle-orm";

import { m } from "../../app/paraglide/messages.js";
import { unsafeFindEmailRecipient } from "../identity/find-email-address";
import { accountRoles } from "../identity/schema";
import type { KeyRing } from "../platform/crypto";
import type { Database, Transaction } from "../platform/db";
import type { Logger } from "../platform/logger";
import type { Mailer } from "../platform/mail";
import { MODERATOR_KINDS } from "./list-notifications";
import { notifications, notificationSettings } from "./schema";

/** At most one notification e-mail per person in this many minutes; what arrives meanwhile goes in the next one. */
export const NOTIFICATION_EMAIL_INTERVAL_MINUTES = 15;
const RECIPIENTS_PER_RUN = 50;

/**
 * Send one e-mail to each person with new notifications who chose e-mail.
 * The e-mail says only that something is new and links to the portal: no
 * post text, thread title or pseudonym, because an inbox may be read by
 * others. Peer moderators get news of reports, crisis alerts and posts for
 * approval unless they turned it off. Rows are locked with SKIP LOCKED, so several instances can run this
 * at once without sending twice; a failed send rolls back and is retried on
 * the next run.
 */
export async function sendNotificationEmails(db: Database, services: { keys: KeyRing; mailer: Mailer; publicUrl: URL; log: Logger }): Promise<number> {
  const recipients = await db
    .selectDistinct({ recipientId: notifications.recipientId })
    .from(notifications)
    .where(isNull(notifications.emailHandledAt))
    .limit(RECIPIENTS_PER_RUN);

  let sent = 0;
  for (const { recipientId } of recipients) {
    try {
      if (await handleRecipient(db, services, recipientId)) sent++;
    } catch (error) {
      services.log.error({ err: error, accountId: recipientId }, "notification_email.failed");
    }
  }
  return sent;
}

async function handleRecipient(db: Database, services: { keys: KeyRing; mailer: Mailer; publicUrl: URL }, recipientId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: notifications.id, kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.emailHandledAt)))
      .for("update", { skipLocked: true });
    if (pending.length === 0) return false;
    const markHandled = () => tx.update(notifications).set({ emailHandledAt: sql`now()` }).where(inArray(notifications.id, pending.map((row) => row.id)));

    const [settings] = await tx
      .select({
        emailForum: notificationSettings.emailForum,
        emailModeration: notificationSettings.emailModeration,
        recentlyEmailed: sql<boolean>`coalesce(${notificationSettings.lastEmailedAt} > now() - make_interval(mins => ${NOTIFICATION_EMAIL_INTERVAL_MINUTES}), false)`,
      })
      .from(notificationSettings)
      .where(eq(notificationSettings.accountId, recipientId));
    const topic = await mailTopic(tx, recipientId, pending, { emailForum: settings?.emailForum ?? false, emailModeration: settings?.emailModeration ?? true });
    const recipient = topic && services.mailer.enabled ? await unsafeFindEmailRecipient(tx, services.keys, recipientId) : null;
    if (!topic || !recipient) {
      await markHandled();
      return false;
    }
    // Left pending: the next e-mail after the interval covers these too. A
    // crisis alert does not wait, because a moderator may need to act within
    // minutes; reports and posts for approval wait like forum news.
    if (settings?.recentlyEmailed && topic !== "crisis_alert") return false;

    await markHandled();
    await tx
      .insert(notificationSettings)
      .values({ accountId: recipientId, lastEmailedAt: sql`now()` })
      .onConflictDoUpdate({ target: notificationSettings.accountId, set: { lastEmailedAt: sql`now()` } });
    await services.mailer.send({ to: recipient.address, ...composeNotificationMail(recipient.locale ?? "nb", services.publicUrl, topic) });
    return true;
  });
}

/** What one notification e-mail is about; the most urgent pending kind decides its wording. */
export type NotificationMailTopic = "crisis_alert" | "report" | "pending_post" | "news";

/**
 * Decide whether the pending notifications call for an e-mail, and which.
 * Moderator kinds follow `email_moderation` (on unless turned off), and only
 * while the person is still a peer moderator. Every other kind follows
 * `email_forum`, a member's news about their own posts included.
 */
async function mailTopic(tx: Transaction, recipientId: string, pending: { kind: string }[], choices: { emailForum: boolean; emailModeration: boolean }): Promise<NotificationMailTopic | null> {
  const kinds = new Set(pending.map((row) => row.kind));
  const moderatorKinds = MODERATOR_KINDS.filter((kind) => kinds.has(kind));
  const otherKinds = [...kinds].filter((kind) => !(MODERATOR_KINDS as string[]).includes(kind));

  if (moderatorKinds.length > 0 && choices.emailModeration && (await unsafeIsPeerModerator(tx, recipientId))) {
    if (kinds.has("moderation_crisis_alert")) return "crisis_alert";
    if (kinds.has("moderation_report")) return "report";
    return "pending_post";
  }
  if (otherKinds.length > 0 && choices.emailForum) return "news";
  return null;
}

async function unsafeIsPeerModerator(tx: Transaction, accountId: string): Promise<boolean> {
  const [row] = await tx
    .select({ accountId: accountRoles.accountId })
    .from(accountRoles)
    .where(and(eq(accountRoles.accountId, accountId), eq(accountRoles.role, "peer_moderator")));
  return row !== undefined;
}

/**
 * Compose the e-mail's subject and text. It carries no post text, thread
 * title, pseudonym or category, because others may read the inbox. It says
 * only that something new waits, with a link to the page that lists it.
 */
export function composeNotificationMail(locale: "nb" | "nn" | "en", publicUrl: URL, topic: NotificationMailTopic = "news"): { subject: string; text: string } {
  const options = { locale };
  const content = {
    crisis_alert: { subject: m.notification_email_crisis_alert_subject, body: m.notification_email_crisis_alert_body, path: "/moderation/crisis-alerts", settings: m.notification_email_moderation_settings },
    report: { subject: m.notification_email_report_subject, body: m.notification_email_report_body, path: "/moderation/reports", settings: m.notification_email_moderation_settings },
    pending_post: { subject: m.notification_email_pending_post_subject, body: m.notification_email_pending_post_body, path: "/moderation/approvals", settings: m.notification_email_moderation_settings },
    news: { subject: m.notification_email_subject, body: m.notification_email_body, path: "/notifications", settings: m.notification_email_settings },
  }[topic];

  return {
    subject: content.subject({}, options),
    text: [
      m.notification_email_greeting({}, options),
      content.body({}, options),
      new URL(content.path, publicUrl).href,
      content.settings({}, options),
      m.email_sign_in_mail_signature({}, options),
    ].join("\n\n"),
  };
}
