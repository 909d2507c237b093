import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { forumPosts, forumThreads } from "./schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type DeletePostResult = { status: "deleted"; threadId: string; position: number } | { status: "not_found" };

/**
 * Delete the writer's own post: it disappears for members and leaves a
 * placeholder in its place. The row stays, so moderators can still answer
 * for what happened in the thread. Deleting twice is not an error.
 */
export async function deletePost(db: Database, actor: Actor, postId: string): Promise<DeletePostResult> {
  if (!can(actor, "forum.write") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const [post] = await tx
      .select({ threadId: forumPosts.threadId, position: forumPosts.position, deletedAt: forumPosts.deletedAt, pendingReason: forumPosts.pendingReason })
      .from(forumPosts)
      .where(and(eq(forumPosts.id, postId), eq(forumPosts.authorId, actor.accountId)))
      .for("update");
    if (!post) return { status: "not_found" } as const;

    const deleted = await tx.update(forumPosts).set({ deletedAt: sql`now()` }).where(and(eq(forumPosts.id, postId), isNull(forumPosts.deletedAt))).returning({ id: forumPosts.id });
    // A post still waiting for a moderator was never counted as a reply.
    if (deleted.length > 0 && post.position > 1 && post.pendingReason === null) {
      await tx.update(forumThreads).set({ replyCount: sql`greatest(${forumThreads.replyCount} - 1, 0)` }).where(eq(forumThreads.id, post.threadId));
    }
    return { status: "deleted", threadId: post.threadId, position: post.position } as const;
  });
}
