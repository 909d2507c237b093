import { randomBytes } from "node:crypto";

import { communities, communityMemberships } from "../../server/communities/schema";
import type { PersonActor } from "../../server/identity/actor";
import { pseudonymKey } from "../../server/identity/pseudonym";
import type { Role } from "../../server/identity/roles";
import { accountRoles, accounts, identities, memberProfiles } from "../../server/identity/schema";
import { encryptText } from "../../server/platform/crypto";
import type { TestDatabase } from "./test-database";

export interface TestAccountOptions {
  roles: Role[];
  fullName?: string;
  /** A member profile with this pseudonym; a random one when `roles` has `member` and none is given. */
  pseudonym?: string | null;
  communityIds?: string[];
  status?: "active" | "disabled";
  createdAt?: Date;
}

/** Insert an account with roles, an encrypted real name and, for members, a member profile; return it as an actor. */
export async function createTestAccount(database: TestDatabase, options: TestAccountOptions): Promise<PersonActor> {
  const suffix = randomBytes(4).toString("hex");
  const [account] = await database.db
    .insert(accounts)
    .values({ termsAcceptedAt: new Date(), status: options.status ?? "active", ...(options.createdAt ? { createdAt: options.createdAt } : {}) })
    .returning({ id: accounts.id });
  const accountId = account!.id;

  if (options.roles.length > 0) await database.db.insert(accountRoles).values(options.roles.map((role) => ({ accountId, role })));
  const fullName = options.fullName ?? `Testperson ${suffix}`;
  await database.db.insert(identities).values({ accountId, fullNameEncrypted: encryptText(database.keys, fullName) });

  let pseudonym = options.pseudonym ?? null;
  if (options.pseudonym === undefined && options.roles.includes("member")) pseudonym = `Pseudonym${suffix}`;
  if (pseudonym) await database.db.insert(memberProfiles).values({ accountId, pseudonym, pseudonymKey: pseudonymKey(pseudonym) });
  if (options.communityIds?.length) {
    await database.db.insert(communityMemberships).values(options.communityIds.map((communityId) => ({ accountId, communityId })));
  }

  return {
    kind: "person",
    accountId,
    roles: options.roles,
    locale: null,
    displayName: pseudonym ?? fullName,
    hasMemberProfile: pseudonym !== null,
    termsAccepted: true,
    isDemo: false,
    sessionTokenHash: "",
  };
}

export async function createTestCommunity(database: TestDatabase, name = `Testkommune ${randomBytes(3).toString("hex")}`): Promise<string> {
  const slug = `test-${randomBytes(6).toString("hex")}`;
  const [community] = await database.db.insert(communities).values({ name, slug }).returning({ id: communities.id });
  return community!.id;
}
