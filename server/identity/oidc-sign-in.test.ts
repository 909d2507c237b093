import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { startTestOidcProvider, type TestOidcProvider } from "../../tests/support/oidc-provider";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { accountRoles, accounts, identities } from "./schema";
import { completeOidcSignIn } from "./complete-oidc-sign-in";
import { normaliseClaimValue } from "./find-account";
import { forgetDiscoveredOidcIssuers } from "./oidc-issuer";
import { openOidcState, sealOidcState } from "./oidc-state";
import { OIDC_START_LIMIT, startOidcSignIn, type OidcSignInDependencies } from "./start-oidc-sign-in";
import { invitations } from "../invitations/schema";
import type { OidcClientConfig } from "../platform/config";
import { encryptText, lookupHash, sha256Hex } from "../platform/crypto";

const publicUrl = new URL("http://localhost:3999");
const memberPid = "03857812340";
const providerHpr = "9100001";

let idporten: TestOidcProvider;
let helseid: TestOidcProvider;
let idportenClient: OidcClientConfig;
let helseidClient: OidcClientConfig;

beforeAll(async () => {
  idporten = await startTestOidcProvider({
    port: 0,
    preset: "idporten",
    clientId: "reconnect-idporten",
    clientSecret: "idporten-secret",
    redirectUris: [`${publicUrl.origin}/sign-in/callback/idporten`],
  });
  helseid = await startTestOidcProvider({
    port: 0,
    preset: "helseid",
    clientId: "reconnect-helseid",
    clientSecret: "helseid-secret",
    redirectUris: [`${publicUrl.origin}/sign-in/callback/helseid`],
  });
  idportenClient = { preset: "idporten", issuer: idporten.issuer, clientId: "reconnect-idporten", clientSecret: "idporten-secret", requiredAcr: "idporten-loa-high" };
  helseidClient = { preset: "helseid", issuer: helseid.issuer, clientId: "reconnect-helseid", clientSecret: "helseid-secret", hprClaim: "helseid://claims/hpr/hpr_number" };
});

afterAll(async () => {
  await idporten?.close();
  await helseid?.close();
});

/** A cookie jar for one browser at the provider: enough for oidc-provider's interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/**
 * Walk a browser through the provider: follow redirects by hand, fill in the
 * login form as a person would, and stop at the redirect back to the portal.
 * Returns the callback's query string.
 */
async function signInAtProvider(authorizationUrl: string, person: { identifier: string; acr?: string }): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;

  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.store(response);

    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get("location")!, url);
      if (location.origin === publicUrl.origin) return location.search;
      url = location.href;
      continue;
    }

    expect(response.status, `provider page ${url}`).toBe(200);
    const page = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    expect(action, "the provider page has a login form").toBeDefined();
    expect(page).toMatch(/<label for="identifier">(Fødselsnummer \(pid\)|HPR-nummer)<\/label>/);

    const form = new URLSearchParams({ identifier: person.identifier });
    if (person.acr) form.set("acr", person.acr);
    const submitted = await fetch(new URL(action!, url), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
    jar.store(submitted);
    expect(submitted.status, "the login form is accepted").toBe(303);
    url = new URL(submitted.headers.get("location")!, url).href;
  }
  throw new Error(`The provider did not redirect back to the portal after 10 steps; last URL ${url}.`);
}

