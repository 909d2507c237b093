import { and, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { mayReadForum, unsafeFindAccountIdByPseudonym } from "./member-relations";
import { memberBlocks } from "./schema";

export type UnblockMemberResult = { status: "unblocked" } | { status: "not_found" };

/**
 * Lift the actor's block of a member. The member is found whatever their
 * status, so a block can always be lifted. The reveal the actor withdrew when
 * blocking does not come back; one the member gave the actor shows again.
 */
export async function unblockMember(db: Executor, actor: Actor, input: { pseudonym: string }): Promise<UnblockMemberResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const blockedId = await unsafeFindAccountIdByPseudonym(db, input.pseudonym);
  if (!blockedId) return { status: "not_found" };

  await db.delete(memberBlocks).where(and(eq(memberBlocks.blockerId, actor.accountId), eq(memberBlocks.blockedId, blockedId)));
  return { status: "unblocked" };
}
