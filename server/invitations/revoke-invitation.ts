import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { PersonActor } from "../identity/actor";
import type { Database } from "../platform/db";
import { mayManageInvitation } from "../policy";
import { invitations } from "./schema";

export type RevokeInvitationResult = { status: "revoked" } | { status: "not_found" | "not_pending" };

/**
 * Revoke an invitation that has not been accepted, so its link stops working.
 * Only its inviter or an administrator may, and for anyone else it reads "not_found".
 */
export async function revokeInvitation(db: Database, actor: PersonActor, invitationId: string, now = new Date()): Promise<RevokeInvitationResult> {
  if (!z.uuid().safeParse(invitationId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const [invitation] = await tx.select({ invitedBy: invitations.invitedBy }).from(invitations).where(eq(invitations.id, invitationId));
    if (!invitation || !mayManageInvitation(actor, invitation.invitedBy)) return { status: "not_found" };

    // Conditional, so a revoke racing a redeem loses cleanly instead of revoking an accepted invitation.
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (revoked.length === 0) return { status: "not_pending" };

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "invitation.revoked", subjectType: "invitation", subjectId: invitationId });
    return { status: "revoked" };
  });
}
