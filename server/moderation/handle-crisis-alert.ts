import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { crisisAlerts } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type HandleCrisisAlertResult = { status: "handled" | "already_handled" } | { status: "not_found" };

/** Mark a crisis alert as followed up. The first moderator to do so is recorded; a second press changes nothing. */
export async function handleCrisisAlert(db: Database, actor: Actor, alertId: string): Promise<HandleCrisisAlertResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(alertId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const handled = await tx
      .update(crisisAlerts)
      .set({ handledAt: sql`now()`, handledBy: actor.accountId })
      .where(and(eq(crisisAlerts.id, alertId), isNull(crisisAlerts.handledAt)))
      .returning({ postId: crisisAlerts.postId });
    if (handled.length === 0) {
      const [existing] = await tx.select({ id: crisisAlerts.id }).from(crisisAlerts).where(eq(crisisAlerts.id, alertId));
      return existing ? ({ status: "already_handled" } as const) : ({ status: "not_found" } as const);
    }

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "moderation.crisis_alert_handled", subjectType: "crisis_alert", subjectId: alertId, details: { postId: handled[0]!.postId } });
    return { status: "handled" } as const;
  });
}
