import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { accountRoles, accounts, identities, sessions } from "../identity/schema";
import { encryptText } from "../platform/crypto";
import { createSession, endAllSessions, pruneExpiredSessions, resolveSession } from "./index";

const sessionConfig = { idleMinutesMember: 30, idleMinutesProvider: 15, absoluteHours: 12 };

describe.each(testEngines())("sessions on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function createAccount(roles: ("member" | "provider")[]) {
    const [account] = await database.db.insert(accounts).values({ termsAcceptedAt: new Date() }).returning({ id: accounts.id });
    await database.db.insert(accountRoles).values(roles.map((role) => ({ accountId: account!.id, role })));
    return account!.id;
  }

  test("stores only a hash of a 256-bit token", async () => {
    const accountId = await createAccount(["member"]);
    const { token, tokenHash } = await createSession(database.db, sessionConfig, { accountId, method: "demo" });

    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await database.db.select().from(sessions).where(eq(sessions.accountId, accountId));
    expect(stored.map((row) => row.tokenHash)).toEqual([tokenHash]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  test("member session ends after 30 idle minutes", async () => {
    const accountId = await createAccount(["member"]);
    const start = new Date("2026-12-04T10:00:00Z");
    const { token } = await createSession(database.db, sessionConfig, { accountId, method: "demo" }, start);

    const active = await resolveSession(database.db, database.keys, token, new Date("2026-12-04T10:29:00Z"));
    expect(active.status).toBe("active");
    const expired = await resolveSession(database.db, database.keys, token, new Date("2026-12-04T11:00:00Z"));
    expect(expired.status).toBe("expired");
    const afterwards = await resolveSession(database.db, database.keys, token, new Date("2026-12-04T11:00:01Z"));
    expect(afterwards.status).toBe("none");
  });

  test("provider session ends after 15 idle minutes", async () => {
    const accountId = await createAccount(["provider"]);
    const start = new Date("2026-12-04T10:00:00Z");
    const { token } = await createSession(database.db, sessionConfig, { accountId, method: "helseid" }, start);

    const result = await resolveSession(database.db, database.keys, token, new Date("2026-12-04T10:16:00Z"));
    expect(result.status).toBe("expired");
  });

  test("activity keeps a session alive until the absolute limit", async () => {
    const accountId = await createAccount(["member"]);
    const start = new Date("2026-12-04T08:00:00Z");
    const { token } = await createSession(database.db, sessionConfig, { accountId, method: "demo" }, start);

    for (let hour = 0; hour < 12; hour++) {
      for (const minute of [20, 40, 59]) {
        const at = new Date(start.getTime() + hour * 3_600_000 + minute * 60_000);
        expect((await resolveSession(database.db, database.keys, token, at)).status).toBe("active");
      }
    }
    const past = await resolveSession(database.db, database.keys, token, new Date(start.getTime() + 12 * 3_600_000 + 60_000));
    expect(past.status).toBe("expired");
  });

  test("disabled account loses every session", async () => {
    const accountId = await createAccount(["member"]);
    const first = await createSession(database.db, sessionConfig, { accountId, method: "demo" });
    const second = await createSession(database.db, sessionConfig, { accountId, method: "email" });

    await database.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, accountId));
    expect((await resolveSession(database.db, database.keys, first.token)).status).toBe("expired");

    await endAllSessions(database.db, accountId);
    expect((await resolveSession(database.db, database.keys, second.token)).status).toBe("none");
  });

  test("member without a pseudonym is shown by no name", async () => {
    const accountId = await createAccount(["member"]);
    await database.db.insert(identities).values({ accountId, fullNameEncrypted: encryptText(database.keys, "Kari Nordby") });
    const { token } = await createSession(database.db, sessionConfig, { accountId, method: "email" });

    const result = await resolveSession(database.db, database.keys, token);
    expect(result.status).toBe("active");
    expect(result.status === "active" ? result.actor.displayName : "not active").toBeNull();
  });

  test("provider is shown by real name", async () => {
    const accountId = await createAccount(["provider"]);
    await database.db.insert(identities).values({ accountId, fullNameEncrypted: encryptText(database.keys, "Anne Berg") });
    const { token } = await createSession(database.db, sessionConfig, { accountId, method: "helseid" });

    const result = await resolveSession(database.db, database.keys, token);
    expect(result.status).toBe("active");
    expect(result.status === "active" ? result.actor.displayName : "not active").toBe("Anne Berg");
  });

  test("pruning deletes only expired sessions", async () => {
    const accountId = await createAccount(["member"]);
    const start = new Date("2026-12-04T10:00:00Z");
    const idle = await createSession(database.db, sessionConfig, { accountId, method: "demo" }, start);
    const fresh = await createSession(database.db, sessionConfig, { accountId, method: "demo" }, new Date("2026-12-04T10:50:00Z"));

    const deleted = await pruneExpiredSessions(database.db, new Date("2026-12-04T11:00:00Z"));

    expect(deleted).toBeGreaterThanOrEqual(1);
    const remaining = (await database.db.select().from(sessions).where(eq(sessions.accountId, accountId))).map((row) => row.tokenHash);
    expect(remaining).toEqual([fresh.tokenHash]);
    expect(remaining).not.toContain(idle.tokenHash);
  });

  test("unknown or oversized token resolves to none", async () => {
    expect((await resolveSession(database.db, database.keys, "not-a-session")).status).toBe("none");
    expect((await resolveSession(database.db, database.keys, "x".repeat(500))).status).toBe("none");
    expect((await resolveSession(database.db, database.keys, undefined)).status).toBe("none");
  });
});
