import { and, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { mayReadForum, unsafeFindAccountIdByPseudonym } from "./member-relations";
import { memberReveals } from "./schema";

export type RevokeRevealResult = { status: "revoked" } | { status: "not_found" };

/**
 * Take back the name the actor shows a member, at once, by deleting it. The
 * receiver is found whatever their status or blocks, so a giver can always
 * withdraw their own information. Revoking twice is not an error. Closed
 * groups the two share are left as they are.
 */
export async function revokeReveal(db: Executor, actor: Actor, input: { pseudonym: string }): Promise<RevokeRevealResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const receiverId = await unsafeFindAccountIdByPseudonym(db, input.pseudonym);
  if (!receiverId) return { status: "not_found" };

  await db.delete(memberReveals).where(and(eq(memberReveals.giverId, actor.accountId), eq(memberReveals.receiverId, receiverId)));
  return { status: "revoked" };
}
