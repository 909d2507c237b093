import { and, eq, inArray, isNull, sql } from "drizzle-orm";

import { m } from "../../app/paraglide/messages.js";
import { unsafeFindEmailRecipient } from "../identity/find-email-address";
import type { KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import type { Logger } from "../platform/logger";
import type { Mailer } from "../platform/mail";
import { notifications, notificationSettings } from "./schema";

/** At most one notification e-mail per person in this many minutes; what arrives meanwhile goes in the next one. */
export const NOTIFICATION_EMAIL_INTERVAL_MINUTES = 15;
const RECIPIENTS_PER_RUN = 50;

/**
 * Send one e-mail to each person with new notifications who chose e-mail.
 * The e-mail says only that something is new and links to the portal: no
 * post text, thread title or pseudonym, because an inbox may be read by
 * others. Rows are locked with SKIP LOCKED, so several instances can run this
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
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.emailHandledAt)))
      .for("update", { skipLocked: true });
    if (pending.length === 0) return false;
    const markHandled = () => tx.update(notifications).set({ emailHandledAt: sql`now()` }).where(inArray(notifications.id, pending.map((row) => row.id)));

    const [settings] = await tx
      .select({ emailForum: notificationSettings.emailForum, recentlyEmailed: sql<boolean>`coalesce(${notificationSettings.lastEmailedAt} > now() - make_interval(mins => ${NOTIFICATION_EMAIL_INTERVAL_MINUTES}), false)` })
      .from(notificationSettings)
      .where(eq(notificationSettings.accountId, recipientId));
    const recipient = settings?.emailForum && services.mailer.enabled ? await unsafeFindEmailRecipient(tx, services.keys, recipientId) : null;
    if (!recipient) {
      await markHandled();
      return false;
    }
    // Left pending: the next e-mail after the interval covers these too.
    if (settings?.recentlyEmailed) return false;

    await markHandled();
    await tx.update(notificationSettings).set({ lastEmailedAt: sql`now()` }).where(eq(notificationSettings.accountId, recipientId));
    await services.mailer.send({ to: recipient.address, ...composeNotificationMail(recipient.locale ?? "nb", services.publicUrl) });
    return true;
  });
}

export function composeNotificationMail(locale: "nb" | "nn" | "en", publicUrl: URL): { subject: string; text: string } {
  const options = { locale };
  return {
    subject: m.notification_email_subject({}, options),
    text: [
      m.notification_email_greeting({}, options),
      m.notification_email_body({}, options),
      new URL("/notifications", publicUrl).href,
      m.notification_email_settings({}, options),
      m.email_sign_in_mail_signature({}, options),
    ].join("\n\n"),
  };
}
