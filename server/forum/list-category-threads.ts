import { and, eq, isNull, sql } from "drizzle-orm";

import { categoryDescriptionColumns, categoryNameColumns } from "./category-columns";
import { inCategory, listPinnedThreads, listVisibleThreads, type ThreadList, type ThreadSummary } from "./list-threads";
import { forumCategories, forumCategorySubscriptions, forumMutedCategories } from "./schema";
import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface CategoryView {
  id: string;
  slug: string;
  name: string;
  description: string;
  subscribed: boolean;
  muted: boolean;
}

export type ListCategoryThreadsResult = ({ status: "found"; category: CategoryView; pinned: ThreadSummary[] } & ThreadList) | { status: "not_found" };

/** List a category's threads for one reader: pinned ones first on the first page, then the rest by latest activity. */
export async function listCategoryThreads(db: Executor, actor: Actor, slug: string, locale: Locale, cursor?: unknown): Promise<ListCategoryThreadsResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const [category] = await db
    .select({
      id: forumCategories.id,
      slug: forumCategories.slug,
      name: categoryNameColumns[locale],
      description: categoryDescriptionColumns[locale],
      subscribed: sql<boolean>`exists (select 1 from ${forumCategorySubscriptions} where ${forumCategorySubscriptions.categoryId} = ${forumCategories.id} and ${forumCategorySubscriptions.accountId} = ${actor.accountId})`,
      muted: sql<boolean>`exists (select 1 from ${forumMutedCategories} where ${forumMutedCategories.categoryId} = ${forumCategories.id} and ${forumMutedCategories.accountId} = ${actor.accountId})`,
    })
    .from(forumCategories)
    .where(and(eq(forumCategories.slug, slug), isNull(forumCategories.archivedAt)));
  if (!category) return { status: "not_found" };

  const isFirstPage = !cursor;
  const pinned = isFirstPage ? await listPinnedThreads(db, actor.accountId, inCategory(category.id)) : [];
  const list = await listVisibleThreads(db, actor.accountId, { where: inCategory(category.id), cursor, excludePinned: true });
  return { status: "found", category: { ...category, subscribed: Boolean(category.subscribed), muted: Boolean(category.muted) }, pinned, ...list };
}
