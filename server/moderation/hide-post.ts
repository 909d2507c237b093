import { eq, sql } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { forumPosts } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { lockPostForModeration } from "./moderation-visibility";
import { MODERATOR_REASONS } from "./reason-codes";
import { unsafeResolveOpenReports } from "./resolve-open-reports";

export const HIDE_NOTE_MAX_LENGTH = 1000;

export type HidePostErrorCode = "reason_missing" | "note_too_long";

export type HidePostResult =
  | { status: "hidden"; threadId: string; resolvedReports: number }
  | { status: "already_hidden"; threadId: string }
  | { status: "invalid"; error: HidePostErrorCode }
  | { status: "not_found" };

const hideInput = z.object({
  reason: z.enum(MODERATOR_REASONS, { error: "reason_missing" }),
  note: z
    .string()
    .optional()
    .transform((note) => note?.trim() ?? "")
    .pipe(z.string().max(HIDE_NOTE_MAX_LENGTH, { error: "note_too_long" })),
});

/**
 * Hide a post with a reason its author sees, translated, and an optional
 * note to the author. The note is kept in `forum_posts.moderator_note`, which
 * also carries a moderator's edit note: while the post is hidden the hide
 * note replaces it, and restoring the post clears it. Every open report on
 * the post is closed as `hidden`. Submitting the same decision twice changes
 * nothing the second time.
 */
export async function hidePost(db: Database, actor: Actor, postId: string, input: { reason: unknown; note?: unknown }): Promise<HidePostResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const post = await lockPostForModeration(tx, actor.accountId, postId);
    if (!post) return { status: "not_found" } as const;

    const parsed = hideInput.safeParse({ reason: input.reason, note: typeof input.note === "string" ? input.note : undefined });
    if (!parsed.success) return { status: "invalid", error: parsed.error.issues[0]!.message as HidePostErrorCode } as const;
    const note = parsed.data.note === "" ? null : parsed.data.note;
    const { reason } = parsed.data;

    const resolvedReports = await unsafeResolveOpenReports(tx, { postId, moderatorId: actor.accountId, resolution: "hidden" });
    const unchanged = post.hiddenAt !== null && post.hiddenReason === reason && post.moderatorNote === note;
    if (unchanged && resolvedReports === 0) return { status: "already_hidden", threadId: post.threadId } as const;

    await tx.update(forumPosts).set({ hiddenAt: sql`coalesce(${forumPosts.hiddenAt}, now())`, hiddenReason: reason, moderatorNote: note }).where(eq(forumPosts.id, postId));
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.post_hidden",
      subjectType: "forum_post",
      subjectId: postId,
      details: { trigger: "moderator", reason, threadId: post.threadId, previousReason: post.hiddenReason, withNote: note !== null },
    });
    if (post.authorId && post.authorId !== actor.accountId) {
      await unsafeRecordNotifications(tx, [{ recipientId: post.authorId, kind: "moderation_post_hidden", actorId: null, threadId: post.threadId, postId }]);
    }

    return { status: "hidden", threadId: post.threadId, resolvedReports } as const;
  });
}
