import { and, count, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { mayReadForum } from "./member-relations";
import { closedGroupIdSchema } from "./people-validation";
import { closedGroupMembers, closedGroups } from "./schema";

export type LeaveClosedGroupResult = { status: "left"; groupDeleted: boolean } | { status: "not_found" };

/**
 * Leave a closed group the actor has joined. When the last joined member
 * leaves, the group is deleted with its threads, posts and pending
 * invitations, because nobody would be left to read them.
 */
export async function leaveClosedGroup(db: Database, actor: Actor, input: { groupId: string }): Promise<LeaveClosedGroupResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };
  if (!closedGroupIdSchema.safeParse(input.groupId).success) return { status: "not_found" };

  return db.transaction(async (tx): Promise<LeaveClosedGroupResult> => {
    // Two last members leaving at once take turns here, so one of them sees the group empty and deletes it.
    const [group] = await tx.select({ id: closedGroups.id }).from(closedGroups).where(eq(closedGroups.id, input.groupId)).for("update");
    if (!group) return { status: "not_found" };

    const left = await tx
      .delete(closedGroupMembers)
      .where(and(eq(closedGroupMembers.groupId, group.id), eq(closedGroupMembers.accountId, actor.accountId), eq(closedGroupMembers.status, "joined")))
      .returning({ accountId: closedGroupMembers.accountId });
    if (left.length === 0) return { status: "not_found" };

    const [{ value: remaining } = { value: 0 }] = await tx
      .select({ value: count() })
      .from(closedGroupMembers)
      .where(and(eq(closedGroupMembers.groupId, group.id), eq(closedGroupMembers.status, "joined")));
    if (Number(remaining) > 0) return { status: "left", groupDeleted: false };

    // Threads, their posts and the invitations go with the group through their foreign keys' ON DELETE CASCADE.
    await tx.delete(closedGroups).where(eq(closedGroups.id, group.id));
    return { status: "left", groupDeleted: true };
  });
}
