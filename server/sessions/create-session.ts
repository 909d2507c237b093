import { eq } from "drizzle-orm";

import { accountRoles, sessions } from "../identity/schema";
import type { Config } from "../platform/config";
import { randomToken, sha256Hex } from "../platform/crypto";
import type { Executor } from "../platform/db";

export type SignInMethod = "demo" | "email" | "idporten" | "helseid";

/**
 * Start a new session and return the cookie token. Every sign-in gets a new
 * token (256 random bits), so a token planted before sign-in is worthless after.
 */
export async function createSession(
  db: Executor,
  sessionConfig: Config["session"],
  input: { accountId: string; method: SignInMethod },
  now = new Date(),
): Promise<{ token: string; tokenHash: string }> {
  const roleRows = await db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, input.accountId));
  const isProvider = roleRows.some((row) => row.role === "provider");
  const idleMinutes = isProvider ? sessionConfig.idleMinutesProvider : sessionConfig.idleMinutesMember;

  const token = randomToken(32);
  const tokenHash = sha256Hex(token);
  await db.insert(sessions).values({
    tokenHash,
    accountId: input.accountId,
    createdAt: now,
    lastSeenAt: now,
    idleTimeoutSeconds: idleMinutes * 60,
    expiresAt: new Date(now.getTime() + sessionConfig.absoluteHours * 3_600_000),
    signInMethod: input.method,
  });
  return { token, tokenHash };
}
