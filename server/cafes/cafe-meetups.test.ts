import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import type { PersonActor } from "../identity/actor";
import { notifications } from "../notifications/schema";
import { instantToPortalLocalTime } from "../platform/portal-time";
import { unsafeFindCafeAccess } from "./cafe-access";
import { decideMeetup } from "./decide-meetup";
import { listOwnMeetups } from "./list-own-meetups";
import { countPendingMeetups, listPendingMeetups } from "./list-pending-meetups";
import { MEETUP_DECISION_NOTE_MAX_LENGTH } from "./meetup-rules";
import { proposeMeetup, type ProposeMeetupInput } from "./propose-meetup";
import { cafes } from "./schema";

const HOUR = 3_600_000;

describe.each(testEngines())("member-proposed meet-ups on %s", (engine) => {
  let database: TestDatabase;
  let communityId: string;
  let otherCommunityId: string;
  let moderator: PersonActor;
  let secondModerator: PersonActor;
  let otherModerator: PersonActor;
  let proposer: PersonActor;
  let neighbour: PersonActor;
  let outsider: PersonActor;
  let provider: PersonActor;
  let administrator: PersonActor;
  let researcher: PersonActor;
  const now = new Date("2027-03-01T12:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    communityId = await createTestCommunity(database, "Bjørkelia");
    otherCommunityId = await createTestCommunity(database, "Havnøy");
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykta", communityIds: [communityId, otherCommunityId] });
    secondModerator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Veiviser", communityIds: [communityId] });
    otherModerator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Vardeild", communityIds: [otherCommunityId] });
    proposer = await createTestAccount(database, { roles: ["member"], pseudonym: "Bekkesildre", fullName: "Ola Nordmann", communityIds: [communityId] });
    neighbour = await createTestAccount(database, { roles: ["member"], pseudonym: "Furutopp", communityIds: [communityId] });
    outsider = await createTestAccount(database, { roles: ["member"], pseudonym: "Måsegrå", communityIds: [otherCommunityId] });
    provider = await createTestAccount(database, { roles: ["provider"], communityIds: [communityId] });
    administrator = await createTestAccount(database, { roles: ["administrator"], communityIds: [communityId] });
    researcher = await createTestAccount(database, { roles: ["researcher"], communityIds: [communityId] });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  function proposal(overrides: ProposeMeetupInput = {}): ProposeMeetupInput {
    return {
      meetupKind: "coffee",
      title: "Kaffe på Torget",
      startsAt: instantToPortalLocalTime(new Date(now.getTime() + 72 * HOUR)),
      duration: "90",
      placeName: "Torgkaféen",
      address: "Torget 2",
      directions: "Inngang fra baksiden",
      capacity: "6",
      topic: "En rolig kaffe, alle er velkomne.",
      idempotencyKey: formKey(),
      ...overrides,
    };
  }

  async function propose(overrides: ProposeMeetupInput = {}): Promise<string> {
    const result = await proposeMeetup(database.db, proposer, proposal(overrides), now);
    if (result.status !== "proposed") throw new Error(`Expected a proposal, got ${JSON.stringify(result)}`);
    return result.cafeId;
  }

  test("proposal is pending and hidden", async () => {
    const cafeId = await propose();
    const [row] = await database.db.select().from(cafes).where(eq(cafes.id, cafeId));
    expect(row).toMatchObject({ kind: "meetup", meetupKind: "coffee", decisionNote: null, approval: "pending", hostId: proposer.accountId, communityId, capacity: 6, title: "Kaffe på Torget", topic: "En rolig kaffe, alle er velkomne." });
    expect(row!.endsAt.getTime() - row!.startsAt.getTime()).toBe(90 * 60_000);

    expect(await unsafeFindCafeAccess(database.db, proposer, cafeId)).not.toBeNull();
    expect(await unsafeFindCafeAccess(database.db, moderator, cafeId)).not.toBeNull();
    for (const person of [neighbour, outsider, otherModerator, provider, administrator, researcher]) expect(await unsafeFindCafeAccess(database.db, person, cafeId)).toBeNull();

    const own = await listOwnMeetups(database.db, proposer, now);
    expect(own.status === "listed" && own.meetups.find((meetup) => meetup.id === cafeId)).toMatchObject({ approval: "pending", meetupKind: "coffee", communityName: "Bjørkelia", decisionNote: null });
  });

  test("kind is required and stored", async () => {
    expect(await proposeMeetup(database.db, proposer, proposal({ meetupKind: undefined }), now)).toEqual({ status: "invalid", errors: { meetupKind: "meetup_kind_missing" } });
    expect(await proposeMeetup(database.db, proposer, proposal({ meetupKind: "" }), now)).toEqual({ status: "invalid", errors: { meetupKind: "meetup_kind_missing" } });
    expect(await proposeMeetup(database.db, proposer, proposal({ meetupKind: "ride" }), now)).toEqual({ status: "invalid", errors: { meetupKind: "meetup_kind_missing" } });
    expect(await proposeMeetup(database.db, proposer, proposal({ meetupKind: ["walk"] }), now)).toEqual({ status: "invalid", errors: { meetupKind: "meetup_kind_missing" } });

    const cafeId = await propose({ meetupKind: "walk", title: "Tur rundt vannet" });
    const [row] = await database.db.select().from(cafes).where(eq(cafes.id, cafeId));
    expect(row?.meetupKind).toBe("walk");
    const own = await listOwnMeetups(database.db, proposer, now);
    expect(own.status === "listed" && own.meetups.find((meetup) => meetup.id === cafeId)?.meetupKind).toBe("walk");
    const pending = await listPendingMeetups(database.db, moderator, now);
    expect(pending.status === "listed" && pending.meetups.find((meetup) => meetup.id === cafeId)).toMatchObject({ meetupKind: "walk", title: "Tur rundt vannet" });
  });

  test("proposal notifies community moderators", async () => {
    const cafeId = await propose();
    const notices = await database.db.select().from(notifications).where(eq(notifications.cafeId, cafeId));
    expect(notices.map((notice) => notice.recipientId).sort()).toEqual([moderator.accountId, secondModerator.accountId].sort());
    expect(notices.every((notice) => notice.kind === "cafe_meetup_pending" && notice.actorId === proposer.accountId)).toBe(true);
  });

  test("double submit proposes once", async () => {
    const key = formKey();
    const first = await proposeMeetup(database.db, proposer, proposal({ idempotencyKey: key }), now);
    const second = await proposeMeetup(database.db, proposer, proposal({ idempotencyKey: key }), now);
    expect(first.status).toBe("proposed");
    expect(second).toEqual(first);
    expect(await database.db.select().from(cafes).where(eq(cafes.idempotencyKey, key))).toHaveLength(1);
    expect(await proposeMeetup(database.db, neighbour, proposal({ idempotencyKey: key }), now)).toEqual({ status: "invalid", errors: { form: "form_expired" } });
  });

  test("concurrent double submit proposes once", async () => {
    const key = formKey();
    const results = await Promise.all([1, 2, 3].map(() => proposeMeetup(database.db, proposer, proposal({ idempotencyKey: key }), now)));
    expect(new Set(results.map((result) => (result.status === "proposed" ? result.cafeId : result.status))).size).toBe(1);
    expect(await database.db.select().from(cafes).where(eq(cafes.idempotencyKey, key))).toHaveLength(1);
    const notices = await database.db.select().from(notifications).where(eq(notifications.kind, "cafe_meetup_pending"));
    expect(notices.filter((notice) => results[0]!.status === "proposed" && notice.cafeId === results[0]!.cafeId)).toHaveLength(2);
  });

  test("proposal fields are checked", async () => {
    const result = await proposeMeetup(
      database.db,
      proposer,
      { meetupKind: "other", title: "Ka", startsAt: instantToPortalLocalTime(new Date(now.getTime() - HOUR)), duration: "45", placeName: "", address: " ", capacity: "0", topic: "x".repeat(501), idempotencyKey: formKey() },
      now,
    );
    expect(result).toEqual({
      status: "invalid",
      errors: { title: "title_too_short", placeName: "place_name_missing", address: "address_missing", topic: "topic_too_long", startsAt: "starts_at_past", duration: "duration_missing", capacity: "capacity_invalid" },
    });
    expect(await proposeMeetup(database.db, proposer, proposal({ startsAt: "i morgen" }), now)).toEqual({ status: "invalid", errors: { startsAt: "starts_at_invalid" } });
    // 02:30 on the last Sunday of March does not exist in Oslo.
    expect(await proposeMeetup(database.db, proposer, proposal({ startsAt: "2027-03-28T02:30" }), now)).toEqual({ status: "invalid", errors: { startsAt: "starts_at_invalid" } });
    expect(await proposeMeetup(database.db, proposer, proposal({ communityId: otherCommunityId }), now)).toEqual({ status: "invalid", errors: { communityId: "community_missing" } });
    // Capacity may be left empty.
    expect((await proposeMeetup(database.db, proposer, proposal({ capacity: "" }), now)).status).toBe("proposed");
  });

  test("community choice and Oslo time", async () => {
    const both = await createTestAccount(database, { roles: ["member"], communityIds: [communityId, otherCommunityId] });
    expect(await proposeMeetup(database.db, both, proposal({ communityId: "" }), now)).toEqual({ status: "invalid", errors: { communityId: "community_missing" } });
    const result = await proposeMeetup(database.db, both, proposal({ communityId: otherCommunityId, startsAt: "2027-07-01T18:00" }), now);
    if (result.status !== "proposed") throw new Error(result.status);
    const [row] = await database.db.select().from(cafes).where(eq(cafes.id, result.cafeId));
    expect(row).toMatchObject({ communityId: otherCommunityId, startsAt: new Date("2027-07-01T16:00:00Z") });
  });

  test("community moderator approves meet-up", async () => {
    const cafeId = await propose();
    for (const person of [otherModerator, proposer, neighbour, outsider, provider, administrator, researcher]) {
      expect(await decideMeetup(database.db, person, cafeId, { decision: "approve" }, now)).toEqual({ status: "not_found" });
    }
    const pendingForOther = await listPendingMeetups(database.db, otherModerator, now);
    expect(pendingForOther.status === "listed" && pendingForOther.meetups.map((meetup) => meetup.id)).not.toContain(cafeId);
    const pending = await listPendingMeetups(database.db, moderator, now);
    expect(pending.status === "listed" && pending.meetups.find((meetup) => meetup.id === cafeId)).toMatchObject({ proposer: "Bekkesildre", title: "Kaffe på Torget", past: false });
    expect(JSON.stringify(pending)).not.toContain("Ola Nordmann");
    const countBefore = await countPendingMeetups(database.db, moderator);

    expect(await decideMeetup(database.db, moderator, cafeId, { decision: "approve" }, now)).toEqual({ status: "approved" });
    expect(await decideMeetup(database.db, secondModerator, cafeId, { decision: "decline" }, now)).toEqual({ status: "already_decided", approval: "approved" });

    const [row] = await database.db.select().from(cafes).where(eq(cafes.id, cafeId));
    expect(row).toMatchObject({ approval: "approved", approvedBy: moderator.accountId });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, cafeId));
    expect(audit).toMatchObject([{ action: "cafes.meetup_approved", actorId: moderator.accountId, subjectType: "cafe" }]);
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.cafeId, cafeId), eq(notifications.recipientId, proposer.accountId)));
    expect(notices).toMatchObject([{ kind: "cafe_meetup_approved", actorId: moderator.accountId }]);

    const access = await unsafeFindCafeAccess(database.db, neighbour, cafeId);
    expect(access).toMatchObject({ inCommunity: true, isHost: false, moderatesCommunity: false });
    // The proposer hosts it, but is no peer moderator, so sees counts only like any member.
    expect(await unsafeFindCafeAccess(database.db, proposer, cafeId)).toMatchObject({ isHost: true, moderatesCommunity: false });
    for (const person of [provider, administrator, researcher]) expect(await unsafeFindCafeAccess(database.db, person, cafeId)).toBeNull();

    expect(await countPendingMeetups(database.db, moderator)).toEqual({ status: "counted", count: countBefore.status === "counted" ? countBefore.count - 1 : -1 });
    const own = await listOwnMeetups(database.db, proposer, now);
    expect(own.status === "listed" && own.meetups.find((meetup) => meetup.id === cafeId)?.approval).toBe("approved");
  });

  test("declined meet-up stays hidden", async () => {
    const cafeId = await propose();
    expect(await decideMeetup(database.db, secondModerator, cafeId, { decision: "decline" }, now)).toEqual({ status: "declined" });
    expect(await unsafeFindCafeAccess(database.db, neighbour, cafeId)).toBeNull();
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.cafeId, cafeId), eq(notifications.recipientId, proposer.accountId)));
    expect(notices).toMatchObject([{ kind: "cafe_meetup_declined" }]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, cafeId));
    expect(audit).toMatchObject([{ action: "cafes.meetup_declined", actorId: secondModerator.accountId }]);
    const own = await listOwnMeetups(database.db, proposer, now);
    expect(own.status === "listed" && own.meetups.find((meetup) => meetup.id === cafeId)).toMatchObject({ approval: "declined", decisionNote: null });
  });

  test("decline note reaches the proposer only", async () => {
    const words = "Takk for forslaget! Torget er stengt den dagen. Foreslå gjerne en annen dag.";
    const cafeId = await propose();
    expect(await decideMeetup(database.db, secondModerator, cafeId, { decision: "decline", note: `  ${words}\n ` }, now)).toEqual({ status: "declined" });
    const [row] = await database.db.select().from(cafes).where(eq(cafes.id, cafeId));
    expect(row).toMatchObject({ approval: "declined", decisionNote: words });

    // The audit log records that there was a note, not its words.
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, cafeId));
    expect(audit).toMatchObject({ action: "cafes.meetup_declined", details: { communityId, hasNote: true } });
    expect(JSON.stringify(audit)).not.toContain("Torget er stengt");

    const own = await listOwnMeetups(database.db, proposer, now);
    expect(own.status === "listed" && own.meetups.find((meetup) => meetup.id === cafeId)?.decisionNote).toBe(words);
    // The declined notice still sends the proposer to their proposal page.
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.cafeId, cafeId), eq(notifications.recipientId, proposer.accountId)));
    expect(notices).toMatchObject([{ kind: "cafe_meetup_declined" }]);

    for (const person of [neighbour, moderator, secondModerator]) {
      const listed = await listOwnMeetups(database.db, person, now);
      expect(JSON.stringify(listed)).not.toContain("Torget er stengt");
      expect(JSON.stringify(await listPendingMeetups(database.db, person, now))).not.toContain("Torget er stengt");
    }
    for (const person of [neighbour, outsider, otherModerator]) expect(await unsafeFindCafeAccess(database.db, person, cafeId)).toBeNull();
  });

  test("blank or missing note stores none", async () => {
    const blank = await propose();
    expect(await decideMeetup(database.db, moderator, blank, { decision: "decline", note: "   \n  " }, now)).toEqual({ status: "declined" });
    const missing = await propose();
    expect(await decideMeetup(database.db, moderator, missing, { decision: "decline" }, now)).toEqual({ status: "declined" });
    const rows = await database.db.select().from(cafes).where(eq(cafes.approval, "declined"));
    expect(rows.filter((row) => row.id === blank || row.id === missing).map((row) => row.decisionNote)).toEqual([null, null]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, blank));
    expect(audit).toMatchObject([{ details: { hasNote: false } }]);
  });

  test("note is kept on decline only", async () => {
    const cafeId = await propose();
    expect(await decideMeetup(database.db, moderator, cafeId, { decision: "approve", note: "Dette skal ingen se." }, now)).toEqual({ status: "approved" });
    const [row] = await database.db.select().from(cafes).where(eq(cafes.id, cafeId));
    expect(row).toMatchObject({ approval: "approved", decisionNote: null });
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, cafeId));
    expect(audit).toMatchObject({ action: "cafes.meetup_approved", details: { hasNote: false } });
  });

  test("too long note is refused", async () => {
    const cafeId = await propose();
    const tooLong = "x".repeat(MEETUP_DECISION_NOTE_MAX_LENGTH + 1);
    expect(await decideMeetup(database.db, moderator, cafeId, { decision: "decline", note: tooLong }, now)).toEqual({ status: "invalid", errors: { note: "note_too_long" } });
    const [row] = await database.db.select().from(cafes).where(eq(cafes.id, cafeId));
    expect(row).toMatchObject({ approval: "pending", decisionNote: null });
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, cafeId))).toHaveLength(0);
    expect(await database.db.select().from(notifications).where(and(eq(notifications.cafeId, cafeId), eq(notifications.recipientId, proposer.accountId)))).toHaveLength(0);

    // Exactly the limit, with spaces around that are trimmed away, is fine.
    const atLimit = `  ${"y".repeat(MEETUP_DECISION_NOTE_MAX_LENGTH)}  `;
    expect(await decideMeetup(database.db, moderator, cafeId, { decision: "decline", note: atLimit }, now)).toEqual({ status: "declined" });
    const [declined] = await database.db.select().from(cafes).where(eq(cafes.id, cafeId));
    expect(declined?.decisionNote).toHaveLength(MEETUP_DECISION_NOTE_MAX_LENGTH);
  });

  test("past meet-up can only be declined", async () => {
    const cafeId = await propose();
    const later = new Date(now.getTime() + 73 * HOUR);
    const pending = await listPendingMeetups(database.db, moderator, later);
    expect(pending.status === "listed" && pending.meetups.find((meetup) => meetup.id === cafeId)?.past).toBe(true);
    expect(await decideMeetup(database.db, moderator, cafeId, { decision: "approve" }, later)).toEqual({ status: "past" });
    expect(await decideMeetup(database.db, moderator, cafeId, { decision: "decline" }, later)).toEqual({ status: "declined" });
  });

  test("concurrent decisions give one", async () => {
    const cafeId = await propose();
    const results = await Promise.all([decideMeetup(database.db, moderator, cafeId, { decision: "approve" }, now), decideMeetup(database.db, secondModerator, cafeId, { decision: "decline" }, now)]);
    expect(results.filter((result) => result.status === "approved" || result.status === "declined")).toHaveLength(1);
    expect(results.filter((result) => result.status === "already_decided")).toHaveLength(1);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, cafeId))).toHaveLength(1);
  });

  test("only meet-ups can be decided", async () => {
    const startsAt = new Date(now.getTime() + 24 * HOUR);
    const [cafe] = await database.db
      .insert(cafes)
      .values({ communityId, hostId: moderator.accountId, title: "Kafé", placeName: "Biblioteket", address: "Storgata 1", startsAt, endsAt: new Date(startsAt.getTime() + HOUR), approval: "pending" })
      .returning({ id: cafes.id });
    expect(await decideMeetup(database.db, moderator, cafe!.id, { decision: "approve" }, now)).toEqual({ status: "not_found" });
    expect(await decideMeetup(database.db, moderator, "not-a-uuid", { decision: "approve" }, now)).toEqual({ status: "not_found" });
  });

  test("staff and loners get not found", async () => {
    for (const person of [provider, administrator, researcher]) {
      expect(await proposeMeetup(database.db, person, proposal(), now)).toEqual({ status: "not_found" });
      expect(await listOwnMeetups(database.db, person, now)).toEqual({ status: "not_found" });
      expect(await listPendingMeetups(database.db, person, now)).toEqual({ status: "not_found" });
      expect(await countPendingMeetups(database.db, person)).toEqual({ status: "not_found" });
    }
    expect(await listPendingMeetups(database.db, proposer, now)).toEqual({ status: "not_found" });
    const loner = await createTestAccount(database, { roles: ["member"] });
    expect(await proposeMeetup(database.db, loner, proposal(), now)).toEqual({ status: "not_found" });
  });
});
