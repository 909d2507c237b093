import * as openid from "openid-client";

import { discoverOidcIssuer, findOidcClient, OIDC_SCOPES, oidcRedirectUri, OidcIssuerUnavailableError } from "./oidc-issuer";
import { sealOidcState } from "./oidc-state";
import { safeReturnPath } from "./return-path";
import type { Locale } from "./roles";
import type { Config, OidcPresetName } from "../platform/config";
import type { KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import type { Logger } from "../platform/logger";
import { hitRateLimit } from "../platform/rate-limit";

/** The parts of the portal the OpenID Connect use cases use. */
export interface OidcSignInDependencies {
  config: Pick<Config, "oidc" | "publicUrl">;
  db: Database;
  keys: KeyRing;
  log: Logger;
}

/** Sign-in starts allowed per client address in one window, enough for a family sharing one network address. */
export const OIDC_START_LIMIT = 20;
export const OIDC_START_WINDOW_SECONDS = 15 * 60;

export type StartOidcSignInResult =
  | { status: "redirect"; authorizationUrl: string; stateCookie: string }
  | { status: "not_found" }
  | { status: "rate_limited"; retryAfterSeconds: number }
  | { status: "issuer_unavailable"; preset: OidcPresetName };

/**
 * Public, unauthenticated: begin the authorization code flow with PKCE (S256),
 * `state` and `nonce` at ID-porten or HelseID. The returned state cookie must
 * come back with the callback.
 */
export async function startOidcSignIn(
  deps: OidcSignInDependencies,
  input: { provider: string | undefined; returnTo: unknown; clientAddress: string; locale: Locale },
  now = new Date(),
): Promise<StartOidcSignInResult> {
  const client = findOidcClient(deps.config, input.provider);
  if (!client) return { status: "not_found" };

  const limit = await hitRateLimit(deps.db, { bucket: `oidc-start:ip:${input.clientAddress}`, limit: OIDC_START_LIMIT, windowSeconds: OIDC_START_WINDOW_SECONDS }, now);
  if (!limit.allowed) {
    deps.log.warn({ preset: client.preset }, "oidc.start_rate_limited");
    return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }

  let configuration: openid.Configuration;
  try {
    configuration = await discoverOidcIssuer(client, deps.log);
  } catch (error) {
    if (error instanceof OidcIssuerUnavailableError) return { status: "issuer_unavailable", preset: client.preset };
    throw error;
  }

  const state = openid.randomState();
  const nonce = openid.randomNonce();
  const codeVerifier = openid.randomPKCECodeVerifier();
  const parameters: Record<string, string> = {
    redirect_uri: oidcRedirectUri(deps.config.publicUrl, client.preset),
    scope: OIDC_SCOPES[client.preset],
    code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ui_locales: input.locale,
  };
  // Asks ID-porten for the level the callback insists on, so the person is offered only the methods that reach it.
  if (client.requiredAcr) parameters.acr_values = client.requiredAcr;
  const authorizationUrl = openid.buildAuthorizationUrl(configuration, parameters);

  const stateCookie = sealOidcState(deps.keys, {
    preset: client.preset,
    state,
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(input.returnTo),
    issuedAt: now.getTime(),
  });
  deps.log.info({ preset: client.preset }, "oidc.sign_in_started");
  return { status: "redirect", authorizationUrl: authorizationUrl.href, stateCookie };
}
