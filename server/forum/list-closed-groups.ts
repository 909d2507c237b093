import { and, asc, count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import type { Actor } from "../identity/actor";
import { memberProfiles } from "../identity/schema";
import type { KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { unsafeListInvitableMembers, type InvitableMember } from "./list-mutually-revealed-members";
import { mayActAsForumMember, mayReadForum } from "./member-relations";
import { closedGroupMembers, closedGroups } from "./schema";

export interface JoinedClosedGroup {
  id: string;
  name: string;
  joinedMemberCount: number;
  joinedAt: Date | null;
}

export interface ClosedGroupInvitation {
  groupId: string;
  name: string;
  /** The inviter's pseudonym, or null when their account is gone. */
  invitedBy: string | null;
  invitedAt: Date;
}

export interface ClosedGroupsOverview {
  groups: JoinedClosedGroup[];
  invitations: ClosedGroupInvitation[];
  /** Members a new group could invite: those with a mutual reveal. Empty when the viewer may not create groups. */
  invitableMembers: InvitableMember[];
  /** False for a reader without a pseudonym, who cannot create, join or invite. */
  mayCreate: boolean;
}

export type ListClosedGroupsResult = { status: "listed"; overview: ClosedGroupsOverview } | { status: "not_found" };

const joinedMembers = alias(closedGroupMembers, "joined_members");

/** List the closed groups the actor has joined and their pending invitations. Groups they are not in never appear. */
export async function listClosedGroups(db: Executor, keys: KeyRing, actor: Actor): Promise<ListClosedGroupsResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const groups = await db
    .select({ id: closedGroups.id, name: closedGroups.name, joinedMemberCount: count(joinedMembers.accountId), joinedAt: closedGroupMembers.joinedAt })
    .from(closedGroupMembers)
    .innerJoin(closedGroups, eq(closedGroups.id, closedGroupMembers.groupId))
    .innerJoin(joinedMembers, and(eq(joinedMembers.groupId, closedGroups.id), eq(joinedMembers.status, "joined")))
    .where(and(eq(closedGroupMembers.accountId, actor.accountId), eq(closedGroupMembers.status, "joined")))
    .groupBy(closedGroups.id, closedGroups.name, closedGroupMembers.joinedAt)
    .orderBy(asc(closedGroups.name), asc(closedGroups.id));

  const invitations = await db
    .select({ groupId: closedGroups.id, name: closedGroups.name, invitedBy: memberProfiles.pseudonym, invitedAt: closedGroupMembers.invitedAt })
    .from(closedGroupMembers)
    .innerJoin(closedGroups, eq(closedGroups.id, closedGroupMembers.groupId))
    .leftJoin(memberProfiles, eq(memberProfiles.accountId, closedGroupMembers.invitedBy))
    .where(and(eq(closedGroupMembers.accountId, actor.accountId), eq(closedGroupMembers.status, "invited")))
    .orderBy(desc(closedGroupMembers.invitedAt), asc(closedGroups.id));

  const mayCreate = mayActAsForumMember(actor);
  const invitableMembers = mayCreate ? await unsafeListInvitableMembers(db, keys, actor.accountId) : [];
  return {
    status: "listed",
    overview: { groups: groups.map((group) => ({ ...group, joinedMemberCount: Number(group.joinedMemberCount) })), invitations, invitableMembers, mayCreate },
  };
}
