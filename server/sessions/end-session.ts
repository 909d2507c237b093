import { eq } from "drizzle-orm";

import { sessions } from "../identity/schema";
import type { Executor } from "../platform/db";

export async function endSession(db: Executor, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** End every session of an account, e.g. when it is disabled. Returns how many sessions ended. */
export async function endAllSessions(db: Executor, accountId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.accountId, accountId)).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
