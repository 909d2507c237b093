import { and, eq, sql } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { encryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { mayActAsForumMember, unsafeFindVisiblePeer } from "./member-relations";
import { firstErrorCode, shownNameSchema, type ShownNameErrorCode } from "./people-validation";
import { memberBlocks, memberReveals } from "./schema";

export type RevealToMemberResult =
  | { status: "revealed"; pseudonym: string; shownName: string }
  | { status: "invalid"; code: ShownNameErrorCode }
  /** `self`: a member cannot reveal to themself. `blocked_by_you`: the actor blocks this member and must unblock first. */
  | { status: "rejected"; code: "self" | "blocked_by_you" }
  | { status: "not_found" };

/**
 * Show a name of the actor's choosing to one member, or change the name
 * already shown. Only the giver consents, because it is their own
 * information. The name is stored encrypted and only the receiver reads it.
 * A member who has blocked the actor reads as not found.
 */
export async function revealToMember(db: Executor, keys: KeyRing, actor: Actor, input: { pseudonym: string; shownName: unknown }, now = new Date()): Promise<RevealToMemberResult> {
  if (!mayActAsForumMember(actor)) return { status: "not_found" };

  const peer = await unsafeFindVisiblePeer(db, actor.accountId, input.pseudonym);
  if (!peer) return { status: "not_found" };
  if (peer.accountId === actor.accountId) return { status: "rejected", code: "self" };

  const parsed = shownNameSchema.safeParse(input.shownName);
  if (!parsed.success) return { status: "invalid", code: firstErrorCode<ShownNameErrorCode>(parsed.error, "shown_name_missing") };
  const shownName = parsed.data;

  const [block] = await db
    .select({ blockedId: memberBlocks.blockedId })
    .from(memberBlocks)
    .where(and(eq(memberBlocks.blockerId, actor.accountId), eq(memberBlocks.blockedId, peer.accountId)));
  if (block) return { status: "rejected", code: "blocked_by_you" };

  const shownNameEncrypted = encryptText(keys, shownName);
  await db
    .insert(memberReveals)
    .values({ giverId: actor.accountId, receiverId: peer.accountId, shownNameEncrypted, createdAt: now })
    // A new name replaces the old one; the reveal keeps its first date.
    .onConflictDoUpdate({ target: [memberReveals.giverId, memberReveals.receiverId], set: { shownNameEncrypted: sql`excluded.shown_name_encrypted` } });

  return { status: "revealed", pseudonym: peer.pseudonym, shownName };
}
