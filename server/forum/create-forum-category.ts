import { eq, like, max, or } from "drizzle-orm";

import { lockForumCategoryNames, unsafeFindForumCategoryConflicts, type ForumCategoryTakenBy } from "./find-forum-category-conflicts";
import {
  forumCategoryFieldErrors,
  forumCategoryTextSchema,
  optionalForumCategoryPositionSchema,
  slugFromForumCategoryName,
  type ForumCategoryFieldErrors,
  type ForumCategoryTextInput,
  type ForumCategoryTexts,
} from "./forum-category-fields";
import { FORUM_CATEGORY_POSITION_MAX } from "./forum-category-limits";
import { forumCategories } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor, PersonActor } from "../identity/actor";
import type { Database, Transaction } from "../platform/db";
import { can } from "../policy";

export type CreateForumCategoryResult =
  | { status: "created"; category: { id: string; slug: string; position: number } }
  | { status: "invalid"; errors: ForumCategoryFieldErrors; takenBy?: ForumCategoryTakenBy }
  | { status: "not_found" };

const createInput = forumCategoryTextSchema.extend({ position: optionalForumCategoryPositionSchema });

// A writer that skips the name lock may take the same slug between the lookup and the insert, so the insert is retried a few times.
const SLUG_ATTEMPTS = 5;

// A new category without a position goes this far after the last one, which leaves room to place another between them.
const POSITION_STEP = 10;

/**
 * Create a forum category named and described in Bokmål, Nynorsk and English.
 * Its slug comes from the Bokmål name, numbered (`-2`, `-3`, …) when taken.
 * A name that another category already has in the same language is rejected,
 * with that category's name. Without a position the category goes last.
 */
export async function createForumCategory(db: Database, actor: Actor, input: ForumCategoryTextInput & { position?: unknown }): Promise<CreateForumCategoryResult> {
  if (!can(actor, "forum_categories.manage")) return { status: "not_found" };

  const parsed = createInput.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: forumCategoryFieldErrors(parsed.error) };
  const { position, ...texts } = parsed.data;

  return db.transaction(async (tx) => {
    await lockForumCategoryNames(tx);
    const conflicts = await unsafeFindForumCategoryConflicts(tx, texts);
    if (conflicts) return { status: "invalid", ...conflicts };

    return insertForumCategory(tx, actor, texts, position ?? (await nextPosition(tx)));
  });
}

async function nextPosition(tx: Transaction): Promise<number> {
  const [row] = await tx.select({ last: max(forumCategories.position) }).from(forumCategories);
  if (row?.last === null || row?.last === undefined) return 0;
  return Math.min(Number(row.last) + POSITION_STEP, FORUM_CATEGORY_POSITION_MAX);
}

async function insertForumCategory(tx: Transaction, actor: PersonActor, texts: ForumCategoryTexts, position: number): Promise<CreateForumCategoryResult> {
  const baseSlug = slugFromForumCategoryName(texts.nameNb);

  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const slug = await findFreeSlug(tx, baseSlug);
    const [created] = await tx
      .insert(forumCategories)
      .values({ ...texts, slug, position })
      .onConflictDoNothing({ target: forumCategories.slug })
      .returning({ id: forumCategories.id, slug: forumCategories.slug, position: forumCategories.position });
    if (!created) continue;

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "forum_category.created", subjectType: "forum_category", subjectId: created.id, details: { slug } });
    return { status: "created", category: created };
  }
  throw new Error(`No free forum category slug for "${baseSlug}" after ${SLUG_ATTEMPTS} attempts.`);
}

async function findFreeSlug(tx: Transaction, baseSlug: string): Promise<string> {
  // The slug holds only a-z, 0-9 and hyphens, so it contains no LIKE wildcard.
  const taken = new Set(
    (await tx.select({ slug: forumCategories.slug }).from(forumCategories).where(or(eq(forumCategories.slug, baseSlug), like(forumCategories.slug, `${baseSlug}-%`)))).map(
      (row) => row.slug,
    ),
  );
  if (!taken.has(baseSlug)) return baseSlug;

  for (let number = 2; ; number++) {
    const candidate = `${baseSlug}-${number}`;
    if (!taken.has(candidate)) return candidate;
  }
}
