import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";

import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { recordAuditEvent } from "./record-audit-event";
import { auditEvents } from "./schema";

describe.each(testEngines())("audit log on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  test("records an event", async () => {
    await recordAuditEvent(database.db, { actorId: null, action: "test.recorded", subjectType: "test", subjectId: "1", details: { reason: "check" } });
    const rows = await database.db.select().from(auditEvents);
    expect(rows.map((row) => row.action)).toContain("test.recorded");
  });

  test("rejects update, delete and truncate", async () => {
    await expect(database.db.execute(sql`update audit_events set action = 'changed'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const rows = await database.db.select().from(auditEvents);
    expect(rows.every((row) => row.action === "test.recorded")).toBe(true);
  });
});
