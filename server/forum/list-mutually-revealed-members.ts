import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import { accountReachable } from "../identity/account-reachability";
import { accounts, memberProfiles } from "../identity/schema";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { mutuallyRevealedWith } from "./member-relations";
import { closedGroupMembers, memberReveals } from "./schema";

/** A member the viewer may invite to a closed group, with the name they show the viewer. */
export interface InvitableMember {
  pseudonym: string;
  shownName: string;
}

const excludedMembership = alias(closedGroupMembers, "excluded_membership");

/**
 * List the active members the viewer has a mutual reveal with, leaving out
 * members taking a break and anyone already joined or invited to
 * `exceptGroupId`. Unsafe: it checks no policy, so only an authorized use
 * case may call it.
 */
export async function unsafeListInvitableMembers(db: Executor, keys: KeyRing, viewerId: string, exceptGroupId?: string): Promise<InvitableMember[]> {
  const rows = await db
    .select({ pseudonym: memberProfiles.pseudonym, shownNameEncrypted: memberReveals.shownNameEncrypted })
    .from(memberReveals)
    .innerJoin(memberProfiles, eq(memberProfiles.accountId, memberReveals.giverId))
    .innerJoin(accounts, eq(accounts.id, memberReveals.giverId))
    .where(
      and(
        eq(memberReveals.receiverId, viewerId),
        accountReachable(),
        mutuallyRevealedWith(viewerId, memberReveals.giverId),
        exceptGroupId
          ? sql`not exists (select 1 from ${closedGroupMembers} as ${excludedMembership} where ${excludedMembership.groupId} = ${exceptGroupId} and ${excludedMembership.accountId} = ${memberReveals.giverId})`
          : undefined,
      ),
    )
    .orderBy(asc(memberProfiles.pseudonymKey));
  return rows.map((row) => ({ pseudonym: row.pseudonym, shownName: decryptText(keys, row.shownNameEncrypted) }));
}
