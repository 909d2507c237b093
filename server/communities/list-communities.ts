import { and, count, countDistinct, eq } from "drizzle-orm";

import { communities, communityMemberships } from "./schema";
import type { Actor } from "../identity/actor";
import { roles, type Role } from "../identity/roles";
import { accountRoles, accounts } from "../identity/schema";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface CommunityListing {
  id: string;
  slug: string;
  name: string;
  municipalityNumber: string | null;
  createdAt: Date;
  /** Active accounts in the community. A person with two roles counts once here and once under each role. */
  peopleCount: number;
  countsByRole: Record<Role, number>;
}

export type ListCommunitiesResult = { status: "listed"; communities: CommunityListing[] } | { status: "not_found" };

/** List every community with how many active people of each role belong to it, by name. */
export async function listCommunities(db: Executor, actor: Actor): Promise<ListCommunitiesResult> {
  if (!can(actor, "admin.view")) return { status: "not_found" };

  const rows = await db
    .select({ id: communities.id, slug: communities.slug, name: communities.name, municipalityNumber: communities.municipalityNumber, createdAt: communities.createdAt })
    .from(communities);

  const activeMembers = and(eq(accounts.id, communityMemberships.accountId), eq(accounts.status, "active"));
  const [roleCounts, peopleCounts] = await Promise.all([
    db
      .select({ communityId: communityMemberships.communityId, role: accountRoles.role, value: count() })
      .from(communityMemberships)
      .innerJoin(accounts, activeMembers)
      .innerJoin(accountRoles, eq(accountRoles.accountId, communityMemberships.accountId))
      .groupBy(communityMemberships.communityId, accountRoles.role),
    db
      .select({ communityId: communityMemberships.communityId, value: countDistinct(communityMemberships.accountId) })
      .from(communityMemberships)
      .innerJoin(accounts, activeMembers)
      .groupBy(communityMemberships.communityId),
  ]);

  // Sorted in Norwegian order in code, because the database collation may put Æ, Ø and Å elsewhere.
  const collator = new Intl.Collator("nb");
  const listings = rows.map((row) => {
    const countsByRole = Object.fromEntries(roles.map((role) => [role, 0])) as Record<Role, number>;
    for (const entry of roleCounts) {
      // `count()` is a number from PGlite and a string from pg.
      if (entry.communityId === row.id) countsByRole[entry.role] = Number(entry.value);
    }
    const people = peopleCounts.find((entry) => entry.communityId === row.id);
    return { ...row, peopleCount: Number(people?.value ?? 0), countsByRole };
  });
  return { status: "listed", communities: listings.sort((a, b) => collator.compare(a.name, b.name)) };
}
