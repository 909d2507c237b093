import { count, isNotNull } from "drizzle-orm";

import { forumCategories, forumThreads } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface ForumCategoryForAdmin {
  id: string;
  slug: string;
  nameNb: string;
  nameNn: string;
  nameEn: string;
  descriptionNb: string;
  descriptionNn: string;
  descriptionEn: string;
  position: number;
  createdAt: Date;
  archivedAt: Date | null;
  /** Threads in the category, hidden ones included: what archiving keeps. */
  threadCount: number;
}

export type ListForumCategoriesForAdminResult = { status: "listed"; categories: ForumCategoryForAdmin[] } | { status: "not_found" };

/**
 * List every category with all its texts, for the administration page: the
 * ones in the forum by position and Bokmål name, then the archived ones in the same order.
 */
export async function listForumCategoriesForAdmin(db: Executor, actor: Actor): Promise<ListForumCategoriesForAdminResult> {
  if (!can(actor, "forum_categories.manage")) return { status: "not_found" };

  const [rows, threadCounts] = await Promise.all([
    db
      .select({
        id: forumCategories.id,
        slug: forumCategories.slug,
        nameNb: forumCategories.nameNb,
        nameNn: forumCategories.nameNn,
        nameEn: forumCategories.nameEn,
        descriptionNb: forumCategories.descriptionNb,
        descriptionNn: forumCategories.descriptionNn,
        descriptionEn: forumCategories.descriptionEn,
        position: forumCategories.position,
        createdAt: forumCategories.createdAt,
        archivedAt: forumCategories.archivedAt,
      })
      .from(forumCategories),
    db.select({ categoryId: forumThreads.categoryId, value: count() }).from(forumThreads).where(isNotNull(forumThreads.categoryId)).groupBy(forumThreads.categoryId),
  ]);

  const countsByCategory = new Map(threadCounts.map((entry) => [entry.categoryId, Number(entry.value)]));
  // Sorted in Norwegian order in code, because the database collation may put Æ, Ø and Å elsewhere.
  const collator = new Intl.Collator("nb");
  const categories = rows
    .map((row) => ({ ...row, threadCount: countsByCategory.get(row.id) ?? 0 }))
    .sort(
      (first, second) =>
        Number(first.archivedAt !== null) - Number(second.archivedAt !== null) || first.position - second.position || collator.compare(first.nameNb, second.nameNb),
    );
  return { status: "listed", categories };
}

