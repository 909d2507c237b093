import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { clearMail, extractSignInCode, listMail, startTestSmtpServer, waitForMail, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { invitations } from "../invitations/schema";
import { encryptText, lookupHash, sha256Hex } from "../platform/crypto";
import { createLogger } from "../platform/logger";
import { createMailer, type Mailer } from "../platform/mail";
import { EMAIL_CODE_MAX_ATTEMPTS, EMAIL_CODE_VALID_MINUTES } from "./email-code";
import { normaliseClaimValue } from "./find-account";
import { EMAIL_CODE_RETENTION_HOURS, pruneEmailCodes } from "./prune-email-codes";
import { EMAIL_CODE_LIMIT_PER_ADDRESS, EMAIL_CODE_LIMIT_PER_CLIENT, requestEmailCode, type EmailCodeDependencies } from "./request-email-code";
import type { Role } from "./roles";
import { accountRoles, accounts, emailCodes, identities } from "./schema";
import { verifyEmailCode } from "./verify-email-code";

const log = createLogger("silent");

describe.each(testEngines())("e-mail sign-in codes on %s", (engine) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let deps: EmailCodeDependencies;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.smtpPort}`, from: "ReConnect <no-reply@reconnect.invalid>", log });
    deps = { db: database.db, keys: database.keys, mailer, log };
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await clearMail(smtp.httpPort);
  });

  /** Make a fresh address, so rate limits and earlier codes of other tests do not interfere. */
  function uniqueAddress(label = "person") {
    return `${label}.${randomBytes(4).toString("hex")}@example.invalid`;
  }

  /** Make a fresh stand-in for a client IP address, for the same reason. */
  function uniqueClient() {
    return `test-client-${randomBytes(4).toString("hex")}`;
  }

  async function createAccountWithEmail(email: string, options: { status?: "active" | "disabled"; roles?: Role[] } = {}) {
    const [account] = await database.db
      .insert(accounts)
      .values({ termsAcceptedAt: new Date(), status: options.status ?? "active" })
      .returning({ id: accounts.id });
    const accountId = account!.id;
    await database.db.insert(accountRoles).values((options.roles ?? ["member"]).map((role) => ({ accountId, role })));
    await database.db.insert(identities).values({
      accountId,
      emailEncrypted: encryptText(database.keys, email),
      emailLookup: lookupHash(database.keys, "email", normaliseClaimValue({ kind: "email", value: email })),
    });
    return accountId;
  }

  async function createInvitation(options: { role?: Role; expiresAt?: Date } = {}) {
    const inviterId = await createAccountWithEmail(uniqueAddress("inviter"), { roles: ["administrator"] });
    const token = randomBytes(32).toString("base64url");
    await database.db.insert(invitations).values({
      tokenHash: sha256Hex(token),
      role: options.role ?? "member",
      invitedBy: inviterId,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
    });
    return token;
  }

  async function requestCode(email: string, options: { clientAddress?: string; invitationToken?: string; locale?: "nb" | "nn" | "en"; now?: Date } = {}) {
    const result = await requestEmailCode(
      deps,
      { email, clientAddress: options.clientAddress ?? uniqueClient(), invitationToken: options.invitationToken, locale: options.locale ?? "nb" },
      options.now,
    );
    if (result.status !== "requested") throw new Error(`Expected the code request to succeed, got ${result.status}.`);
    return result.challengeId;
  }

  async function requestAndReceive(email: string, options: { invitationToken?: string; locale?: "nb" | "nn" | "en"; now?: Date } = {}) {
    const before = Date.now();
    const challengeId = await requestCode(email, options);
    const mail = await waitForMail(smtp.httpPort, email, { after: before });
    return { challengeId, mail, code: extractSignInCode(mail.text) };
  }

  function verify(challengeId: string | undefined, code: string, options: { invitationToken?: string; now?: Date } = {}) {
    return verifyEmailCode({ db: database.db, keys: database.keys, log }, { challengeId, code, invitationToken: options.invitationToken }, options.now);
  }

  function otherCode(code: string) {
    return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  }

  test("known address receives a code that signs in", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);

    const { challengeId, mail, code } = await requestAndReceive(email);
    expect(mail.subject).toBe("Koden din for å logge inn på ReConnect");
    expect(mail.text).toContain(`Koden gjelder i ${EMAIL_CODE_VALID_MINUTES} minutter`);
    expect(mail.text).toContain("Har du ikke bedt om en kode? Da kan du se bort fra denne e-posten.");
    expect(mail.text).not.toContain(email);

    const result = await verify(challengeId, code);
    expect(result).toEqual({ status: "verified", accountId, invitation: null });
  });

  test("address matches case-insensitively", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);

    const before = Date.now();
    const challengeId = await requestCode(`  ${email.toUpperCase()} `);
    const mail = await waitForMail(smtp.httpPort, email, { after: before });
    expect(await verify(challengeId, extractSignInCode(mail.text))).toMatchObject({ status: "verified", accountId });
  });

  test("unknown address gets the same result and no mail", async () => {
    const known = uniqueAddress("known");
    await createAccountWithEmail(known);
    const unknown = uniqueAddress("unknown");

    const unknownResult = await requestEmailCode(deps, { email: unknown, clientAddress: uniqueClient(), invitationToken: undefined, locale: "nb" });
    const knownResult = await requestEmailCode(deps, { email: known, clientAddress: uniqueClient(), invitationToken: undefined, locale: "nb" });
    expect(Object.keys(unknownResult).sort()).toEqual(Object.keys(knownResult).sort());
    expect(unknownResult.status).toBe("requested");
    expect(knownResult.status).toBe("requested");

    // The known address's mail was sent after the unknown one would have been, so waiting for it flushes the queue.
    await waitForMail(smtp.httpPort, known);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await listMail(smtp.httpPort, unknown)).toEqual([]);

    const challengeId = unknownResult.status === "requested" ? unknownResult.challengeId : "";
    const [row] = await database.db.select().from(emailCodes).where(eq(emailCodes.id, challengeId));
    expect(row?.accountId).toBeNull();
    expect(row?.emailEncrypted).toBeNull();
  });

  test("disabled account receives no mail", async () => {
    const email = uniqueAddress();
    await createAccountWithEmail(email, { status: "disabled" });
    const marker = uniqueAddress("marker");
    await createAccountWithEmail(marker);

    await requestCode(email);
    await requestCode(marker);
    await waitForMail(smtp.httpPort, marker);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await listMail(smtp.httpPort, email)).toEqual([]);
  });

  test("code is stored only as a hash", async () => {
    const email = uniqueAddress();
    await createAccountWithEmail(email);

    const { challengeId, code } = await requestAndReceive(email);
    const [row] = await database.db.select().from(emailCodes).where(eq(emailCodes.id, challengeId));
    expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(email);
    expect(row?.emailEncrypted).toBeNull();
  });

  test("wrong codes count down and lock after five", async () => {
    const email = uniqueAddress();
    await createAccountWithEmail(email);
    const { challengeId, code } = await requestAndReceive(email);
    const wrong = otherCode(code);

    for (let attempt = 1; attempt < EMAIL_CODE_MAX_ATTEMPTS; attempt++) {
      expect(await verify(challengeId, wrong)).toEqual({ status: "wrong_code", attemptsLeft: EMAIL_CODE_MAX_ATTEMPTS - attempt });
    }
    expect(await verify(challengeId, wrong)).toEqual({ status: "locked" });
    expect(await verify(challengeId, code)).toEqual({ status: "locked" });

    const [row] = await database.db.select({ attempts: emailCodes.attempts, usedAt: emailCodes.usedAt }).from(emailCodes).where(eq(emailCodes.id, challengeId));
    expect(row?.attempts).toBe(EMAIL_CODE_MAX_ATTEMPTS);
    expect(row?.usedAt).toBeNull();
  });

  test("right code after four wrong ones signs in", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);
    const { challengeId, code } = await requestAndReceive(email);

    for (let attempt = 1; attempt < EMAIL_CODE_MAX_ATTEMPTS; attempt++) {
      expect((await verify(challengeId, otherCode(code))).status).toBe("wrong_code");
    }
    expect(await verify(challengeId, code)).toMatchObject({ status: "verified", accountId });
  });

  test("malformed code does not count as an attempt", async () => {
    const email = uniqueAddress();
    await createAccountWithEmail(email);
    const { challengeId, code } = await requestAndReceive(email);

    expect(await verify(challengeId, "")).toEqual({ status: "invalid_code", error: "code_missing" });
    expect(await verify(challengeId, "12345")).toEqual({ status: "invalid_code", error: "code_malformed" });
    expect(await verify(challengeId, "1234567")).toEqual({ status: "invalid_code", error: "code_malformed" });
    expect(await verify(challengeId, "abcdef")).toEqual({ status: "invalid_code", error: "code_malformed" });

    const [row] = await database.db.select({ attempts: emailCodes.attempts }).from(emailCodes).where(eq(emailCodes.id, challengeId));
    expect(row?.attempts).toBe(0);
    expect((await verify(challengeId, `${code.slice(0, 3)} ${code.slice(3)}`)).status).toBe("verified");
  });

  test("expired code is rejected", async () => {
    const email = uniqueAddress();
    await createAccountWithEmail(email);
    const requestedAt = new Date(Date.now() - 60_000);
    const { challengeId, code } = await requestAndReceive(email, { now: requestedAt });

    const justAfter = new Date(requestedAt.getTime() + EMAIL_CODE_VALID_MINUTES * 60_000);
    expect(await verify(challengeId, code, { now: justAfter })).toEqual({ status: "expired" });
    expect(await verify(challengeId, otherCode(code), { now: justAfter })).toEqual({ status: "expired" });

    const [row] = await database.db.select({ attempts: emailCodes.attempts }).from(emailCodes).where(eq(emailCodes.id, challengeId));
    expect(row?.attempts).toBe(0);
  });

  test("code is valid until just before expiry", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);
    const requestedAt = new Date(Date.now() - 60_000);
    const { challengeId, code } = await requestAndReceive(email, { now: requestedAt });

    const justBefore = new Date(requestedAt.getTime() + EMAIL_CODE_VALID_MINUTES * 60_000 - 1_000);
    expect(await verify(challengeId, code, { now: justBefore })).toMatchObject({ status: "verified", accountId });
  });

  test("code is single use", async () => {
    const email = uniqueAddress();
    await createAccountWithEmail(email);
    const { challengeId, code } = await requestAndReceive(email);

    expect((await verify(challengeId, code)).status).toBe("verified");
    expect(await verify(challengeId, code)).toEqual({ status: "expired" });
  });

  test("racing verifications: exactly one succeeds", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);
    const { challengeId, code } = await requestAndReceive(email);

    const results = await Promise.all(Array.from({ length: 5 }, () => verify(challengeId, code)));
    const verified = results.filter((result) => result.status === "verified");
    expect(verified).toEqual([{ status: "verified", accountId, invitation: null }]);
    expect(results.filter((result) => result.status === "expired")).toHaveLength(4);
  });

  test("new request replaces the earlier code", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);
    const first = await requestAndReceive(email);
    const second = await requestAndReceive(email);

    expect(await verify(first.challengeId, first.code)).toEqual({ status: "expired" });
    expect(await verify(second.challengeId, second.code)).toMatchObject({ status: "verified", accountId });
  });

  test("missing or forged challenge reads as expired", async () => {
    expect(await verify(undefined, "123456")).toEqual({ status: "expired" });
    expect(await verify("not-a-uuid", "123456")).toEqual({ status: "expired" });
    expect(await verify("00000000-0000-4000-8000-000000000000", "123456")).toEqual({ status: "expired" });
  });

  test("code from another challenge is wrong", async () => {
    const emailA = uniqueAddress("a");
    const emailB = uniqueAddress("b");
    await createAccountWithEmail(emailA);
    await createAccountWithEmail(emailB);
    const a = await requestAndReceive(emailA);
    const b = await requestAndReceive(emailB);

    const result = await verify(a.challengeId, b.code);
    // The two codes are equal once in a million runs, and then this check proves nothing.
    if (a.code !== b.code) expect(result).toEqual({ status: "wrong_code", attemptsLeft: EMAIL_CODE_MAX_ATTEMPTS - 1 });
  });

  test("mail follows the request's language", async () => {
    const email = uniqueAddress();
    await createAccountWithEmail(email);

    const english = await requestAndReceive(email, { locale: "en" });
    expect(english.mail.subject).toBe("Your code to sign in to ReConnect");
    expect(english.mail.text).toContain(`The code is valid for ${EMAIL_CODE_VALID_MINUTES} minutes and can be used only once.`);
    expect(english.mail.text).toContain("Did you not ask for a code? Then you can ignore this e-mail.");

    const nynorsk = await requestAndReceive(email, { locale: "nn" });
    expect(nynorsk.mail.subject).toBe("Koden din for å logge inn på ReConnect");
    expect(nynorsk.mail.text).toContain(`Koden gjeld i ${EMAIL_CODE_VALID_MINUTES} minutt og kan berre brukast éin gong.`);
  });

  test("invalid address is rejected with a code", async () => {
    const cases: [unknown, string][] = [
      ["", "email_missing"],
      ["   ", "email_missing"],
      [undefined, "email_missing"],
      ["kari.nordby", "email_invalid"],
      ["kari@", "email_invalid"],
      ["kari nordby@example.invalid", "email_invalid"],
      [`${"k".repeat(250)}@example.invalid`, "email_too_long"],
    ];
    for (const [email, error] of cases) {
      const result = await requestEmailCode(deps, { email, clientAddress: uniqueClient(), invitationToken: undefined, locale: "nb" });
      expect(result, JSON.stringify(email)).toEqual({ status: "invalid_email", error });
    }
  });

  test("address limit applies to known and unknown alike", async () => {
    const known = uniqueAddress("known");
    await createAccountWithEmail(known);
    const unknown = uniqueAddress("unknown");

    for (const email of [known, unknown]) {
      for (let request = 0; request < EMAIL_CODE_LIMIT_PER_ADDRESS; request++) {
        expect((await requestEmailCode(deps, { email, clientAddress: uniqueClient(), invitationToken: undefined, locale: "nb" })).status).toBe("requested");
      }
      const limited = await requestEmailCode(deps, { email, clientAddress: uniqueClient(), invitationToken: undefined, locale: "nb" });
      expect(limited.status).toBe("rate_limited");
      if (limited.status === "rate_limited") {
        expect(limited.retryAfterSeconds).toBeGreaterThan(0);
        expect(limited.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
      }
    }
  });

  test("client limit applies across addresses", async () => {
    const clientAddress = uniqueClient();
    for (let request = 0; request < EMAIL_CODE_LIMIT_PER_CLIENT; request++) {
      expect((await requestEmailCode(deps, { email: uniqueAddress(), clientAddress, invitationToken: undefined, locale: "nb" })).status).toBe("requested");
    }
    expect((await requestEmailCode(deps, { email: uniqueAddress(), clientAddress, invitationToken: undefined, locale: "nb" })).status).toBe("rate_limited");
    expect((await requestEmailCode(deps, { email: uniqueAddress(), clientAddress: uniqueClient(), invitationToken: undefined, locale: "nb" })).status).toBe("requested");
  });

  test("limited request stores no code", async () => {
    const email = uniqueAddress();
    const emailLookup = lookupHash(database.keys, "email", email);
    for (let request = 0; request <= EMAIL_CODE_LIMIT_PER_ADDRESS; request++) {
      await requestEmailCode(deps, { email, clientAddress: uniqueClient(), invitationToken: undefined, locale: "nb" });
    }
    const rows = await database.db.select({ id: emailCodes.id }).from(emailCodes).where(eq(emailCodes.emailLookup, emailLookup));
    expect(rows).toHaveLength(EMAIL_CODE_LIMIT_PER_ADDRESS);
  });

  test("invitation lets a new address create an account", async () => {
    const email = uniqueAddress("invitee");
    const token = await createInvitation({ role: "member" });

    const { challengeId, code } = await requestAndReceive(email, { invitationToken: token });
    const result = await verify(challengeId, code, { invitationToken: token });
    expect(result).toMatchObject({ status: "verified", invitation: "redeemed" });
    if (result.status !== "verified") return;

    const [identity] = await database.db.select().from(identities).where(eq(identities.accountId, result.accountId));
    expect(identity?.emailLookup).toBe(lookupHash(database.keys, "email", email));
    const roles = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, result.accountId));
    expect(roles.map((row) => row.role)).toEqual(["member"]);
  });

  test("invited code needs the invitation at verification", async () => {
    const email = uniqueAddress("invitee");
    const token = await createInvitation();

    const { challengeId, code } = await requestAndReceive(email, { invitationToken: token });
    expect(await verify(challengeId, code)).toEqual({ status: "not_possible", invitation: null });
    const rows = await database.db.select().from(identities).where(eq(identities.emailLookup, lookupHash(database.keys, "email", email)));
    expect(rows).toEqual([]);
  });

  test("invitation used in between is reported", async () => {
    const email = uniqueAddress("invitee");
    const token = await createInvitation();
    const { challengeId, code } = await requestAndReceive(email, { invitationToken: token });
    await database.db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.tokenHash, sha256Hex(token)));

    expect(await verify(challengeId, code, { invitationToken: token })).toEqual({ status: "not_possible", invitation: "used" });
  });

  test("expired invitation sends no mail", async () => {
    const email = uniqueAddress("invitee");
    const token = await createInvitation({ expiresAt: new Date(Date.now() - 1_000) });
    const marker = uniqueAddress("marker");
    await createAccountWithEmail(marker);

    await requestCode(email, { invitationToken: token });
    await requestCode(marker);
    await waitForMail(smtp.httpPort, marker);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await listMail(smtp.httpPort, email)).toEqual([]);
  });

  test("existing account redeems an invitation", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email, { roles: ["member"] });
    const token = await createInvitation({ role: "peer_moderator" });

    const { challengeId, code } = await requestAndReceive(email, { invitationToken: token });
    expect(await verify(challengeId, code, { invitationToken: token })).toEqual({ status: "verified", accountId, invitation: "redeemed" });

    const roles = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId));
    expect(roles.map((row) => row.role).sort()).toEqual(["member", "peer_moderator"]);
    const [row] = await database.db.select({ emailEncrypted: emailCodes.emailEncrypted }).from(emailCodes).where(eq(emailCodes.id, challengeId));
    expect(row?.emailEncrypted).toBeNull();
  });

  test("existing account signs in despite a spent invitation", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);
    const token = await createInvitation({ expiresAt: new Date(Date.now() - 1_000) });

    const { challengeId, code } = await requestAndReceive(email, { invitationToken: token });
    expect(await verify(challengeId, code, { invitationToken: token })).toEqual({ status: "verified", accountId, invitation: "expired" });
  });

  test("account disabled after the request cannot sign in", async () => {
    const email = uniqueAddress();
    const accountId = await createAccountWithEmail(email);
    const { challengeId, code } = await requestAndReceive(email);
    await database.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, accountId));

    expect(await verify(challengeId, code)).toEqual({ status: "not_possible", invitation: null });
  });

  test("pruning deletes only long-expired codes", async () => {
    const email = uniqueAddress();
    const now = new Date();
    const old = await requestCode(email, { now: new Date(now.getTime() - (EMAIL_CODE_RETENTION_HOURS * 60 + EMAIL_CODE_VALID_MINUTES + 1) * 60_000) });
    const recent = await requestCode(email, { now: new Date(now.getTime() - 60_000) });

    expect(await pruneEmailCodes(database.db, now)).toBeGreaterThanOrEqual(1);
    const left = await database.db.select({ id: emailCodes.id }).from(emailCodes).where(eq(emailCodes.emailLookup, lookupHash(database.keys, "email", email)));
    expect(left.map((row) => row.id)).toEqual([recent]);
    expect(left.map((row) => row.id)).not.toContain(old);
  });
});
