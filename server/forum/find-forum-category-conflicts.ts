import { sql } from "drizzle-orm";

import { forumCategoryNameFields, forumCategoryNameKey, type ForumCategoryFieldErrors, type ForumCategoryNameField, type ForumCategoryTexts } from "./forum-category-fields";
import { forumCategories } from "./schema";
import type { Transaction } from "../platform/db";

/** Any fixed number, distinct from the other advisory locks: category writes take it before checking for duplicates. */
const FORUM_CATEGORY_NAMES_LOCK_ID = 4_207_313;

/** The category that already has a name, in the language of the field that clashes. */
export interface ForumCategoryHolder {
  name: string;
  archived: boolean;
}

export type ForumCategoryTakenBy = Partial<Record<ForumCategoryNameField, ForumCategoryHolder>>;

export interface ForumCategoryConflicts {
  errors: ForumCategoryFieldErrors;
  takenBy: ForumCategoryTakenBy;
}

/**
 * Serialise category writes until the transaction ends. Two names that clash
 * may differ in their text ("Angst og uro" and "angst, og URO"), so no unique
 * index can catch them, and without this lock two administrators could each
 * check, find nothing and insert.
 */
export async function lockForumCategoryNames(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FORUM_CATEGORY_NAMES_LOCK_ID})`);
}

/**
 * Find other categories, archived ones included, that have one of the
 * candidate's names in the same language (compared by `forumCategoryNameKey`).
 * An archived category counts because restoring it would bring the clash back.
 * Unsafe: it checks no policy, so only a use case that has already authorized
 * the actor may call it, after `lockForumCategoryNames`.
 */
export async function unsafeFindForumCategoryConflicts(
  tx: Transaction,
  candidate: Pick<ForumCategoryTexts, ForumCategoryNameField> & { exceptId?: string },
): Promise<ForumCategoryConflicts | null> {
  // A forum has tens of categories, so comparing every name in code is cheap.
  const others = (
    await tx
      .select({ id: forumCategories.id, nameNb: forumCategories.nameNb, nameNn: forumCategories.nameNn, nameEn: forumCategories.nameEn, archivedAt: forumCategories.archivedAt })
      .from(forumCategories)
  ).filter((row) => row.id !== candidate.exceptId);
  const conflicts: ForumCategoryConflicts = { errors: {}, takenBy: {} };

  for (const field of forumCategoryNameFields) {
    const key = forumCategoryNameKey(candidate[field]);
    const holder = others.find((row) => forumCategoryNameKey(row[field]) === key);
    if (!holder) continue;
    conflicts.errors[field] = "name_taken";
    conflicts.takenBy[field] = { name: holder[field], archived: holder.archivedAt !== null };
  }

  return Object.keys(conflicts.errors).length > 0 ? conflicts : null;
}
