import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import { communities, communityMemberships } from "../communities/schema";
import type { Actor } from "../identity/actor";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { mayActAsForumMember, mayReadForum, unsafeFindVisiblePeer, type Peer } from "./member-relations";
import { closedGroupMembers, closedGroups, memberBlocks, memberReveals } from "./schema";

/** A member's forum page as another member sees it. It carries pseudonyms only, never an identity. */
export interface MemberProfileView {
  pseudonym: string;
  isSelf: boolean;
  /** The member's communities, only when they have turned on showing them; otherwise empty. */
  communityNames: string[];
  /** The name the viewer shows this member, or null. The viewer wrote it, so it is theirs to see. */
  shownByViewer: string | null;
  /** The name this member shows the viewer, or null. Only the receiver ever gets it, and not while they block the giver. */
  shownToViewer: string | null;
  blockedByViewer: boolean;
  mutuallyRevealed: boolean;
  may: { reveal: boolean; block: boolean; inviteToGroup: boolean };
  /** The viewer's joined closed groups this member is neither in nor invited to; empty unless mutually revealed. */
  invitableGroups: { id: string; name: string }[];
}

export type GetMemberProfileResult = { status: "found"; profile: MemberProfileView } | { status: "not_found" };

/**
 * Load a member's forum profile by pseudonym, as the actor may see it. A
 * member who has blocked the actor reads as not found, so the blocked person
 * never learns of the block.
 */
export async function getMemberProfile(db: Executor, keys: KeyRing, actor: Actor, pseudonym: string): Promise<GetMemberProfileResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const peer = await unsafeFindVisiblePeer(db, actor.accountId, pseudonym);
  if (!peer) return { status: "not_found" };

  const isSelf = peer.accountId === actor.accountId;
  const communityNames = peer.showCommunity ? await listCommunityNames(db, peer.accountId) : [];
  if (isSelf) {
    return {
      status: "found",
      profile: {
        pseudonym: peer.pseudonym,
        isSelf,
        communityNames,
        shownByViewer: null,
        shownToViewer: null,
        blockedByViewer: false,
        mutuallyRevealed: false,
        may: { reveal: false, block: false, inviteToGroup: false },
        invitableGroups: [],
      },
    };
  }

  const relation = await loadRelation(db, keys, actor.accountId, peer);
  const mayWrite = mayActAsForumMember(actor);
  const invitableGroups = relation.mutuallyRevealed && mayWrite ? await listInvitableGroups(db, actor.accountId, peer.accountId) : [];

  return {
    status: "found",
    profile: {
      pseudonym: peer.pseudonym,
      isSelf,
      communityNames,
      ...relation,
      may: { reveal: mayWrite && !relation.blockedByViewer, block: true, inviteToGroup: relation.mutuallyRevealed && mayWrite },
      invitableGroups,
    },
  };
}

async function listCommunityNames(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ name: communities.name })
    .from(communityMemberships)
    .innerJoin(communities, eq(communities.id, communityMemberships.communityId))
    .where(eq(communityMemberships.accountId, accountId))
    .orderBy(asc(communities.name));
  return rows.map((row) => row.name);
}

async function loadRelation(db: Executor, keys: KeyRing, viewerId: string, peer: Peer) {
  const reveals = await db
    .select({ giverId: memberReveals.giverId, shownNameEncrypted: memberReveals.shownNameEncrypted })
    .from(memberReveals)
    .where(
      sql`(${memberReveals.giverId} = ${viewerId} and ${memberReveals.receiverId} = ${peer.accountId})
        or (${memberReveals.giverId} = ${peer.accountId} and ${memberReveals.receiverId} = ${viewerId})`,
    );
  const [block] = await db
    .select({ blockedId: memberBlocks.blockedId })
    .from(memberBlocks)
    .where(and(eq(memberBlocks.blockerId, viewerId), eq(memberBlocks.blockedId, peer.accountId)));

  const blockedByViewer = block !== undefined;
  const given = reveals.find((reveal) => reveal.giverId === viewerId);
  // While the viewer blocks this member, the member's reveal stays stored but is not shown.
  const received = blockedByViewer ? undefined : reveals.find((reveal) => reveal.giverId === peer.accountId);

  return {
    shownByViewer: given ? decryptText(keys, given.shownNameEncrypted) : null,
    shownToViewer: received ? decryptText(keys, received.shownNameEncrypted) : null,
    blockedByViewer,
    // The peer has not blocked the viewer (the lookup checked that), so both reveals and no block of the viewer's make it mutual.
    mutuallyRevealed: given !== undefined && received !== undefined,
  };
}

const peerMembership = alias(closedGroupMembers, "peer_membership");

async function listInvitableGroups(db: Executor, viewerId: string, peerId: string) {
  return db
    .select({ id: closedGroups.id, name: closedGroups.name })
    .from(closedGroups)
    .innerJoin(closedGroupMembers, and(eq(closedGroupMembers.groupId, closedGroups.id), eq(closedGroupMembers.accountId, viewerId), eq(closedGroupMembers.status, "joined")))
    .where(sql`not exists (select 1 from ${closedGroupMembers} as ${peerMembership} where ${peerMembership.groupId} = ${closedGroups.id} and ${peerMembership.accountId} = ${peerId})`)
    .orderBy(asc(closedGroups.name), asc(closedGroups.id));
}
