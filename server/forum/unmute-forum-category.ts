import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { forumMutedCategories } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type UnmuteForumCategoryResult = { status: "unmuted" } | { status: "unchanged" } | { status: "not_found" };

/** Show a muted category's threads in the reader's lists again. Works for archived categories too, so nothing is left behind. */
export async function unmuteForumCategory(db: Executor, actor: Actor, input: { categoryId: unknown }): Promise<UnmuteForumCategoryResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const parsed = z.uuid().safeParse(input.categoryId);
  if (!parsed.success) return { status: "not_found" };

  const deleted = await db
    .delete(forumMutedCategories)
    .where(and(eq(forumMutedCategories.accountId, actor.accountId), eq(forumMutedCategories.categoryId, parsed.data)))
    .returning({ categoryId: forumMutedCategories.categoryId });
  return deleted.length > 0 ? { status: "unmuted" } : { status: "unchanged" };
}
