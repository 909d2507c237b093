import { and, eq } from "drizzle-orm";

import type { PersonActor } from "../identity/actor";
import { accountRoles, accounts, identities, memberProfiles, sessions } from "../identity/schema";
import { decryptText, sha256Hex, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";

export type SessionLookup = { status: "none" } | { status: "expired" } | { status: "active"; actor: PersonActor };

// Writing last_seen_at on every request would turn each page view into a write; once a minute is enough for idle timeouts.
const TOUCH_INTERVAL_MS = 60_000;

/** Find the person behind a session cookie, ending the session if it has been idle too long or reached its absolute limit. */
export async function resolveSession(db: Executor, keys: KeyRing, token: string | undefined, now = new Date()): Promise<SessionLookup> {
  if (!token || token.length > 200) return { status: "none" };
  const tokenHash = sha256Hex(token);

  const [row] = await db
    .select({
      accountId: sessions.accountId,
      lastSeenAt: sessions.lastSeenAt,
      idleTimeoutSeconds: sessions.idleTimeoutSeconds,
      expiresAt: sessions.expiresAt,
      status: accounts.status,
      locale: accounts.locale,
      termsAcceptedAt: accounts.termsAcceptedAt,
      isDemo: accounts.isDemo,
      pausedAt: accounts.pausedAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return { status: "none" };

  const idleLimit = row.lastSeenAt.getTime() + row.idleTimeoutSeconds * 1000;
  if (row.status !== "active" || now.getTime() > idleLimit || now >= row.expiresAt) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { status: "expired" };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.tokenHash, tokenHash)));
  }

  const roleRows = await db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, row.accountId));
  const [profile] = await db.select({ pseudonym: memberProfiles.pseudonym }).from(memberProfiles).where(eq(memberProfiles.accountId, row.accountId));

  // Pseudonym or real name, never both. Anyone with the member role is shown by pseudonym only,
  // even before choosing one, so a real name never appears on a member's pages.
  const roles = roleRows.map((roleRow) => roleRow.role);
  let displayName = profile?.pseudonym ?? null;
  if (!profile && !roles.includes("member")) {
    const [identity] = await db
      .select({ fullNameEncrypted: identities.fullNameEncrypted })
      .from(identities)
      .where(eq(identities.accountId, row.accountId));
    displayName = identity?.fullNameEncrypted ? decryptText(keys, identity.fullNameEncrypted) : null;
  }

  return {
    status: "active",
    actor: {
      kind: "person",
      accountId: row.accountId,
      roles,
      locale: row.locale,
      displayName,
      hasMemberProfile: profile !== undefined,
      termsAccepted: row.termsAcceptedAt !== null,
      isDemo: row.isDemo,
      sessionTokenHash: tokenHash,
      paused: row.pausedAt !== null,
    },
  };
}
