import { randomBytes } from "node:crypto";

import pino from "pino";

import { communities, communityMemberships } from "../../server/communities/schema";
import type { PersonActor } from "../../server/identity/actor";
import { normaliseClaimValue } from "../../server/identity/find-account";
import { pseudonymKey } from "../../server/identity/pseudonym";
import type { Role } from "../../server/identity/roles";
import { accountRoles, accounts, identities, memberProfiles } from "../../server/identity/schema";
import type { InvitationServices } from "../../server/invitations/create-invitation";
import { encryptText, lookupHash, randomToken } from "../../server/platform/crypto";
import type { Mailer } from "../../server/platform/mail";
import type { TestDatabase } from "./test-database";

export interface PersonOptions {
  roles: Role[];
  fullName?: string;
  email?: string;
  nationalId?: string;
  pseudonym?: string;
  communityIds?: string[];
  termsAccepted?: boolean;
}

/** Insert an account with roles, an encrypted identity and, when given, a pseudonym. Returns the actor it signs in as. */
export async function createPerson(database: TestDatabase, options: PersonOptions): Promise<PersonActor> {
  const { db, keys } = database;
  const termsAccepted = options.termsAccepted ?? true;
  const [account] = await db
    .insert(accounts)
    .values({ termsAcceptedAt: termsAccepted ? new Date() : null })
    .returning({ id: accounts.id });
  const accountId = account!.id;

  if (options.roles.length > 0) await db.insert(accountRoles).values(options.roles.map((role) => ({ accountId, role })));
  const fullName = options.fullName ?? `Testperson ${randomBytes(3).toString("hex")}`;
  await db.insert(identities).values({
    accountId,
    fullNameEncrypted: encryptText(keys, fullName),
    emailEncrypted: options.email ? encryptText(keys, options.email) : null,
    emailLookup: options.email ? lookupHash(keys, "email", normaliseClaimValue({ kind: "email", value: options.email })) : null,
    nationalIdEncrypted: options.nationalId ? encryptText(keys, options.nationalId) : null,
    nationalIdLookup: options.nationalId ? lookupHash(keys, "national_id", normaliseClaimValue({ kind: "national_id", value: options.nationalId })) : null,
  });
  if (options.pseudonym) {
    await db.insert(memberProfiles).values({ accountId, pseudonym: options.pseudonym, pseudonymKey: pseudonymKey(options.pseudonym) });
  }
  if (options.communityIds?.length) {
    await db.insert(communityMemberships).values(options.communityIds.map((communityId) => ({ accountId, communityId })));
  }

  return {
    kind: "person",
    accountId,
    roles: options.roles,
    locale: null,
    displayName: options.pseudonym ?? fullName,
    hasMemberProfile: options.pseudonym !== undefined,
    termsAccepted,
    isDemo: false,
    sessionTokenHash: "",
  };
}

export async function createCommunity(database: TestDatabase, name = `Testvik ${randomBytes(3).toString("hex")}`): Promise<string> {
  const [community] = await database.db
    .insert(communities)
    .values({ name, slug: `test-${randomBytes(6).toString("hex")}` })
    .returning({ id: communities.id });
  return community!.id;
}

/** Draw a random form key like the one the invitation page renders into each form. */
export function newFormKey(): string {
  return randomToken(32);
}

export const disabledMailer: Mailer = {
  enabled: false,
  sendLater: () => undefined,
  send: async () => {
    throw new Error("The disabled test mailer cannot send.");
  },
  close: () => undefined,
};

/** Build the services invitation use cases take from the portal, on a test database, with mail off unless a mailer is given. */
export function invitationServices(database: TestDatabase, overrides: Partial<InvitationServices> = {}): InvitationServices {
  return {
    db: database.db,
    keys: database.keys,
    config: { publicUrl: new URL("https://reconnect.test"), invitationValidDays: 7 },
    mailer: disabledMailer,
    log: pino({ level: "silent" }),
    ...overrides,
  };
}
