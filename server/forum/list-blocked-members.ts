import { desc, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { memberProfiles } from "../identity/schema";
import type { Executor } from "../platform/db";
import { mayReadForum } from "./member-relations";
import { memberBlocks } from "./schema";

export interface BlockedMember {
  pseudonym: string;
  blockedAt: Date;
}

export type ListBlockedMembersResult = { status: "listed"; members: BlockedMember[] } | { status: "not_found" };

/** List the members the actor blocks, newest first. Who blocks the actor is never listed. */
export async function listBlockedMembers(db: Executor, actor: Actor): Promise<ListBlockedMembersResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const members = await db
    .select({ pseudonym: memberProfiles.pseudonym, blockedAt: memberBlocks.createdAt })
    .from(memberBlocks)
    .innerJoin(memberProfiles, eq(memberProfiles.accountId, memberBlocks.blockedId))
    .where(eq(memberBlocks.blockerId, actor.accountId))
    .orderBy(desc(memberBlocks.createdAt), memberProfiles.pseudonymKey);
  return { status: "listed", members };
}
