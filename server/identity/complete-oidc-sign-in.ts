import * as openid from "openid-client";

import { findAccountByClaim, type IdentityClaim } from "./find-account";
import { discoverOidcIssuer, findOidcClient, oidcRedirectUri, OidcIssuerUnavailableError } from "./oidc-issuer";
import { openOidcState, type OidcSignInState } from "./oidc-state";
import type { OidcSignInDependencies } from "./start-oidc-sign-in";
import { redeemInvitation } from "../invitations/redeem-invitation";
import type { OidcClientConfig, OidcPresetName } from "../platform/config";
import { safeEqual } from "../platform/crypto";

/** Stable codes for a sign-in that did not complete; logged, and shown to the person as one "try again" page. */
export type OidcFailureCode =
  | "oidc_state_missing"
  | "oidc_state_invalid"
  | "oidc_state_expired"
  | "oidc_state_mismatch"
  | "oidc_nonce_mismatch"
  | "oidc_provider_error"
  | "oidc_token_rejected"
  | "oidc_claim_missing"
  | "oidc_identity_taken";

export type CompleteOidcSignInResult =
  | { status: "signed_in"; accountId: string; method: OidcPresetName; returnTo: string; clearInvitation: boolean }
  | { status: "acr_too_low"; preset: OidcPresetName }
  | { status: "account_disabled" }
  | { status: "no_account" }
  | { status: "invitation_unusable"; reason: "invalid" | "expired" | "used"; clearInvitation: true }
  | { status: "failed"; code: OidcFailureCode }
  | { status: "issuer_unavailable"; preset: OidcPresetName }
  | { status: "not_found" };

interface VerifiedPerson {
  claim: IdentityClaim;
  identity: { nationalId?: string; hprNumber?: string; fullName?: string };
}

/**
 * Public, unauthenticated: finish an OpenID Connect sign-in at the callback.
 * Checks the state cookie, exchanges the code (the library checks the ID
 * token's signature, issuer, audience, nonce and PKCE), applies the preset's
 * rules and finds the account, or creates it from an invitation.
 */
export async function completeOidcSignIn(
  deps: OidcSignInDependencies,
  input: { provider: string | undefined; callbackQuery: string; stateCookie: string | undefined; invitationToken: string | undefined },
  now = Date.now(),
): Promise<CompleteOidcSignInResult> {
  const client = findOidcClient(deps.config, input.provider);
  if (!client) return { status: "not_found" };
  const log = deps.log.child({ preset: client.preset });
  const fail = (code: OidcFailureCode, details: Record<string, unknown> = {}): CompleteOidcSignInResult => {
    log.warn({ failureCode: code, ...details }, "oidc.sign_in_failed");
    return { status: "failed", code };
  };

  const opened = openOidcState(deps.keys, input.stateCookie, now);
  if (opened.status !== "valid") return fail(`oidc_state_${opened.status}`);
  const signInState = opened.value;

  // The state is compared before anything else, so a forged callback never reaches the issuer.
  const query = new URLSearchParams(input.callbackQuery);
  if (signInState.preset !== client.preset || !safeEqual(query.get("state") ?? "", signInState.state)) return fail("oidc_state_mismatch");
  const providerError = query.get("error");
  if (providerError !== null) return fail("oidc_provider_error", { providerError: oauthErrorCode(providerError) });

  let tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>;
  try {
    const configuration = await discoverOidcIssuer(client, deps.log);
    const callbackUrl = new URL(oidcRedirectUri(deps.config.publicUrl, client.preset));
    callbackUrl.search = query.toString();
    tokens = await openid.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: signInState.codeVerifier,
      expectedState: signInState.state,
      expectedNonce: signInState.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    return failedExchange(error, client.preset, fail, log);
  }

  const claims = tokens.claims();
  if (!claims) return fail("oidc_token_rejected", { reason: "id_token_missing" });
  if (client.requiredAcr !== undefined && claims.acr !== client.requiredAcr) {
    log.warn({ acr: typeof claims.acr === "string" ? claims.acr.slice(0, 64) : null }, "oidc.acr_rejected");
    return { status: "acr_too_low", preset: client.preset };
  }

  const person = verifiedPerson(client, claims);
  if (!person) return fail("oidc_claim_missing");

  return signInOrRedeem(deps, client.preset, person, signInState, input.invitationToken);
}

