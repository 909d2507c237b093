import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";

import { redeemInvitation } from "../invitations/redeem-invitation";
import { decryptText, safeEqual, type KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import type { Logger } from "../platform/logger";
import { EMAIL_CODE_MAX_ATTEMPTS, emailCodeSchema, hashEmailCode } from "./email-code";
import { accounts, emailCodes } from "./schema";

export type VerifyEmailCodeResult =
  | {
      status: "verified";
      accountId: string;
      /** Outcome of redeeming the browser's invitation cookie, or null when it had none. */
      invitation: "redeemed" | "invalid" | "expired" | "used" | "identity_taken" | null;
    }
  /** The typed value is not a six-digit code. It does not count as an attempt. */
  | { status: "invalid_code"; error: "code_missing" | "code_malformed" }
  | { status: "wrong_code"; attemptsLeft: number }
  /** No code in this browser, or it expired, was used, or was replaced by a newer one. */
  | { status: "expired" }
  /** Too many wrong attempts: this code can no longer be used. */
  | { status: "locked" }
  /** The code was right but leads nowhere: the account was disabled, or the invitation that should create it failed. */
  | { status: "not_possible"; invitation: "invalid" | "expired" | "used" | "identity_taken" | null };

type ClaimedCode = Pick<typeof emailCodes.$inferSelect, "id" | "accountId" | "emailEncrypted">;

/**
 * Check a sign-in code against the challenge in the browser's cookie. Public
 * and unauthenticated. Each try counts before the code is compared, the code
 * is claimed with a conditional update so two simultaneous submits cannot
 * both succeed, and an invitation cookie is redeemed for the account signing in.
 */
export async function verifyEmailCode(
  deps: { db: Database; keys: KeyRing; log: Logger },
  input: { challengeId: string | undefined; code: unknown; invitationToken: string | undefined },
  now = new Date(),
): Promise<VerifyEmailCodeResult> {
  const { db, keys, log } = deps;

  const parsed = emailCodeSchema.safeParse(input.code);
  if (!parsed.success) return { status: "invalid_code", error: parsed.error.issues[0]?.message as "code_missing" | "code_malformed" };
  const challengeId = z.uuid().safeParse(input.challengeId);
  if (!challengeId.success) return { status: "expired" };

  const attempt = await countAttempt(db, challengeId.data, now);
  if (attempt.status !== "counted") return attempt;

  if (!safeEqual(hashEmailCode(keys, challengeId.data, parsed.data), attempt.codeHash)) {
    const attemptsLeft = EMAIL_CODE_MAX_ATTEMPTS - attempt.attempts;
    log.info({ challengeId: challengeId.data, attemptsLeft }, "email_code.rejected");
    return attemptsLeft > 0 ? { status: "wrong_code", attemptsLeft } : { status: "locked" };
  }

  const claimed = await claimCode(db, challengeId.data, now);
  if (!claimed) return { status: "expired" };
  log.info({ challengeId: claimed.id, accountId: claimed.accountId ?? undefined }, "email_code.verified");

  return claimed.accountId ? signInExistingAccount(db, keys, claimed.accountId, input.invitationToken) : createInvitedAccount(db, keys, claimed, input.invitationToken);
}

/**
 * Count one try on a live code and return its hash. A try on a used, expired,
 * replaced or locked code changes nothing and returns which of these it was.
 */
async function countAttempt(db: Database, challengeId: string, now: Date) {
  const [counted] = await db
    .update(emailCodes)
    .set({ attempts: sql`${emailCodes.attempts} + 1` })
    .where(and(eq(emailCodes.id, challengeId), isNull(emailCodes.usedAt), gt(emailCodes.expiresAt, now), lt(emailCodes.attempts, EMAIL_CODE_MAX_ATTEMPTS)))
    .returning({ codeHash: emailCodes.codeHash, attempts: emailCodes.attempts });
  if (counted) return { status: "counted" as const, ...counted };

  const [row] = await db.select({ usedAt: emailCodes.usedAt, expiresAt: emailCodes.expiresAt, attempts: emailCodes.attempts }).from(emailCodes).where(eq(emailCodes.id, challengeId));
  if (!row || row.usedAt || row.expiresAt <= now) return { status: "expired" as const };
  return { status: "locked" as const };
}

/** Mark the code used. Only one of several simultaneous claims gets the row back, and the others get undefined. */
async function claimCode(db: Database, challengeId: string, now: Date): Promise<ClaimedCode | undefined> {
  const [claimed] = await db
    .update(emailCodes)
    .set({ usedAt: now })
    .where(and(eq(emailCodes.id, challengeId), isNull(emailCodes.usedAt)))
    .returning({ id: emailCodes.id, accountId: emailCodes.accountId, emailEncrypted: emailCodes.emailEncrypted });
  return claimed;
}

async function signInExistingAccount(db: Database, keys: KeyRing, accountId: string, invitationToken: string | undefined): Promise<VerifyEmailCodeResult> {
  const [account] = await db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
  if (account?.status !== "active") return { status: "not_possible", invitation: null };

  if (invitationToken === undefined) return { status: "verified", accountId, invitation: null };
  const redeemed = await redeemInvitation(db, keys, { token: invitationToken, accountId, identity: {} });
  return { status: "verified", accountId, invitation: redeemed.status };
}

/**
 * Redeem the invitation cookie to create an account for an address that has
 * none. The row carries the address only when an invitation was valid as the
 * code was requested, so without both there is nothing to sign in to.
 */
async function createInvitedAccount(db: Database, keys: KeyRing, claimed: ClaimedCode, invitationToken: string | undefined): Promise<VerifyEmailCodeResult> {
  if (invitationToken === undefined || claimed.emailEncrypted === null) return { status: "not_possible", invitation: invitationToken === undefined ? null : "invalid" };

  const redeemed = await redeemInvitation(db, keys, { token: invitationToken, accountId: null, identity: { email: decryptText(keys, claimed.emailEncrypted) } });
  if (redeemed.status !== "redeemed") return { status: "not_possible", invitation: redeemed.status };
  return { status: "verified", accountId: redeemed.accountId, invitation: "redeemed" };
}
