import { eq, sql } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { optionalModeratorReasonSchema } from "./reason-codes";

export type ThreadStateChange = "lock" | "unlock" | "pin" | "unpin";

export type SetThreadStateResult = { status: "saved"; threadId: string; changed: boolean } | { status: "invalid"; errors: { reason: string } } | { status: "not_found" };

const auditActions: Record<ThreadStateChange, string> = {
  lock: "moderation.thread_locked",
  unlock: "moderation.thread_unlocked",
  pin: "moderation.thread_pinned",
  unpin: "moderation.thread_unpinned",
};

/**
 * Lock, unlock, pin or unpin a thread, with an optional reason code. A thread
 * already in the requested state is left alone and no audit row is written,
 * so a double submit acts once.
 */
export async function setThreadState(db: Database, actor: Actor, threadId: string, change: ThreadStateChange, input: { reason?: unknown }): Promise<SetThreadStateResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(threadId).success) return { status: "not_found" };
  const parsed = optionalModeratorReasonSchema.safeParse(input.reason);
  if (!parsed.success) return { status: "invalid", errors: { reason: "reason_invalid" } };
  const reason = parsed.data ?? null;

  return db.transaction(async (tx) => {
    const [thread] = await tx.select({ lockedAt: forumThreads.lockedAt, pinnedAt: forumThreads.pinnedAt }).from(forumThreads).where(eq(forumThreads.id, threadId)).for("update");
    if (!thread) return { status: "not_found" } as const;

    const isOn = change === "lock" || change === "unlock" ? thread.lockedAt !== null : thread.pinnedAt !== null;
    const wantOn = change === "lock" || change === "pin";
    if (isOn === wantOn) return { status: "saved", threadId, changed: false } as const;

    const value = wantOn ? sql`now()` : null;
    await tx
      .update(forumThreads)
      .set(change === "lock" || change === "unlock" ? { lockedAt: value } : { pinnedAt: value })
      .where(eq(forumThreads.id, threadId));
    await recordAuditEvent(tx, { actorId: actor.accountId, action: auditActions[change], subjectType: "forum_thread", subjectId: threadId, details: { reason } });
    return { status: "saved", threadId, changed: true } as const;
  });
}
