import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { isModeratorReason } from "./reason-codes";
import { recordAuditEvent } from "../audit/record-audit-event";
import { forumPosts } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type DeclinePostResult = { status: "declined" | "already_decided"; threadId: string; postId: string } | { status: "invalid"; error: "reason_missing" } | { status: "not_found" };

/**
 * Decline a post that waited for a moderator: it is hidden with a reason the
 * author sees on their post. It keeps its pending reason, so other readers
 * never learn it existed; only the author sees it, as hidden. A post that is
 * no longer waiting is left as it is.
 */
export async function declinePost(db: Database, actor: Actor, postId: string, input: { reason: unknown }): Promise<DeclinePostResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(postId).success) return { status: "not_found" };
  if (!isModeratorReason(input.reason)) return { status: "invalid", error: "reason_missing" };
  const reason = input.reason;

  return db.transaction(async (tx) => {
    const [post] = await tx
      .select({ threadId: forumPosts.threadId, authorId: forumPosts.authorId, pendingReason: forumPosts.pendingReason, hiddenAt: forumPosts.hiddenAt, deletedAt: forumPosts.deletedAt })
      .from(forumPosts)
      .where(eq(forumPosts.id, postId))
      .for("update");
    if (!post) return { status: "not_found" } as const;
    if (post.pendingReason === null || post.hiddenAt !== null || post.deletedAt !== null) return { status: "already_decided", threadId: post.threadId, postId } as const;

    await tx
      .update(forumPosts)
      .set({ hiddenAt: sql`now()`, hiddenReason: reason })
      .where(and(eq(forumPosts.id, postId), isNotNull(forumPosts.pendingReason), isNull(forumPosts.hiddenAt)));
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.post_hidden",
      subjectType: "forum_post",
      subjectId: postId,
      details: { threadId: post.threadId, reason, trigger: "approval", pendingReason: post.pendingReason },
    });
    if (post.authorId) {
      await unsafeRecordNotifications(tx, [{ recipientId: post.authorId, kind: "moderation_post_hidden", actorId: actor.accountId, threadId: post.threadId, postId }]);
    }
    return { status: "declined", threadId: post.threadId, postId } as const;
  });
}
