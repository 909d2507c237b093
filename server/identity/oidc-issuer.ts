import * as openid from "openid-client";

import type { Config, OidcClientConfig, OidcPresetName } from "../platform/config";
import type { Logger } from "../platform/logger";

/**
 * The configured OpenID Connect issuers (ID-porten, HelseID): which one a path
 * names, the redirect URI registered for it, and its discovered metadata.
 */

/** Scopes per preset. ID-porten puts `pid` in the ID token for `openid` alone, but HelseID releases the HPR number only for its own scope. */
export const OIDC_SCOPES: Record<OidcPresetName, string> = {
  idporten: "openid",
  helseid: "openid profile helseid://scopes/identity/hpr_number",
};

const DISCOVERY_TIMEOUT_SECONDS = 10;
/** Discovered metadata is fetched again after this long, so a changed issuer configuration is picked up without a restart. */
const DISCOVERY_MAX_AGE_MS = 24 * 3_600_000;

export class OidcIssuerUnavailableError extends Error {
  override name = "OidcIssuerUnavailableError";
}

export function findOidcClient(config: Pick<Config, "oidc">, provider: string | undefined): OidcClientConfig | undefined {
  return config.oidc.find((client) => client.preset === provider);
}

export function oidcRedirectUri(publicUrl: URL, preset: OidcPresetName): string {
  return `${publicUrl.origin}/sign-in/callback/${preset}`;
}

interface CachedDiscovery {
  configuration: Promise<openid.Configuration>;
  fetchedAt: number;
}

// One entry per issuer and client, shared by every request of this process.
const discoveries = new Map<string, CachedDiscovery>();

/**
 * Return the issuer's configuration, discovering it on first use. Discovery is
 * lazy so the portal starts while an issuer is down. A failed discovery is
 * forgotten, so the next sign-in tries again.
 */
export async function discoverOidcIssuer(client: OidcClientConfig, log: Logger, now = Date.now()): Promise<openid.Configuration> {
  const key = `${client.preset} ${client.issuer} ${client.clientId}`;
  const cached = discoveries.get(key);
  if (cached && now - cached.fetchedAt < DISCOVERY_MAX_AGE_MS) return cached.configuration;

  const configuration = discover(client);
  discoveries.set(key, { configuration, fetchedAt: now });
  try {
    const result = await configuration;
    log.info({ preset: client.preset }, "oidc.issuer_discovered");
    return result;
  } catch (error) {
    if (discoveries.get(key)?.configuration === configuration) discoveries.delete(key);
    log.warn({ preset: client.preset, err: error }, "oidc.discovery_failed");
    throw new OidcIssuerUnavailableError(`Discovery of the ${client.preset} issuer failed.`, { cause: error });
  }
}

/** Forget every discovered issuer, so tests start from a cold cache. */
export function forgetDiscoveredOidcIssuers() {
  discoveries.clear();
}

async function discover(client: OidcClientConfig): Promise<openid.Configuration> {
  const issuer = new URL(client.issuer);
  const execute: ((configuration: openid.Configuration) => void)[] = [];
  if (issuer.protocol === "http:") {
    // Tokens and ID numbers would cross the network in clear text, so plain HTTP is only for a test issuer on this machine.
    if (!isLoopback(issuer.hostname)) {
      throw new Error(`The ${client.preset} issuer ${issuer.origin} uses http://. Use its https:// address.`);
    }
    execute.push(openid.allowInsecureRequests);
  }

  return openid.discovery(issuer, client.clientId, client.clientSecret, clientSecretAuthentication(client.clientSecret), {
    execute,
    timeout: DISCOVERY_TIMEOUT_SECONDS,
  });
}

/**
 * Authenticate at the token endpoint with the client secret: in the
 * Authorization header when the issuer supports it (the default of RFC 8414
 * when it lists no methods), otherwise in the form body.
 * NOTE: HelseID in production requires private_key_jwt (a signed client
 * assertion), which is not supported yet; only client secrets are.
 */
function clientSecretAuthentication(clientSecret: string): openid.ClientAuth {
  const basic = openid.ClientSecretBasic(clientSecret);
  const post = openid.ClientSecretPost(clientSecret);

  return (server, clientMetadata, body, headers) => {
    const supported = server.token_endpoint_auth_methods_supported;
    const useBasic = !supported || supported.includes("client_secret_basic");
    (useBasic ? basic : post)(server, clientMetadata, body, headers);
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
