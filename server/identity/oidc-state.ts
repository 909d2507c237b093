import { z } from "zod";

import type { OidcPresetName } from "../platform/config";
import { decryptText, encryptText, type KeyRing } from "../platform/crypto";

/**
 * The sign-in state the browser carries from the start of an OpenID Connect
 * sign-in to its callback: state, nonce, PKCE code verifier, provider and
 * return path. It is encrypted with AES-256-GCM, so the browser can neither
 * read nor change it.
 */
export interface OidcSignInState {
  preset: OidcPresetName;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  issuedAt: number;
}

export const OIDC_STATE_MAX_AGE_SECONDS = 10 * 60;
/** The cookie is sent only to the callback, not with every page. */
export const OIDC_STATE_COOKIE_PATH = "/sign-in/callback";

// The purpose field keeps another value sealed with the same keys from passing as sign-in state.
const PURPOSE = "oidc_sign_in_state";

const sealedState = z.object({
  purpose: z.literal(PURPOSE),
  preset: z.enum(["idporten", "helseid"]),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
  returnTo: z.string().max(500),
  issuedAt: z.number().int(),
});

export function sealOidcState(keys: KeyRing, value: OidcSignInState): string {
  return encryptText(keys, JSON.stringify({ purpose: PURPOSE, ...value }));
}

export type OpenedOidcState = { status: "valid"; value: OidcSignInState } | { status: "missing" | "invalid" | "expired" };

/** Decrypt and check the state cookie. The expiry is checked here too, because a browser may keep a cookie past its Max-Age. */
export function openOidcState(keys: KeyRing, cookie: string | undefined, now = Date.now()): OpenedOidcState {
  if (!cookie) return { status: "missing" };
  if (cookie.length > 2_000) return { status: "invalid" };

  let parsed: z.infer<typeof sealedState>;
  try {
    parsed = sealedState.parse(JSON.parse(decryptText(keys, cookie)));
  } catch {
    return { status: "invalid" };
  }

  // A minute of tolerance for clocks that differ between instances.
  const age = now - parsed.issuedAt;
  if (age < -60_000 || age > OIDC_STATE_MAX_AGE_SECONDS * 1000) return { status: "expired" };

  const { purpose: _purpose, ...value } = parsed;
  return { status: "valid", value };
}
