import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyAboutPost } from "../forum/notify-about-post";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type ApprovePostResult = { status: "approved" | "already_live"; threadId: string; postId: string; position: number } | { status: "not_found" };

/**
 * Publish a post that waited for a moderator: it goes live, bumps its thread
 * as publishing does, and notifies the thread's subscribers and the people it
 * mentions, which publishing left until now. The author is told it was
 * approved. Approving a post that is already live changes nothing, so two
 * moderators pressing at once notify everyone once.
 */
export async function approvePost(db: Database, actor: Actor, postId: string): Promise<ApprovePostResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    // Lock the thread before the post, in the order publishing takes them, so an approval and a reply cannot deadlock.
    const [located] = await tx.select({ threadId: forumPosts.threadId }).from(forumPosts).where(eq(forumPosts.id, postId));
    if (!located) return { status: "not_found" } as const;
    const [thread] = await tx
      .select({ id: forumThreads.id, categoryId: forumThreads.categoryId })
      .from(forumThreads)
      .where(eq(forumThreads.id, located.threadId))
      .for("update");
    const [post] = await tx
      .select({ id: forumPosts.id, authorId: forumPosts.authorId, position: forumPosts.position, body: forumPosts.body, pendingReason: forumPosts.pendingReason })
      .from(forumPosts)
      .where(and(eq(forumPosts.id, postId), isNull(forumPosts.deletedAt), isNull(forumPosts.hiddenAt)))
      .for("update");
    if (!thread || !post) return { status: "not_found" } as const;

    const ref = { threadId: thread.id, postId, position: post.position };
    if (post.pendingReason === null) return { status: "already_live", ...ref } as const;

    const opening = post.position === 1;
    await tx.update(forumPosts).set({ pendingReason: null }).where(eq(forumPosts.id, postId));
    await tx
      .update(forumThreads)
      .set({
        lastPostedAt: sql`now()`,
        replyCount: opening ? undefined : sql`${forumThreads.replyCount} + 1`,
        pendingAt: opening ? null : undefined,
      })
      .where(eq(forumThreads.id, thread.id));

    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.post_approved",
      subjectType: "forum_post",
      subjectId: postId,
      details: { threadId: thread.id, pendingReason: post.pendingReason },
    });
    if (post.authorId) {
      await notifyAboutPost(tx, { postId, threadId: thread.id, authorId: post.authorId, body: post.body, newThreadInCategory: opening ? (thread.categoryId ?? undefined) : undefined });
      await unsafeRecordNotifications(tx, [{ recipientId: post.authorId, kind: "moderation_post_approved", actorId: actor.accountId, threadId: thread.id, postId }]);
    }
    return { status: "approved", ...ref } as const;
  });
}
