import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { memberWarnings } from "./schema";

export type AcknowledgeWarningResult = { status: "acknowledged" } | { status: "not_found" };

/** Mark the member's own warning as read, so it stops showing on the forum pages. Marking it twice is not an error. */
export async function acknowledgeWarning(db: Database, actor: Actor, warningId: string): Promise<AcknowledgeWarningResult> {
  if (!can(actor, "forum.read") || !z.uuid().safeParse(warningId).success) return { status: "not_found" };

  const [warning] = await db.select({ seenAt: memberWarnings.seenAt }).from(memberWarnings).where(and(eq(memberWarnings.id, warningId), eq(memberWarnings.accountId, actor.accountId)));
  if (!warning) return { status: "not_found" };

  await db
    .update(memberWarnings)
    .set({ seenAt: sql`now()` })
    .where(and(eq(memberWarnings.id, warningId), eq(memberWarnings.accountId, actor.accountId), isNull(memberWarnings.seenAt)));
  return { status: "acknowledged" };
}
