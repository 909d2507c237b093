import { sql, type AnyColumn, type SQL } from "drizzle-orm";

import { closedGroupMembers, forumCategories, forumPosts, forumThreads, memberBlocks } from "./schema";

/**
 * SQL conditions that decide what one reader may see in the forum. Every
 * list, page, search and notification query goes through these, so a closed
 * group or a block cannot leak through one query that forgot a rule.
 */

/** A reader's account id, or a column or expression holding one when a query checks many readers at once. */
export type ReaderId = string | AnyColumn | SQL;

/**
 * Match threads in an open category, or in a closed group the reader has
 * joined. A thread whose opening post waits for a moderator is the author's alone.
 */
export function threadVisibleTo(readerId: ReaderId): SQL {
  return sql`(
    (${forumThreads.categoryId} is not null and exists (
      select 1 from ${forumCategories} where ${forumCategories.id} = ${forumThreads.categoryId} and ${forumCategories.archivedAt} is null
    ))
    or (${forumThreads.closedGroupId} is not null and exists (
      select 1 from ${closedGroupMembers}
      where ${closedGroupMembers.groupId} = ${forumThreads.closedGroupId}
        and ${closedGroupMembers.accountId} = ${readerId}
        and ${closedGroupMembers.status} = 'joined'
    ))
  ) and ${forumThreads.hiddenAt} is null
    and (${forumThreads.pendingAt} is null or ${forumThreads.authorId} = ${readerId})`;
}

/** Match rows where neither the reader nor the author has blocked the other. A null author (a deleted account) matches no block row. */
export function notBlockedBetween(readerId: ReaderId, authorColumn: AnyColumn | SQL): SQL {
  return sql`not exists (
    select 1 from ${memberBlocks}
    where (${memberBlocks.blockerId} = ${readerId} and ${memberBlocks.blockedId} = ${authorColumn})
       or (${memberBlocks.blockerId} = ${authorColumn} and ${memberBlocks.blockedId} = ${readerId})
  )`;
}

/** Match posts that are live: not deleted by their author, not hidden and not waiting for a moderator. */
export function postPublished(): SQL {
  return sql`${forumPosts.deletedAt} is null and ${forumPosts.hiddenAt} is null and ${forumPosts.pendingReason} is null`;
}

/** Everything a reader needs before a post's text may reach them: its thread, its state and no block. */
export function postReadableBy(readerId: ReaderId): SQL {
  return sql`${threadVisibleTo(readerId)} and ${postPublished()} and ${notBlockedBetween(readerId, forumPosts.authorId)}`;
}
