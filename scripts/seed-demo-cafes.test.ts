import { and, asc, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { CAFE_REMINDER_QUEUE } from "../server/cafes/cafe-jobs";
import { cafeCompanyOffers, cafeRsvps, cafes, cafeSeries } from "../server/cafes/schema";
import { communities } from "../server/communities/schema";
import { memberProfiles } from "../server/identity/schema";
import { instantToPortalLocalTime } from "../server/platform/portal-time";
import { jobs } from "../server/platform/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "../tests/support/test-database";
import { seedDemo } from "./seed-demo";
import { demoCafeSeries } from "./seed-demo-cafes";

// Seeded on a winter day, so the six months ahead cross the change to summer time on 2027-03-28.
const seededAt = new Date("2026-12-05T09:00:00Z");

describe.each(testEngines())("demo kaféer on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.db.transaction(async (tx) => {
      await seedDemo(tx, database.keys);
    });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function cafesOf(slug: string) {
    return database.db
      .select({ id: cafes.id, startsAt: cafes.startsAt, endsAt: cafes.endsAt, attendanceRegisteredAt: cafes.attendanceRegisteredAt, title: cafes.title })
      .from(cafes)
      .innerJoin(communities, eq(communities.id, cafes.communityId))
      .where(and(eq(communities.slug, slug), eq(cafes.kind, "cafe")))
      .orderBy(asc(cafes.startsAt));
  }

  test("ten monthly kaféer per community", async () => {
    expect(await database.db.select({ id: cafeSeries.id }).from(cafeSeries)).toHaveLength(demoCafeSeries.length);
    for (const series of demoCafeSeries) {
      const rows = await cafesOf(series.community);
      expect(rows).toHaveLength(10);
      for (const row of rows) expect(instantToPortalLocalTime(row.startsAt).slice(11)).toBe(series.startTime);
      expect(new Set(rows.map((row) => instantToPortalLocalTime(row.startsAt).slice(0, 7))).size).toBe(10);
    }
  });

  test("attendance registered for past kaféer", async () => {
    const now = new Date();
    for (const row of await cafesOf("bjorkelia")) {
      const past = row.endsAt.getTime() <= now.getTime();
      expect(row.attendanceRegisteredAt !== null).toBe(past);
    }
  });

  test("next Bjørkelia kafé answers and reminders", async () => {
    const [next] = (await cafesOf("bjorkelia")).filter((row) => row.startsAt.getTime() > Date.now());
    const answers = await database.db
      .select({ pseudonym: memberProfiles.pseudonym, answer: cafeRsvps.answer })
      .from(cafeRsvps)
      .innerJoin(memberProfiles, eq(memberProfiles.accountId, cafeRsvps.accountId))
      .where(eq(cafeRsvps.cafeId, next!.id));
    expect(answers.map((row) => row.pseudonym).sort()).toEqual(["Bekkesildre", "Furutopp", "Lyngblom", "Multebær", "Sjøstjerne"]);
    expect(answers.every((row) => row.answer === "coming")).toBe(true);

    expect(await database.db.select({ id: cafeCompanyOffers.id }).from(cafeCompanyOffers).where(eq(cafeCompanyOffers.cafeId, next!.id))).toHaveLength(1);

    const [{ count } = { count: 0 }] = await database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(jobs)
      .where(and(eq(jobs.queue, CAFE_REMINDER_QUEUE), sql`${jobs.payload}->>'cafeId' = ${next!.id}`, gt(jobs.runAt, new Date())));
    // Two reminders each, unless the kafé is so close that the day-before one has passed.
    expect(Number(count)).toBeGreaterThanOrEqual(5);
  });

  test("member meet-up waits for approval", async () => {
    const pending = await database.db.select({ title: cafes.title }).from(cafes).where(eq(cafes.approval, "pending"));
    expect(pending).toEqual([{ title: "Kaffe på torget" }]);
  });
});

describe("demo kaféer seeded on a given day", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await database.db.transaction((tx) => seedDemo(tx, database.keys, seededAt));
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  test("18:00 kept across summer time", async () => {
    const rows = await database.db.select({ startsAt: cafes.startsAt }).from(cafes).innerJoin(communities, eq(communities.id, cafes.communityId)).where(eq(communities.slug, "bjorkelia")).orderBy(asc(cafes.startsAt));
    const starts = rows.map((row) => row.startsAt.toISOString());
    // First Tuesdays: 2027-03-02 is winter time (UTC+1), 2027-04-06 summer time (UTC+2).
    expect(starts).toContain("2027-03-02T17:00:00.000Z");
    expect(starts).toContain("2027-04-06T16:00:00.000Z");
    expect(starts[0]).toBe("2026-09-01T16:00:00.000Z");
  });
});
