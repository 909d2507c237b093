import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { hitRateLimit, pruneRateLimits } from "./rate-limit";
import { rateLimits } from "./schema";

describe.each(testEngines())("hitRateLimit on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const bucket = () => `test:${randomBytes(6).toString("hex")}`;

  test("allows up to the limit, then rejects with retry-after", async () => {
    const rule = { bucket: bucket(), limit: 3, windowSeconds: 60 };
    const now = new Date("2026-12-04T10:00:15Z");

    const results = [];
    for (let hit = 0; hit < 5; hit++) results.push(await hitRateLimit(database.db, rule, now));

    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false, false]);
    expect(results[3]?.retryAfterSeconds).toBe(45);
  });

  test("retry-after counts down to the end of the window", async () => {
    const rule = { bucket: bucket(), limit: 1, windowSeconds: 600 };
    await hitRateLimit(database.db, rule, new Date("2026-12-04T10:00:00Z"));

    expect(await hitRateLimit(database.db, rule, new Date("2026-12-04T10:09:59.500Z"))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await hitRateLimit(database.db, rule, new Date("2026-12-04T10:05:00Z"))).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  test("the next window starts again from zero", async () => {
    const rule = { bucket: bucket(), limit: 2, windowSeconds: 60 };
    for (let hit = 0; hit < 3; hit++) await hitRateLimit(database.db, rule, new Date("2026-12-04T10:00:30Z"));
    expect((await hitRateLimit(database.db, rule, new Date("2026-12-04T10:00:59.999Z"))).allowed).toBe(false);

    const next = await hitRateLimit(database.db, rule, new Date("2026-12-04T10:01:00Z"));

    expect(next).toEqual({ allowed: true, retryAfterSeconds: 60 });
    expect((await hitRateLimit(database.db, rule, new Date("2026-12-04T10:01:10Z"))).allowed).toBe(true);
    expect((await hitRateLimit(database.db, rule, new Date("2026-12-04T10:01:20Z"))).allowed).toBe(false);
  });

  test("buckets are counted apart", async () => {
    const first = { bucket: bucket(), limit: 1, windowSeconds: 60 };
    const second = { ...first, bucket: bucket() };
    const now = new Date("2026-12-04T10:00:00Z");

    expect((await hitRateLimit(database.db, first, now)).allowed).toBe(true);
    expect((await hitRateLimit(database.db, first, now)).allowed).toBe(false);
    expect((await hitRateLimit(database.db, second, now)).allowed).toBe(true);
  });

  test("concurrent hits are counted exactly", async () => {
    const rule = { bucket: bucket(), limit: 10, windowSeconds: 60 };
    const now = new Date("2026-12-04T10:00:00Z");

    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(database.db, rule, now)));

    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    const [row] = await database.db.select({ hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.bucket, rule.bucket));
    expect(row?.hits).toBe(40);
  });

  test("prune deletes windows that ended over a day ago", async () => {
    const rule = { bucket: bucket(), limit: 1, windowSeconds: 60 };
    await hitRateLimit(database.db, rule, new Date("2026-12-01T10:00:00Z"));
    await hitRateLimit(database.db, rule, new Date("2026-12-04T09:00:00Z"));

    await pruneRateLimits(database.db, new Date("2026-12-04T10:00:00Z"));

    const rows = await database.db.select({ windowStart: rateLimits.windowStart }).from(rateLimits).where(eq(rateLimits.bucket, rule.bucket));
    expect(rows.map((row) => row.windowStart.toISOString())).toEqual(["2026-12-04T09:00:00.000Z"]);
  });
});
