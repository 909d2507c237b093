import { randomUUID } from "node:crypto";

import { and, eq, gt, isNull } from "drizzle-orm";

import { findInvitationByToken } from "../invitations/find-invitation-by-token";
import { encryptText, lookupHash, type KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import type { Logger } from "../platform/logger";
import type { Mailer } from "../platform/mail";
import { hitRateLimit } from "../platform/rate-limit";
import { EMAIL_CODE_VALID_MINUTES, emailAddressSchema, generateEmailCode, hashEmailCode } from "./email-code";
import { composeEmailCodeMail } from "./email-code-mail";
import { findAccountByClaim, normaliseClaimValue } from "./find-account";
import type { Locale } from "./roles";
import { emailCodes } from "./schema";

const RATE_LIMIT_WINDOW_SECONDS = 15 * 60;
/** Maximum codes per address per window, counting requests from every client. */
export const EMAIL_CODE_LIMIT_PER_ADDRESS = 5;
/** Maximum codes one client IP address may request per window, across all addresses. */
export const EMAIL_CODE_LIMIT_PER_CLIENT = 20;

export interface EmailCodeDependencies {
  db: Database;
  keys: KeyRing;
  mailer: Mailer;
  log: Logger;
}

export type RequestEmailCodeResult =
  /** Returned alike for registered and unknown addresses. */
  | { status: "requested"; challengeId: string }
  | { status: "invalid_email"; error: "email_missing" | "email_too_long" | "email_invalid" }
  | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Start a sign-in by e-mail code. Public and unauthenticated, so it must not
 * reveal whether an address is registered. Every valid request stores a
 * challenge and returns the same result. The mail goes out in the background,
 * and only when the address belongs to an active account or the invitation
 * cookie is valid. A code for any other address can never succeed.
 */
export async function requestEmailCode(
  deps: EmailCodeDependencies,
  input: { email: unknown; clientAddress: string; invitationToken: string | undefined; locale: Locale },
  now = new Date(),
): Promise<RequestEmailCodeResult> {
  const { db, keys, mailer, log } = deps;

  const parsed = emailAddressSchema.safeParse(input.email);
  if (!parsed.success) return { status: "invalid_email", error: parsed.error.issues[0]?.message as "email_missing" | "email_too_long" | "email_invalid" };
  const address = parsed.data;
  const emailLookup = lookupHash(keys, "email", normaliseClaimValue({ kind: "email", value: address }));

  const limited = await checkRateLimits(db, input.clientAddress, emailLookup, now);
  if (limited) {
    log.warn({ retryAfterSeconds: limited.retryAfterSeconds }, "email_code.rate_limited");
    return limited;
  }

  const account = await findAccountByClaim(db, keys, { kind: "email", value: address });
  const invitationValid = account.status === "none" && input.invitationToken !== undefined && (await findInvitationByToken(db, input.invitationToken, now)).status === "valid";
  const deliver = account.status === "found" || invitationValid;

  const challengeId = randomUUID();
  const code = generateEmailCode();
  // The mail is composed whether or not it is sent, so both paths do the same work.
  const mail = composeEmailCodeMail({ code, validMinutes: EMAIL_CODE_VALID_MINUTES, locale: input.locale });

  await db.transaction(async (tx) => {
    // A new code replaces every earlier unused one for the address.
    await tx
      .update(emailCodes)
      .set({ expiresAt: now })
      .where(and(eq(emailCodes.emailLookup, emailLookup), isNull(emailCodes.usedAt), gt(emailCodes.expiresAt, now)));
    await tx.insert(emailCodes).values({
      id: challengeId,
      emailLookup,
      accountId: account.status === "found" ? account.accountId : null,
      codeHash: hashEmailCode(keys, challengeId, code),
      emailEncrypted: invitationValid ? encryptText(keys, address) : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EMAIL_CODE_VALID_MINUTES * 60_000),
    });
  });

  // Sent in the background, so the response time depends neither on SMTP nor on whether the address is registered.
  if (deliver) mailer.sendLater({ to: address, ...mail }, { challengeId });
  log.info({ challengeId, accountId: account.status === "found" ? account.accountId : undefined, delivered: deliver }, "email_code.requested");
  return { status: "requested", challengeId };
}

/**
 * Count the request against the client IP address and against the address
 * asked for. Both are counted on every request, so hitting one limit does not
 * spare the other.
 */
async function checkRateLimits(db: Database, clientAddress: string, emailLookup: string, now: Date) {
  const byClient = await hitRateLimit(db, { bucket: `email-code:client:${clientAddress}`, limit: EMAIL_CODE_LIMIT_PER_CLIENT, windowSeconds: RATE_LIMIT_WINDOW_SECONDS }, now);
  const byAddress = await hitRateLimit(db, { bucket: `email-code:address:${emailLookup}`, limit: EMAIL_CODE_LIMIT_PER_ADDRESS, windowSeconds: RATE_LIMIT_WINDOW_SECONDS }, now);
  if (byClient.allowed && byAddress.allowed) return undefined;

  const waits = [byClient, byAddress].filter((result) => !result.allowed).map((result) => result.retryAfterSeconds);
  return { status: "rate_limited" as const, retryAfterSeconds: Math.max(...waits) };
}
