import type { Executor } from "../platform/db";
import { scheduleJob } from "../platform/jobs";
import { notifications } from "../notifications/schema";

/** The queue that carries kafé notices out of the portal, by e-mail and web push. */
export const CAFE_NOTICE_QUEUE = "cafe_notice";

/**
 * What a kafé notice is about. Each is shown in the portal's notification
 * list; the notice job also sends it by the member's chosen channels, in
 * neutral words, for the kinds in `NOTICES_SENT_OUTSIDE_THE_PORTAL`.
 */
export type CafeNoticeKind =
  | "cafe_reminder"
  | "cafe_cancelled"
  | "cafe_changed"
  | "cafe_seat_given"
  | "cafe_meetup_pending"
  | "cafe_meetup_approved"
  | "cafe_meetup_declined"
  | "cafe_company_message"
  | "cafe_company_accepted";

export const CAFE_NOTICE_KINDS: readonly CafeNoticeKind[] = [
  "cafe_reminder",
  "cafe_cancelled",
  "cafe_changed",
  "cafe_seat_given",
  "cafe_meetup_pending",
  "cafe_meetup_approved",
  "cafe_meetup_declined",
  "cafe_company_message",
  "cafe_company_accepted",
];

/** Time-sensitive notices go out by e-mail and push too; the rest wait in the portal. */
export const NOTICES_SENT_OUTSIDE_THE_PORTAL: readonly CafeNoticeKind[] = ["cafe_cancelled", "cafe_changed", "cafe_seat_given", "cafe_company_accepted"];

export interface CafeNotice {
  recipientId: string;
  kind: Exclude<CafeNoticeKind, "cafe_reminder">;
  cafeId: string;
  /** The account that caused it, so a later block can hide it. E-mail and push never name it. */
  actorId?: string | null;
}

export interface CafeNoticePayload {
  kind: CafeNoticeKind;
  cafeId: string;
  accountId: string;
}

/**
 * Record notices in the portal and queue their e-mail and push delivery in
 * the same transaction, so a notice is never lost or sent for a change that
 * rolled back. The forum's notification mailer skips these rows: their
 * e-mail, if any, comes from the notice job.
 */
export async function unsafeQueueCafeNotices(executor: Executor, notices: CafeNotice[], now: Date): Promise<void> {
  if (notices.length === 0) return;
  const rows = await executor
    .insert(notifications)
    .values(notices.map((notice) => ({ recipientId: notice.recipientId, kind: notice.kind, actorId: notice.actorId ?? null, cafeId: notice.cafeId, emailHandledAt: now })))
    .returning({ id: notifications.id });

  for (const [index, notice] of notices.entries()) {
    if (!NOTICES_SENT_OUTSIDE_THE_PORTAL.includes(notice.kind)) continue;
    const payload: CafeNoticePayload = { kind: notice.kind, cafeId: notice.cafeId, accountId: notice.recipientId };
    await scheduleJob(executor, { queue: CAFE_NOTICE_QUEUE, payload: { ...payload }, runAt: now, singletonKey: `${CAFE_NOTICE_QUEUE}:${rows[index]!.id}` });
  }
}
