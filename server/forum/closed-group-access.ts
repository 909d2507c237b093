import { and, eq } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { closedGroupIdSchema } from "./people-validation";
import { closedGroupMembers } from "./schema";

export type ClosedGroupMembership = "joined" | "invited" | null;

/**
 * The viewer's place in a closed group: joined, invited, or nothing. Anything
 * that is not a UUID is nothing, before it reaches a uuid column. Unsafe: it
 * checks no policy, so only an authorized use case may call it.
 */
export async function unsafeFindMembership(db: Executor, groupId: string, accountId: string): Promise<ClosedGroupMembership> {
  if (!closedGroupIdSchema.safeParse(groupId).success) return null;

  const [row] = await db
    .select({ status: closedGroupMembers.status })
    .from(closedGroupMembers)
    .where(and(eq(closedGroupMembers.groupId, groupId), eq(closedGroupMembers.accountId, accountId)));
  return row?.status ?? null;
}
