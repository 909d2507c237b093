import { and, asc, eq, inArray } from "drizzle-orm";

import { accountRoles, accounts, identities, memberProfiles } from "./schema";
import type { Role } from "./roles";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";

export interface DemoPersonListing {
  accountId: string;
  /** Pseudonym for members, real name for everyone else: never both. */
  displayName: string;
  roles: Role[];
}

/** List the seeded demo people for the demo sign-in page. Only call this when demo mode is on. */
export async function listDemoPeople(db: Executor, keys: KeyRing): Promise<DemoPersonListing[]> {
  const people = await db.select({ accountId: accounts.id }).from(accounts).where(and(eq(accounts.isDemo, true), eq(accounts.status, "active"))).orderBy(asc(accounts.createdAt));
  if (people.length === 0) return [];
  const ids = people.map((person) => person.accountId);

  const roleRows = await db.select().from(accountRoles).where(inArray(accountRoles.accountId, ids));
  const profiles = await db.select({ accountId: memberProfiles.accountId, pseudonym: memberProfiles.pseudonym }).from(memberProfiles).where(inArray(memberProfiles.accountId, ids));
  const names = await db.select({ accountId: identities.accountId, fullNameEncrypted: identities.fullNameEncrypted }).from(identities).where(inArray(identities.accountId, ids));

  return ids.map((accountId) => {
    const pseudonym = profiles.find((profile) => profile.accountId === accountId)?.pseudonym;
    const encryptedName = names.find((name) => name.accountId === accountId)?.fullNameEncrypted;
    return {
      accountId,
      displayName: pseudonym ?? (encryptedName ? decryptText(keys, encryptedName) : accountId),
      roles: roleRows.filter((row) => row.accountId === accountId).map((row) => row.role),
    };
  });
}

/** True when the account is an active demo account, the only kind demo sign-in accepts. */
export async function isActiveDemoAccount(db: Executor, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.isDemo, true), eq(accounts.status, "active")));
  return row !== undefined;
}
