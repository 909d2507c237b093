import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";

import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import { memberProfiles } from "../../server/identity/schema";
import { getClosedGroup } from "../../server/forum/get-closed-group";
import { getMemberProfile } from "../../server/forum/get-member-profile";
import { listBlockedMembers } from "../../server/forum/list-blocked-members";
import { listClosedGroups } from "../../server/forum/list-closed-groups";
import { listReveals } from "../../server/forum/list-reveals";
import { createTestAccount } from "./account-factory";
import type { TestDatabase } from "./test-database";

/** A member with a member profile and a pseudonym unique to this run. */
export async function createForumMember(database: TestDatabase, prefix = "Medlem", communityIds?: string[]): Promise<PersonActor> {
  return createTestAccount(database, { roles: ["member"], pseudonym: `${prefix}${randomBytes(3).toString("hex")}`, communityIds });
}

/** The signed-in people who may never read the forum, plus a signed-out visitor. */
export async function createNonForumActors(database: TestDatabase): Promise<Actor[]> {
  return [
    anonymous,
    await createTestAccount(database, { roles: ["provider"] }),
    await createTestAccount(database, { roles: ["administrator"] }),
    await createTestAccount(database, { roles: ["researcher"] }),
  ];
}

export function pseudonymOf(actor: PersonActor): string {
  if (!actor.displayName) throw new Error("The test actor has no pseudonym.");
  return actor.displayName;
}

export async function setShowCommunity(database: TestDatabase, actor: PersonActor, showCommunity: boolean) {
  await database.db.update(memberProfiles).set({ showCommunity }).where(eq(memberProfiles.accountId, actor.accountId));
}

/**
 * Everything the read use cases of reveals, blocks and closed groups return
 * to one viewer, as one string: the viewer's own lists, each given member's
 * profile and each given group. A canary that must stay hidden from the
 * viewer must not occur anywhere in it.
 */
export async function everythingVisibleTo(database: TestDatabase, viewer: Actor, about: { pseudonyms: string[]; groupIds: string[] }): Promise<string> {
  const results: unknown[] = [
    await listReveals(database.db, database.keys, viewer),
    await listBlockedMembers(database.db, viewer),
    await listClosedGroups(database.db, database.keys, viewer),
  ];
  for (const pseudonym of about.pseudonyms) results.push(await getMemberProfile(database.db, database.keys, viewer, pseudonym));
  for (const groupId of about.groupIds) results.push(await getClosedGroup(database.db, database.keys, viewer, groupId));
  return JSON.stringify(results);
}
