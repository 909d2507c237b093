import { and, desc, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { memberSuspensions } from "./schema";

export interface ActiveSuspension {
  id: string;
  reason: string;
  message: string | null;
  /** Null means until a moderator lifts it. */
  endsAt: Date | null;
  createdAt: Date;
}

/** Match suspensions in force now: not lifted, and open-ended or ending later. */
export function suspensionActive(): SQL {
  return and(isNull(memberSuspensions.liftedAt), or(isNull(memberSuspensions.endsAt), gt(memberSuspensions.endsAt, sql`now()`)))!;
}

/**
 * The member's suspension in force now, or null. Every forum use case that
 * writes (posting, replying, editing, reacting) asks this one function, so
 * the rule for "suspended" lives in one place. Unsafe: it reads one account's
 * row without a policy check, because writing use cases call it for their own actor.
 */
export async function unsafeFindActiveSuspension(db: Executor, accountId: string): Promise<ActiveSuspension | null> {
  const [suspension] = await db
    .select({ id: memberSuspensions.id, reason: memberSuspensions.reason, message: memberSuspensions.message, endsAt: memberSuspensions.endsAt, createdAt: memberSuspensions.createdAt })
    .from(memberSuspensions)
    .where(and(eq(memberSuspensions.accountId, accountId), suspensionActive()))
    .orderBy(desc(memberSuspensions.createdAt))
    .limit(1);
  return suspension ?? null;
}

/** The status a writing use case returns to a suspended member. */
export type SuspendedResult = { status: "suspended"; endsAt: Date | null };
