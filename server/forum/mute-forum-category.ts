import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { forumCategories, forumMutedCategories } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type MuteForumCategoryResult = { status: "muted" } | { status: "unchanged" } | { status: "not_found" };

/** Hide a category's threads from the reader's own thread lists. The category stays listed, marked, so it can be shown again. */
export async function muteForumCategory(db: Executor, actor: Actor, input: { categoryId: unknown }): Promise<MuteForumCategoryResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const parsed = z.uuid().safeParse(input.categoryId);
  if (!parsed.success) return { status: "not_found" };
  const categoryId = parsed.data;

  const [category] = await db
    .select({ id: forumCategories.id })
    .from(forumCategories)
    .where(and(eq(forumCategories.id, categoryId), isNull(forumCategories.archivedAt)));
  if (!category) return { status: "not_found" };

  const inserted = await db
    .insert(forumMutedCategories)
    .values({ accountId: actor.accountId, categoryId })
    .onConflictDoNothing()
    .returning({ categoryId: forumMutedCategories.categoryId });
  return inserted.length > 0 ? { status: "muted" } : { status: "unchanged" };
}
