import { createHmac, randomInt } from "node:crypto";

import { z } from "zod";

import type { KeyRing } from "../platform/crypto";

/** How long a sign-in code and its challenge cookie stay valid. */
export const EMAIL_CODE_VALID_MINUTES = 10;
/** Maximum tries per code, right or wrong. After this many wrong tries the code is locked. */
export const EMAIL_CODE_MAX_ATTEMPTS = 5;
export const EMAIL_CODE_DIGITS = 6;

/** The challenge cookie goes only to the e-mail sign-in pages, which are the only ones that read it. */
export const EMAIL_CHALLENGE_COOKIE_PATH = "/sign-in/email";

/** Maximum address length: RFC 5321 limits a path to 256 octets, which leaves 254 inside the angle brackets. */
export const EMAIL_ADDRESS_MAX_LENGTH = 254;

/**
 * The address typed on the sign-in form. Issue messages are stable codes the
 * UI translates: `email_missing`, `email_too_long`, `email_invalid`.
 */
export const emailAddressSchema = z
  .string({ error: "email_missing" })
  .trim()
  .min(1, { error: "email_missing" })
  .max(EMAIL_ADDRESS_MAX_LENGTH, { error: "email_too_long" })
  .pipe(z.email({ error: "email_invalid" }));

/**
 * The code typed on the code form. Spaces and dashes are dropped, because
 * people copy codes as "123 456" or "123-456". Issue messages: `code_missing`,
 * `code_malformed`.
 */
export const emailCodeSchema = z
  .string({ error: "code_missing" })
  .transform((value) => value.replace(/[\s-]/g, ""))
  .pipe(
    z
      .string()
      .min(1, { error: "code_missing" })
      .regex(new RegExp(`^\\d{${EMAIL_CODE_DIGITS}}$`), { error: "code_malformed" }),
  );

/** Generate a uniformly random six-digit code with `crypto.randomInt`, keeping leading zeros. */
export function generateEmailCode(): string {
  return String(randomInt(0, 10 ** EMAIL_CODE_DIGITS)).padStart(EMAIL_CODE_DIGITS, "0");
}

/**
 * Hash a code for storage, keyed with the lookup key and bound to its
 * challenge. A copy of the database alone is then not enough to recover a
 * live code by trying all million values.
 */
export function hashEmailCode(keys: KeyRing, challengeId: string, code: string): string {
  return createHmac("sha256", keys.lookupKey).update(`email_code:${challengeId}:${code}`).digest("hex");
}
