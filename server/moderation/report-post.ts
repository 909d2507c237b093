import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { authorPseudonym } from "../forum/forum-read-model";
import { notBlockedBetween, threadVisibleTo } from "../forum/forum-visibility";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database, Executor } from "../platform/db";
import { can } from "../policy";
import { unsafeReadModerationSettings } from "./moderation-settings";
import { unsafeNotifyModerators } from "./notify-moderators";
import { AUTOMATIC_HIDE_REASON, REPORT_REASONS } from "./reason-codes";
import { forumPostReports } from "./schema";

export const REPORT_NOTE_MAX_LENGTH = 500;

export type ReportPostErrorCode = "reason_missing" | "note_too_long";

export interface ReportablePost {
  id: string;
  threadId: string;
  threadTitle: string;
  position: number;
  author: string | null;
  bodyHtml: string;
  contentWarning: string | null;
  /** The reader already has an open report on this post. */
  alreadyReported: boolean;
}

export type GetReportablePostResult = ({ status: "found" } & ReportablePost) | { status: "already_reported"; threadId: string; position: number } | { status: "not_found" };

/**
 * The reporter learns that the report arrived, never what came of it, so
 * neither result says whether the post was hidden.
 */
export type ReportPostResult =
  | { status: "reported"; threadId: string; position: number }
  | { status: "already_reported"; threadId: string; position: number }
  | { status: "invalid"; error: ReportPostErrorCode }
  | { status: "not_found" };

const reportInput = z.object({
  reason: z.enum(REPORT_REASONS, { error: "reason_missing" }),
  note: z
    .string()
    .optional()
    .transform((note) => note?.trim() ?? "")
    .pipe(z.string().max(REPORT_NOTE_MAX_LENGTH, { error: "note_too_long" })),
});

/**
 * Load a live post that the reader may report, for the report form. Their
 * own posts cannot be reported. A post hidden since the reader reported it
 * returns `already_reported` without its text, so the reporter's receipt
 * still shows and says nothing about what happened to the post.
 */
export async function getReportablePost(db: Executor, actor: Actor, postId: string): Promise<GetReportablePostResult> {
  if (!can(actor, "forum.report") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  const [post] = await db
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      threadTitle: forumThreads.title,
      position: forumPosts.position,
      authorId: forumPosts.authorId,
      author: authorPseudonym(forumPosts.authorId),
      bodyHtml: forumPosts.bodyHtml,
      contentWarning: forumPosts.contentWarning,
      hiddenAt: forumPosts.hiddenAt,
      alreadyReported: sql<boolean>`exists (
        select 1 from ${forumPostReports}
        where ${forumPostReports.postId} = ${forumPosts.id} and ${forumPostReports.reporterId} = ${actor.accountId} and ${forumPostReports.resolvedAt} is null
      )`,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), reportableBy(actor.accountId)));
  if (!post || post.authorId === actor.accountId) return { status: "not_found" };

  const alreadyReported = Boolean(post.alreadyReported);
  if (post.hiddenAt !== null) return alreadyReported ? { status: "already_reported", threadId: post.threadId, position: post.position } : { status: "not_found" };

  return {
    status: "found",
    id: post.id,
    threadId: post.threadId,
    threadTitle: post.threadTitle,
    position: post.position,
    author: post.author,
    bodyHtml: post.bodyHtml,
    contentWarning: post.contentWarning,
    alreadyReported,
  };
}

/**
 * Report a post to the peer moderators. A member has at most one open
 * report per post, so reporting twice counts once. When open reports from
 * `reportsToHide` different members add up, the post is hidden until a
 * moderator decides. The post row is locked first, so two reports that
 * arrive together hide it once and write one audit row.
 */
export async function reportPost(db: Database, actor: Actor, postId: string, input: { reason: unknown; note?: unknown }): Promise<ReportPostResult> {
  if (!can(actor, "forum.report") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const post = await lockReportablePost(tx, actor.accountId, postId);
    if (!post) return { status: "not_found" } as const;

    const parsed = reportInput.safeParse({ reason: input.reason, note: typeof input.note === "string" ? input.note : undefined });
    if (!parsed.success) return { status: "invalid", error: parsed.error.issues[0]!.message as ReportPostErrorCode } as const;
    const { reason, note } = parsed.data;

    // The partial unique index on open reports makes a second open report by the same member insert nothing, even in a race.
    const [report] = await tx
      .insert(forumPostReports)
      .values({ postId, reporterId: actor.accountId, reason, note: note === "" ? null : note })
      .onConflictDoNothing()
      .returning({ id: forumPostReports.id });
    if (!report) return { status: "already_reported", threadId: post.threadId, position: post.position } as const;

    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.post_reported",
      subjectType: "forum_post_report",
      subjectId: report.id,
      details: { postId, threadId: post.threadId, reason },
    });
    await unsafeNotifyModerators(tx, { kind: "moderation_report", actorId: actor.accountId, threadId: post.threadId, postId });
    if (post.hiddenAt === null) await hideWhenReportedEnough(tx, { postId, threadId: post.threadId, authorId: post.authorId });

    return { status: "reported", threadId: post.threadId, position: post.position } as const;
  });
}

/**
 * Match posts the reader could read, hidden ones included: a post hidden
 * while the reader was writing their report still takes the report, so it
 * reaches the moderators. Only the form itself needs the post to be live.
 */
function reportableBy(readerId: string): SQL {
  return and(threadVisibleTo(readerId), notBlockedBetween(readerId, forumPosts.authorId), isNull(forumPosts.deletedAt), isNull(forumPosts.pendingReason))!;
}

/** Lock the post the reader may report, so reports that arrive together count one after the other. */
async function lockReportablePost(tx: Executor, readerId: string, postId: string) {
  const [post] = await tx
    .select({ threadId: forumPosts.threadId, position: forumPosts.position, authorId: forumPosts.authorId, hiddenAt: forumPosts.hiddenAt })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), reportableBy(readerId)))
    .for("update", { of: forumPosts });
  if (!post || post.authorId === readerId) return undefined;
  return post;
}

async function hideWhenReportedEnough(tx: Executor, post: { postId: string; threadId: string; authorId: string | null }) {
  const { reportsToHide } = await unsafeReadModerationSettings(tx);
  const [row] = await tx
    .select({ openReports: sql<number>`count(distinct ${forumPostReports.reporterId})::int` })
    .from(forumPostReports)
    .where(and(eq(forumPostReports.postId, post.postId), isNull(forumPostReports.resolvedAt)));
  const openReports = Number(row?.openReports ?? 0);
  if (openReports < reportsToHide) return;

  // `moderator_note` is left alone: it may hold a moderator's edit note, and a post hidden by reports carries no note to its author.
  await tx.update(forumPosts).set({ hiddenAt: sql`now()`, hiddenReason: AUTOMATIC_HIDE_REASON }).where(eq(forumPosts.id, post.postId));
  await recordAuditEvent(tx, {
    actorId: null,
    action: "moderation.post_hidden",
    subjectType: "forum_post",
    subjectId: post.postId,
    details: { trigger: "reports", openReports, threadId: post.threadId, reason: AUTOMATIC_HIDE_REASON },
  });
  // The author hears that their post waits for a moderator, never who reported it: the notification carries no actor.
  if (post.authorId) await unsafeRecordNotifications(tx, [{ recipientId: post.authorId, kind: "moderation_post_hidden", actorId: null, threadId: post.threadId, postId: post.postId }]);
}
