import { lt, or, sql } from "drizzle-orm";

import { sessions } from "../identity/schema";
import type { Executor } from "../platform/db";

/** Delete sessions past their absolute or idle limit; resolving them would end them anyway. Returns how many were deleted. */
export async function pruneExpiredSessions(db: Executor, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sql`${sessions.lastSeenAt} + make_interval(secs => ${sessions.idleTimeoutSeconds})`, now)))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}