describe.each(testEngines())("OpenID Connect sign-in on %s", (engine) => {
  let database: TestDatabase;
  let logLines: string[];
  let deps: OidcSignInDependencies;
  let memberId: string;
  let providerId: string;
  let addressCounter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    memberId = await createAccount({ roles: ["member"], nationalId: memberPid });
    providerId = await createAccount({ roles: ["provider"], hprNumber: providerHpr });
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(() => {
    forgetDiscoveredOidcIssuers();
    logLines = [];
    const log = pino({ level: "debug" }, { write: (line: string) => void logLines.push(line) });
    deps = { config: { oidc: [idportenClient, helseidClient], publicUrl }, db: database.db, keys: database.keys, log };
  });

  async function createAccount(input: { roles: ("member" | "provider")[]; nationalId?: string; hprNumber?: string; status?: "active" | "disabled" }) {
    const [account] = await database.db
      .insert(accounts)
      .values({ termsAcceptedAt: new Date(), status: input.status ?? "active" })
      .returning({ id: accounts.id });
    const accountId = account!.id;
    await database.db.insert(accountRoles).values(input.roles.map((role) => ({ accountId, role })));

    const { keys } = database;
    await database.db.insert(identities).values({
      accountId,
      nationalIdEncrypted: input.nationalId ? encryptText(keys, input.nationalId) : null,
      nationalIdLookup: input.nationalId ? lookupHash(keys, "national_id", normaliseClaimValue({ kind: "national_id", value: input.nationalId })) : null,
      hprNumberEncrypted: input.hprNumber ? encryptText(keys, input.hprNumber) : null,
      hprNumberLookup: input.hprNumber ? lookupHash(keys, "hpr", normaliseClaimValue({ kind: "hpr", value: input.hprNumber })) : null,
    });
    return accountId;
  }

  async function createMemberInvitation(token: string, options: { expiresAt?: Date } = {}) {
    await database.db.insert(invitations).values({
      tokenHash: sha256Hex(token),
      role: "member",
      invitedBy: providerId,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
    });
  }

  /** Start a sign-in from a fresh client address, so the start limit of one test never affects another. */
  function start(provider: "idporten" | "helseid", returnTo: unknown = "/") {
    addressCounter += 1;
    return startOidcSignIn(deps, { provider, returnTo, clientAddress: `${engine}-client-${addressCounter}`, locale: "nb" });
  }

  async function startRedirect(provider: "idporten" | "helseid", returnTo: unknown = "/") {
    const started = await start(provider, returnTo);
    if (started.status !== "redirect") throw new Error(`Sign-in did not start: ${started.status}.`);
    return started;
  }

  function complete(provider: string, callbackQuery: string, stateCookie: string | undefined, invitationToken?: string, now?: number) {
    return completeOidcSignIn(deps, { provider, callbackQuery, stateCookie, invitationToken }, now);
  }

  test("authorization request uses PKCE S256, state, nonce and acr_values", async () => {
    const started = await startRedirect("idporten");
    const url = new URL(started.authorizationUrl);

    expect(url.origin).toBe(idporten.issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("scope")).toBe("openid");
    expect(url.searchParams.get("acr_values")).toBe("idporten-loa-high");
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3999/sign-in/callback/idporten");
  });

  test("state cookie is encrypted and carries no readable values", async () => {
    const started = await startRedirect("idporten", "/settings");
    const state = new URL(started.authorizationUrl).searchParams.get("state")!;

    expect(started.stateCookie).not.toContain(state);
    expect(started.stateCookie).not.toContain("settings");
    const opened = openOidcState(database.keys, started.stateCookie);
    expect(opened.status).toBe("valid");
    expect(opened.status === "valid" ? opened.value.returnTo : null).toBe("/settings");
  });

  test("unsafe return path becomes the front page", async () => {
    for (const returnTo of ["//evil.example/", "https://evil.example/", "/\\evil.example", undefined]) {
      const started = await startRedirect("idporten", returnTo);
      const opened = openOidcState(database.keys, started.stateCookie);
      expect(opened.status === "valid" ? opened.value.returnTo : null, String(returnTo)).toBe("/");
    }
  });

  test("member signs in with ID-porten at the high level", async () => {
    const started = await startRedirect("idporten", "/settings");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: memberPid, acr: "idporten-loa-high" });

    const result = await complete("idporten", callbackQuery, started.stateCookie);

    expect(result).toEqual({ status: "signed_in", accountId: memberId, method: "idporten", returnTo: "/settings", clearInvitation: false });
    expect(logLines.join("\n")).not.toContain(memberPid);
  });

  test("substantial level is rejected", async () => {
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: memberPid, acr: "idporten-loa-substantial" });

    const result = await complete("idporten", callbackQuery, started.stateCookie);

    expect(result).toEqual({ status: "acr_too_low", preset: "idporten" });
    expect(logLines.join("\n")).toContain("idporten-loa-substantial");
    expect(logLines.join("\n")).not.toContain(memberPid);
  });

  test("callback with another flow's state cookie is rejected", async () => {
    const first = await startRedirect("idporten");
    const second = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(second.authorizationUrl, { identifier: memberPid, acr: "idporten-loa-high" });

    const result = await complete("idporten", callbackQuery, first.stateCookie);

    expect(result).toEqual({ status: "failed", code: "oidc_state_mismatch" });
    expect(logLines.join("\n")).toContain(`"failureCode":"oidc_state_mismatch"`);
  });

  test("ID token with another flow's nonce is rejected", async () => {
    const first = await startRedirect("idporten");
    const second = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(second.authorizationUrl, { identifier: memberPid, acr: "idporten-loa-high" });

    // The second flow's cookie with the first flow's nonce: state and PKCE pass, the ID token's nonce does not.
    const firstState = openOidcState(database.keys, first.stateCookie);
    const secondState = openOidcState(database.keys, second.stateCookie);
    if (firstState.status !== "valid" || secondState.status !== "valid") throw new Error("Both state cookies should open.");
    const mixedCookie = sealOidcState(database.keys, { ...secondState.value, nonce: firstState.value.nonce });

    const result = await complete("idporten", callbackQuery, mixedCookie);

    expect(result).toEqual({ status: "failed", code: "oidc_nonce_mismatch" });
  });

  test("authorization code works only once", async () => {
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: memberPid, acr: "idporten-loa-high" });

    expect((await complete("idporten", callbackQuery, started.stateCookie)).status).toBe("signed_in");
    const replay = await complete("idporten", callbackQuery, started.stateCookie);

    expect(replay).toEqual({ status: "failed", code: "oidc_token_rejected" });
  });

  test("missing, forged and expired state cookies are rejected", async () => {
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: memberPid, acr: "idporten-loa-high" });

    expect(await complete("idporten", callbackQuery, undefined)).toEqual({ status: "failed", code: "oidc_state_missing" });
    expect(await complete("idporten", callbackQuery, `${started.stateCookie.slice(0, -4)}AAAA`)).toEqual({ status: "failed", code: "oidc_state_invalid" });
    expect(await complete("idporten", callbackQuery, "not-a-sealed-value")).toEqual({ status: "failed", code: "oidc_state_invalid" });
    const elevenMinutesLater = Date.now() + 11 * 60_000;
    expect(await complete("idporten", callbackQuery, started.stateCookie, undefined, elevenMinutesLater)).toEqual({ status: "failed", code: "oidc_state_expired" });
  });

  test("state cookie from the other provider is rejected", async () => {
    const started = await startRedirect("helseid");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: providerHpr });

    const result = await complete("idporten", callbackQuery, started.stateCookie);

    expect(result).toEqual({ status: "failed", code: "oidc_state_mismatch" });
  });

  test("error from the provider is rejected with its code logged", async () => {
    const started = await startRedirect("idporten");
    const state = new URL(started.authorizationUrl).searchParams.get("state")!;

    const result = await complete("idporten", `?error=access_denied&state=${encodeURIComponent(state)}`, started.stateCookie);

    expect(result).toEqual({ status: "failed", code: "oidc_provider_error" });
    expect(logLines.join("\n")).toContain("access_denied");
  });

  test("unknown national ID number has no account", async () => {
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: "15878912347", acr: "idporten-loa-high" });

    const result = await complete("idporten", callbackQuery, started.stateCookie);

    expect(result).toEqual({ status: "no_account" });
    expect(logLines.join("\n")).not.toContain("15878912347");
  });

  test("disabled account cannot sign in", async () => {
    const pid = "21926512346";
    await createAccount({ roles: ["member"], nationalId: pid, status: "disabled" });
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: pid, acr: "idporten-loa-high" });

    expect(await complete("idporten", callbackQuery, started.stateCookie)).toEqual({ status: "account_disabled" });
  });

  test("provider signs in with HelseID by HPR number", async () => {
    const started = await startRedirect("helseid", "/invitations");
    const url = new URL(started.authorizationUrl);
    expect(url.searchParams.get("scope")).toBe("openid profile helseid://scopes/identity/hpr_number");
    expect(url.searchParams.has("acr_values")).toBe(false);

    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: providerHpr });
    const result = await complete("helseid", callbackQuery, started.stateCookie);

    expect(result).toEqual({ status: "signed_in", accountId: providerId, method: "helseid", returnTo: "/invitations", clearInvitation: false });
    expect(logLines.join("\n")).not.toContain(providerHpr);
  });

  test("invitation creates the account of a new member", async () => {
    const pid = "07938212348";
    const token = `invitation-${engine}-new-member`;
    await createMemberInvitation(token);
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: pid, acr: "idporten-loa-high" });

    const result = await complete("idporten", callbackQuery, started.stateCookie, token);

    expect(result.status).toBe("signed_in");
    if (result.status !== "signed_in") return;
    expect(result.clearInvitation).toBe(true);
    const roles = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, result.accountId));
    expect(roles.map((row) => row.role)).toEqual(["member"]);
    const [identity] = await database.db.select().from(identities).where(eq(identities.accountId, result.accountId));
    expect(identity?.nationalIdLookup).toBe(lookupHash(database.keys, "national_id", pid));
    expect(identity?.nationalIdEncrypted).not.toContain(pid);
  });

  test("invitation adds its role to an existing account", async () => {
    const pid = "28849012349";
    const accountId = await createAccount({ roles: ["provider"], nationalId: pid });
    const token = `invitation-${engine}-existing`;
    await createMemberInvitation(token);
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: pid, acr: "idporten-loa-high" });

    const result = await complete("idporten", callbackQuery, started.stateCookie, token);

    expect(result).toEqual({ status: "signed_in", accountId, method: "idporten", returnTo: "/", clearInvitation: true });
    const roles = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId));
    expect(roles.map((row) => row.role).sort()).toEqual(["member", "provider"]);
  });

  test("expired invitation does not create an account", async () => {
    const pid = "11917612350";
    const token = `invitation-${engine}-expired`;
    await createMemberInvitation(token, { expiresAt: new Date(Date.now() - 60_000) });
    const started = await startRedirect("idporten");
    const callbackQuery = await signInAtProvider(started.authorizationUrl, { identifier: pid, acr: "idporten-loa-high" });

    const result = await complete("idporten", callbackQuery, started.stateCookie, token);

    expect(result).toEqual({ status: "invitation_unusable", reason: "expired", clearInvitation: true });
    const [identity] = await database.db.select().from(identities).where(eq(identities.nationalIdLookup, lookupHash(database.keys, "national_id", pid)));
    expect(identity).toBeUndefined();
  });

  test("unknown provider is not found", async () => {
    expect(await startOidcSignIn(deps, { provider: "minid", returnTo: "/", clientAddress: "x", locale: "nb" })).toEqual({ status: "not_found" });
    expect(await complete("minid", "?code=x&state=y", undefined)).toEqual({ status: "not_found" });
  });

  test("start is limited per client address", async () => {
    const clientAddress = `${engine}-busy-client`;
    for (let attempt = 0; attempt < OIDC_START_LIMIT; attempt++) {
      const result = await startOidcSignIn(deps, { provider: "idporten", returnTo: "/", clientAddress, locale: "nb" });
      expect(result.status).toBe("redirect");
    }

    const limited = await startOidcSignIn(deps, { provider: "idporten", returnTo: "/", clientAddress, locale: "nb" });

    expect(limited.status).toBe("rate_limited");
  });

  test("issuer that is down is retried on the next sign-in", async () => {
    const late = await startTestOidcProvider({ port: 0, preset: "idporten", clientId: "late", clientSecret: "late-secret", redirectUris: [`${publicUrl.origin}/sign-in/callback/idporten`] });
    const lateIssuer = late.issuer;
    await late.close();
    deps.config = { oidc: [{ ...idportenClient, issuer: lateIssuer, clientId: "late", clientSecret: "late-secret" }], publicUrl };

    expect(await start("idporten")).toEqual({ status: "issuer_unavailable", preset: "idporten" });

    const restarted = await startTestOidcProvider({ port: Number(new URL(lateIssuer).port), preset: "idporten", clientId: "late", clientSecret: "late-secret", redirectUris: [`${publicUrl.origin}/sign-in/callback/idporten`] });
    try {
      expect((await start("idporten")).status).toBe("redirect");
    } finally {
      await restarted.close();
    }
  });
});
