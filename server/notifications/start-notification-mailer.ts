import type { KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import type { Logger } from "../platform/logger";
import type { Mailer } from "../platform/mail";
import { sendNotificationEmails } from "./send-notification-emails";

const INTERVAL_MS = 30 * 1000;

/**
 * Send pending notification e-mails every 30 seconds, and soon after `nudge()`.
 * Every instance runs it; row locks keep two instances from mailing the same
 * notification. Returns the nudge and a stop function.
 */
export function startNotificationMailer(db: Database, services: { keys: KeyRing; mailer: Mailer; publicUrl: URL; log: Logger }) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const sent = await sendNotificationEmails(db, services);
      if (sent > 0) services.log.info({ sent }, "notification_email.sent");
    } catch (error) {
      services.log.error({ err: error }, "notification_email.run_failed");
    } finally {
      running = false;
    }
  };

  const repeat = setInterval(run, INTERVAL_MS);
  repeat.unref();
  return {
    nudge: () => {
      setTimeout(run, 1000).unref();
    },
    stop: () => clearInterval(repeat),
  };
}
