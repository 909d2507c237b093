import { eq } from "drizzle-orm";

import { accounts, identities } from "./schema";
import { lookupHash, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";

export type IdentityClaim = { kind: "national_id"; value: string } | { kind: "email"; value: string } | { kind: "hpr"; value: string };

export type AccountMatch = { status: "found"; accountId: string } | { status: "disabled"; accountId: string } | { status: "none" };

/** Normalise a claim before hashing: e-mail addresses compare case-insensitively, numbers without spaces. */
export function normaliseClaimValue(claim: IdentityClaim): string {
  return claim.kind === "email" ? claim.value.trim().toLowerCase() : claim.value.replace(/\s/g, "");
}

const lookupColumns = {
  national_id: identities.nationalIdLookup,
  email: identities.emailLookup,
  hpr: identities.hprNumberLookup,
} as const;

/** Find the account behind a verified identity claim by its keyed hash, never by decrypting. */
export async function findAccountByClaim(db: Executor, keys: KeyRing, claim: IdentityClaim): Promise<AccountMatch> {
  const lookup = lookupHash(keys, claim.kind, normaliseClaimValue(claim));
  const column = lookupColumns[claim.kind];

  const [row] = await db
    .select({ accountId: identities.accountId, status: accounts.status })
    .from(identities)
    .innerJoin(accounts, eq(accounts.id, identities.accountId))
    .where(eq(column, lookup));

  if (!row) return { status: "none" };
  return row.status === "active" ? { status: "found", accountId: row.accountId } : { status: "disabled", accountId: row.accountId };
}
