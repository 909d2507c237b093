import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createCafeCommunity, createTestCafe, oneOffCafeForm } from "../../tests/support/cafe-fixtures";
import { createTestCategory, createTestClosedGroup } from "../../tests/support/forum-factory";
import { createNonForumActors, pseudonymOf } from "../../tests/support/forum-people-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { forumThreads, memberReveals } from "../forum/schema";
import type { PersonActor } from "../identity/actor";
import { notifications } from "../notifications/schema";
import { encryptText } from "../platform/crypto";
import { jobs } from "../platform/schema";
import { usageEvents } from "../research/schema";
import { answerCafe } from "./answer-cafe";
import { CAFE_REMINDER_QUEUE } from "./cafe-jobs";
import { cancelCafe } from "./cancel-cafe";
import { createCafe } from "./create-cafe";
import { editCafe } from "./edit-cafe";
import { findCafeForThread } from "./find-cafe-for-thread";
import { getCafePage } from "./get-cafe-page";
import { getCafeSeries } from "./get-cafe-series";
import { linkThreadToCafe, listLinkableCafes } from "./link-thread-to-cafe";
import { listCafes } from "./list-cafes";
import { getAttendance, registerAttendance } from "./register-attendance";
import { cafeRsvps, cafes } from "./schema";

const now = new Date("2026-12-01T09:00:00Z");
const startsAt = new Date("2026-12-15T17:00:00Z");

