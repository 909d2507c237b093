import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { anonymous, type PersonActor } from "./actor";
import { disableAccount } from "./disable-account";
import { enableAccount } from "./enable-account";
import { grantRole } from "./grant-role";
import { listAccounts } from "./list-accounts";
import { revokeRole } from "./revoke-role";
import { accountRoles, accounts, sessions } from "./schema";
import { auditEvents } from "../audit/schema";
import { createSession } from "../sessions";

const sessionConfig = { idleMinutesMember: 30, idleMinutesProvider: 15, absoluteHours: 12 };

describe.each(testEngines())("account administration on %s", (engine) => {
  let database: TestDatabase;
  let administrator: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    administrator = await createTestAccount(database, { roles: ["administrator"], fullName: "Astrid Admin" });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function statusOf(accountId: string) {
    const [row] = await database.db.select({ status: accounts.status, disabledAt: accounts.disabledAt }).from(accounts).where(eq(accounts.id, accountId));
    return row;
  }

  async function auditFor(accountId: string) {
    return database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectType, "account"), eq(auditEvents.subjectId, accountId)));
  }

  async function rolesOf(accountId: string) {
    const rows = await database.db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId));
    return rows.map((row) => row.role).sort();
  }

  describe("disableAccount", () => {
    test("disables, ends every session and audits", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      await createSession(database.db, sessionConfig, { accountId: member.accountId, method: "demo" });
      await createSession(database.db, sessionConfig, { accountId: member.accountId, method: "email" });

      const result = await disableAccount(database.db, administrator, { accountId: member.accountId, reason: "requested_by_person" });

      expect(result).toEqual({ status: "disabled" });
      const account = await statusOf(member.accountId);
      expect(account?.status).toBe("disabled");
      expect(account?.disabledAt).toBeInstanceOf(Date);
      expect(await database.db.select().from(sessions).where(eq(sessions.accountId, member.accountId))).toEqual([]);
      const events = await auditFor(member.accountId);
      expect(events.map((event) => [event.action, event.actorId, event.details])).toEqual([["account.disabled", administrator.accountId, { reason: "requested_by_person" }]]);
    });

    test("records a missing reason as null", async () => {
      const provider = await createTestAccount(database, { roles: ["provider"] });
      expect(await disableAccount(database.db, administrator, { accountId: provider.accountId, reason: "" })).toEqual({ status: "disabled" });
      const [event] = await auditFor(provider.accountId);
      expect(event?.details).toEqual({ reason: null });
    });

    test("administrator cannot disable themselves", async () => {
      expect(await disableAccount(database.db, administrator, { accountId: administrator.accountId })).toEqual({ status: "cannot_disable_self" });
      expect((await statusOf(administrator.accountId))?.status).toBe("active");
    });

    test("already disabled account is unchanged", async () => {
      const member = await createTestAccount(database, { roles: ["member"], status: "disabled" });
      expect(await disableAccount(database.db, administrator, { accountId: member.accountId })).toEqual({ status: "unchanged" });
      expect(await auditFor(member.accountId)).toEqual([]);
    });

    test("unknown reason code is rejected", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      expect(await disableAccount(database.db, administrator, { accountId: member.accountId, reason: "because" })).toEqual({ status: "invalid_reason" });
      expect((await statusOf(member.accountId))?.status).toBe("active");
    });

    test("unknown or malformed account reads not found", async () => {
      expect(await disableAccount(database.db, administrator, { accountId: "00000000-0000-4000-8000-000000000000" })).toEqual({ status: "not_found" });
      expect(await disableAccount(database.db, administrator, { accountId: "not-a-uuid" })).toEqual({ status: "not_found" });
    });

    test.each(["member", "peer_moderator", "provider", "researcher"] as const)("%s may not disable anyone", async (role) => {
      const actor = await createTestAccount(database, { roles: [role] });
      const target = await createTestAccount(database, { roles: ["member"] });
      expect(await disableAccount(database.db, actor, { accountId: target.accountId })).toEqual({ status: "not_found" });
      expect(await disableAccount(database.db, anonymous, { accountId: target.accountId })).toEqual({ status: "not_found" });
      expect((await statusOf(target.accountId))?.status).toBe("active");
      expect(await auditFor(target.accountId)).toEqual([]);
    });
  });

  describe("enableAccount", () => {
    test("enables a disabled account and audits", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      await disableAccount(database.db, administrator, { accountId: member.accountId });
      await createSession(database.db, sessionConfig, { accountId: member.accountId, method: "demo" });

      expect(await enableAccount(database.db, administrator, { accountId: member.accountId, reason: "disabled_by_mistake" })).toEqual({ status: "enabled" });

      const account = await statusOf(member.accountId);
      expect(account).toEqual({ status: "active", disabledAt: null });
      expect(await database.db.select().from(sessions).where(eq(sessions.accountId, member.accountId))).toEqual([]);
      const events = await auditFor(member.accountId);
      expect(events.map((event) => [event.action, event.details])).toEqual(
        expect.arrayContaining([
          ["account.disabled", { reason: null }],
          ["account.enabled", { reason: "disabled_by_mistake" }],
        ]),
      );
    });

    test("active account is unchanged", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      expect(await enableAccount(database.db, administrator, { accountId: member.accountId })).toEqual({ status: "unchanged" });
      expect(await auditFor(member.accountId)).toEqual([]);
    });

    test("disable reason is not an enable reason", async () => {
      const member = await createTestAccount(database, { roles: ["member"], status: "disabled" });
      expect(await enableAccount(database.db, administrator, { accountId: member.accountId, reason: "security_concern" })).toEqual({ status: "invalid_reason" });
    });

    test("provider may not enable anyone", async () => {
      const provider = await createTestAccount(database, { roles: ["provider"] });
      const member = await createTestAccount(database, { roles: ["member"], status: "disabled" });
      expect(await enableAccount(database.db, provider, { accountId: member.accountId })).toEqual({ status: "not_found" });
      expect((await statusOf(member.accountId))?.status).toBe("disabled");
    });
  });

  describe("grantRole and revokeRole", () => {
    test("grant adds a role and audits", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      expect(await grantRole(database.db, administrator, { accountId: member.accountId, role: "peer_moderator" })).toEqual({ status: "granted" });
      expect(await rolesOf(member.accountId)).toEqual(["member", "peer_moderator"]);
      const events = await auditFor(member.accountId);
      expect(events.map((event) => [event.action, event.actorId, event.details])).toEqual([["role.granted", administrator.accountId, { role: "peer_moderator" }]]);
    });

    test("granting a held role is unchanged", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      expect(await grantRole(database.db, administrator, { accountId: member.accountId, role: "member" })).toEqual({ status: "unchanged" });
      expect(await auditFor(member.accountId)).toEqual([]);
    });

    test("unknown role is rejected", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      expect(await grantRole(database.db, administrator, { accountId: member.accountId, role: "superuser" })).toEqual({ status: "invalid_role" });
      expect(await revokeRole(database.db, administrator, { accountId: member.accountId, role: "superuser" })).toEqual({ status: "invalid_role" });
    });

    test("grant to unknown account reads not found", async () => {
      expect(await grantRole(database.db, administrator, { accountId: "00000000-0000-4000-8000-000000000000", role: "member" })).toEqual({ status: "not_found" });
    });

    test("revoke removes a role and audits", async () => {
      const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"] });
      expect(await revokeRole(database.db, administrator, { accountId: moderator.accountId, role: "peer_moderator" })).toEqual({ status: "revoked" });
      expect(await rolesOf(moderator.accountId)).toEqual(["member"]);
      const events = await auditFor(moderator.accountId);
      expect(events.map((event) => [event.action, event.details])).toEqual([["role.revoked", { role: "peer_moderator" }]]);
    });

    test("revoking a role not held is unchanged", async () => {
      const member = await createTestAccount(database, { roles: ["member", "researcher"] });
      expect(await revokeRole(database.db, administrator, { accountId: member.accountId, role: "provider" })).toEqual({ status: "unchanged" });
    });

    test("an account keeps its last role", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      expect(await revokeRole(database.db, administrator, { accountId: member.accountId, role: "member" })).toEqual({ status: "last_role" });
      expect(await rolesOf(member.accountId)).toEqual(["member"]);
    });

    test.each(["member", "peer_moderator", "provider", "researcher"] as const)("%s may not grant or revoke roles", async (role) => {
      const actor = await createTestAccount(database, { roles: [role] });
      const target = await createTestAccount(database, { roles: ["member", "researcher"] });
      expect(await grantRole(database.db, actor, { accountId: actor.accountId, role: "administrator" })).toEqual({ status: "not_found" });
      expect(await grantRole(database.db, actor, { accountId: target.accountId, role: "provider" })).toEqual({ status: "not_found" });
      expect(await revokeRole(database.db, actor, { accountId: target.accountId, role: "researcher" })).toEqual({ status: "not_found" });
      expect(await rolesOf(actor.accountId)).toEqual([role]);
      expect(await rolesOf(target.accountId)).toEqual(["member", "researcher"]);
    });
  });

  describe("listAccounts", () => {
    test("shows the pseudonym for members and the real name for others, never both", async () => {
      const communityId = await createTestCommunity(database, "Personvern kommune");
      const member = await createTestAccount(database, { roles: ["member"], fullName: "Hemmelig Hansen", pseudonym: "Tåkefyr", communityIds: [communityId] });
      const provider = await createTestAccount(database, { roles: ["provider"], fullName: "Berit Behandler", communityIds: [communityId] });

      const result = await listAccounts(database.db, database.keys, administrator, { communityId });

      expect(result.status).toBe("listed");
      if (result.status !== "listed") return;
      const byId = new Map(result.accounts.map((row) => [row.accountId, row]));
      expect(byId.get(member.accountId)?.displayName).toEqual({ kind: "pseudonym", text: "Tåkefyr" });
      expect(byId.get(provider.accountId)?.displayName).toEqual({ kind: "real_name", text: "Berit Behandler" });
      expect(JSON.stringify(result)).not.toContain("Hemmelig Hansen");
      expect(byId.get(member.accountId)?.communities).toEqual([{ id: communityId, name: "Personvern kommune" }]);
    });

    test("filters by role, community and status", async () => {
      const communityId = await createTestCommunity(database);
      const researcher = await createTestAccount(database, { roles: ["researcher"], communityIds: [communityId] });
      const disabled = await createTestAccount(database, { roles: ["member"], communityIds: [communityId], status: "disabled" });
      const elsewhere = await createTestAccount(database, { roles: ["researcher"] });

      const inCommunity = await listAccounts(database.db, database.keys, administrator, { communityId });
      const researchers = await listAccounts(database.db, database.keys, administrator, { communityId, role: "researcher" });
      const disabledOnly = await listAccounts(database.db, database.keys, administrator, { communityId, status: "disabled" });
      const allResearchers = await listAccounts(database.db, database.keys, administrator, { role: "researcher" });

      const ids = (result: typeof inCommunity) => (result.status === "listed" ? result.accounts.map((row) => row.accountId).sort() : []);
      expect(ids(inCommunity)).toEqual([researcher.accountId, disabled.accountId].sort());
      expect(ids(researchers)).toEqual([researcher.accountId]);
      expect(ids(disabledOnly)).toEqual([disabled.accountId]);
      expect(ids(allResearchers)).toEqual(expect.arrayContaining([researcher.accountId, elsewhere.accountId]));
      expect(ids(allResearchers)).not.toContain(disabled.accountId);
    });

    test("ignores filters and cursors that do not parse", async () => {
      const result = await listAccounts(database.db, database.keys, administrator, { role: "king", communityId: "x", status: "gone", cursor: "bm9wZQ" });
      expect(result.status).toBe("listed");
      if (result.status !== "listed") return;
      expect(result.filter).toEqual({});
      expect(result.accounts.length).toBeGreaterThan(0);
    });

    test("marks the administrator's own row", async () => {
      const result = await listAccounts(database.db, database.keys, administrator, { role: "administrator" });
      if (result.status !== "listed") throw new Error(result.status);
      expect(result.accounts.find((row) => row.accountId === administrator.accountId)?.isSelf).toBe(true);
      expect(result.accounts.filter((row) => row.isSelf)).toHaveLength(1);
    });

    test.each(["member", "peer_moderator", "provider", "researcher"] as const)("%s may not list accounts", async (role) => {
      const actor = await createTestAccount(database, { roles: [role] });
      expect(await listAccounts(database.db, database.keys, actor, {})).toEqual({ status: "not_found" });
      expect(await listAccounts(database.db, database.keys, anonymous, {})).toEqual({ status: "not_found" });
    });

    test("pages through ties in created_at without gaps or repeats", async () => {
      const communityId = await createTestCommunity(database);
      // 120 accounts: 60 share one microsecond, the rest differ below a millisecond, which a JavaScript Date cannot tell apart.
      const created: string[] = [];
      for (let index = 0; index < 120; index++) {
        const micro = index < 60 ? 100 : 100 + index;
        const [row] = await database.db
          .insert(accounts)
          .values({ createdAt: sql`${`2026-03-01 10:00:00.000${String(micro).padStart(3, "0")}+00`}::timestamptz` as unknown as Date })
          .returning({ id: accounts.id });
        created.push(row!.id);
      }
      await database.db.insert(accountRoles).values(created.map((accountId) => ({ accountId, role: "member" as const })));
      await database.db.execute(sql`insert into community_memberships (account_id, community_id) select id, ${communityId}::uuid from accounts where created_at < '2026-03-02'`);

      const seen: string[] = [];
      const pageSizes: number[] = [];
      let cursor: string | null = null;
      do {
        const result = await listAccounts(database.db, database.keys, administrator, { communityId, cursor });
        if (result.status !== "listed") throw new Error(result.status);
        pageSizes.push(result.accounts.length);
        seen.push(...result.accounts.map((row) => row.accountId));
        cursor = result.nextCursor;
      } while (cursor !== null && pageSizes.length < 10);

      expect(pageSizes).toEqual([50, 50, 20]);
      expect(new Set(seen).size).toBe(120);
      expect([...seen].sort()).toEqual([...created].sort());
      // Newest first: the 60 later microseconds come before the 60 that tie.
      expect(new Set(seen.slice(0, 60))).toEqual(new Set(created.slice(60)));
    });
  });
});

