import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { anonymous, type PersonActor } from "../identity/actor";
import { listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";
import { auditEvents } from "./schema";

describe.each(testEngines())("listAuditEvents on %s", (engine) => {
  let database: TestDatabase;
  let administrator: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    administrator = await createTestAccount(database, { roles: ["administrator"], fullName: "Aud Administrator" });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function listAll(actionPrefix: string) {
    const events = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result = await listAuditEvents(database.db, database.keys, administrator, { actionPrefix, cursor });
      if (result.status !== "listed") throw new Error(result.status);
      events.push(...result.events);
      cursor = result.nextCursor;
      if (cursor === null) break;
    }
    return events;
  }

  test("labels people by the display-name rule, never both", async () => {
    const member = await createTestAccount(database, { roles: ["member"], fullName: "Skjult Skjulesen", pseudonym: "Måkeskrik" });
    const provider = await createTestAccount(database, { roles: ["provider"], fullName: "Petter Provider" });
    await recordAuditEvent(database.db, { actorId: member.accountId, action: "labels.member_acted", subjectType: "account", subjectId: provider.accountId });

    const result = await listAuditEvents(database.db, database.keys, administrator, { actionPrefix: "labels." });
    if (result.status !== "listed") throw new Error(result.status);

    expect(result.events).toHaveLength(1);
    expect(result.events[0]?.actor).toEqual({ id: member.accountId, label: { kind: "pseudonym", text: "Måkeskrik" } });
    expect(result.events[0]?.subject).toEqual({ type: "account", id: provider.accountId, label: { kind: "real_name", text: "Petter Provider" } });
    expect(JSON.stringify(result)).not.toContain("Skjult Skjulesen");
  });

  test("labels communities and leaves other subjects unlabelled", async () => {
    const communityId = await createTestCommunity(database, "Loggvik kommune");
    await recordAuditEvent(database.db, { actorId: administrator.accountId, action: "subjects.community", subjectType: "community", subjectId: communityId });
    await recordAuditEvent(database.db, { actorId: null, action: "subjects.other", subjectType: "invitation", subjectId: "not-a-uuid", details: { code: "x" } });

    const events = await listAll("subjects.");
    const byAction = new Map(events.map((event) => [event.action, event]));

    expect(byAction.get("subjects.community")?.subject.label).toEqual({ kind: "community", text: "Loggvik kommune" });
    expect(byAction.get("subjects.community")?.actor?.label).toEqual({ kind: "real_name", text: "Aud Administrator" });
    expect(byAction.get("subjects.other")?.subject).toEqual({ type: "invitation", id: "not-a-uuid", label: null });
    expect(byAction.get("subjects.other")?.actor).toBeNull();
    expect(byAction.get("subjects.other")?.details).toEqual([["code", "x"]]);
  });

  test("prefix matches literally, without wildcards", async () => {
    await recordAuditEvent(database.db, { actorId: null, action: "literal_a.done", subjectType: "test", subjectId: "1" });
    await recordAuditEvent(database.db, { actorId: null, action: "literalxa.done", subjectType: "test", subjectId: "2" });

    expect((await listAll("literal_a")).map((event) => event.action)).toEqual(["literal_a.done"]);
    expect((await listAll("LITERAL")).map((event) => event.action).sort()).toEqual(["literal_a.done", "literalxa.done"]);
  });

  test.each(["account%", "role.*", "a b", "x".repeat(61), "konto.deaktivert'"])("prefix %s is invalid and kept", async (actionPrefix) => {
    expect(await listAuditEvents(database.db, database.keys, administrator, { actionPrefix })).toEqual({ status: "invalid_prefix", actionPrefix });
  });

  test("pages newest first through ties without gaps or repeats", async () => {
    // 70 events share one timestamp, so only the id orders them; 40 more are a microsecond apart, below what a JavaScript Date keeps.
    const at = (microseconds: number) => sql`${`2026-05-01 12:00:00.${String(microseconds).padStart(6, "0")}+00`}::timestamptz` as unknown as Date;
    await database.db.insert(auditEvents).values(Array.from({ length: 70 }, (_, index) => ({ action: "paging.tied", subjectType: "test", subjectId: `tied-${index}`, createdAt: at(100) })));
    await database.db.insert(auditEvents).values(Array.from({ length: 40 }, (_, index) => ({ action: "paging.spread", subjectType: "test", subjectId: `spread-${index + 1}`, createdAt: at(101 + index) })));

    const firstPage = await listAuditEvents(database.db, database.keys, administrator, { actionPrefix: "paging." });
    if (firstPage.status !== "listed") throw new Error(firstPage.status);
    expect(firstPage.events).toHaveLength(50);
    expect(firstPage.nextCursor).not.toBeNull();

    const events = await listAll("paging.");
    expect(events).toHaveLength(110);
    expect(new Set(events.map((event) => event.id)).size).toBe(110);
    expect(events.slice(0, 40).map((event) => event.subject.id)).toEqual(Array.from({ length: 40 }, (_, index) => `spread-${40 - index}`));
    const tiedIds = events.slice(40).map((event) => event.id);
    expect(tiedIds).toEqual([...tiedIds].sort().reverse());
  });

  test("is not found for anyone but administrators", async () => {
    for (const role of ["member", "peer_moderator", "provider", "researcher"] as const) {
      const actor = await createTestAccount(database, { roles: [role] });
      expect(await listAuditEvents(database.db, database.keys, actor, {})).toEqual({ status: "not_found" });
    }
    expect(await listAuditEvents(database.db, database.keys, anonymous, {})).toEqual({ status: "not_found" });
  });
});
