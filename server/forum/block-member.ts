import { and, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { mayReadForum, unsafeFindVisiblePeer } from "./member-relations";
import { memberBlocks, memberReveals } from "./schema";

export type BlockMemberResult = { status: "blocked"; pseudonym: string } | { status: "rejected"; code: "self" } | { status: "not_found" };

/**
 * Block a member: from now on neither sees the other's posts. Nobody tells the
 * blocked member. The actor's own reveal to them is withdrawn at once, which
 * looks to them like an ordinary revoke. Their reveal to the actor is theirs,
 * so it stays stored, hidden from the actor while the block lasts. Blocking
 * twice is not an error.
 */
export async function blockMember(db: Database, actor: Actor, input: { pseudonym: string }, now = new Date()): Promise<BlockMemberResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const peer = await unsafeFindVisiblePeer(db, actor.accountId, input.pseudonym);
  if (!peer) return { status: "not_found" };
  if (peer.accountId === actor.accountId) return { status: "rejected", code: "self" };

  await db.transaction(async (tx) => {
    await tx.insert(memberBlocks).values({ blockerId: actor.accountId, blockedId: peer.accountId, createdAt: now }).onConflictDoNothing();
    await tx.delete(memberReveals).where(and(eq(memberReveals.giverId, actor.accountId), eq(memberReveals.receiverId, peer.accountId)));
  });
  return { status: "blocked", pseudonym: peer.pseudonym };
}
