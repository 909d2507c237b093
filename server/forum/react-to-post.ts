import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";

import { postReadableBy } from "./forum-visibility";
import { REACTION_KINDS, type ReactionKind } from "./get-thread-page";
import { forumPosts, forumReactions, forumThreads } from "./schema";
import type { Actor } from "../identity/actor";
import { unsafeFindActiveSuspension, type SuspendedResult } from "../moderation/find-active-suspension";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type ReactToPostResult = { status: "saved"; threadId: string; position: number } | SuspendedResult | { status: "not_found" };

const reactionInput = z.object({ kind: z.enum(REACTION_KINDS as [ReactionKind, ...ReactionKind[]]), on: z.boolean() });

/**
 * Give or take back a supportive reaction on someone else's post. The form
 * sends the wanted state, not a toggle, so a double submit changes nothing.
 */
export async function reactToPost(db: Database, actor: Actor, postId: string, input: { kind: unknown; on: unknown }): Promise<ReactToPostResult> {
  if (!can(actor, "forum.write") || !actor.hasMemberProfile || !z.uuid().safeParse(postId).success) return { status: "not_found" };
  const parsed = reactionInput.safeParse(input);
  if (!parsed.success) return { status: "not_found" };
  const suspension = await unsafeFindActiveSuspension(db, actor.accountId);
  if (suspension) return { status: "suspended", endsAt: suspension.endsAt };

  const [post] = await db
    .select({ threadId: forumPosts.threadId, position: forumPosts.position })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), ne(sql`coalesce(${forumPosts.authorId}, '00000000-0000-0000-0000-000000000000'::uuid)`, actor.accountId), postReadableBy(actor.accountId)));
  if (!post) return { status: "not_found" };

  const { kind, on } = parsed.data;
  if (on) await db.insert(forumReactions).values({ postId, accountId: actor.accountId, kind }).onConflictDoNothing();
  else await db.delete(forumReactions).where(and(eq(forumReactions.postId, postId), eq(forumReactions.accountId, actor.accountId), eq(forumReactions.kind, kind)));
  return { status: "saved", ...post };
}
