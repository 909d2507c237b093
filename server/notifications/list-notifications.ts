import { and, desc, eq, isNull, sql } from "drizzle-orm";

import { notifications } from "./schema";
import { authorPseudonym } from "../forum/forum-read-model";
import { postReadableBy } from "../forum/forum-visibility";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import type { NotificationKind } from "./record-notifications";

export const NOTIFICATIONS_SHOWN = 50;

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  read: boolean;
  actorPseudonym: string | null;
  thread: { id: string; title: string };
  post: { id: string; position: number };
}

/**
 * The person's newest notifications. Access is checked again at reading
 * time: a notification about a post that was since hidden, deleted, moved out
 * of reach or written by someone on either side of a block is left out.
 */
export async function listNotifications(db: Executor, actor: Actor): Promise<NotificationView[]> {
  if (!can(actor, "forum.read")) return [];

  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorPseudonym: authorPseudonym(notifications.actorId),
      threadId: forumThreads.id,
      title: forumThreads.title,
      postId: forumPosts.id,
      position: forumPosts.position,
    })
    .from(notifications)
    .innerJoin(forumPosts, eq(forumPosts.id, notifications.postId))
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(notifications.recipientId, actor.accountId), postReadableBy(actor.accountId)))
    .orderBy(desc(notifications.createdAt))
    .limit(NOTIFICATIONS_SHOWN);

  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as NotificationKind,
    createdAt: row.createdAt,
    read: row.readAt !== null,
    actorPseudonym: row.actorPseudonym,
    thread: { id: row.threadId, title: row.title },
    post: { id: row.postId, position: row.position },
  }));
}

/** Unread notifications the person could open now, for the count in the header. */
export async function countUnreadNotifications(db: Executor, actor: Actor): Promise<number> {
  if (actor.kind !== "person" || !can(actor, "forum.read")) return 0;

  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .innerJoin(forumPosts, eq(forumPosts.id, notifications.postId))
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(notifications.recipientId, actor.accountId), isNull(notifications.readAt), postReadableBy(actor.accountId)));
  return Number(row?.count ?? 0);
}

/** Mark all of the person's notifications read, or only those about one thread. */
export async function markNotificationsRead(db: Executor, actor: Actor, options: { threadId?: string } = {}) {
  if (actor.kind !== "person") return;
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.recipientId, actor.accountId), isNull(notifications.readAt), options.threadId ? eq(notifications.threadId, options.threadId) : undefined));
}
