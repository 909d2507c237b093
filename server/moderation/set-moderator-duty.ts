import { eq } from "drizzle-orm";

import { moderatorDuty } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type SetModeratorDutyResult = { status: "started" | "ended" | "unchanged"; onDuty: boolean } | { status: "not_found" };

/**
 * Put the moderator on or off duty. While any moderator is on duty, posts
 * with crisis language go live at once, also outside moderated hours, and
 * members see that a moderator is on duty. Asking for the state one already
 * has changes nothing and writes no audit event.
 */
export async function setModeratorDuty(db: Database, actor: Actor, onDuty: boolean): Promise<SetModeratorDutyResult> {
  if (!can(actor, "forum.moderate")) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const changed = onDuty
      ? await tx.insert(moderatorDuty).values({ accountId: actor.accountId }).onConflictDoNothing().returning({ accountId: moderatorDuty.accountId })
      : await tx.delete(moderatorDuty).where(eq(moderatorDuty.accountId, actor.accountId)).returning({ accountId: moderatorDuty.accountId });
    if (changed.length === 0) return { status: "unchanged", onDuty } as const;

    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: onDuty ? "moderation.duty_started" : "moderation.duty_ended",
      subjectType: "account",
      subjectId: actor.accountId,
    });
    return { status: onDuty ? "started" : "ended", onDuty } as const;
  });
}
