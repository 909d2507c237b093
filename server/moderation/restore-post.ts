import { eq } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { forumPosts } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { lockPostForModeration } from "./moderation-visibility";
import { AUTOMATIC_HIDE_REASON } from "./reason-codes";
import { unsafeResolveOpenReports } from "./resolve-open-reports";

export type RestorePostResult = { status: "restored"; threadId: string; resolvedReports: number } | { status: "already_visible"; threadId: string } | { status: "not_found" };

/**
 * Make a hidden post visible again and close its open reports as `kept`.
 * A note the hiding moderator wrote to the author is cleared with it; a post
 * hidden by reports carried no such note, so its `moderator_note` (an edit
 * note, if any) stays.
 */
export async function restorePost(db: Database, actor: Actor, postId: string): Promise<RestorePostResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const post = await lockPostForModeration(tx, actor.accountId, postId);
    if (!post) return { status: "not_found" } as const;
    if (post.hiddenAt === null) return { status: "already_visible", threadId: post.threadId } as const;

    const hiddenByModerator = post.hiddenReason !== AUTOMATIC_HIDE_REASON;
    await tx
      .update(forumPosts)
      .set({ hiddenAt: null, hiddenReason: null, ...(hiddenByModerator ? { moderatorNote: null } : {}) })
      .where(eq(forumPosts.id, postId));
    const resolvedReports = await unsafeResolveOpenReports(tx, { postId, moderatorId: actor.accountId, resolution: "kept" });
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.post_restored",
      subjectType: "forum_post",
      subjectId: postId,
      details: { threadId: post.threadId, previousReason: post.hiddenReason },
    });
    if (post.authorId && post.authorId !== actor.accountId) {
      await unsafeRecordNotifications(tx, [{ recipientId: post.authorId, kind: "moderation_post_restored", actorId: null, threadId: post.threadId, postId }]);
    }

    return { status: "restored", threadId: post.threadId, resolvedReports } as const;
  });
}
