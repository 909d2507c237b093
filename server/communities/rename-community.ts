import { eq } from "drizzle-orm";
import { z } from "zod";

import { communityFieldErrors, communityNameSchema, type CommunityFieldErrors } from "./community-name";
import { lockCommunityNames, unsafeFindCommunityConflicts, type CommunityTakenBy } from "./find-community-conflicts";
import { communities } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type RenameCommunityResult =
  | { status: "renamed" }
  | { status: "unchanged" }
  | { status: "invalid"; errors: CommunityFieldErrors; takenBy?: CommunityTakenBy }
  | { status: "not_found" };

const renameInput = z.object({ communityId: z.uuid({ message: "not_found" }), name: communityNameSchema });

/**
 * Give a community a new display name. The slug stays, so links that carry it
 * keep working. A name that another community already has is rejected.
 */
export async function renameCommunity(db: Database, actor: Actor, input: { communityId: unknown; name: unknown }): Promise<RenameCommunityResult> {
  if (!can(actor, "communities.manage")) return { status: "not_found" };

  const parsed = renameInput.safeParse(input);
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === "communityId")) return { status: "not_found" };
    return { status: "invalid", errors: communityFieldErrors(parsed.error) };
  }
  const { communityId, name } = parsed.data;

  return db.transaction(async (tx) => {
    await lockCommunityNames(tx);
    const [community] = await tx.select({ name: communities.name }).from(communities).where(eq(communities.id, communityId)).for("update");
    if (!community) return { status: "not_found" };
    if (community.name === name) return { status: "unchanged" };

    const conflicts = await unsafeFindCommunityConflicts(tx, { name, exceptId: communityId });
    if (conflicts) return { status: "invalid", ...conflicts };

    await tx.update(communities).set({ name }).where(eq(communities.id, communityId));
    await recordAuditEvent(tx, { actorId: actor.accountId, action: "community.renamed", subjectType: "community", subjectId: communityId });
    return { status: "renamed" };
  });
}
