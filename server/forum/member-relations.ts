import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import type { Actor, PersonActor } from "../identity/actor";
import { pseudonymKey } from "../identity/pseudonym";
import { accounts, memberProfiles } from "../identity/schema";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { notBlockedBetween } from "./forum-visibility";
import { memberBlocks, memberReveals } from "./schema";

/**
 * Shared rules of reveals, blocks and closed groups: who may act, how a
 * pseudonym is resolved, and when two members count as mutually revealed.
 */

/**
 * True when the actor may start something new with another member: reveal,
 * create or join a group, invite. Writing in the forum needs a pseudonym,
 * because peers know each other only by it.
 */
export function mayActAsForumMember(actor: Actor): actor is PersonActor {
  return can(actor, "forum.write") && actor.hasMemberProfile;
}

/**
 * True when the actor may read the forum. Taking back one's own choices
 * (revoke, block, unblock, decline, leave) needs only this, so someone who
 * may not write can still withdraw what they shared.
 */
export function mayReadForum(actor: Actor): actor is PersonActor {
  return can(actor, "forum.read");
}

export interface Peer {
  accountId: string;
  pseudonym: string;
  showCommunity: boolean;
}

/**
 * Find the active member behind a pseudonym as the viewer may see them. Returns
 * null when nobody has it, when the account is disabled, and when that member
 * has blocked the viewer, so a block reads exactly like a missing member.
 * Unsafe: it checks no policy, so only an authorized use case may call it.
 */
export async function unsafeFindVisiblePeer(db: Executor, viewerId: string, pseudonym: string): Promise<Peer | null> {
  const key = pseudonymKey(pseudonym);
  if (key === "") return null;

  const [peer] = await db
    .select({ accountId: memberProfiles.accountId, pseudonym: memberProfiles.pseudonym, showCommunity: memberProfiles.showCommunity })
    .from(memberProfiles)
    .innerJoin(accounts, eq(accounts.id, memberProfiles.accountId))
    .where(
      and(
        eq(memberProfiles.pseudonymKey, key),
        eq(accounts.status, "active"),
        sql`not exists (select 1 from ${memberBlocks} where ${memberBlocks.blockerId} = ${memberProfiles.accountId} and ${memberBlocks.blockedId} = ${viewerId})`,
      ),
    );
  return peer ?? null;
}

/**
 * Find the account behind a pseudonym whatever its status or blocks, for
 * taking back the viewer's own reveal or block. Unsafe: it checks no policy.
 */
export async function unsafeFindAccountIdByPseudonym(db: Executor, pseudonym: string): Promise<string | null> {
  const key = pseudonymKey(pseudonym);
  if (key === "") return null;

  const [profile] = await db.select({ accountId: memberProfiles.accountId }).from(memberProfiles).where(eq(memberProfiles.pseudonymKey, key));
  return profile?.accountId ?? null;
}

const revealToViewer = alias(memberReveals, "reveal_to_viewer");
const revealFromViewer = alias(memberReveals, "reveal_from_viewer");

/**
 * SQL condition: the viewer and the member in `accountColumn` have each
 * revealed to the other, and neither has blocked the other. Aliased, so it
 * can sit inside a query on `member_reveals` itself.
 */
export function mutuallyRevealedWith(viewerId: string, accountColumn: AnyColumn): SQL {
  return sql`(exists (
    select 1 from ${memberReveals} as ${revealFromViewer} where ${revealFromViewer.giverId} = ${viewerId} and ${revealFromViewer.receiverId} = ${accountColumn}
  ) and exists (
    select 1 from ${memberReveals} as ${revealToViewer} where ${revealToViewer.giverId} = ${accountColumn} and ${revealToViewer.receiverId} = ${viewerId}
  ) and ${notBlockedBetween(viewerId, accountColumn)})`;
}

/** SQL condition: the viewer has blocked the member in `accountColumn`. */
export function blockedByViewer(viewerId: string, accountColumn: AnyColumn): SQL {
  return sql`exists (select 1 from ${memberBlocks} where ${memberBlocks.blockerId} = ${viewerId} and ${memberBlocks.blockedId} = ${accountColumn})`;
}
