import { and, asc, eq, sql } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { memberProfiles } from "../identity/schema";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { unsafeFindMembership } from "./closed-group-access";
import { unsafeListInvitableMembers, type InvitableMember } from "./list-mutually-revealed-members";
import { blockedByViewer, mayActAsForumMember, mayReadForum } from "./member-relations";
import { closedGroupMembers, closedGroups, memberReveals } from "./schema";

export interface ClosedGroupMember {
  pseudonym: string;
  /** The name this member shows the viewer, or null. Only the viewer, the receiver, gets it. */
  shownName: string | null;
  isSelf: boolean;
  joinedAt: Date | null;
}

export interface ClosedGroupView {
  id: string;
  name: string;
  createdAt: Date;
  members: ClosedGroupMember[];
  /** Pseudonyms of members invited but not yet joined. */
  pendingInvitees: { pseudonym: string; invitedAt: Date }[];
  /** Members the viewer may invite now: mutual reveals not yet in the group. */
  invitableMembers: InvitableMember[];
  /** True when the viewer is the only joined member, so leaving deletes the group. */
  viewerIsLastMember: boolean;
}

/** The invitation an invited member answers: the group's name and who invited them, nothing of the members. */
export interface ClosedGroupInvitationView {
  id: string;
  name: string;
  invitedBy: string | null;
  invitedAt: Date;
}

export type GetClosedGroupResult = { status: "joined"; group: ClosedGroupView } | { status: "invited"; invitation: ClosedGroupInvitationView } | { status: "not_found" };

/**
 * Load a closed group for the actor. Joined members get its name, members
 * and pending invitees, and an invited member gets only the invitation. For
 * anyone else the group does not exist.
 */
export async function getClosedGroup(db: Executor, keys: KeyRing, actor: Actor, groupId: string): Promise<GetClosedGroupResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const membership = await unsafeFindMembership(db, groupId, actor.accountId);
  if (membership === "invited") return loadInvitation(db, actor.accountId, groupId);
  if (membership !== "joined") return { status: "not_found" };

  const [group] = await db.select({ id: closedGroups.id, name: closedGroups.name, createdAt: closedGroups.createdAt }).from(closedGroups).where(eq(closedGroups.id, groupId));
  if (!group) return { status: "not_found" };

  const rows = await db
    .select({
      accountId: closedGroupMembers.accountId,
      pseudonym: memberProfiles.pseudonym,
      status: closedGroupMembers.status,
      invitedAt: closedGroupMembers.invitedAt,
      joinedAt: closedGroupMembers.joinedAt,
      // A reveal from this member to the viewer, unless the viewer blocks them.
      shownNameEncrypted: sql<string | null>`(
        select ${memberReveals.shownNameEncrypted} from ${memberReveals}
        where ${memberReveals.giverId} = ${closedGroupMembers.accountId} and ${memberReveals.receiverId} = ${actor.accountId}
          and not ${blockedByViewer(actor.accountId, closedGroupMembers.accountId)}
      )`,
    })
    .from(closedGroupMembers)
    .innerJoin(memberProfiles, eq(memberProfiles.accountId, closedGroupMembers.accountId))
    .where(eq(closedGroupMembers.groupId, groupId))
    .orderBy(asc(memberProfiles.pseudonymKey));

  const members = rows
    .filter((row) => row.status === "joined")
    .map((row) => ({
      pseudonym: row.pseudonym,
      shownName: row.shownNameEncrypted ? decryptText(keys, row.shownNameEncrypted) : null,
      isSelf: row.accountId === actor.accountId,
      joinedAt: row.joinedAt,
    }));
  const pendingInvitees = rows.filter((row) => row.status === "invited").map((row) => ({ pseudonym: row.pseudonym, invitedAt: row.invitedAt }));
  const invitableMembers = mayActAsForumMember(actor) ? await unsafeListInvitableMembers(db, keys, actor.accountId, groupId) : [];

  return { status: "joined", group: { ...group, members, pendingInvitees, invitableMembers, viewerIsLastMember: members.length === 1 } };
}

async function loadInvitation(db: Executor, viewerId: string, groupId: string): Promise<GetClosedGroupResult> {
  const [invitation] = await db
    .select({ id: closedGroups.id, name: closedGroups.name, invitedBy: memberProfiles.pseudonym, invitedAt: closedGroupMembers.invitedAt })
    .from(closedGroupMembers)
    .innerJoin(closedGroups, eq(closedGroups.id, closedGroupMembers.groupId))
    .leftJoin(memberProfiles, eq(memberProfiles.accountId, closedGroupMembers.invitedBy))
    .where(and(eq(closedGroupMembers.groupId, groupId), eq(closedGroupMembers.accountId, viewerId), eq(closedGroupMembers.status, "invited")));
  return invitation ? { status: "invited", invitation } : { status: "not_found" };
}
