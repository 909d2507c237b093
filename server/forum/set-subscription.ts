import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { threadVisibleTo } from "./forum-visibility";
import { forumCategories, forumCategorySubscriptions, forumThreads, forumThreadSubscriptions } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type SetSubscriptionResult = { status: "saved"; subscribed: boolean } | { status: "not_found" };

/** Follow or stop following a thread the reader can see. Writing in a thread follows it automatically. */
export async function setThreadSubscription(db: Executor, actor: Actor, threadId: string, subscribed: boolean): Promise<SetSubscriptionResult> {
  if (!can(actor, "forum.read") || !z.uuid().safeParse(threadId).success) return { status: "not_found" };

  const [thread] = await db.select({ id: forumThreads.id }).from(forumThreads).where(and(eq(forumThreads.id, threadId), threadVisibleTo(actor.accountId)));
  if (!thread) return { status: "not_found" };

  if (subscribed) await db.insert(forumThreadSubscriptions).values({ accountId: actor.accountId, threadId }).onConflictDoNothing();
  else await db.delete(forumThreadSubscriptions).where(and(eq(forumThreadSubscriptions.accountId, actor.accountId), eq(forumThreadSubscriptions.threadId, threadId)));
  return { status: "saved", subscribed };
}

/** Follow or stop following new threads in an open category. */
export async function setCategorySubscription(db: Executor, actor: Actor, categoryId: string, subscribed: boolean): Promise<SetSubscriptionResult> {
  if (!can(actor, "forum.read") || !z.uuid().safeParse(categoryId).success) return { status: "not_found" };

  const [category] = await db.select({ id: forumCategories.id }).from(forumCategories).where(and(eq(forumCategories.id, categoryId), isNull(forumCategories.archivedAt)));
  if (!category) return { status: "not_found" };

  if (subscribed) await db.insert(forumCategorySubscriptions).values({ accountId: actor.accountId, categoryId }).onConflictDoNothing();
  else await db.delete(forumCategorySubscriptions).where(and(eq(forumCategorySubscriptions.accountId, actor.accountId), eq(forumCategorySubscriptions.categoryId, categoryId)));
  return { status: "saved", subscribed };
}
