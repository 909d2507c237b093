import { randomToken, sha256Hex } from "../platform/crypto";

/** 32 random bytes in base64url: 43 characters. */
const CALENDAR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new secret for a calendar subscription URL: 256 random bits. */
export function newCalendarToken(): string {
  return randomToken(32);
}

/**
 * The value `cafe_settings.calendar_token_lookup` stores to find a token.
 * Plain SHA-256, like session and invitation tokens: the token has 256
 * random bits, so its hash cannot be reversed by trying values, which is
 * the attack the keyed HMAC guards against for national ID numbers and
 * e-mail addresses. A plain hash also keeps subscribed calendars working
 * if the lookup key is ever replaced.
 */
export function calendarTokenLookup(token: string): string {
  return sha256Hex(token);
}

/** True for text shaped like a calendar token, so other text is rejected before any query. */
export function isCalendarToken(value: string): boolean {
  return CALENDAR_TOKEN_PATTERN.test(value);
}
