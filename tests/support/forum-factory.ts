import { randomBytes } from "node:crypto";

import { closedGroupMembers, closedGroups, forumCategories } from "../../server/forum/schema";
import type { TestDatabase } from "./test-database";

/** Insert an open forum category and return its id and slug. */
export async function createTestCategory(database: TestDatabase, name = `Kategori ${randomBytes(3).toString("hex")}`): Promise<{ id: string; slug: string }> {
  const slug = `kategori-${randomBytes(6).toString("hex")}`;
  const [category] = await database.db
    .insert(forumCategories)
    .values({ slug, nameNb: name, nameNn: `${name} (nn)`, nameEn: `${name} (en)` })
    .returning({ id: forumCategories.id, slug: forumCategories.slug });
  return category!;
}

/** Insert a closed group whose members have all joined. */
export async function createTestClosedGroup(database: TestDatabase, memberIds: string[], name = `Gruppe ${randomBytes(3).toString("hex")}`): Promise<string> {
  const [group] = await database.db.insert(closedGroups).values({ name, createdBy: memberIds[0] }).returning({ id: closedGroups.id });
  await database.db.insert(closedGroupMembers).values(memberIds.map((accountId) => ({ groupId: group!.id, accountId, status: "joined" as const, joinedAt: new Date() })));
  return group!.id;
}

/** A fresh idempotency key, as a writing form would carry. */
export function formKey(): string {
  return randomBytes(18).toString("base64url");
}
