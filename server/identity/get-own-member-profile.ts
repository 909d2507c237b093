import { asc, eq } from "drizzle-orm";

import { communities, communityMemberships } from "../communities/schema";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import type { PersonActor } from "./actor";
import { memberProfiles } from "./schema";

/** The signed-in member's own forum profile, for their settings page. */
export interface OwnMemberProfile {
  pseudonym: string;
  showCommunity: boolean;
  /** The communities the switch would show, by name. */
  communityNames: string[];
}

/** Load the actor's own member profile, or null when they may not edit one or have not chosen a pseudonym yet. */
export async function getOwnMemberProfile(db: Executor, actor: PersonActor): Promise<OwnMemberProfile | null> {
  if (!can(actor, "member_profile.edit")) return null;

  const [profile] = await db
    .select({ pseudonym: memberProfiles.pseudonym, showCommunity: memberProfiles.showCommunity })
    .from(memberProfiles)
    .where(eq(memberProfiles.accountId, actor.accountId));
  if (!profile) return null;

  const memberships = await db
    .select({ name: communities.name })
    .from(communityMemberships)
    .innerJoin(communities, eq(communities.id, communityMemberships.communityId))
    .where(eq(communityMemberships.accountId, actor.accountId))
    .orderBy(asc(communities.name));

  return { ...profile, communityNames: memberships.map((row) => row.name) };
}
