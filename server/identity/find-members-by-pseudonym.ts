import { inArray } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { pseudonymKey } from "./pseudonym";
import { memberProfiles } from "./schema";

/**
 * Look up members by pseudonym, ignoring case and accents as pseudonym
 * uniqueness does. Unsafe: it checks no policy, so only a use case that has
 * already authorized the actor may call it. Returns pseudonyms only.
 */
export async function unsafeFindMembersByPseudonym(db: Executor, pseudonyms: readonly string[]): Promise<{ accountId: string; pseudonym: string; key: string }[]> {
  const keys = [...new Set(pseudonyms.map(pseudonymKey))].filter((key) => key.length > 0);
  if (keys.length === 0) return [];

  return db
    .select({ accountId: memberProfiles.accountId, pseudonym: memberProfiles.pseudonym, key: memberProfiles.pseudonymKey })
    .from(memberProfiles)
    .where(inArray(memberProfiles.pseudonymKey, keys));
}
