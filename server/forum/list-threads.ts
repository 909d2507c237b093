import { and, eq, gt, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";

import { authorIsModerator, authorPseudonym, lastReadPosition } from "./forum-read-model";
import { notBlockedBetween, threadVisibleTo } from "./forum-visibility";
import { forumMutedCategories, forumThreads } from "./schema";
import { pageOfPosition } from "./thread-pages";
import { afterKeysetPosition, decodeKeysetCursor, encodeKeysetCursor, keysetTimestamp } from "../platform/keyset-cursor";
import type { Executor } from "../platform/db";

export const THREADS_PER_PAGE = 25;

export interface ThreadSummary {
  id: string;
  title: string;
  author: { pseudonym: string; isModerator: boolean } | null;
  replyCount: number;
  lastPostedAt: Date;
  pinned: boolean;
  locked: boolean;
  /** Position of the first post the reader has not read, or null when they have read it all. */
  firstUnreadPosition: number | null;
  /** Page to open for the first unread post, or the last page when everything is read. */
  targetPage: number;
}

export interface ThreadList {
  threads: ThreadSummary[];
  nextCursor: string | null;
}

/**
 * Threads the reader may see, newest activity first, a page at a time by
 * keyset on `(last_posted_at, id)`: no OFFSET, so later pages cost the same
 * as the first. Threads whose author is on either side of a block with the
 * reader are left out.
 */
export async function listVisibleThreads(db: Executor, readerId: string, options: { where: SQL | undefined; cursor?: unknown; excludePinned?: boolean }): Promise<ThreadList> {
  const position = decodeKeysetCursor(options.cursor);
  const rows = await db
    .select({ ...threadSummaryColumns(readerId), cursorTime: keysetTimestamp(forumThreads.lastPostedAt) })
    .from(forumThreads)
    .where(
      and(
        options.where,
        options.excludePinned ? isNull(forumThreads.pinnedAt) : undefined,
        position ? afterKeysetPosition(forumThreads.lastPostedAt, forumThreads.id, position) : undefined,
        threadVisibleTo(readerId),
        notBlockedBetween(readerId, forumThreads.authorId),
      ),
    )
    // "nulls last" matches the activity indexes, so PostgreSQL reads them in order instead of sorting the whole category.
    .orderBy(sql`${forumThreads.lastPostedAt} desc nulls last`, sql`${forumThreads.id} desc nulls last`)
    .limit(THREADS_PER_PAGE + 1);

  const hasMore = rows.length > THREADS_PER_PAGE;
  const shown = rows.slice(0, THREADS_PER_PAGE);
  const last = shown.at(-1);
  return {
    threads: shown.map(presentThread),
    nextCursor: hasMore && last ? encodeKeysetCursor({ createdAt: last.cursorTime, id: last.id }) : null,
  };
}

/** Pinned threads of a category, shown above the list on its first page. */
export async function listPinnedThreads(db: Executor, readerId: string, where: SQL): Promise<ThreadSummary[]> {
  const rows = await db
    .select(threadSummaryColumns(readerId))
    .from(forumThreads)
    .where(and(where, isNotNull(forumThreads.pinnedAt), threadVisibleTo(readerId), notBlockedBetween(readerId, forumThreads.authorId)))
    .orderBy(sql`${forumThreads.pinnedAt} desc nulls last`)
    .limit(10);
  return rows.map(presentThread);
}

/** Threads with activity after a moment, outside the categories the reader muted. */
export function activeSince(readerId: string, since: Date | null): SQL | undefined {
  const notMuted = sql`not exists (select 1 from ${forumMutedCategories} where ${forumMutedCategories.accountId} = ${readerId} and ${forumMutedCategories.categoryId} = ${forumThreads.categoryId})`;
  const unreadOrRecent = since ? or(gt(forumThreads.lastPostedAt, since), sql`${lastReadPosition(readerId)} < ${forumThreads.lastPosition}`) : sql`${lastReadPosition(readerId)} < ${forumThreads.lastPosition}`;
  return and(notMuted, unreadOrRecent);
}

export function inCategory(categoryId: string): SQL {
  return eq(forumThreads.categoryId, categoryId);
}

export function inGroup(groupId: string): SQL {
  return eq(forumThreads.closedGroupId, groupId);
}

/** Select the columns a thread summary is made from, for one reader. */
function threadSummaryColumns(readerId: string) {
  return {
    id: forumThreads.id,
    title: forumThreads.title,
    pseudonym: authorPseudonym(forumThreads.authorId),
    isModerator: authorIsModerator(forumThreads.authorId),
    replyCount: forumThreads.replyCount,
    lastPostedAt: forumThreads.lastPostedAt,
    lastPosition: forumThreads.lastPosition,
    pinnedAt: forumThreads.pinnedAt,
    lockedAt: forumThreads.lockedAt,
    lastReadPosition: lastReadPosition(readerId),
  };
}

function presentThread(row: {
  id: string;
  title: string;
  pseudonym: string | null;
  isModerator: boolean;
  replyCount: number;
  lastPostedAt: Date;
  lastPosition: number;
  pinnedAt: Date | null;
  lockedAt: Date | null;
  lastReadPosition: number;
}): ThreadSummary {
  const read = Number(row.lastReadPosition);
  const firstUnreadPosition = read < row.lastPosition ? read + 1 : null;
  return {
    id: row.id,
    title: row.title,
    author: row.pseudonym === null ? null : { pseudonym: row.pseudonym, isModerator: Boolean(row.isModerator) },
    replyCount: row.replyCount,
    lastPostedAt: row.lastPostedAt,
    pinned: row.pinnedAt !== null,
    locked: row.lockedAt !== null,
    firstUnreadPosition,
    targetPage: pageOfPosition(firstUnreadPosition ?? row.lastPosition),
  };
}
