import { inArray } from "drizzle-orm";

import { identities, memberProfiles } from "./schema";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A person's label for others: the pseudonym for anyone with a member
 * profile, otherwise the real name. A person's label is always one or the
 * other, so a pseudonym and the name behind it never travel together.
 */
export type DisplayName = { kind: "pseudonym"; text: string } | { kind: "real_name"; text: string } | { kind: "none" };

/**
 * Load the display name of each account. Unsafe: it checks no policy, so only
 * a use case that has already authorized the actor may call it.
 */
export async function unsafeListDisplayNames(db: Executor, keys: KeyRing, accountIds: readonly string[]): Promise<Map<string, DisplayName>> {
  // Audit subjects are text, so anything that is not a UUID is left out before it reaches a uuid column.
  const ids = [...new Set(accountIds)].filter((id) => uuidPattern.test(id));
  const names = new Map<string, DisplayName>();
  if (ids.length === 0) return names;

  const profiles = await db
    .select({ accountId: memberProfiles.accountId, pseudonym: memberProfiles.pseudonym })
    .from(memberProfiles)
    .where(inArray(memberProfiles.accountId, ids));
  for (const profile of profiles) names.set(profile.accountId, { kind: "pseudonym", text: profile.pseudonym });

  // Real names are read and decrypted only for accounts without a member profile.
  const withoutProfile = ids.filter((id) => !names.has(id));
  if (withoutProfile.length > 0) {
    const rows = await db
      .select({ accountId: identities.accountId, fullNameEncrypted: identities.fullNameEncrypted })
      .from(identities)
      .where(inArray(identities.accountId, withoutProfile));
    for (const row of rows) {
      if (row.fullNameEncrypted) names.set(row.accountId, { kind: "real_name", text: decryptText(keys, row.fullNameEncrypted) });
    }
  }

  for (const id of accountIds) {
    if (!names.has(id)) names.set(id, { kind: "none" });
  }
  return names;
}
