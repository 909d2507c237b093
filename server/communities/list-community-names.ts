import { inArray } from "drizzle-orm";

import { communities } from "./schema";
import type { Executor } from "../platform/db";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Load the name of each community. Unsafe: it checks no policy, so only a use
 * case that has already authorized the actor may call it.
 */
export async function unsafeListCommunityNames(db: Executor, communityIds: readonly string[]): Promise<Map<string, string>> {
  // Audit subjects are text, so anything that is not a UUID is left out before it reaches a uuid column.
  const ids = [...new Set(communityIds)].filter((id) => uuidPattern.test(id));
  if (ids.length === 0) return new Map();

  const rows = await db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