/** Find the account and apply the invitation the browser carries, if any. */
async function signInOrRedeem(
  deps: OidcSignInDependencies,
  preset: OidcPresetName,
  person: VerifiedPerson,
  signInState: OidcSignInState,
  invitationToken: string | undefined,
): Promise<CompleteOidcSignInResult> {
  const log = deps.log.child({ preset });
  const match = await findAccountByClaim(deps.db, deps.keys, person.claim);
  const token = invitationToken && invitationToken.length <= 200 ? invitationToken : undefined;

  if (match.status === "disabled") {
    log.warn({ accountId: match.accountId }, "oidc.account_disabled");
    return { status: "account_disabled" };
  }

  if (match.status === "found") {
    let clearInvitation = false;
    if (token) {
      // The account exists, so the invitation only adds its role; a spent invitation does not stop the sign-in.
      const redeemed = await redeemInvitation(deps.db, deps.keys, { token, accountId: match.accountId, identity: person.identity });
      log.info({ accountId: match.accountId, invitation: redeemed.status }, "oidc.invitation_applied");
      clearInvitation = true;
    }
    log.info({ accountId: match.accountId }, "oidc.sign_in_completed");
    return { status: "signed_in", accountId: match.accountId, method: preset, returnTo: signInState.returnTo, clearInvitation };
  }

  if (!token) {
    log.info("oidc.no_account");
    return { status: "no_account" };
  }

  const redeemed = await redeemInvitation(deps.db, deps.keys, { token, accountId: null, identity: person.identity });
  switch (redeemed.status) {
    case "redeemed":
      log.info({ accountId: redeemed.accountId }, "oidc.account_created_from_invitation");
      return { status: "signed_in", accountId: redeemed.accountId, method: preset, returnTo: signInState.returnTo, clearInvitation: true };
    case "identity_taken":
      // Another sign-in created an account for the same person a moment ago; signing in again finds it.
      log.warn({ failureCode: "oidc_identity_taken" }, "oidc.sign_in_failed");
      return { status: "failed", code: "oidc_identity_taken" };
    default:
      log.info({ invitation: redeemed.status }, "oidc.invitation_unusable");
      return { status: "invitation_unusable", reason: redeemed.status, clearInvitation: true };
  }
}

/**
 * Read the identity the preset trusts: the national ID number (`pid`) from
 * ID-porten, the HPR number from HelseID. Returns undefined when the claim is
 * missing or malformed. The values are never logged.
 */
function verifiedPerson(client: OidcClientConfig, claims: openid.IDToken): VerifiedPerson | undefined {
  if (client.preset === "idporten") {
    const pid = claims.pid;
    if (typeof pid !== "string" || !/^[0-9]{11}$/.test(pid)) return undefined;
    return { claim: { kind: "national_id", value: pid }, identity: { nationalId: pid } };
  }

  const raw = claims[client.hprClaim ?? "helseid://claims/hpr/hpr_number"];
  const hprNumber = typeof raw === "number" ? String(raw) : raw;
  if (typeof hprNumber !== "string" || !/^[0-9]{1,10}$/.test(hprNumber)) return undefined;
  const fullName = typeof claims.name === "string" && claims.name.trim() !== "" ? claims.name.trim().slice(0, 200) : undefined;
  return { claim: { kind: "hpr", value: hprNumber }, identity: { hprNumber, fullName } };
}

/** Map an error from the code exchange to a result; anything unexpected is thrown on. */
function failedExchange(
  error: unknown,
  preset: OidcPresetName,
  fail: (code: OidcFailureCode, details?: Record<string, unknown>) => CompleteOidcSignInResult,
  log: OidcSignInDependencies["log"],
): CompleteOidcSignInResult {
  if (error instanceof OidcIssuerUnavailableError) return { status: "issuer_unavailable", preset };
  if (error instanceof openid.AuthorizationResponseError) return fail("oidc_provider_error", { providerError: oauthErrorCode(error.error) });
  if (error instanceof openid.ResponseBodyError) return fail("oidc_token_rejected", { providerError: oauthErrorCode(error.error), httpStatus: error.status });

  if (error instanceof openid.ClientError) {
    if (error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT") {
      log.warn({ errorCode: error.code }, "oidc.token_request_failed");
      return { status: "issuer_unavailable", preset };
    }
    const comparedClaim = (error.cause as { cause?: { claim?: unknown } } | undefined)?.cause?.claim;
    if (comparedClaim === "nonce") return fail("oidc_nonce_mismatch");
    // The library's message names the check that failed; it carries no token or claim value.
    return fail("oidc_token_rejected", { errorCode: error.code, reason: error.message });
  }

  // fetch() rejects with a TypeError when the issuer cannot be reached.
  if (error instanceof TypeError && error.message === "fetch failed") {
    log.warn({ err: error }, "oidc.token_request_failed");
    return { status: "issuer_unavailable", preset };
  }
  throw error;
}

/** Return the OAuth error code when it is a short token of letters and underscores, so nothing else reaches the log. */
function oauthErrorCode(value: unknown): string {
  return typeof value === "string" && /^[a-z_]{1,64}$/.test(value) ? value : "unrecognised";
}
