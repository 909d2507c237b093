import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { categoryNameColumns } from "../forum/category-columns";
import { authorPseudonym } from "../forum/forum-read-model";
import { forumCategories, forumPostRevisions, forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { postVisibleToModerator } from "./moderation-visibility";
import { crisisAlerts, forumPostReports } from "./schema";

/** How many closed reports the page lists, newest first. */
export const RESOLVED_REPORTS_SHOWN = 50;

export type ModeratedPostState = "published" | "hidden" | "pending" | "deleted";

export interface ReportView {
  id: string;
  reason: string;
  note: string | null;
  /** Null when the account is gone, and when the moderator reads reports on their own post. */
  reporter: string | null;
  createdAt: Date;
}

export interface ResolvedReportView extends ReportView {
  resolution: string | null;
  resolvedAt: Date;
  resolvedBy: string | null;
}

export interface PostForModeration {
  post: {
    id: string;
    threadId: string;
    threadTitle: string;
    position: number;
    /** The category's name, or null for a thread in a closed group, whose name stays private. */
    categoryName: string | null;
    author: string | null;
    isOwn: boolean;
    createdAt: Date;
    editedAt: Date | null;
    state: ModeratedPostState;
    /** Withheld for a post its author deleted. */
    bodyHtml: string | null;
    contentWarning: string | null;
    hiddenAt: Date | null;
    hiddenReason: string | null;
    pendingReason: string | null;
    moderatorNote: string | null;
    hasRevisions: boolean;
  };
  openReports: ReportView[];
  resolvedReports: ResolvedReportView[];
  crisisAlert: { categories: string[]; heldForModerator: boolean; createdAt: Date; handledAt: Date | null } | null;
}

export type GetPostForModerationResult = ({ status: "found" } & PostForModeration) | { status: "not_found" };

/**
 * Load a post for a peer moderator whatever its state, with its reports and
 * crisis alert. A moderator who wrote the post sees the reports on it
 * without the reporters' pseudonyms, as any author would.
 */
export async function getPostForModeration(db: Executor, actor: Actor, postId: string, locale: Locale): Promise<GetPostForModerationResult> {
  if (!can(actor, "moderation.view") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  const [row] = await db
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      threadTitle: forumThreads.title,
      position: forumPosts.position,
      categoryName: categoryNameColumns[locale],
      authorId: forumPosts.authorId,
      author: authorPseudonym(forumPosts.authorId),
      createdAt: forumPosts.createdAt,
      editedAt: forumPosts.editedAt,
      deletedAt: forumPosts.deletedAt,
      bodyHtml: forumPosts.bodyHtml,
      contentWarning: forumPosts.contentWarning,
      hiddenAt: forumPosts.hiddenAt,
      hiddenReason: forumPosts.hiddenReason,
      pendingReason: forumPosts.pendingReason,
      moderatorNote: forumPosts.moderatorNote,
      hasRevisions: sql<boolean>`exists (select 1 from ${forumPostRevisions} where ${forumPostRevisions.postId} = ${forumPosts.id})`,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .leftJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .where(and(eq(forumPosts.id, postId), postVisibleToModerator(actor.accountId)));
  if (!row) return { status: "not_found" };

  const isOwn = row.authorId === actor.accountId;
  const [openReports, resolvedReports, crisisAlert] = await Promise.all([listOpenReportsOnPost(db, postId, isOwn), listResolvedReportsOnPost(db, postId, isOwn), findCrisisAlert(db, postId)]);

  const deleted = row.deletedAt !== null;
  return {
    status: "found",
    post: {
      id: row.id,
      threadId: row.threadId,
      threadTitle: row.threadTitle,
      position: row.position,
      categoryName: row.categoryName,
      author: row.author,
      isOwn,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      state: moderatedPostState(row),
      bodyHtml: deleted ? null : row.bodyHtml,
      contentWarning: deleted ? null : row.contentWarning,
      hiddenAt: row.hiddenAt,
      hiddenReason: row.hiddenReason,
      pendingReason: row.pendingReason,
      moderatorNote: row.moderatorNote,
      hasRevisions: Boolean(row.hasRevisions),
    },
    openReports,
    resolvedReports,
    crisisAlert,
  };
}

function moderatedPostState(row: { deletedAt: Date | null; hiddenAt: Date | null; pendingReason: string | null }): ModeratedPostState {
  if (row.deletedAt !== null) return "deleted";
  if (row.hiddenAt !== null) return "hidden";
  if (row.pendingReason !== null) return "pending";
  return "published";
}


function reportColumns(withReporter: boolean) {
  return {
    id: forumPostReports.id,
    reason: forumPostReports.reason,
    note: forumPostReports.note,
    reporter: withReporter ? authorPseudonym(forumPostReports.reporterId) : sql<string | null>`null`,
    createdAt: forumPostReports.createdAt,
  };
}

async function listOpenReportsOnPost(db: Executor, postId: string, isOwn: boolean): Promise<ReportView[]> {
  return db
    .select(reportColumns(!isOwn))
    .from(forumPostReports)
    .where(and(eq(forumPostReports.postId, postId), isNull(forumPostReports.resolvedAt)))
    .orderBy(asc(forumPostReports.createdAt));
}

async function listResolvedReportsOnPost(db: Executor, postId: string, isOwn: boolean): Promise<ResolvedReportView[]> {
  const rows = await db
    .select({ ...reportColumns(!isOwn), resolution: forumPostReports.resolution, resolvedAt: forumPostReports.resolvedAt, resolvedBy: authorPseudonym(forumPostReports.resolvedBy) })
    .from(forumPostReports)
    .where(and(eq(forumPostReports.postId, postId), isNotNull(forumPostReports.resolvedAt)))
    .orderBy(desc(forumPostReports.resolvedAt), desc(forumPostReports.createdAt))
    .limit(RESOLVED_REPORTS_SHOWN);
  return rows.map((row) => ({ ...row, resolvedAt: row.resolvedAt! }));
}

async function findCrisisAlert(db: Executor, postId: string): Promise<PostForModeration["crisisAlert"]> {
  const [alert] = await db
    .select({ categories: crisisAlerts.categories, heldForModerator: crisisAlerts.heldForModerator, createdAt: crisisAlerts.createdAt, handledAt: crisisAlerts.handledAt })
    .from(crisisAlerts)
    .where(eq(crisisAlerts.postId, postId));
  return alert ?? null;
}
