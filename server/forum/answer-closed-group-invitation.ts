import { and, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { closedGroupIdSchema } from "./people-validation";
import { mayActAsForumMember, mayReadForum } from "./member-relations";
import { closedGroupMembers, closedGroups } from "./schema";

export type ClosedGroupAnswer = "accept" | "decline";

export type AnswerClosedGroupInvitationResult = { status: "joined"; groupId: string } | { status: "declined" } | { status: "not_found" };

/**
 * Accept or decline the actor's pending invitation to a closed group.
 * Accepting makes the actor a joined member; declining deletes the
 * invitation, so nothing is left of it. Accepting needs forum writing, and
 * declining only reading, so anyone may always say no.
 */
export async function answerClosedGroupInvitation(db: Database, actor: Actor, input: { groupId: string; answer: ClosedGroupAnswer }, now = new Date()): Promise<AnswerClosedGroupInvitationResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };
  if (input.answer === "accept" && !mayActAsForumMember(actor)) return { status: "not_found" };
  if (!closedGroupIdSchema.safeParse(input.groupId).success) return { status: "not_found" };
  const invitation = and(eq(closedGroupMembers.groupId, input.groupId), eq(closedGroupMembers.accountId, actor.accountId), eq(closedGroupMembers.status, "invited"));

  if (input.answer === "decline") {
    const deleted = await db.delete(closedGroupMembers).where(invitation).returning({ groupId: closedGroupMembers.groupId });
    return deleted.length > 0 ? { status: "declined" } : { status: "not_found" };
  }

  return db.transaction(async (tx): Promise<AnswerClosedGroupInvitationResult> => {
    // Shares the lock that leaving takes, so nobody joins a group in the moment its last member deletes it.
    const [group] = await tx.select({ id: closedGroups.id }).from(closedGroups).where(eq(closedGroups.id, input.groupId)).for("share");
    if (!group) return { status: "not_found" };

    const joined = await tx.update(closedGroupMembers).set({ status: "joined", joinedAt: now }).where(invitation).returning({ groupId: closedGroupMembers.groupId });
    return joined.length > 0 ? { status: "joined", groupId: group.id } : { status: "not_found" };
  });
}
