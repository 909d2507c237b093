import { eq } from "drizzle-orm";
import { z } from "zod";

import { lockForumCategoryNames, unsafeFindForumCategoryConflicts, type ForumCategoryTakenBy } from "./find-forum-category-conflicts";
import {
  forumCategoryFieldErrors,
  forumCategoryFields,
  forumCategoryPositionSchema,
  forumCategoryTextSchema,
  type ForumCategoryFieldErrors,
  type ForumCategoryTextInput,
} from "./forum-category-fields";
import { forumCategories } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type UpdateForumCategoryResult =
  | { status: "updated" }
  | { status: "unchanged" }
  | { status: "invalid"; errors: ForumCategoryFieldErrors; takenBy?: ForumCategoryTakenBy }
  | { status: "not_found" };

const updateInput = forumCategoryTextSchema.extend({ categoryId: z.uuid({ message: "not_found" }), position: forumCategoryPositionSchema });

/**
 * Change a category's names, descriptions and position. The slug stays, so
 * links that carry it keep working. A name that another category already has
 * in the same language is rejected. Archived categories may be edited too.
 */
export async function updateForumCategory(
  db: Database,
  actor: Actor,
  input: ForumCategoryTextInput & { categoryId: unknown; position: unknown },
): Promise<UpdateForumCategoryResult> {
  if (!can(actor, "forum_categories.manage")) return { status: "not_found" };

  const parsed = updateInput.safeParse(input);
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === "categoryId")) return { status: "not_found" };
    return { status: "invalid", errors: forumCategoryFieldErrors(parsed.error) };
  }
  const { categoryId, ...values } = parsed.data;

  return db.transaction(async (tx) => {
    await lockForumCategoryNames(tx);
    const [current] = await tx
      .select({
        nameNb: forumCategories.nameNb,
        nameNn: forumCategories.nameNn,
        nameEn: forumCategories.nameEn,
        descriptionNb: forumCategories.descriptionNb,
        descriptionNn: forumCategories.descriptionNn,
        descriptionEn: forumCategories.descriptionEn,
        position: forumCategories.position,
      })
      .from(forumCategories)
      .where(eq(forumCategories.id, categoryId))
      .for("update");
    if (!current) return { status: "not_found" };

    const changed = forumCategoryFields.filter((field) => current[field] !== values[field]);
    if (changed.length === 0) return { status: "unchanged" };

    const conflicts = await unsafeFindForumCategoryConflicts(tx, { ...values, exceptId: categoryId });
    if (conflicts) return { status: "invalid", ...conflicts };

    await tx.update(forumCategories).set(values).where(eq(forumCategories.id, categoryId));
    // The field names only: category texts are written by people, and audit details carry ids and codes.
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "forum_category.updated",
      subjectType: "forum_category",
      subjectId: categoryId,
      details: { fields: changed.join(",") },
    });
    return { status: "updated" };
  });
}
