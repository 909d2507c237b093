import { asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { categoryNameColumns } from "../forum/category-columns";
import { authorPseudonym } from "../forum/forum-read-model";
import { closedGroups, forumCategories, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface ThreadForModeration {
  id: string;
  title: string;
  authorPseudonym: string | null;
  createdAt: Date;
  replyCount: number;
  place: { kind: "category"; categoryId: string; slug: string; name: string } | { kind: "group"; groupId: string; name: string };
  locked: boolean;
  pinned: boolean;
  hidden: boolean;
  /** The opening post waits for a moderator's approval. */
  pending: boolean;
  /** Open categories a thread can move to, named in the moderator's language, in the forum's order. */
  categories: { id: string; name: string }[];
}

export type GetThreadForModerationResult = ({ status: "found" } & ThreadForModeration) | { status: "not_found" };

/**
 * Load a thread for the moderator's thread page, whatever its state: hidden
 * and waiting threads are what moderators must be able to reach.
 */
export async function getThreadForModeration(db: Executor, actor: Actor, threadId: string, locale: Locale): Promise<GetThreadForModerationResult> {
  if (!can(actor, "moderation.view") || !z.uuid().safeParse(threadId).success) return { status: "not_found" };

  const [thread] = await db
    .select({
      id: forumThreads.id,
      title: forumThreads.title,
      authorPseudonym: authorPseudonym(forumThreads.authorId),
      createdAt: forumThreads.createdAt,
      replyCount: forumThreads.replyCount,
      lockedAt: forumThreads.lockedAt,
      pinnedAt: forumThreads.pinnedAt,
      hiddenAt: forumThreads.hiddenAt,
      pendingAt: forumThreads.pendingAt,
      categoryId: forumCategories.id,
      categorySlug: forumCategories.slug,
      categoryName: categoryNameColumns[locale],
      groupId: closedGroups.id,
      groupName: closedGroups.name,
    })
    .from(forumThreads)
    .leftJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .leftJoin(closedGroups, eq(closedGroups.id, forumThreads.closedGroupId))
    .where(eq(forumThreads.id, threadId));
  if (!thread) return { status: "not_found" };

  const categories = await db
    .select({ id: forumCategories.id, name: categoryNameColumns[locale] })
    .from(forumCategories)
    .where(isNull(forumCategories.archivedAt))
    .orderBy(asc(forumCategories.position), asc(categoryNameColumns[locale]));

  const place: ThreadForModeration["place"] =
    thread.groupId !== null
      ? { kind: "group", groupId: thread.groupId, name: thread.groupName ?? "" }
      : { kind: "category", categoryId: thread.categoryId ?? "", slug: thread.categorySlug ?? "", name: thread.categoryName ?? "" };
  return {
    status: "found",
    id: thread.id,
    title: thread.title,
    authorPseudonym: thread.authorPseudonym,
    createdAt: thread.createdAt,
    replyCount: thread.replyCount,
    place,
    locked: thread.lockedAt !== null,
    pinned: thread.pinnedAt !== null,
    hidden: thread.hiddenAt !== null,
    pending: thread.pendingAt !== null,
    categories,
  };
}
