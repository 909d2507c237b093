import { asc, eq } from "drizzle-orm";

import { communities, communityMemberships } from "../communities/schema";
import type { PersonActor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can, mayInviteToCommunity } from "../policy";

export interface InvitableCommunity {
  id: string;
  name: string;
}

/** List the communities the actor may invite people to, sorted by name. Administrators get every community, others their own. */
export async function listInvitableCommunities(db: Executor, actor: PersonActor): Promise<InvitableCommunity[]> {
  if (!can(actor, "invitations.create")) return [];

  const own = await db.select({ id: communityMemberships.communityId }).from(communityMemberships).where(eq(communityMemberships.accountId, actor.accountId));
  const ownIds = own.map((row) => row.id);
  const all = await db.select({ id: communities.id, name: communities.name }).from(communities).orderBy(asc(communities.name));

  return all.filter((community) => mayInviteToCommunity(actor, community.id, ownIds));
}
