import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";

import { isPendingReason, type PendingReason } from "./reason-codes";
import { crisisAlerts } from "./schema";
import { authorPseudonym } from "../forum/forum-read-model";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

/** At most this many waiting posts are listed at once; the oldest come first, so none is left behind. */
export const PENDING_POSTS_SHOWN = 100;

export interface PendingPostView {
  id: string;
  threadId: string;
  threadTitle: string;
  position: number;
  /** The post opens its thread, so the whole thread waits with it. */
  opensThread: boolean;
  inClosedGroup: boolean;
  authorPseudonym: string | null;
  createdAt: Date;
  bodyHtml: string;
  contentWarning: string | null;
  reason: PendingReason;
  /** Categories of the crisis alert on the post, most serious first; empty without one. */
  crisisCategories: string[];
}

export type ListPendingPostsResult = { status: "listed"; posts: PendingPostView[] } | { status: "not_found" };

/** Match posts that wait for a moderator's decision: not yet approved, declined or deleted by their author. */
function waitingForDecision() {
  return and(isNotNull(forumPosts.pendingReason), isNull(forumPosts.hiddenAt), isNull(forumPosts.deletedAt));
}

/** Posts that wait for a moderator, oldest first, with their full text. */
export async function listPendingPosts(db: Executor, actor: Actor): Promise<ListPendingPostsResult> {
  if (!can(actor, "moderation.view")) return { status: "not_found" };

  const rows = await db
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      threadTitle: forumThreads.title,
      closedGroupId: forumThreads.closedGroupId,
      position: forumPosts.position,
      authorPseudonym: authorPseudonym(forumPosts.authorId),
      createdAt: forumPosts.createdAt,
      bodyHtml: forumPosts.bodyHtml,
      contentWarning: forumPosts.contentWarning,
      reason: forumPosts.pendingReason,
      crisisCategories: crisisAlerts.categories,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .leftJoin(crisisAlerts, eq(crisisAlerts.postId, forumPosts.id))
    .where(waitingForDecision())
    .orderBy(asc(forumPosts.createdAt), asc(forumPosts.id))
    .limit(PENDING_POSTS_SHOWN);

  return {
    status: "listed",
    posts: rows.map((row) => ({
      id: row.id,
      threadId: row.threadId,
      threadTitle: row.threadTitle,
      position: row.position,
      opensThread: row.position === 1,
      inClosedGroup: row.closedGroupId !== null,
      authorPseudonym: row.authorPseudonym,
      createdAt: row.createdAt,
      bodyHtml: row.bodyHtml,
      contentWarning: row.contentWarning,
      reason: isPendingReason(row.reason) ? row.reason : "first_posts",
      crisisCategories: row.crisisCategories ?? [],
    })),
  };
}

/** Count the posts that wait for a moderator, for the moderation overview. Returns zero for anyone who may not see them. */
export async function countPendingPosts(db: Executor, actor: Actor): Promise<number> {
  if (!can(actor, "moderation.view")) return 0;

  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(forumPosts).where(waitingForDecision());
  return Number(row?.count ?? 0);
}
