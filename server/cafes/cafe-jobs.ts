import type { Config } from "../platform/config";
import type { KeyRing } from "../platform/crypto";
import type { JobHandler } from "../platform/jobs";
import type { Logger } from "../platform/logger";
import type { Mailer } from "../platform/mail";
import type { PushSender } from "../platform/push";
import { CAFE_NOTICE_QUEUE } from "./cafe-notices";
import { sendCafeNotice } from "./send-cafe-notice";
import { sendCafeReminder } from "./send-cafe-reminder";

/** What kafé jobs need from the running portal. */
export interface CafeJobServices {
  keys: KeyRing;
  mailer: Mailer;
  push: PushSender;
  publicUrl: URL;
  log: Logger;
  config: Config;
  dataDir: string;
}

/** The queue of kafé reminders; one job per member, kafé and reminder time. */
export const CAFE_REMINDER_QUEUE = "cafe_reminder";

/** The job handlers of the kafé domain, by queue name. */
export function cafeJobHandlers(services: CafeJobServices): Record<string, JobHandler> {
  return {
    [CAFE_REMINDER_QUEUE]: (tx, job, now) => sendCafeReminder(tx, services, job.payload, now),
    [CAFE_NOTICE_QUEUE]: (tx, job, now) => sendCafeNotice(tx, services, job.payload, now),
  };
}
