import { and, eq } from "drizzle-orm";

import type { PersonActor } from "../identity/actor";
import { pseudonymKey } from "../identity/pseudonym";
import { accountRoles, memberProfiles } from "../identity/schema";
import type { Executor } from "../platform/db";

export interface ModeratedMember {
  accountId: string;
  pseudonym: string;
  joinedAt: Date;
  isModerator: boolean;
}

/**
 * Find a member by pseudonym, ignoring case and accents as pseudonym
 * uniqueness does. Unsafe: it checks no policy, so only a moderation use case
 * that has authorized the actor may call it.
 */
export async function unsafeFindModeratedMember(db: Executor, pseudonym: string): Promise<ModeratedMember | null> {
  const key = pseudonymKey(pseudonym);
  if (key.length === 0) return null;

  const [member] = await db
    .select({ accountId: memberProfiles.accountId, pseudonym: memberProfiles.pseudonym, joinedAt: memberProfiles.createdAt, moderatorRole: accountRoles.role })
    .from(memberProfiles)
    .leftJoin(accountRoles, and(eq(accountRoles.accountId, memberProfiles.accountId), eq(accountRoles.role, "peer_moderator")))
    .where(eq(memberProfiles.pseudonymKey, key));
  if (!member) return null;
  return { accountId: member.accountId, pseudonym: member.pseudonym, joinedAt: member.joinedAt, isModerator: member.moderatorRole !== null };
}

/**
 * Peer moderators warn and suspend members, not each other or themselves:
 * a dispute between moderators goes to the deployment's administrators, and
 * nobody should be able to lift their own suspension.
 */
export function mayActOnMember(actor: PersonActor, member: ModeratedMember): boolean {
  return member.accountId !== actor.accountId && !member.isModerator;
}
