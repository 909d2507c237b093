import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createCafeCommunity, createTestCafe } from "../../tests/support/cafe-fixtures";
import { createNonForumActors } from "../../tests/support/forum-people-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import type { PersonActor } from "../identity/actor";
import { notifications } from "../notifications/schema";
import { jobs } from "../platform/schema";
import { usageEvents } from "../research/schema";
import { answerCafe, waitingListPosition } from "./answer-cafe";
import { CAFE_REMINDER_QUEUE } from "./cafe-jobs";
import { cafeRsvps } from "./schema";

const now = new Date("2026-12-01T09:00:00Z");
const startsAt = new Date("2026-12-15T17:00:00Z");

describe.each(testEngines())("answering kaféer on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const answer = (actor: PersonActor, cafeId: string, value: string, at = now, showToRevealed = false) => answerCafe(database.db, actor, cafeId, { answer: value, showToRevealed }, at);
  const rsvp = async (cafeId: string, actor: PersonActor) => {
    const [row] = await database.db.select().from(cafeRsvps).where(and(eq(cafeRsvps.cafeId, cafeId), eq(cafeRsvps.accountId, actor.accountId)));
    return row;
  };
  const noticesOf = (actor: PersonActor, kind: string) =>
    database.db.select({ cafeId: notifications.cafeId }).from(notifications).where(and(eq(notifications.recipientId, actor.accountId), eq(notifications.kind, kind)));

  test("member answers coming", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);

    expect(await answer(members[0]!, cafeId, "coming")).toEqual({ status: "answered", answer: "coming", showToRevealed: false });
    expect((await rsvp(cafeId, members[0]!))?.answer).toBe("coming");
    const events = await database.db.select().from(usageEvents).where(and(eq(usageEvents.accountId, members[0]!.accountId), eq(usageEvents.kind, "cafe_answered")));
    expect(events).toHaveLength(1);
  });

  test("coming schedules reminders", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    await answer(members[0]!, cafeId, "maybe");

    const reminders = await database.db.select({ payload: sql<Record<string, unknown>>`${jobs.payload}` }).from(jobs).where(eq(jobs.queue, CAFE_REMINDER_QUEUE));
    const own = reminders.filter((job) => job.payload.cafeId === cafeId && job.payload.accountId === members[0]!.accountId);
    expect(own.map((job) => job.payload.offsetMinutes).sort()).toEqual([120, 1440]);
  });

  test("double submit keeps one answer", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);

    await Promise.all([answer(members[0]!, cafeId, "coming"), answer(members[0]!, cafeId, "coming")]);
    const rows = await database.db.select().from(cafeRsvps).where(eq(cafeRsvps.cafeId, cafeId));
    expect(rows).toHaveLength(1);
    const events = await database.db.select().from(usageEvents).where(and(eq(usageEvents.subjectId, cafeId), eq(usageEvents.kind, "cafe_answered")));
    expect(events).toHaveLength(1);
  });

  test("answer changes until the start", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    await answer(members[0]!, cafeId, "coming");

    const justBefore = new Date(startsAt.getTime() - 60_000);
    expect((await answer(members[0]!, cafeId, "not_coming", justBefore)).status).toBe("answered");
    expect(await answer(members[0]!, cafeId, "coming", startsAt)).toEqual({ status: "closed", reason: "started" });
    expect((await rsvp(cafeId, members[0]!))?.answer).toBe("not_coming");
  });

  test("other community cannot answer", async () => {
    const { communityId, host, outsider } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);

    expect(await answer(outsider, cafeId, "coming")).toEqual({ status: "not_found" });
    expect(await rsvp(cafeId, outsider)).toBeUndefined();
  });

  test("non-members get not found", async () => {
    const { communityId, host } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);

    for (const actor of await createNonForumActors(database)) {
      expect(await answerCafe(database.db, actor, cafeId, { answer: "coming", showToRevealed: false }, now)).toEqual({ status: "not_found" });
    }
  });

  test("unknown answer is invalid", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    expect(await answer(members[0]!, cafeId, "perhaps")).toEqual({ status: "invalid" });
  });

  test("full kafé puts coming on the waiting list", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { capacity: "1" });
    await answer(members[0]!, cafeId, "coming");

    expect((await answer(members[1]!, cafeId, "coming", new Date(now.getTime() + 1000))).status).toBe("answered");
    expect((await rsvp(cafeId, members[1]!))?.answer).toBe("waitlisted");
    expect(await waitingListPosition(database.db, cafeId, members[1]!.accountId)).toBe(1);
    // Answering coming again keeps the place in the queue rather than moving to its back.
    await answer(members[1]!, cafeId, "coming", new Date(now.getTime() + 5000));
    expect((await rsvp(cafeId, members[1]!))?.requestedAt.getTime()).toBe(now.getTime() + 1000);
  });

  test("freed seat goes to the oldest waiting", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const late = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { capacity: "1" });
    await answer(members[0]!, cafeId, "coming", new Date(now.getTime() + 1000));
    await answer(members[2]!, cafeId, "coming", new Date(now.getTime() + 2000));
    await answer(members[1]!, cafeId, "coming", new Date(now.getTime() + 3000));
    await answer(late, cafeId, "coming", new Date(now.getTime() + 4000));
    expect(await waitingListPosition(database.db, cafeId, late.accountId)).toBe(3);

    await answer(members[0]!, cafeId, "not_coming", new Date(now.getTime() + 5000));

    expect((await rsvp(cafeId, members[2]!))?.answer).toBe("coming");
    expect((await rsvp(cafeId, members[1]!))?.answer).toBe("waitlisted");
    expect(await waitingListPosition(database.db, cafeId, members[1]!.accountId)).toBe(1);
    expect(await noticesOf(members[2]!, "cafe_seat_given")).toEqual([{ cafeId }]);
    expect(await noticesOf(members[1]!, "cafe_seat_given")).toEqual([]);
    const reminders = await database.db.select({ payload: sql<Record<string, unknown>>`${jobs.payload}` }).from(jobs).where(eq(jobs.queue, CAFE_REMINDER_QUEUE));
    expect(reminders.some((job) => job.payload.cafeId === cafeId && job.payload.accountId === members[2]!.accountId)).toBe(true);
  });

  test("maybe from coming frees the seat", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { capacity: "1" });
    await answer(members[0]!, cafeId, "coming");
    await answer(members[1]!, cafeId, "coming", new Date(now.getTime() + 1000));

    await answer(members[0]!, cafeId, "maybe", new Date(now.getTime() + 2000));
    expect((await rsvp(cafeId, members[1]!))?.answer).toBe("coming");
    expect(await answer(members[0]!, cafeId, "coming", new Date(now.getTime() + 3000))).toMatchObject({ answer: "waitlisted" });
  });

  test("show to revealed is saved", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    await answer(members[0]!, cafeId, "coming", now, true);
    expect((await rsvp(cafeId, members[0]!))?.showToRevealed).toBe(true);
  });

  test(
    "fifty at once get one last seat",
    async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { capacity: "2" });
      await answer(members[0]!, cafeId, "coming");
      const crowd: PersonActor[] = [];
      for (let index = 0; index < 50; index++) crowd.push(await createTestAccount(database, { roles: ["member"], communityIds: [communityId] }));

      const results = await Promise.all(crowd.map((member) => answer(member, cafeId, "coming", new Date(now.getTime() + 1000))));

      expect(results.filter((result) => result.status === "answered" && result.answer === "coming")).toHaveLength(1);
      expect(results.filter((result) => result.status === "answered" && result.answer === "waitlisted")).toHaveLength(49);
      const coming = await database.db.select().from(cafeRsvps).where(and(eq(cafeRsvps.cafeId, cafeId), eq(cafeRsvps.answer, "coming")));
      expect(coming).toHaveLength(2);
    },
    120_000,
  );
});
