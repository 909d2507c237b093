import { z } from "zod";

import type { Transaction } from "../platform/db";
import type { JobOutcome } from "../platform/jobs";
import { cafeHasStarted } from "./cafe-access";
import type { CafeJobServices } from "./cafe-jobs";
import { CAFE_NOTICE_QUEUE } from "./cafe-notices";
import { CAFE_MESSAGE_KINDS_OUTSIDE_PORTAL, composeCafeMessage } from "./cafe-reminder-texts";
import { unsafeLoadCafeChannelChoices, unsafeLoadCafeJobTarget, unsafeSendCafeMessage } from "./send-cafe-message";

const noticePayloadSchema = z.object({ kind: z.enum(CAFE_MESSAGE_KINDS_OUTSIDE_PORTAL), cafeId: z.uuid(), accountId: z.uuid() });

/**
 * Send a kafé notice by e-mail and web push, in neutral words unless the
 * member chose details. The portal's entry was written when the notice was
 * queued. Nothing is sent to a disabled account or one on a break
 * (`skipped_paused`), about a kafé that has started (`skipped_past`), or,
 * except for the cancellation itself, about a kafé cancelled since
 * (`skipped_cancelled`). A seat given is not announced to a member who
 * answered otherwise since (`skipped_answer`).
 */
export async function sendCafeNotice(tx: Transaction, services: CafeJobServices, rawPayload: Record<string, unknown>, now: Date): Promise<JobOutcome> {
  const parsed = noticePayloadSchema.safeParse(rawPayload);
  if (!parsed.success) return "skipped_invalid";
  const payload = parsed.data;

  const target = await unsafeLoadCafeJobTarget(tx, payload.accountId, payload.cafeId);
  if (typeof target === "string") return target;
  const { recipient, access } = target;
  const { cafe } = access;
  if (cafeHasStarted(cafe, now)) return "skipped_past";
  if (payload.kind !== "cafe_cancelled" && cafe.cancelledAt !== null) return "skipped_cancelled";
  if (payload.kind === "cafe_seat_given" && access.answer !== "coming") return "skipped_answer";

  const choices = await unsafeLoadCafeChannelChoices(tx, payload.accountId);
  const message = composeCafeMessage(payload.kind, {
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
    logContext: { cafeId: cafe.id, accountId: payload.accountId, queue: CAFE_NOTICE_QUEUE, kind: payload.kind },
  });
  if (!delivery.email && delivery.pushes === 0) return "skipped_no_channel";
  services.log.info({ cafeId: cafe.id, accountId: payload.accountId, kind: payload.kind, email: delivery.email, pushes: delivery.pushes }, "cafe_notice.sent");
  return "sent";
}
