import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { forumCategories, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { optionalModeratorReasonSchema } from "./reason-codes";

export type MoveThreadResult =
  | { status: "moved"; threadId: string }
  | { status: "unchanged"; threadId: string }
  | { status: "invalid"; errors: { categoryId?: string; reason?: string } }
  | { status: "not_allowed" }
  | { status: "not_found" };

/**
 * Move a thread to another open category. The thread keeps its id, posts
 * and positions, so every link to it still works. Threads in closed groups
 * stay where they are: their members chose who may read them. Moving to the
 * category the thread is already in changes nothing and writes no audit row.
 */
export async function moveThread(db: Database, actor: Actor, threadId: string, input: { categoryId: unknown; reason?: unknown }): Promise<MoveThreadResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(threadId).success) return { status: "not_found" };
  const target = z.uuid().safeParse(input.categoryId);
  if (!target.success) return { status: "invalid", errors: { categoryId: "category_missing" } };
  const reason = optionalModeratorReasonSchema.safeParse(input.reason);
  if (!reason.success) return { status: "invalid", errors: { reason: "reason_invalid" } };

  return db.transaction(async (tx) => {
    const [thread] = await tx.select({ categoryId: forumThreads.categoryId }).from(forumThreads).where(eq(forumThreads.id, threadId)).for("update");
    if (!thread) return { status: "not_found" } as const;
    if (thread.categoryId === null) return { status: "not_allowed" } as const;
    if (thread.categoryId === target.data) return { status: "unchanged", threadId } as const;

    // The share lock keeps the category from being archived while the thread moves into it.
    const [category] = await tx
      .select({ id: forumCategories.id })
      .from(forumCategories)
      .where(and(eq(forumCategories.id, target.data), isNull(forumCategories.archivedAt)))
      .for("share");
    if (!category) return { status: "invalid", errors: { categoryId: "category_missing" } } as const;

    await tx.update(forumThreads).set({ categoryId: category.id }).where(eq(forumThreads.id, threadId));
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.thread_moved",
      subjectType: "forum_thread",
      subjectId: threadId,
      details: { fromCategoryId: thread.categoryId, toCategoryId: category.id, reason: reason.data ?? null },
    });
    return { status: "moved", threadId } as const;
  });
}