describe.each(testEngines())("kaféer on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const answer = (actor: PersonActor, cafeId: string, value: string, at = now) => answerCafe(database.db, actor, cafeId, { answer: value, showToRevealed: false }, at);
  const page = async (actor: PersonActor, cafeId: string, at = now) => {
    const result = await getCafePage(database.db, database.keys, actor, cafeId, at, "nb");
    if (result.status !== "found") throw new Error("Expected the kafé page to be found.");
    return result;
  };
  const noticeKinds = async (actor: PersonActor) =>
    (await database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.recipientId, actor.accountId))).map((row) => row.kind);
  const thread = async (place: { categoryId?: string; closedGroupId?: string }) => {
    const [row] = await database.db.insert(forumThreads).values({ title: "Refleksjon før kafeen", ...place }).returning({ id: forumThreads.id });
    return row!.id;
  };

  describe("creating", () => {
    test("host creates a one-off kafé", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const result = await createCafe(database.db, host, oneOffCafeForm(communityId, startsAt, { capacity: "12" }), now);
      expect(result).toMatchObject({ status: "created", seriesId: null, occurrenceCount: 1 });
      if (result.status !== "created") return;

      const [cafe] = await database.db.select().from(cafes).where(eq(cafes.id, result.cafeId));
      expect(cafe).toMatchObject({ startsAt, endsAt: new Date("2026-12-15T19:00:00Z"), capacity: 12, kind: "cafe", approval: "approved", hostId: host.accountId });
      const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, result.cafeId), eq(auditEvents.action, "cafes.cafe_created")));
      expect(audit).toHaveLength(1);
    });

    test("double submit creates one kafé", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const form = oneOffCafeForm(communityId, startsAt);
      const [first, second] = await Promise.all([createCafe(database.db, host, form, now), createCafe(database.db, host, form, now)]);
      expect(first).toEqual(second);
      const rows = await database.db.select({ id: cafes.id }).from(cafes).where(eq(cafes.communityId, communityId));
      expect(rows).toHaveLength(1);
    });

    test("series makes a year of occurrences", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const form = { ...oneOffCafeForm(communityId, startsAt), schedule: "monthly", weekOfMonth: "1", weekday: "2", startsOn: "2026-12-01", endsOn: "", startTime: "18:00" };
      const result = await createCafe(database.db, host, form, now);
      expect(result).toMatchObject({ status: "created", occurrenceCount: 13 });
      if (result.status !== "created") return;

      const series = await getCafeSeries(database.db, host, result.seriesId!);
      if (series.status !== "found") throw new Error("Expected the series.");
      // 2026-12-01 is the first Tuesday: winter time, so 18:00 in Oslo is 17:00 UTC.
      expect(series.series.occurrences[0]?.startsAt).toEqual(new Date("2026-12-01T17:00:00Z"));
      // 2027-06-01 is summer time: 18:00 in Oslo is 16:00 UTC.
      expect(series.series.occurrences[6]?.startsAt).toEqual(new Date("2027-06-01T16:00:00Z"));
    });

    test("double submit creates one series", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const form = { ...oneOffCafeForm(communityId, startsAt), schedule: "monthly", weekOfMonth: "2", weekday: "4", startsOn: "2026-12-01", endsOn: "2027-05-31" };
      const [first, second] = await Promise.all([createCafe(database.db, host, form, now), createCafe(database.db, host, form, now)]);
      expect(first).toEqual(second);
      const rows = await database.db.select({ seriesId: cafes.seriesId }).from(cafes).where(eq(cafes.communityId, communityId));
      expect(rows).toHaveLength(6);
      expect(new Set(rows.map((row) => row.seriesId)).size).toBe(1);
    });

    test("unknown series is not found", async () => {
      const { host } = await createCafeCommunity(database);
      expect(await getCafeSeries(database.db, host, "not-a-uuid")).toEqual({ status: "not_found" });
      expect(await getCafeSeries(database.db, host, "00000000-0000-4000-8000-000000000000")).toEqual({ status: "not_found" });
    });

    test("series with end date stops there", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const form = { ...oneOffCafeForm(communityId, startsAt), schedule: "monthly", weekOfMonth: "-1", weekday: "4", startsOn: "2026-12-01", endsOn: "2027-02-28" };
      expect(await createCafe(database.db, host, form, now)).toMatchObject({ status: "created", occurrenceCount: 3 });
    });

    test("missing fields are named", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const result = await createCafe(database.db, host, oneOffCafeForm(communityId, startsAt, { title: " ", address: "", capacity: "0", date: "2026-02-30" }), now);
      expect(result).toEqual({ status: "invalid", errors: { title: "title_missing", address: "address_missing", capacity: "capacity_invalid", date: "date_invalid" } });
    });

    test("past date is rejected", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      expect(await createCafe(database.db, host, oneOffCafeForm(communityId, new Date("2026-11-20T17:00:00Z")), now)).toEqual({ status: "invalid", errors: { date: "date_in_past" } });
    });

    test("only own communities", async () => {
      const { otherCommunityId, host } = await createCafeCommunity(database);
      expect(await createCafe(database.db, host, oneOffCafeForm(otherCommunityId, startsAt), now)).toEqual({ status: "invalid", errors: { communityId: "community_invalid" } });
    });

    test("readable thread link is accepted", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const category = await createTestCategory(database);
      const threadId = await thread({ categoryId: category.id });
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { forumThread: `http://127.0.0.1/forum/threads/${threadId}?page=2#post-x` });
      const [cafe] = await database.db.select({ forumThreadId: cafes.forumThreadId }).from(cafes).where(eq(cafes.id, cafeId));
      expect(cafe?.forumThreadId).toBe(threadId);
    });

    test("unreadable thread is rejected", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const groupId = await createTestClosedGroup(database, [members[0]!.accountId]);
      const threadId = await thread({ closedGroupId: groupId });
      const result = await createCafe(database.db, host, oneOffCafeForm(communityId, startsAt, { forumThread: threadId }), now);
      expect(result).toEqual({ status: "invalid", errors: { forumThread: "forum_thread_invalid" } });
    });

    test("members cannot create", async () => {
      const { communityId, members } = await createCafeCommunity(database);
      expect(await createCafe(database.db, members[0]!, oneOffCafeForm(communityId, startsAt), now)).toEqual({ status: "not_found" });
      for (const actor of await createNonForumActors(database)) expect(await createCafe(database.db, actor, oneOffCafeForm(communityId, startsAt), now)).toEqual({ status: "not_found" });
    });
  });

  describe("the kafé page", () => {
    test("member sees place and counts", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { capacity: "5" });
      await answer(members[0]!, cafeId, "coming");
      await answer(members[1]!, cafeId, "maybe");

      const { cafe, viewer, shownAttendees } = await page(members[2]!, cafeId);
      expect(cafe.place).toEqual({ topic: "Gode vaner om vinteren", placeName: "Biblioteket", address: "Storgata 1", directions: "Inngang fra parken", accessibilityNotes: "Trinnfri inngang" });
      expect(cafe).toMatchObject({ comingCount: 1, maybeCount: 1, seatsLeft: 4, capacity: 5 });
      expect(viewer).toMatchObject({ inCommunity: true, mayAnswer: true, moderatesCommunity: false, seesCompany: false });
      expect(shownAttendees).toEqual([]);
    });

    test("other community sees no place", async () => {
      const { communityId, host, outsider } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      const { cafe, viewer } = await page(outsider, cafeId);
      expect(cafe.place).toBeNull();
      expect(cafe.thread).toBeNull();
      expect(JSON.stringify(cafe)).not.toContain("Storgata");
      expect(viewer).toMatchObject({ inCommunity: false, mayAnswer: false, seesCompany: false });
    });

    test("non-members get not found", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      for (const actor of await createNonForumActors(database)) {
        expect(await getCafePage(database.db, database.keys, actor, cafeId, now, "nb")).toEqual({ status: "not_found" });
        expect(await listCafes(database.db, actor, now)).toEqual({ status: "not_found" });
      }
    });

    test("attendee shown only after reveal", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const [giver, receiver, stranger] = members as [PersonActor, PersonActor, PersonActor];
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      await database.db.insert(memberReveals).values({ giverId: giver.accountId, receiverId: receiver.accountId, shownNameEncrypted: encryptText(database.keys, "Kari") });
      await answer(giver, cafeId, "coming");
      expect((await page(receiver, cafeId)).shownAttendees).toEqual([]);

      await answerCafe(database.db, giver, cafeId, { answer: "coming", showToRevealed: true }, now);
      expect((await page(receiver, cafeId)).shownAttendees).toEqual([{ pseudonym: pseudonymOf(giver), shownName: "Kari" }]);
      expect((await page(stranger, cafeId)).shownAttendees).toEqual([]);
    });

    test("company for coming and moderators", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      await answer(members[0]!, cafeId, "maybe");
      expect((await page(members[0]!, cafeId)).viewer.seesCompany).toBe(true);
      expect((await page(host, cafeId)).viewer.seesCompany).toBe(true);
      expect((await page(members[1]!, cafeId)).viewer.seesCompany).toBe(false);
    });

    test("today flag on the kafé's date", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      expect((await page(members[0]!, cafeId)).cafe.isToday).toBe(false);
      expect((await page(members[0]!, cafeId, new Date("2026-12-15T07:00:00Z"))).cafe.isToday).toBe(true);
    });

    test("list shows own communities only", async () => {
      const { communityId, otherCommunityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      const otherHost = await createTestAccount(database, { roles: ["peer_moderator"], communityIds: [otherCommunityId] });
      const otherCafeId = await createTestCafe(database, otherHost, otherCommunityId, startsAt, now);
      await answer(members[0]!, cafeId, "maybe");

      const listed = await listCafes(database.db, members[0]!, now);
      if (listed.status !== "listed") throw new Error("Expected a list.");
      expect(listed.upcoming.map((item) => item.id)).toEqual([cafeId]);
      expect(listed.upcoming[0]?.answer).toBe("maybe");
      expect(listed.upcoming.map((item) => item.id)).not.toContain(otherCafeId);
      expect(listed.mayHost).toBe(false);
    });

    test("list hides unanswered cancelled kaféer", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const answered = await createTestCafe(database, host, communityId, startsAt, now);
      const unanswered = await createTestCafe(database, host, communityId, new Date(startsAt.getTime() + 86_400_000), now);
      await answer(members[0]!, answered, "coming");
      for (const cafeId of [answered, unanswered]) await cancelCafe(database.db, host, cafeId, { reason: "weather", scope: "one" }, now);

      const member = await listCafes(database.db, members[0]!, now);
      const hostList = await listCafes(database.db, host, now);
      if (member.status !== "listed" || hostList.status !== "listed") throw new Error("Expected lists.");
      expect(member.upcoming.map((item) => item.id)).toEqual([answered]);
      expect(member.upcoming[0]?.cancelled).toBe(true);
      expect(hostList.upcoming.map((item) => item.id)).toEqual([answered, unanswered]);
    });

    test("thread shows its kafé to members", async () => {
      const { communityId, host, members, outsider } = await createCafeCommunity(database);
      const category = await createTestCategory(database);
      const threadId = await thread({ categoryId: category.id });
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { forumThread: threadId });
      expect(await findCafeForThread(database.db, members[0]!, threadId, now)).toEqual({ cafeId, title: "Kafé i testbyen", startsAt });
      expect(await findCafeForThread(database.db, outsider, threadId, now)).toBeNull();
    });
  });

  describe("linking a new thread", () => {
    test("moderator links a thread", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      const category = await createTestCategory(database);
      const threadId = await thread({ categoryId: category.id });

      expect((await listLinkableCafes(database.db, host, now)).map((cafe) => cafe.id)).toEqual([cafeId]);
      expect(await linkThreadToCafe(database.db, host, { cafeId, threadId }, now)).toEqual({ status: "linked" });
      expect(await findCafeForThread(database.db, members[0]!, threadId, now)).toMatchObject({ cafeId });
    });

    test("members cannot link", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      const category = await createTestCategory(database);
      const threadId = await thread({ categoryId: category.id });

      expect(await listLinkableCafes(database.db, members[0]!, now)).toEqual([]);
      expect(await linkThreadToCafe(database.db, members[0]!, { cafeId, threadId }, now)).toEqual({ status: "not_found" });
    });

    test("unreadable thread is not linked", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      const groupId = await createTestClosedGroup(database, [members[0]!.accountId]);
      const threadId = await thread({ closedGroupId: groupId });
      expect(await linkThreadToCafe(database.db, host, { cafeId, threadId }, now)).toEqual({ status: "invalid" });
    });

    test("started kafé is not offered", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      await createTestCafe(database, host, communityId, startsAt, now);
      expect(await listLinkableCafes(database.db, host, startsAt)).toEqual([]);
    });
  });

  describe("editing", () => {
    test("edit notifies answerers", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      await answer(members[0]!, cafeId, "coming");
      await answer(members[1]!, cafeId, "not_coming");

      const form = { ...oneOffCafeForm(communityId, startsAt), placeName: "Frivilligsentralen", startTime: "19:00" };
      const result = await editCafe(database.db, host, cafeId, form, now);
      expect(result).toMatchObject({ status: "saved", promoted: 0 });
      if (result.status !== "saved") return;
      expect(result.changed).toEqual(["placeName", "startsAt", "endsAt"]);

      expect(await noticeKinds(members[0]!)).toEqual(["cafe_changed"]);
      expect(await noticeKinds(members[1]!)).toEqual([]);
      const audit = await database.db.select({ details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.subjectId, cafeId), eq(auditEvents.action, "cafes.cafe_edited")));
      expect(audit).toEqual([{ details: { changed: "placeName,startsAt,endsAt", promoted: 0 } }]);
      const reminders = await database.db.select({ runAt: jobs.runAt, payload: sql<Record<string, unknown>>`${jobs.payload}` }).from(jobs).where(eq(jobs.queue, CAFE_REMINDER_QUEUE));
      const own = reminders.filter((job) => job.payload.cafeId === cafeId && job.payload.offsetMinutes === 120);
      expect(own.map((job) => job.runAt)).toEqual([new Date("2026-12-15T16:00:00Z")]);
    });

    test("raised capacity promotes waiting", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now, { capacity: "1" });
      await answer(members[0]!, cafeId, "coming");
      await answer(members[1]!, cafeId, "coming", new Date(now.getTime() + 1000));
      await answer(members[2]!, cafeId, "coming", new Date(now.getTime() + 2000));

      expect(await editCafe(database.db, host, cafeId, oneOffCafeForm(communityId, startsAt, { capacity: "2" }), now)).toMatchObject({ status: "saved", promoted: 1 });
      const rows = await database.db.select({ accountId: cafeRsvps.accountId, answer: cafeRsvps.answer }).from(cafeRsvps).where(eq(cafeRsvps.cafeId, cafeId));
      expect(rows.find((row) => row.accountId === members[1]!.accountId)?.answer).toBe("coming");
      expect(rows.find((row) => row.accountId === members[2]!.accountId)?.answer).toBe("waitlisted");
      expect(await noticeKinds(members[1]!)).toEqual(["cafe_seat_given"]);
      expect(await noticeKinds(members[2]!)).toEqual(["cafe_changed"]);
    });

    test("members cannot edit", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      expect(await editCafe(database.db, members[0]!, cafeId, oneOffCafeForm(communityId, startsAt), now)).toEqual({ status: "not_found" });
    });

    test("other community's moderator cannot edit", async () => {
      const { communityId, otherCommunityId, host } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      const otherHost = await createTestAccount(database, { roles: ["peer_moderator"], communityIds: [otherCommunityId] });
      expect(await editCafe(database.db, otherHost, cafeId, oneOffCafeForm(communityId, startsAt), now)).toEqual({ status: "not_found" });
    });
  });

  describe("cancelling", () => {
    test("cancel notifies and closes answers", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      await answer(members[0]!, cafeId, "coming");
      await answer(members[1]!, cafeId, "maybe");

      expect(await cancelCafe(database.db, host, cafeId, { reason: "weather", scope: "one" }, now)).toEqual({ status: "cancelled", cafeIds: [cafeId] });
      expect(await noticeKinds(members[0]!)).toEqual(["cafe_cancelled"]);
      expect(await noticeKinds(members[1]!)).toEqual(["cafe_cancelled"]);
      expect(await answer(members[2]!, cafeId, "coming")).toEqual({ status: "closed", reason: "cancelled" });
      const audit = await database.db.select({ details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.subjectId, cafeId), eq(auditEvents.action, "cafes.cafe_cancelled")));
      expect(audit).toEqual([{ details: { reason: "weather", seriesId: null } }]);

      const { cafe, viewer } = await page(members[0]!, cafeId);
      expect(cafe).toMatchObject({ cancelled: true, cancelReason: "weather" });
      expect(viewer.mayAnswer).toBe(false);
    });

    test("cancel needs a reason", async () => {
      const { communityId, host } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      expect(await cancelCafe(database.db, host, cafeId, { reason: "", scope: "one" }, now)).toEqual({ status: "invalid", errors: { reason: "reason_missing" } });
    });

    test("series cancel stops future occurrences", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const form = { ...oneOffCafeForm(communityId, startsAt), schedule: "monthly", weekOfMonth: "1", weekday: "2", startsOn: "2026-12-01", endsOn: "2027-03-31", startTime: "18:00" };
      const created = await createCafe(database.db, host, form, now);
      if (created.status !== "created") throw new Error("Expected a series.");
      const series = await getCafeSeries(database.db, host, created.seriesId!);
      if (series.status !== "found") throw new Error("Expected the series.");
      const [first, second] = series.series.occurrences;
      await answer(members[0]!, second!.id, "coming");

      // After the first occurrence has started, only the later ones are cancelled.
      const later = new Date("2026-12-01T17:30:00Z");
      const result = await cancelCafe(database.db, host, second!.id, { reason: "place_unavailable", scope: "series" }, later);
      expect(result).toMatchObject({ status: "cancelled" });
      if (result.status !== "cancelled") return;
      expect(result.cafeIds).toHaveLength(3);
      expect(result.cafeIds).not.toContain(first!.id);
      expect(await noticeKinds(members[0]!)).toEqual(["cafe_cancelled"]);
    });

    test("members cannot cancel", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      expect(await cancelCafe(database.db, members[0]!, cafeId, { reason: "weather", scope: "one" }, now)).toEqual({ status: "not_found" });
    });
  });

  describe("attendance", () => {
    test("before the start it lists who comes", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      await answer(members[0]!, cafeId, "coming");
      const result = await getAttendance(database.db, host, cafeId, now);
      if (result.status !== "found") throw new Error("Expected the attendance page.");
      expect(result.cafe.started).toBe(false);
      expect(result.rows.map((row) => row.pseudonym)).toEqual([pseudonymOf(members[0]!)]);
      expect(await registerAttendance(database.db, host, cafeId, { attended: [result.rows[0]!.key] }, now)).toEqual({ status: "not_started" });
    });

    test("events are recorded once", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      await answer(members[0]!, cafeId, "coming");
      await answer(members[1]!, cafeId, "maybe");
      const after = new Date(startsAt.getTime() + 3 * 3_600_000);
      const result = await getAttendance(database.db, host, cafeId, after);
      if (result.status !== "found") throw new Error("Expected the attendance page.");
      const keys = result.rows.map((row) => row.key);

      expect(await registerAttendance(database.db, host, cafeId, { attended: keys }, after)).toEqual({ status: "registered", attended: 2 });
      expect(await registerAttendance(database.db, host, cafeId, { attended: [keys[0]!] }, after)).toEqual({ status: "registered", attended: 1 });

      const events = await database.db.select({ accountId: usageEvents.accountId }).from(usageEvents).where(and(eq(usageEvents.subjectId, cafeId), eq(usageEvents.kind, "cafe_attended")));
      expect(events).toHaveLength(1);
      const rows = await database.db.select({ attended: cafeRsvps.attended }).from(cafeRsvps).where(eq(cafeRsvps.cafeId, cafeId));
      expect(rows.map((row) => row.attended).sort()).toEqual([false, true]);
    });

    test("members cannot see attendance", async () => {
      const { communityId, host, members } = await createCafeCommunity(database);
      const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
      expect(await getAttendance(database.db, members[0]!, cafeId, now)).toEqual({ status: "not_found" });
      expect(await registerAttendance(database.db, members[0]!, cafeId, { attended: [] }, startsAt)).toEqual({ status: "not_found" });
    });
  });
});