describe.each(testEngines())("last administrator on %s", (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(async () => {
    await database?.close();
  });

  async function activeAdministrators() {
    const rows = await database.db
      .select({ id: accounts.id })
      .from(accounts)
      .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
      .where(and(eq(accountRoles.role, "administrator"), eq(accounts.status, "active")));
    return rows.map((row) => row.id);
  }

  test("sole administrator keeps the role", async () => {
    const only = await createTestAccount(database, { roles: ["administrator", "researcher"] });
    expect(await revokeRole(database.db, only, { accountId: only.accountId, role: "administrator" })).toEqual({ status: "last_administrator" });
    expect(await activeAdministrators()).toEqual([only.accountId]);
  });

  test("administrator may step down while another remains", async () => {
    const first = await createTestAccount(database, { roles: ["administrator", "researcher"] });
    const second = await createTestAccount(database, { roles: ["administrator"] });
    expect(await revokeRole(database.db, first, { accountId: first.accountId, role: "administrator" })).toEqual({ status: "revoked" });
    expect(await activeAdministrators()).toEqual([second.accountId]);
  });

  test("a disabled administrator does not count", async () => {
    const active = await createTestAccount(database, { roles: ["administrator", "member"] });
    await createTestAccount(database, { roles: ["administrator"], status: "disabled" });
    expect(await revokeRole(database.db, active, { accountId: active.accountId, role: "administrator" })).toEqual({ status: "last_administrator" });
  });

  test("stale actor cannot disable the only active administrator", async () => {
    // The actor's role was revoked after their page loaded, so the database now has one administrator.
    const staleActor = await createTestAccount(database, { roles: ["administrator", "researcher"] });
    const remaining = await createTestAccount(database, { roles: ["administrator"] });
    await database.db.delete(accountRoles).where(and(eq(accountRoles.accountId, staleActor.accountId), eq(accountRoles.role, "administrator")));

    expect(await disableAccount(database.db, staleActor, { accountId: remaining.accountId })).toEqual({ status: "last_administrator" });
    expect(await activeAdministrators()).toEqual([remaining.accountId]);
  });

  test("two administrators revoking each other leave one", async () => {
    const first = await createTestAccount(database, { roles: ["administrator", "member"] });
    const second = await createTestAccount(database, { roles: ["administrator", "member"] });

    const results = await Promise.all([
      revokeRole(database.db, first, { accountId: second.accountId, role: "administrator" }),
      revokeRole(database.db, second, { accountId: first.accountId, role: "administrator" }),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(["last_administrator", "revoked"]);
    expect(await activeAdministrators()).toHaveLength(1);
  });

  test("two administrators disabling each other leave one", async () => {
    const first = await createTestAccount(database, { roles: ["administrator"] });
    const second = await createTestAccount(database, { roles: ["administrator"] });

    const results = await Promise.all([
      disableAccount(database.db, first, { accountId: second.accountId }),
      disableAccount(database.db, second, { accountId: first.accountId }),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(["disabled", "last_administrator"]);
    expect(await activeAdministrators()).toHaveLength(1);
  });
});
