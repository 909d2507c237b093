import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { forumCategories } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type ArchiveForumCategoryResult = { status: "archived" } | { status: "unchanged" } | { status: "not_found" };

/**
 * Take a category out of the forum. Its threads, posts and readers' settings
 * are kept, so restoring it brings everything back; until then no reader can
 * list it or open its threads (see `threadVisibleTo`).
 */
export async function archiveForumCategory(db: Database, actor: Actor, input: { categoryId: unknown }): Promise<ArchiveForumCategoryResult> {
  if (!can(actor, "forum_categories.manage")) return { status: "not_found" };

  const parsed = z.uuid().safeParse(input.categoryId);
  if (!parsed.success) return { status: "not_found" };
  const categoryId = parsed.data;

  return db.transaction(async (tx) => {
    const [archived] = await tx
      .update(forumCategories)
      .set({ archivedAt: sql`now()` })
      .where(and(eq(forumCategories.id, categoryId), isNull(forumCategories.archivedAt)))
      .returning({ id: forumCategories.id });
    if (!archived) {
      const [existing] = await tx.select({ id: forumCategories.id }).from(forumCategories).where(eq(forumCategories.id, categoryId));
      return existing ? { status: "unchanged" } : { status: "not_found" };
    }

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "forum_category.archived", subjectType: "forum_category", subjectId: categoryId });
    return { status: "archived" };
  });
}
