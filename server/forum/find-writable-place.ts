import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { categoryNameColumns } from "./category-columns";
import type { ThreadPlace } from "./create-thread";
import { closedGroupMembers, closedGroups, forumCategories } from "./schema";
import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type WritablePlace = { place: ThreadPlace; name: string };

/** The category (by slug) or closed group (by id) where the writer may start a thread, with its name in their language. */
export async function findWritablePlace(db: Executor, actor: Actor, target: { categorySlug: string } | { groupId: string }, locale: Locale): Promise<WritablePlace | null> {
  if (!can(actor, "forum.write") || !actor.hasMemberProfile) return null;

  if ("categorySlug" in target) {
    const [category] = await db
      .select({ id: forumCategories.id, name: categoryNameColumns[locale] })
      .from(forumCategories)
      .where(and(eq(forumCategories.slug, target.categorySlug), isNull(forumCategories.archivedAt)));
    return category ? { place: { kind: "category", categoryId: category.id }, name: category.name } : null;
  }

  if (!z.uuid().safeParse(target.groupId).success) return null;
  const [group] = await db
    .select({ id: closedGroups.id, name: closedGroups.name })
    .from(closedGroups)
    .innerJoin(closedGroupMembers, and(eq(closedGroupMembers.groupId, closedGroups.id), eq(closedGroupMembers.accountId, actor.accountId), eq(closedGroupMembers.status, "joined")))
    .where(eq(closedGroups.id, target.groupId));
  return group ? { place: { kind: "group", groupId: group.id }, name: group.name } : null;
}
