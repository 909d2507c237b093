import { and, asc, countDistinct, eq, isNull, sql } from "drizzle-orm";

import { authorPseudonym } from "../forum/forum-read-model";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { decodeKeysetCursor, encodeKeysetCursor } from "../platform/keyset-cursor";
import { can } from "../policy";
import type { ModeratedPostState } from "./get-post-for-moderation";
import { postVisibleToModerator } from "./moderation-visibility";
import { forumPostReports } from "./schema";

export const REPORTED_POSTS_PER_PAGE = 50;

export interface ReportedPostView {
  postId: string;
  threadId: string;
  threadTitle: string;
  position: number;
  author: string | null;
  state: ModeratedPostState;
  openReports: number;
  /** Distinct reason codes of the open reports, sorted. */
  reasons: string[];
  firstReportedAt: Date;
}

export type ListOpenReportsResult = { status: "listed"; posts: ReportedPostView[]; nextCursor: string | null } | { status: "not_found" };

/**
 * Posts with open reports, one row per post, the longest waiting first.
 * Pages by a keyset on the first open report's time and the post id.
 */
export async function listOpenReports(db: Executor, actor: Actor, options: { cursor?: string | null; limit?: number } = {}): Promise<ListOpenReportsResult> {
  if (!can(actor, "moderation.view")) return { status: "not_found" };
  const after = decodeKeysetCursor(options.cursor);
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? REPORTED_POSTS_PER_PAGE)), REPORTED_POSTS_PER_PAGE);

  const firstReportedAt = sql`min(${forumPostReports.createdAt})`;
  const rows = await db
    .select({
      postId: forumPosts.id,
      threadId: forumThreads.id,
      threadTitle: forumThreads.title,
      position: forumPosts.position,
      author: authorPseudonym(forumPosts.authorId),
      deletedAt: forumPosts.deletedAt,
      hiddenAt: forumPosts.hiddenAt,
      pendingReason: forumPosts.pendingReason,
      openReports: countDistinct(forumPostReports.id),
      reasons: sql<string[]>`array_agg(distinct ${forumPostReports.reason} order by ${forumPostReports.reason})`,
      firstReportedAt: sql<Date>`${firstReportedAt}`.mapWith(forumPostReports.createdAt),
      cursorTime: sql<string>`to_char(${firstReportedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(forumPostReports)
    .innerJoin(forumPosts, eq(forumPosts.id, forumPostReports.postId))
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(isNull(forumPostReports.resolvedAt), postVisibleToModerator(actor.accountId)))
    .groupBy(forumPosts.id, forumThreads.id)
    .having(after ? sql`(${firstReportedAt}, ${forumPosts.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined)
    .orderBy(asc(firstReportedAt), asc(forumPosts.id))
    .limit(limit + 1);

  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    status: "listed",
    posts: shown.map((row) => ({
      postId: row.postId,
      threadId: row.threadId,
      threadTitle: row.threadTitle,
      position: row.position,
      author: row.author,
      state: reportedPostState(row),
      openReports: Number(row.openReports),
      reasons: row.reasons,
      firstReportedAt: row.firstReportedAt,
    })),
    nextCursor: rows.length > limit && last ? encodeKeysetCursor({ createdAt: last.cursorTime, id: last.postId }) : null,
  };
}

function reportedPostState(row: { deletedAt: Date | null; hiddenAt: Date | null; pendingReason: string | null }): ReportedPostView["state"] {
  if (row.deletedAt) return "deleted";
  if (row.hiddenAt) return "hidden";
  if (row.pendingReason) return "pending";
  return "published";
}

/** Count the posts with open reports, for the moderation overview. Returns zero for anyone who may not see them. */
export async function countOpenReports(db: Executor, actor: Actor): Promise<number> {
  if (!can(actor, "moderation.view")) return 0;

  const [row] = await db
    .select({ count: countDistinct(forumPostReports.postId) })
    .from(forumPostReports)
    .innerJoin(forumPosts, eq(forumPosts.id, forumPostReports.postId))
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(isNull(forumPostReports.resolvedAt), postVisibleToModerator(actor.accountId)));
  return Number(row?.count ?? 0);
}
