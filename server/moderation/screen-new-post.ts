import { and, eq, isNull, sql } from "drizzle-orm";

import { unsafeReadModerationSettings } from "./moderation-settings";
import { unsafeNotifyModerators } from "./notify-moderators";
import type { PendingReason } from "./reason-codes";
import { forumPosts } from "../forum/schema";
import type { Executor } from "../platform/db";

export interface PostScreening {
  /** Why the post waits for a moderator, or null when it goes live at once. */
  pendingReason: PendingReason | null;
}

/**
 * Decide whether a new post waits for a moderator. A new member's first
 * posts wait while the member has fewer live posts than the deployment's
 * approval count. Peer moderators' posts never wait. Unsafe: it reads
 * the author's posts without a policy check, on behalf of the publishing use case.
 */
export async function unsafeScreenNewPost(
  tx: Executor,
  post: { authorId: string; authorIsModerator: boolean; inClosedGroup: boolean; title: string; body: string; contentWarning: string },
): Promise<PostScreening> {
  if (post.authorIsModerator) return { pendingReason: null };

  // Closed groups hold only members who have revealed themselves to each other, so their posts are not queued for strangers to read first.
  if (!post.inClosedGroup && (await isAmongFirstPosts(tx, post.authorId))) return { pendingReason: "first_posts" };
  return { pendingReason: null };
}

/**
 * Whether the author has fewer approved posts than the approval count. A post
 * counts when it is neither waiting nor hidden by a moderator. A post its
 * author deleted still counts: it was live before they removed it.
 */
async function isAmongFirstPosts(tx: Executor, authorId: string): Promise<boolean> {
  const { approvalPostCount } = await unsafeReadModerationSettings(tx);
  if (approvalPostCount === 0) return false;

  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(
      tx
        .select({ id: forumPosts.id })
        .from(forumPosts)
        .where(and(eq(forumPosts.authorId, authorId), isNull(forumPosts.pendingReason), isNull(forumPosts.hiddenAt)))
        .limit(approvalPostCount)
        .as("approved_posts"),
    );
  return Number(row?.count ?? 0) < approvalPostCount;
}

/** Tell the moderators about a post the screening kept back. Call it in the transaction that inserted the post. */
export async function unsafeFollowUpScreening(tx: Executor, input: { postId: string; threadId: string; authorId: string; screening: PostScreening }) {
  if (input.screening.pendingReason === "first_posts") {
    await unsafeNotifyModerators(tx, { kind: "moderation_pending_post", actorId: input.authorId, threadId: input.threadId, postId: input.postId });
  }
}
