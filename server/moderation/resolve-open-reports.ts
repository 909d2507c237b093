import { and, eq, isNull, sql } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Executor } from "../platform/db";
import { forumPostReports } from "./schema";

export type ReportResolution = "kept" | "hidden";

/**
 * Close every open report on a post with the moderator's decision, and write
 * one `moderation.report_resolved` audit row per report. Unsafe: the calling
 * use case has checked that the actor may moderate the post. Call it in the
 * transaction of the decision. Returns how many reports it closed.
 */
export async function unsafeResolveOpenReports(tx: Executor, input: { postId: string; moderatorId: string; resolution: ReportResolution }): Promise<number> {
  const resolved = await tx
    .update(forumPostReports)
    .set({ resolvedAt: sql`now()`, resolvedBy: input.moderatorId, resolution: input.resolution })
    .where(and(eq(forumPostReports.postId, input.postId), isNull(forumPostReports.resolvedAt)))
    .returning({ id: forumPostReports.id, reason: forumPostReports.reason });

  for (const report of resolved) {
    await recordAuditEvent(tx, {
      actorId: input.moderatorId,
      action: "moderation.report_resolved",
      subjectType: "forum_post_report",
      subjectId: report.id,
      details: { postId: input.postId, reason: report.reason, resolution: input.resolution },
    });
  }
  return resolved.length;
}
