import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestCommunity } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { communities } from "../communities/schema";
import { MAX_JOB_ATTEMPTS, runDueJobs, scheduleJob, type JobHandler } from "./jobs";
import { jobs } from "./schema";

const minute = 60_000;

describe.each(testEngines())("durable jobs on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  /** A queue name of its own per test, so jobs of one test never reach another's handler. */
  const freshQueue = () => `test_${randomBytes(4).toString("hex")}`;

  async function jobsOf(queue: string) {
    return database.db.select().from(jobs).where(eq(jobs.queue, queue));
  }

  test("singleton key keeps the first job", async () => {
    const queue = freshQueue();
    const now = new Date("2027-03-01T10:00:00Z");
    await scheduleJob(database.db, { queue, payload: { n: 1 }, runAt: now, singletonKey: `${queue}:one` });
    await scheduleJob(database.db, { queue, payload: { n: 2 }, runAt: new Date(now.getTime() + minute), singletonKey: `${queue}:one` });
    await scheduleJob(database.db, { queue, payload: { n: 3 }, runAt: now });

    const rows = await jobsOf(queue);
    expect(rows).toHaveLength(2);
    const keyed = rows.find((row) => row.singletonKey === `${queue}:one`);
    expect(keyed?.payload).toEqual({ n: 1 });
    expect(keyed?.runAt.toISOString()).toBe(now.toISOString());
  });

  test("only due jobs run", async () => {
    const queue = freshQueue();
    const now = new Date("2027-03-01T10:00:00Z");
    await scheduleJob(database.db, { queue, payload: { which: "due" }, runAt: new Date(now.getTime() - minute) });
    await scheduleJob(database.db, { queue, payload: { which: "exactly now" }, runAt: now });
    await scheduleJob(database.db, { queue, payload: { which: "later" }, runAt: new Date(now.getTime() + minute) });

    const seen: unknown[] = [];
    const handler: JobHandler = async (_tx, job) => {
      seen.push(job.payload.which);
      return "ran";
    };
    expect(await runDueJobs(database.db, queue, handler, now)).toBe(2);
    expect(seen.sort()).toEqual(["due", "exactly now"]);

    const rows = await jobsOf(queue);
    expect(rows.filter((row) => row.state === "done").map((row) => row.outcome)).toEqual(["ran", "ran"]);
    expect(rows.find((row) => (row.payload as { which: string }).which === "later")?.state).toBe("pending");

    // Running again at the same time finds nothing more to do.
    expect(await runDueJobs(database.db, queue, handler, now)).toBe(0);
    expect(seen).toHaveLength(2);
  });

  test("failing job retries then fails", async () => {
    const queue = freshQueue();
    let now = new Date("2027-03-01T10:00:00Z");
    await scheduleJob(database.db, { queue, payload: {}, runAt: now });
    let calls = 0;
    const handler: JobHandler = async () => {
      calls++;
      throw new Error(`mail server down (call ${calls})`);
    };

    expect(await runDueJobs(database.db, queue, handler, now)).toBe(0);
    let [row] = await jobsOf(queue);
    expect(row?.state).toBe("pending");
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toBe("mail server down (call 1)");
    // The retry waits a minute: not due yet at the same instant.
    expect(row!.runAt.getTime()).toBe(now.getTime() + minute);
    await runDueJobs(database.db, queue, handler, now);
    expect(calls).toBe(1);

    for (let attempt = 2; attempt <= MAX_JOB_ATTEMPTS; attempt++) {
      [row] = await jobsOf(queue);
      now = row!.runAt;
      await runDueJobs(database.db, queue, handler, now);
    }
    [row] = await jobsOf(queue);
    expect(calls).toBe(MAX_JOB_ATTEMPTS);
    expect(row?.state).toBe("failed");
    expect(row?.attempts).toBe(MAX_JOB_ATTEMPTS);

    // A failed job is never run again.
    await runDueJobs(database.db, queue, handler, new Date(now.getTime() + 365 * 24 * 60 * minute));
    expect(calls).toBe(MAX_JOB_ATTEMPTS);
  });

  test("handler writes roll back on error", async () => {
    const queue = freshQueue();
    const now = new Date("2027-03-01T10:00:00Z");
    const name = `Rollback ${randomBytes(3).toString("hex")}`;
    const communityId = await createTestCommunity(database, name);
    await scheduleJob(database.db, { queue, payload: { communityId }, runAt: now });

    const handler: JobHandler = async (tx, job) => {
      await tx.update(communities).set({ name: "Changed by a failing job" }).where(eq(communities.id, String(job.payload.communityId)));
      throw new Error("failed after writing");
    };
    await runDueJobs(database.db, queue, handler, now);

    const [community] = await database.db.select({ name: communities.name }).from(communities).where(eq(communities.id, communityId));
    expect(community?.name).toBe(name);
    const [row] = await jobsOf(queue);
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toBe("failed after writing");
  });

  test("successful handler writes commit", async () => {
    const queue = freshQueue();
    const now = new Date("2027-03-01T10:00:00Z");
    const communityId = await createTestCommunity(database);
    await scheduleJob(database.db, { queue, payload: { communityId }, runAt: now });

    await runDueJobs(database.db, queue, async (tx, job) => {
      await tx.update(communities).set({ name: "Renamed by a job" }).where(eq(communities.id, String(job.payload.communityId)));
      return "renamed";
    }, now);

    const [community] = await database.db.select({ name: communities.name }).from(communities).where(eq(communities.id, communityId));
    expect(community?.name).toBe("Renamed by a job");
  });
});
