import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";

import { notifications } from "./schema";
import { CAFE_NOTICE_KINDS, type CafeNoticeKind } from "../cafes/cafe-notices";
import { cafes } from "../cafes/schema";
import { communityMemberships } from "../communities/schema";
import { authorPseudonym } from "../forum/forum-read-model";
import { postReadableBy, threadVisibleTo } from "../forum/forum-visibility";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor, PersonActor } from "../identity/actor";
import { postVisibleToModerator } from "../moderation/moderation-visibility";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import type { NotificationKind } from "./record-notifications";

export const NOTIFICATIONS_SHOWN = 50;

/** News from the forum about posts the person may read. */
const FORUM_KINDS = ["forum_reply", "forum_mention", "forum_new_thread"] satisfies NotificationKind[];
/** To peer moderators: something waits in the moderation view. */
export const MODERATOR_KINDS = ["moderation_report", "moderation_crisis_alert", "moderation_pending_post"] satisfies NotificationKind[];
/** To a member: a moderator's decision about one of their own posts. */
export const OWN_POST_KINDS = ["moderation_post_hidden", "moderation_post_restored", "moderation_post_approved", "moderation_post_edited"] satisfies NotificationKind[];
/** To a member: a moderator's decision about their account. */
export const OWN_ACCOUNT_KINDS = ["moderation_warning", "moderation_suspension"] satisfies NotificationKind[];

export interface NotificationView {
  id: string;
  kind: NotificationKind | CafeNoticeKind;
  createdAt: Date;
  read: boolean;
  /** Pseudonym of the account that caused a forum notification. Null for moderation kinds, which never name a reporter or a moderator. */
  actorPseudonym: string | null;
  /** Null for notifications about the person's account rather than a post. */
  thread: { id: string; title: string } | null;
  post: { id: string; position: number } | null;
  /** The kafé a kafé notice is about; only while the reader may still see it. */
  cafe: { id: string; title: string; startsAt: Date } | null;
}

/**
 * The person's newest notifications. Access is checked again at reading
 * time. Forum news about a post that was since hidden, deleted, moved out
 * of reach or written by someone on either side of a block is left out.
 * Moderation news reaches peer moderators whatever the post's state, and a
 * member sees a moderation kind only when it is about their own post or
 * account, so a member who loses the moderator role stops seeing the rest.
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
      cafeId: cafes.id,
      cafeTitle: cafes.title,
      cafeStartsAt: cafes.startsAt,
    })
    .from(notifications)
    .leftJoin(forumPosts, eq(forumPosts.id, notifications.postId))
    .leftJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .leftJoin(cafes, eq(cafes.id, notifications.cafeId))
    .where(and(eq(notifications.recipientId, actor.accountId), notificationVisibleTo(actor)))
    .orderBy(desc(notifications.createdAt))
    .limit(NOTIFICATIONS_SHOWN);

  return rows.map((row) => {
    const kind = row.kind as NotificationKind | CafeNoticeKind;
    return {
      id: row.id,
      kind,
      createdAt: row.createdAt,
      read: row.readAt !== null,
      actorPseudonym: kind.startsWith("moderation_") ? null : row.actorPseudonym,
      thread: row.threadId !== null && row.title !== null ? { id: row.threadId, title: row.title } : null,
      post: row.postId !== null && row.position !== null ? { id: row.postId, position: row.position } : null,
      cafe: row.cafeId !== null && row.cafeTitle !== null && row.cafeStartsAt !== null ? { id: row.cafeId, title: row.cafeTitle, startsAt: row.cafeStartsAt } : null,
    };
  });
}

/** Unread notifications the person could open now, for the count in the header. */
export async function countUnreadNotifications(db: Executor, actor: Actor): Promise<number> {
  if (actor.kind !== "person" || !can(actor, "forum.read")) return 0;

  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .leftJoin(forumPosts, eq(forumPosts.id, notifications.postId))
    .leftJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .leftJoin(cafes, eq(cafes.id, notifications.cafeId))
    .where(and(eq(notifications.recipientId, actor.accountId), isNull(notifications.readAt), notificationVisibleTo(actor)));
  return Number(row?.count ?? 0);
}

/** Mark all of the person's notifications read, or only those about one thread, one post or one kafé. */
export async function markNotificationsRead(db: Executor, actor: Actor, options: { threadId?: string; postId?: string; cafeId?: string } = {}) {
  if (actor.kind !== "person") return;
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.recipientId, actor.accountId),
        isNull(notifications.readAt),
        options.threadId ? eq(notifications.threadId, options.threadId) : undefined,
        options.postId ? eq(notifications.postId, options.postId) : undefined,
        options.cafeId ? eq(notifications.cafeId, options.cafeId) : undefined,
      ),
    );
}

/**
 * Match kafé notices whose kafé the reader may still see. The reader must
 * still belong to the kafé's community, and the kafé must be approved, or
 * proposed by the reader, or the reader moderates the community.
 */
function cafeVisibleTo(actor: PersonActor): SQL {
  const readerId = actor.accountId;
  const moderates = can(actor, "cafes.host") ? sql`true` : sql`false`;
  return sql`${cafes.id} is not null
    and exists (select 1 from ${communityMemberships} where ${communityMemberships.communityId} = ${cafes.communityId} and ${communityMemberships.accountId} = ${readerId})
    and (${cafes.approval} = 'approved' or ${cafes.hostId} = ${readerId} or ${moderates})`;
}

/** The reading-time rule for each kind of notification; the query left-joins the post, its thread and the kafé. */
function notificationVisibleTo(actor: PersonActor): SQL {
  const readerId = actor.accountId;
  const rules: SQL[] = [
    sql`(${inArray(notifications.kind, FORUM_KINDS)} and ${forumPosts.id} is not null and ${postReadableBy(readerId)})`,
    sql`(${inArray(notifications.kind, OWN_POST_KINDS)} and ${forumPosts.authorId} = ${readerId} and ${forumPosts.deletedAt} is null and ${threadVisibleTo(readerId)})`,
    inArray(notifications.kind, OWN_ACCOUNT_KINDS),
  ];
  if (can(actor, "cafes.read")) rules.push(sql`(${inArray(notifications.kind, [...CAFE_NOTICE_KINDS])} and ${cafeVisibleTo(actor)})`);
  if (can(actor, "moderation.view")) {
    rules.push(sql`(${inArray(notifications.kind, MODERATOR_KINDS)} and ${forumPosts.id} is not null and ${postVisibleToModerator(readerId)})`);
  }
  return sql`(${sql.join(rules, sql` or `)})`;
}
