import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";

import { forumCategories } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type RestoreForumCategoryResult = { status: "restored" } | { status: "unchanged" } | { status: "not_found" };

/** Bring an archived category back into the forum, with the threads it had. */
export async function restoreForumCategory(db: Database, actor: Actor, input: { categoryId: unknown }): Promise<RestoreForumCategoryResult> {
  if (!can(actor, "forum_categories.manage")) return { status: "not_found" };

  const parsed = z.uuid().safeParse(input.categoryId);
  if (!parsed.success) return { status: "not_found" };
  const categoryId = parsed.data;

  return db.transaction(async (tx) => {
    const [restored] = await tx
      .update(forumCategories)
      .set({ archivedAt: null })
      .where(and(eq(forumCategories.id, categoryId), isNotNull(forumCategories.archivedAt)))
      .returning({ id: forumCategories.id });
    if (!restored) {
      const [existing] = await tx.select({ id: forumCategories.id }).from(forumCategories).where(eq(forumCategories.id, categoryId));
      return existing ? { status: "unchanged" } : { status: "not_found" };
    }

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "forum_category.restored", subjectType: "forum_category", subjectId: categoryId });
    return { status: "restored" };
  });
}
