import { and, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { memberProfiles } from "../identity/schema";
import type { Database } from "../platform/db";
import { unsafeFindMembership } from "./closed-group-access";
import { mayActAsForumMember, mutuallyRevealedWith, unsafeFindVisiblePeer } from "./member-relations";
import { closedGroupMembers, closedGroups } from "./schema";

export type InviteToClosedGroupResult =
  | { status: "invited"; pseudonym: string }
  | { status: "rejected"; code: "self" | "not_mutually_revealed" | "already_joined" | "already_invited" }
  | { status: "not_found" };

/**
 * Invite a member to a closed group the actor has joined. Any joined member
 * may invite, but only someone they have a mutual reveal with right now. A
 * group the actor is not in, and a member who has blocked the actor, read as
 * not found.
 */
export async function inviteToClosedGroup(db: Database, actor: Actor, input: { groupId: string; pseudonym: string }, now = new Date()): Promise<InviteToClosedGroupResult> {
  if (!mayActAsForumMember(actor)) return { status: "not_found" };
  if ((await unsafeFindMembership(db, input.groupId, actor.accountId)) !== "joined") return { status: "not_found" };

  const peer = await unsafeFindVisiblePeer(db, actor.accountId, input.pseudonym);
  if (!peer) return { status: "not_found" };
  if (peer.accountId === actor.accountId) return { status: "rejected", code: "self" };

  const [mutual] = await db
    .select({ accountId: memberProfiles.accountId })
    .from(memberProfiles)
    .where(and(eq(memberProfiles.accountId, peer.accountId), mutuallyRevealedWith(actor.accountId, memberProfiles.accountId)));
  if (!mutual) return { status: "rejected", code: "not_mutually_revealed" };

  return db.transaction(async (tx): Promise<InviteToClosedGroupResult> => {
    // Shares the lock that leaving takes, so an invitation never lands in a group its last member is deleting.
    const [group] = await tx.select({ id: closedGroups.id }).from(closedGroups).where(eq(closedGroups.id, input.groupId)).for("share");
    if (!group) return { status: "not_found" };

    const inserted = await tx
      .insert(closedGroupMembers)
      .values({ groupId: group.id, accountId: peer.accountId, status: "invited", invitedBy: actor.accountId, invitedAt: now })
      .onConflictDoNothing()
      .returning({ accountId: closedGroupMembers.accountId });
    if (inserted.length > 0) return { status: "invited", pseudonym: peer.pseudonym };

    const [existing] = await tx
      .select({ status: closedGroupMembers.status })
      .from(closedGroupMembers)
      .where(and(eq(closedGroupMembers.groupId, group.id), eq(closedGroupMembers.accountId, peer.accountId)));
    return { status: "rejected", code: existing?.status === "joined" ? "already_joined" : "already_invited" };
  });
}
