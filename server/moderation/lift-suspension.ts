import { and, eq, sql } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { suspensionActive } from "./find-active-suspension";
import { mayActOnMember, unsafeFindModeratedMember } from "./find-moderated-member";
import { memberSuspensions } from "./schema";

export type LiftSuspensionResult = { status: "lifted"; suspensionId: string } | { status: "not_active" } | { status: "not_allowed" } | { status: "not_found" };

/**
 * End the member's suspension in force now, so they can write again. With
 * none in force (it ended, or a double submit lifted it already) nothing
 * changes and no audit row is written.
 */
export async function liftSuspension(db: Database, actor: Actor, pseudonym: string): Promise<LiftSuspensionResult> {
  if (!can(actor, "forum.moderate")) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const member = await unsafeFindModeratedMember(tx, pseudonym);
    if (!member) return { status: "not_found" } as const;
    if (!mayActOnMember(actor, member)) return { status: "not_allowed" } as const;

    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('member_suspension'), hashtext(${member.accountId}))`);
    const lifted = await tx
      .update(memberSuspensions)
      .set({ liftedAt: sql`now()`, liftedBy: actor.accountId })
      .where(and(eq(memberSuspensions.accountId, member.accountId), suspensionActive()))
      .returning({ id: memberSuspensions.id });
    if (lifted.length === 0) return { status: "not_active" } as const;

    for (const suspension of lifted) {
      await recordAuditEvent(tx, { actorId: actor.accountId, action: "moderation.suspension_lifted", subjectType: "account", subjectId: member.accountId, details: { suspensionId: suspension.id } });
    }
    return { status: "lifted", suspensionId: lifted[0]!.id } as const;
  });
}
