import { z } from "zod";

import { notifications } from "../notifications/schema";
import type { Transaction } from "../platform/db";
import { scheduleJob, type JobOutcome } from "../platform/jobs";
import { cafeHasStarted } from "./cafe-access";
import { CAFE_REMINDER_QUEUE, type CafeJobServices } from "./cafe-jobs";
import { composeCafeMessage } from "./cafe-reminder-texts";
import { reminderKey } from "./schedule-cafe-reminders";
import { unsafeLoadCafeChannelChoices, unsafeLoadCafeJobTarget, unsafeSendCafeMessage } from "./send-cafe-message";

const reminderPayloadSchema = z.object({ cafeId: z.uuid(), accountId: z.uuid(), offsetMinutes: z.number().int().positive() });

/**
 * Send one kafé reminder, when its job runs. Everything is checked again
 * here, because nothing undoes a scheduled reminder: it sends nothing when
 * the kafé is cancelled or not approved (`skipped_cancelled`), the member no
 * longer answers coming or maybe (`skipped_answer`) or no longer wants this
 * reminder time (`skipped_choice`), the account is disabled or on a break
 * (`skipped_paused`), the member lost access (`skipped_access`) or the kafé
 * has started (`skipped_past`). A kafé moved later gets its reminder
 * scheduled again for the new time (`rescheduled`).
 */
export async function sendCafeReminder(tx: Transaction, services: CafeJobServices, rawPayload: Record<string, unknown>, now: Date): Promise<JobOutcome> {
  const parsed = reminderPayloadSchema.safeParse(rawPayload);
  if (!parsed.success) return "skipped_invalid";
  const payload = parsed.data;

  const target = await unsafeLoadCafeJobTarget(tx, payload.accountId, payload.cafeId);
  if (typeof target === "string") return target;
  const { recipient, access } = target;
  const { cafe } = access;
  if (cafe.cancelledAt !== null || cafe.approval !== "approved") return "skipped_cancelled";
  if (cafeHasStarted(cafe, now)) return "skipped_past";
  if (access.answer !== "coming" && access.answer !== "maybe") return "skipped_answer";

  const choices = await unsafeLoadCafeChannelChoices(tx, payload.accountId);
  if (!choices.reminderOffsets.includes(payload.offsetMinutes)) return "skipped_choice";

  // The kafé moved later than this job was scheduled for: run again at the new time, under a key of its own, since this job's key is taken.
  const due = new Date(cafe.startsAt.getTime() - payload.offsetMinutes * 60_000);
  if (due.getTime() > now.getTime()) {
    await scheduleJob(tx, { queue: CAFE_REMINDER_QUEUE, payload: { ...payload }, runAt: due, singletonKey: `${reminderKey(payload)}:${cafe.startsAt.toISOString()}` });
    return "rescheduled";
  }

  const message = composeCafeMessage("reminder", {
    locale: recipient.locale,
    startsAt: cafe.startsAt,
    cafeId: cafe.id,
    publicUrl: services.publicUrl,
    details: choices.showDetails ? { title: cafe.title, placeName: cafe.placeName, address: cafe.address } : null,
  });
  const delivery = await unsafeSendCafeMessage(tx, services, {
    accountId: payload.accountId,
    choices,
    message,
    logContext: { cafeId: cafe.id, accountId: payload.accountId, queue: CAFE_REMINDER_QUEUE },
  });

  // The portal's list entry is marked e-mail-handled, so the forum's notification mailer never mails it again.
  if (choices.remindInPortal) {
    await tx.insert(notifications).values({ recipientId: payload.accountId, kind: "cafe_reminder", cafeId: cafe.id, emailHandledAt: now });
  }

  if (!delivery.email && delivery.pushes === 0 && !choices.remindInPortal) return "skipped_no_channel";
  services.log.info({ cafeId: cafe.id, accountId: payload.accountId, offsetMinutes: payload.offsetMinutes, email: delivery.email, pushes: delivery.pushes, inPortal: choices.remindInPortal }, "cafe_reminder.sent");
  return "sent";
}
