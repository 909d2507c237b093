import { and, eq, sql, type SQL } from "drizzle-orm";

import { closedGroupMembers, forumPosts, forumThreads } from "../forum/schema";
import type { Executor } from "../platform/db";
import { forumPostReports } from "./schema";

/**
 * Match posts a peer moderator may read and act on, whatever their state:
 * hidden, waiting for approval or in a hidden thread. The query must join
 * `forum_threads` on the post's thread. Closed groups stay private, as they
 * do on every forum page, with one exception: a post that a group member
 * reported, because the reporter asked a moderator to look at exactly that post.
 */
export function postVisibleToModerator(moderatorId: string): SQL {
  return sql`(
    ${forumThreads.categoryId} is not null
    or exists (
      select 1 from ${closedGroupMembers}
      where ${closedGroupMembers.groupId} = ${forumThreads.closedGroupId}
        and ${closedGroupMembers.accountId} = ${moderatorId}
        and ${closedGroupMembers.status} = 'joined'
    )
    or exists (select 1 from ${forumPostReports} where ${forumPostReports.postId} = ${forumPosts.id})
  )`;
}

/** Lock a post the moderator may act on, with the columns every moderation action reads. */
export async function lockPostForModeration(tx: Executor, moderatorId: string, postId: string) {
  const [post] = await tx
    .select({
      threadId: forumPosts.threadId,
      position: forumPosts.position,
      authorId: forumPosts.authorId,
      hiddenAt: forumPosts.hiddenAt,
      hiddenReason: forumPosts.hiddenReason,
      moderatorNote: forumPosts.moderatorNote,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), postVisibleToModerator(moderatorId)))
    .for("update", { of: forumPosts });
  return post;
}
