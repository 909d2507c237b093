import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";

import { forumCategories, forumMutedCategories } from "./schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type SetMutedForumCategoriesResult = { status: "saved"; mutedCategoryIds: string[] } | { status: "not_found" };

/**
 * Make the reader's muted categories exactly the ones given, as the settings
 * form's checkboxes send them. Ids that do not name a category in the forum
 * (archived meanwhile, deleted, or not ids at all) are ignored, and mutes of
 * archived categories are kept, because the form cannot show them.
 */
export async function setMutedForumCategories(db: Database, actor: Actor, input: { categoryIds: readonly unknown[] }): Promise<SetMutedForumCategoriesResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const requested = new Set(input.categoryIds.filter((id): id is string => z.uuid().safeParse(id).success));

  return db.transaction(async (tx) => {
    const activeIds = (await tx.select({ id: forumCategories.id }).from(forumCategories).where(isNull(forumCategories.archivedAt))).map((row) => row.id);
    const muted = activeIds.filter((id) => requested.has(id));
    const unmuted = activeIds.filter((id) => !requested.has(id));

    if (unmuted.length > 0) {
      await tx
        .delete(forumMutedCategories)
        .where(and(eq(forumMutedCategories.accountId, actor.accountId), inArray(forumMutedCategories.categoryId, unmuted)));
    }
    if (muted.length > 0) {
      await tx
        .insert(forumMutedCategories)
        .values(muted.map((categoryId) => ({ accountId: actor.accountId, categoryId })))
        .onConflictDoNothing();
    }
    return { status: "saved", mutedCategoryIds: muted };
  });
}
