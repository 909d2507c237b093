import { eq } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Executor } from "../platform/db";
import { moderatorDuty } from "./schema";

/**
 * Take a peer moderator off duty as a side effect of another change, such as
 * pausing their account, and write `moderation.duty_ended` with that trigger.
 * Unsafe: the calling use case has already authorized the change, and calls
 * this in its transaction. Returns false when the moderator was not on duty,
 * in which case nothing is written.
 */
export async function unsafeEndModeratorDuty(tx: Executor, input: { accountId: string; actorId: string | null; trigger: "account_paused" }): Promise<boolean> {
  const ended = await tx.delete(moderatorDuty).where(eq(moderatorDuty.accountId, input.accountId)).returning({ onDutySince: moderatorDuty.onDutySince });
  if (ended.length === 0) return false;

  await recordAuditEvent(tx, {
    actorId: input.actorId,
    action: "moderation.duty_ended",
    subjectType: "account",
    subjectId: input.accountId,
    details: { trigger: input.trigger, onDutySince: ended[0]!.onDutySince.toISOString() },
  });
  return true;
}
