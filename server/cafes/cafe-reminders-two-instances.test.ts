import { drizzle } from "drizzle-orm/node-postgres";
import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { answerCafe, createMemberWithAddress, insertTestCafe, reminderHandlers } from "../../tests/support/cafe-reminder-fixtures";
import { listMail, startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Database } from "../platform/db";
import { runDueJobs } from "../platform/jobs";
import { createLogger } from "../platform/logger";
import { createMailer, type Mailer } from "../platform/mail";
import { jobs } from "../platform/schema";
import * as schema from "../schema";
import { CAFE_REMINDER_QUEUE } from "./cafe-jobs";
import { unsafeScheduleCafeReminders } from "./schedule-cafe-reminders";
import { cafes } from "./schema";

const log = createLogger("silent");
const startsAt = new Date("2027-02-02T17:00:00Z");
const dayBefore = new Date(startsAt.getTime() - 24 * 60 * 60_000);
const scheduledAt = new Date("2027-01-20T10:00:00Z");
const MEMBERS_COMING = 60;
const MEMBERS_OF_CANCELLED = 15;

/**
 * Two portal instances on one PostgreSQL database, each with its own
 * connection pool and several workers, run the same due reminders at once.
 * The FOR UPDATE SKIP LOCKED claim in runDueJobs is what keeps each reminder
 * to one e-mail: without the row lock both instances pick the same job.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("reminders on two instances (postgres)", () => {
  let database: TestDatabase;
  let secondPool: pg.Pool;
  let secondInstance: Database;
  let smtp: TestSmtpServer;
  let mailers: Mailer[];

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    // The same test database through a pool of its own, as a second process would have.
    const firstPool = (database.db as unknown as { $client: pg.Pool }).$client;
    secondPool = new pg.Pool({ connectionString: (firstPool as unknown as { options: { connectionString: string } }).options.connectionString, max: 5 });
    secondPool.on("error", () => undefined);
    secondInstance = drizzle({ client: secondPool, schema }) as unknown as Database;
    smtp = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
    mailers = [0, 1].map(() => createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.smtpPort}`, from: "ReConnect <no-reply@reconnect.invalid>", log }));
  }, 60_000);

  afterAll(async () => {
    for (const mailer of mailers ?? []) mailer.close();
    await secondPool?.end();
    await smtp?.close();
    await database?.close();
  });

  test("each reminder is e-mailed once", async () => {
    const communityId = await createTestCommunity(database);
    const hostId = (await createTestAccount(database, { roles: ["member", "peer_moderator"], communityIds: [communityId] })).accountId;
    const cafeId = await insertTestCafe(database, { communityId, hostId, startsAt });
    const cancelledCafeId = await insertTestCafe(database, { communityId, hostId, startsAt });

    const comingAddresses: string[] = [];
    for (let index = 0; index < MEMBERS_COMING; index++) {
      const { member, address } = await createMemberWithAddress(database, communityId);
      await answerCafe(database.db, cafeId, member.accountId, "coming");
      await unsafeScheduleCafeReminders(database.db, cafeId, member.accountId, scheduledAt);
      comingAddresses.push(address);
    }
    const cancelledAddresses: string[] = [];
    for (let index = 0; index < MEMBERS_OF_CANCELLED; index++) {
      const { member, address } = await createMemberWithAddress(database, communityId);
      await answerCafe(database.db, cancelledCafeId, member.accountId, "coming");
      await unsafeScheduleCafeReminders(database.db, cancelledCafeId, member.accountId, scheduledAt);
      cancelledAddresses.push(address);
    }
    await database.db.update(cafes).set({ cancelledAt: scheduledAt }).where(eq(cafes.id, cancelledCafeId));

    // Two workers per instance, each running batches until a run completes nothing.
    const instances = [
      { db: database.db, handler: reminderHandlers(database, mailers[0]!)[CAFE_REMINDER_QUEUE]! },
      { db: secondInstance, handler: reminderHandlers(database, mailers[1]!)[CAFE_REMINDER_QUEUE]! },
    ];
    const completedBy = [0, 0];
    await Promise.all(
      instances.flatMap((instance, index) =>
        [0, 1].map(async () => {
          for (;;) {
            const completed = await runDueJobs(instance.db, CAFE_REMINDER_QUEUE, instance.handler, dayBefore, log);
            completedBy[index]! += completed;
            if (completed === 0) break;
          }
        }),
      ),
    );

    // An empty recipient lists the whole mailbox.
    const mailbox: ReceivedMail[] = await listMail(smtp.httpPort, "");
    const all = await Promise.all(comingAddresses.map((address) => listMail(smtp.httpPort, address)));
    expect(all.map((mails) => mails.length)).toEqual(comingAddresses.map(() => 1));
    for (const address of cancelledAddresses) expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect(mailbox).toHaveLength(MEMBERS_COMING);

    const doneJobs = await database.db
      .select({ outcome: jobs.outcome, count: sql<string>`count(*)` })
      .from(jobs)
      .where(and(eq(jobs.queue, CAFE_REMINDER_QUEUE), eq(jobs.state, "done")))
      .groupBy(jobs.outcome);
    expect(Object.fromEntries(doneJobs.map((row) => [row.outcome, Number(row.count)]))).toEqual({ sent: MEMBERS_COMING, skipped_cancelled: MEMBERS_OF_CANCELLED });
    // Both instances took part, so the run really was concurrent.
    expect(completedBy[0]).toBeGreaterThan(0);
    expect(completedBy[1]).toBeGreaterThan(0);
    expect(completedBy[0]! + completedBy[1]!).toBe(MEMBERS_COMING + MEMBERS_OF_CANCELLED);
  }, 120_000);
});
