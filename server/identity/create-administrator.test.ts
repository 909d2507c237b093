import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { commitWhileBlocked } from "../../tests/support/commit-while-blocked";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { decryptText, encryptText, lookupHash } from "../platform/crypto";
import { unsafeCreateAdministrator } from "./create-administrator";
import { findAccountByClaim } from "./find-account";
import { accountRoles, accounts, identities } from "./schema";

// Synthetic national ID numbers with valid check digits: a fødselsnummer, a D-number and a test number (month + 80).
const validNationalId = "15028045686";
const validDNumber = "41019012393";
const validTestNumber = "01819012365";

describe.each(testEngines())("unsafeCreateAdministrator on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function accountCount() {
    const [row] = await database.db.select({ value: count() }).from(accounts);
    return Number(row?.value);
  }

  test("creates an account that sign-in finds by each identifier", async () => {
    const result = await unsafeCreateAdministrator(database.db, database.keys, {
      fullName: "  Kari Nordmann ",
      email: " Kari.Nordmann@Kommune.example ",
      nationalId: "150280 45686",
      hprNumber: "1234567",
    });

    expect(result).toMatchObject({ status: "created", signInClaims: ["email", "national_id", "hpr"] });
    if (result.status !== "created") return;
    const found = { status: "found", accountId: result.accountId };
    expect(await findAccountByClaim(database.db, database.keys, { kind: "email", value: "kari.nordmann@kommune.example" })).toEqual(found);
    expect(await findAccountByClaim(database.db, database.keys, { kind: "national_id", value: validNationalId })).toEqual(found);
    expect(await findAccountByClaim(database.db, database.keys, { kind: "hpr", value: "1234567" })).toEqual(found);
  });

  test("account is active, an administrator, with terms unaccepted", async () => {
    const result = await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Ola Admin", email: "ola@kommune.example" });
    if (result.status !== "created") throw new Error(result.status);

    const [account] = await database.db.select().from(accounts).where(eq(accounts.id, result.accountId));
    expect(account?.status).toBe("active");
    expect(account?.termsAcceptedAt).toBeNull();
    expect(account?.isDemo).toBe(false);
    const roles = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, result.accountId));
    expect(roles).toEqual([{ role: "administrator" }]);
  });

  test("identity values are stored encrypted", async () => {
    const result = await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Siri Kryptert", email: "Siri@Kommune.example", nationalId: validDNumber });
    if (result.status !== "created") throw new Error(result.status);

    const [identity] = await database.db.select().from(identities).where(eq(identities.accountId, result.accountId));
    expect(identity?.fullNameEncrypted).not.toContain("Siri");
    expect(identity?.emailEncrypted).not.toContain("siri");
    expect(decryptText(database.keys, identity!.fullNameEncrypted!)).toBe("Siri Kryptert");
    expect(decryptText(database.keys, identity!.emailEncrypted!)).toBe("siri@kommune.example");
    expect(decryptText(database.keys, identity!.nationalIdEncrypted!)).toBe(validDNumber);
    expect(identity?.hprNumberEncrypted).toBeNull();
    expect(identity?.hprNumberLookup).toBeNull();
  });

  test("audit event names the command line and the role", async () => {
    const result = await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Per Revisjon", hprNumber: "7654321" });
    if (result.status !== "created") throw new Error(result.status);

    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, result.accountId));
    expect(events.map((event) => [event.action, event.actorId, event.subjectType, event.details])).toEqual([
      ["account.created", null, "account", { via: "command_line", role: "administrator" }],
    ]);
  });

  test("synthetic test national ID number is accepted", async () => {
    const result = await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Test Testesen", nationalId: validTestNumber });
    expect(result.status).toBe("created");
  });

  test("identifier in use is rejected and nothing is created", async () => {
    await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Først Ute", email: "forst@kommune.example", hprNumber: "5550001" });
    const before = await accountCount();

    const sameEmail = await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Nummer To", email: "FORST@kommune.example", nationalId: "31129934517" });
    const sameHpr = await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Nummer Tre", email: "tre@kommune.example", hprNumber: "555 0001" });
    const both = await unsafeCreateAdministrator(database.db, database.keys, { fullName: "Nummer Fire", email: "forst@kommune.example", hprNumber: "5550001" });

    expect(sameEmail).toEqual({ status: "identity_taken", claims: ["email"] });
    expect(sameHpr).toEqual({ status: "identity_taken", claims: ["hpr"] });
    expect(both).toEqual({ status: "identity_taken", claims: ["email", "hpr"] });
    expect(await accountCount()).toBe(before);
    expect(await findAccountByClaim(database.db, database.keys, { kind: "national_id", value: "31129934517" })).toEqual({ status: "none" });
  });

  test("concurrent creates with one identifier create one account", async () => {
    const results = await Promise.all(
      [1, 2, 3].map((number) => unsafeCreateAdministrator(database.db, database.keys, { fullName: `Samtidig ${number}`, email: "samtidig@kommune.example" })),
    );

    expect(results.filter((result) => result.status === "created")).toHaveLength(1);
    expect(results.filter((result) => result.status === "identity_taken")).toHaveLength(2);
  });

  test.runIf(engine === "postgres")("identifier taken during the create is rejected", async () => {
    const before = await accountCount();

    const result = await commitWhileBlocked(
      database.db,
      async (tx) => {
        const [account] = await tx.insert(accounts).values({}).returning({ id: accounts.id });
        const email = "kapplop@kommune.example";
        await tx.insert(identities).values({ accountId: account!.id, emailEncrypted: encryptText(database.keys, email), emailLookup: lookupHash(database.keys, "email", email) });
      },
      () => unsafeCreateAdministrator(database.db, database.keys, { fullName: "For Sent", email: "kapplop@kommune.example" }),
    );

    expect(result).toEqual({ status: "identity_taken", claims: ["email"] });
    expect(await accountCount()).toBe(before + 1);
  });

  test.each([
    [{ fullName: "" }, { fullName: "full_name_missing", signIn: "sign_in_identifier_missing" }],
    [{ fullName: undefined, email: "a@kommune.example" }, { fullName: "full_name_missing" }],
    [{ fullName: "x".repeat(121), email: "a@kommune.example" }, { fullName: "full_name_too_long" }],
    [{ fullName: "12345", email: "a@kommune.example" }, { fullName: "full_name_without_letters" }],
    [{ fullName: "Kari Nordmann" }, { signIn: "sign_in_identifier_missing" }],
    [{ fullName: "Kari Nordmann", email: " ", nationalId: "", hprNumber: "" }, { signIn: "sign_in_identifier_missing" }],
    [{ fullName: "Kari Nordmann", email: "kari@" }, { email: "email_invalid" }],
    [{ fullName: "Kari Nordmann", email: `${"k".repeat(250)}@kommune.example` }, { email: "email_too_long" }],
    [{ fullName: "Kari Nordmann", nationalId: "1502804568" }, { nationalId: "national_id_not_eleven_digits" }],
    [{ fullName: "Kari Nordmann", nationalId: "1502804568x" }, { nationalId: "national_id_not_eleven_digits" }],
    [{ fullName: "Kari Nordmann", nationalId: "15028045687" }, { nationalId: "national_id_check_digits_invalid" }],
    [{ fullName: "Kari Nordmann", nationalId: "31029912370" }, { nationalId: "national_id_birth_date_invalid" }],
    [{ fullName: "Kari Nordmann", hprNumber: "12a4567" }, { hprNumber: "hpr_number_invalid" }],
    [{ fullName: "Kari Nordmann", hprNumber: "1234567890" }, { hprNumber: "hpr_number_invalid" }],
    [{ fullName: "", email: "nope", hprNumber: "x" }, { fullName: "full_name_missing", email: "email_invalid", hprNumber: "hpr_number_invalid" }],
  ])("rejects %j", async (input, errors) => {
    const before = await accountCount();

    expect(await unsafeCreateAdministrator(database.db, database.keys, input)).toEqual({ status: "invalid", errors });
    expect(await accountCount()).toBe(before);
  });
});
