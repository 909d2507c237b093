import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID Connect provider for tests, built on oidc-provider, that
 * behaves like ID-porten (a `pid` claim and an `acr` level in the ID token) or
 * HelseID (an HPR number claim). Its login page takes the identity as typed:
 * it is test infrastructure and must never face real users.
 */

export const TEST_HELSEID_HPR_CLAIM = "helseid://claims/hpr/hpr_number";
export const TEST_HELSEID_HPR_SCOPE = "helseid://scopes/identity/hpr_number";
export const TEST_IDPORTEN_ACR_LEVELS = ["idporten-loa-high", "idporten-loa-substantial"] as const;

export interface TestOidcProviderOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  preset: "idporten" | "helseid";
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  // The issuer must name the real port before the provider is built, so a free port is found first.
  const port = options.port === 0 ? await findFreePort() : options.port;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, providerConfiguration(options));
  provider.use(serveInteractions(provider, options.preset));

  // Bound to the loopback address only: oidc-provider's own listen() binds every interface.
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function providerConfiguration(options: TestOidcProviderOptions): Configuration {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-signing-key", use: "sig", alg: "RS256" };
  const idporten = options.preset === "idporten";

  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    // Like ID-porten, `openid` alone releases `pid`; like HelseID, the HPR number needs its own scope.
    claims: idporten ? { openid: ["sub", "pid"] } : { openid: ["sub"], profile: ["name"], [TEST_HELSEID_HPR_SCOPE]: [TEST_HELSEID_HPR_CLAIM] },
    scopes: idporten ? ["openid", "profile"] : ["openid", "profile", TEST_HELSEID_HPR_SCOPE],
    acrValues: idporten ? [...TEST_IDPORTEN_ACR_LEVELS] : [],
    // Put the scope's claims in the ID token itself, as ID-porten and HelseID do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Lifetimes in seconds, short like a real provider's; set so oidc-provider does not warn about defaults.
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, accountId) => ({
      accountId,
      claims: () =>
        idporten
          ? // ID-porten's `sub` is a pairwise pseudonym, never the national ID number.
            { sub: createHash("sha256").update(`sub:${accountId}`).digest("base64url"), pid: accountId }
          : { sub: createHash("sha256").update(`sub:${accountId}`).digest("base64url"), [TEST_HELSEID_HPR_CLAIM]: accountId, name: "Test Helsepersonell" },
    }),
  };
}

/** Serve the login page at the interaction URL and finish the interaction when it is submitted. */
function serveInteractions(provider: Provider, preset: "idporten" | "helseid") {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(ctx.path);
    if (!match) return next();

    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === "GET") {
      ctx.type = "html";
      ctx.body = loginPage(match[1]!, preset);
      return;
    }
    if (ctx.method !== "POST") {
      ctx.status = 405;
      return;
    }

    const form = new URLSearchParams(await readBody(ctx.req));
    const identifier = (form.get("identifier") ?? "").trim();
    if (!/^[0-9]{1,11}$/.test(identifier)) {
      ctx.status = 400;
      ctx.type = "html";
      ctx.body = loginPage(match[1]!, preset, "Skriv inn bare sifre.");
      return;
    }
    const acr = preset === "idporten" ? form.get("acr") ?? "" : undefined;
    if (acr !== undefined && !(TEST_IDPORTEN_ACR_LEVELS as readonly string[]).includes(acr)) {
      ctx.status = 400;
      ctx.type = "html";
      ctx.body = loginPage(match[1]!, preset, "Velg et sikkerhetsnivå fra listen.");
      return;
    }

    // Consent is granted here for every scope the client asked for, so no second page is needed.
    const grant = new provider.Grant({ accountId: identifier, clientId: String(interaction.params.client_id) });
    grant.addOIDCScope(String(interaction.params.scope ?? "openid"));
    const grantId = await grant.save();

    const returnTo = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId: identifier, acr, remember: false }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    ctx.status = 303;
    ctx.redirect(returnTo);
  };
}

function loginPage(uid: string, preset: "idporten" | "helseid", error?: string): string {
  const field =
    preset === "idporten"
      ? `<p><label for="identifier">Fødselsnummer (pid)</label><br><input id="identifier" name="identifier" inputmode="numeric" autocomplete="off" required></p>
  <p><label for="acr">Sikkerhetsnivå</label><br><select id="acr" name="acr">${TEST_IDPORTEN_ACR_LEVELS.map((level) => `<option value="${level}">${level}</option>`).join("")}</select></p>`
      : `<p><label for="identifier">HPR-nummer</label><br><input id="identifier" name="identifier" inputmode="numeric" autocomplete="off" required></p>`;

  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>Test-innlogging (${preset})</title></head>
<body>
<main>
  <h1>Test-innlogging (${preset})</h1>
  ${error ? `<p role="alert">${error}</p>` : ""}
  <form method="post" action="/interaction/${uid}">
  ${field}
  <p><button type="submit">Logg inn</button></p>
  </form>
</main>
</body>
</html>`;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error("The test login form body is larger than 10 000 bytes.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
