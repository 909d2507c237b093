import { and, eq, isNull, ne, sql } from "drizzle-orm";

import { accountRoles, accounts } from "../identity/schema";
import { unsafeRecordNotifications, type NotificationKind } from "../notifications/record-notifications";
import type { Executor } from "../platform/db";

export type ModerationNotificationKind = Extract<NotificationKind, `moderation_${string}`>;

/**
 * Tell every active peer moderator that something waits for them: a report,
 * a crisis alert or a post for approval. Unsafe: moderators may see every
 * post, so no per-reader visibility check is made. The person who caused it
 * is not told about their own action. Call it in the transaction of the
 * change. Returns how many moderators were notified.
 */
export async function unsafeNotifyModerators(tx: Executor, input: { kind: ModerationNotificationKind; actorId: string | null; threadId: string; postId: string }): Promise<number> {
  const moderators = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(accountRoles, and(eq(accountRoles.accountId, accounts.id), eq(accountRoles.role, "peer_moderator")))
    .where(and(eq(accounts.status, "active"), isNull(accounts.pausedAt), input.actorId ? ne(accounts.id, input.actorId) : sql`true`));
  await unsafeRecordNotifications(
    tx,
    moderators.map((moderator) => ({ recipientId: moderator.id, kind: input.kind, actorId: input.actorId, threadId: input.threadId, postId: input.postId })),
  );
  return moderators.length;
}
