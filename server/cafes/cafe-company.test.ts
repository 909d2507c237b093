import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { memberBlocks } from "../forum/schema";
import type { PersonActor } from "../identity/actor";
import { notifications } from "../notifications/schema";
import { jobs } from "../platform/schema";
import { instantToPortalLocalTime } from "../platform/portal-time";
import { acceptCompanyOffer } from "./accept-company-offer";
import type { CafeAnswer } from "./cafe-access";
import { closeCompanyOffer } from "./close-company-offer";
import { createCompanyOffer } from "./create-company-offer";
import { getCompanyOffer } from "./get-company-offer";
import { listCafeCompany } from "./list-cafe-company";
import { cafeCompanyAcceptances, cafeCompanyMessages, cafeRsvps, cafes } from "./schema";
import { withdrawCompanyAcceptance } from "./withdraw-company-acceptance";
import { writeCompanyMessage } from "./write-company-message";

const HOUR = 3_600_000;

describe.each(testEngines())("going together to a kafé on %s", (engine) => {
  let database: TestDatabase;
  let communityId: string;
  let otherCommunityId: string;
  let moderator: PersonActor;
  let otherModerator: PersonActor;
  let author: PersonActor;
  let companion: PersonActor;
  let maybe: PersonActor;
  let notComing: PersonActor;
  let silent: PersonActor;
  let waitlisted: PersonActor;
  let outsider: PersonActor;
  let provider: PersonActor;
  let administrator: PersonActor;
  let researcher: PersonActor;
  const now = new Date("2027-03-01T12:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    communityId = await createTestCommunity(database, "Bjørkelia");
    otherCommunityId = await createTestCommunity(database, "Havnøy");
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykta", communityIds: [communityId] });
    otherModerator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Vardeild", communityIds: [otherCommunityId] });
    author = await createTestAccount(database, { roles: ["member"], pseudonym: "Furutopp", fullName: "Kari Nordmann", communityIds: [communityId] });
    companion = await createTestAccount(database, { roles: ["member"], pseudonym: "Bekkesildre", communityIds: [communityId] });
    maybe = await createTestAccount(database, { roles: ["member"], pseudonym: "Multebær", communityIds: [communityId] });
    notComing = await createTestAccount(database, { roles: ["member"], pseudonym: "Lauvtre", communityIds: [communityId] });
    silent = await createTestAccount(database, { roles: ["member"], pseudonym: "Kveldssol", communityIds: [communityId] });
    waitlisted = await createTestAccount(database, { roles: ["member"], pseudonym: "Tranebær", communityIds: [communityId] });
    outsider = await createTestAccount(database, { roles: ["member"], pseudonym: "Måsegrå", communityIds: [otherCommunityId] });
    provider = await createTestAccount(database, { roles: ["provider"], communityIds: [communityId] });
    administrator = await createTestAccount(database, { roles: ["administrator"], communityIds: [communityId] });
    researcher = await createTestAccount(database, { roles: ["researcher"], communityIds: [communityId] });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function createCafe(options: { startsAt?: Date; cancelled?: boolean; community?: string } = {}): Promise<string> {
    const startsAt = options.startsAt ?? new Date(now.getTime() + 48 * HOUR);
    const [cafe] = await database.db
      .insert(cafes)
      .values({
        communityId: options.community ?? communityId,
        hostId: moderator.accountId,
        title: "Kafé i Bjørkelia",
        placeName: "Biblioteket",
        address: "Storgata 1",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        cancelledAt: options.cancelled ? now : null,
      })
      .returning({ id: cafes.id });
    return cafe!.id;
  }

  async function answer(cafeId: string, person: PersonActor, value: CafeAnswer) {
    await database.db
      .insert(cafeRsvps)
      .values({ cafeId, accountId: person.accountId, answer: value })
      .onConflictDoUpdate({ target: [cafeRsvps.cafeId, cafeRsvps.accountId], set: { answer: value } });
  }

  /** A kafé where the author, the companion and the maybe member take part, and two others answered otherwise. */
  async function cafeWithPeople(options: { startsAt?: Date; cancelled?: boolean } = {}): Promise<string> {
    const cafeId = await createCafe(options);
    await answer(cafeId, author, "coming");
    await answer(cafeId, companion, "coming");
    await answer(cafeId, maybe, "maybe");
    await answer(cafeId, notComing, "not_coming");
    await answer(cafeId, waitlisted, "waitlisted");
    return cafeId;
  }

  function walkOffer(overrides: Record<string, string> = {}) {
    return { direction: "offer", kind: "walk", place: "Ved bussholdeplassen", meetAt: instantToPortalLocalTime(new Date(now.getTime() + 47 * HOUR)), note: "Jeg går sakte.", ...overrides };
  }

  async function offerWalk(cafeId: string, person = author, overrides: Record<string, string> = {}): Promise<string> {
    const result = await createCompanyOffer(database.db, person, cafeId, walkOffer(overrides), now);
    if (result.status !== "created") throw new Error(`Expected an offer, got ${result.status}`);
    return result.offerId;
  }

  test("offers visible to coming and maybe", async () => {
    const cafeId = await cafeWithPeople();
    await offerWalk(cafeId);

    for (const viewer of [companion, maybe]) {
      const listed = await listCafeCompany(database.db, viewer, cafeId, now);
      expect(listed.status).toBe("listed");
      if (listed.status !== "listed") return;
      expect(listed.takesPart).toBe(true);
      expect(listed.offers).toHaveLength(1);
      expect(listed.offers[0]).toMatchObject({ author: "Furutopp", kind: "walk", direction: "offer", place: "Ved bussholdeplassen", isOwn: false });
      expect(JSON.stringify(listed)).not.toContain("Kari Nordmann");
    }
    for (const viewer of [notComing, silent, waitlisted, outsider, otherModerator, provider, administrator, researcher]) {
      expect((await listCafeCompany(database.db, viewer, cafeId, now)).status).toBe("not_found");
    }
  });

  test("moderator sees offers without answering", async () => {
    const cafeId = await cafeWithPeople();
    await offerWalk(cafeId);
    const listed = await listCafeCompany(database.db, moderator, cafeId, now);
    expect(listed).toMatchObject({ status: "listed", moderates: true, takesPart: false });
    if (listed.status === "listed") expect(listed.offers).toHaveLength(1);
    expect((await createCompanyOffer(database.db, moderator, cafeId, walkOffer(), now)).status).toBe("not_found");
  });

  test("not coming removes access and offers", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    await answer(cafeId, author, "not_coming");
    expect((await listCafeCompany(database.db, author, cafeId, now)).status).toBe("not_found");
    expect((await getCompanyOffer(database.db, author, offerId, now)).status).toBe("not_found");
    const listed = await listCafeCompany(database.db, companion, cafeId, now);
    expect(listed.status).toBe("listed");
    if (listed.status !== "listed") throw new Error("Expected listed.");
    expect(listed.offers).toEqual([]);
    expect((await getCompanyOffer(database.db, companion, offerId, now)).status).toBe("not_found");
  });

  test("ended kafé shows nothing", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    await writeCompanyMessage(database.db, companion, offerId, { body: "Kan jeg bli med?", idempotencyKey: formKey() }, now);
    const after = new Date(now.getTime() + 51 * HOUR);
    for (const viewer of [author, companion, moderator]) {
      const listed = await listCafeCompany(database.db, viewer, cafeId, after);
      expect(listed).toEqual({ status: "ended", cafe: { id: cafeId, title: "Kafé i Bjørkelia" } });
      const page = await getCompanyOffer(database.db, viewer, offerId, after);
      expect(page.status).toBe("ended");
      expect(JSON.stringify(page)).not.toContain("Kan jeg bli med");
    }
    expect((await acceptCompanyOffer(database.db, companion, offerId, after)).status).toBe("not_found");
    expect((await writeCompanyMessage(database.db, companion, offerId, { body: "Hei", idempotencyKey: formKey() }, after)).status).toBe("not_found");
  });

  test("cancelled kafé closes offers", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    await database.db.update(cafes).set({ cancelledAt: now }).where(eq(cafes.id, cafeId));
    expect((await createCompanyOffer(database.db, companion, cafeId, walkOffer(), now)).status).toBe("closed");
    expect((await acceptCompanyOffer(database.db, companion, offerId, now)).status).toBe("closed");
    expect((await writeCompanyMessage(database.db, companion, offerId, { body: "Hei", idempotencyKey: formKey() }, now)).status).toBe("closed");
    const page = await getCompanyOffer(database.db, companion, offerId, now);
    expect(page).toMatchObject({ status: "found", cancelled: true, mayWrite: false, mayAccept: false });
  });

  test("offer fields checked, one open per kind", async () => {
    const cafeId = await cafeWithPeople();
    const invalid = await createCompanyOffer(database.db, author, cafeId, { direction: "offer", kind: "ride", place: " ", meetAt: "2020-01-01T10:00", note: "x".repeat(301) }, now);
    expect(invalid).toEqual({ status: "invalid", errors: { place: "place_missing", note: "note_too_long", meetAt: "meet_at_past", seats: "seats_missing" } });
    const tooManySeats = await createCompanyOffer(database.db, author, cafeId, { direction: "offer", kind: "ride", place: "Sentrum", seats: "9" }, now);
    expect(tooManySeats).toEqual({ status: "invalid", errors: { seats: "seats_invalid" } });
    const afterCafe = await createCompanyOffer(database.db, author, cafeId, walkOffer({ meetAt: instantToPortalLocalTime(new Date(now.getTime() + 60 * HOUR)) }), now);
    expect(afterCafe).toEqual({ status: "invalid", errors: { meetAt: "meet_at_after_cafe" } });

    const first = await createCompanyOffer(database.db, author, cafeId, walkOffer(), now);
    const again = await createCompanyOffer(database.db, author, cafeId, walkOffer(), now);
    expect(first.status).toBe("created");
    expect(again).toEqual({ status: "exists", offerId: first.status === "created" ? first.offerId : "" });
    const ask = await createCompanyOffer(database.db, author, cafeId, { direction: "ask", kind: "ride", place: "Fra Solheim", seats: "1" }, now);
    expect(ask.status).toBe("created");
  });

  test("double submit posts one message", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    const key = formKey();
    const first = await writeCompanyMessage(database.db, companion, offerId, { body: "  Kan jeg bli med?\r\n", idempotencyKey: key }, now);
    const second = await writeCompanyMessage(database.db, companion, offerId, { body: "  Kan jeg bli med?\r\n", idempotencyKey: key }, now);
    expect(first.status).toBe("sent");
    expect(second).toEqual(first);
    const rows = await database.db.select().from(cafeCompanyMessages).where(eq(cafeCompanyMessages.offerId, offerId));
    expect(rows.map((row) => row.body)).toEqual(["Kan jeg bli med?"]);

    // Another person's key cannot be reused to reach a message.
    expect(await writeCompanyMessage(database.db, maybe, offerId, { body: "Hei", idempotencyKey: key }, now)).toEqual({ status: "invalid", errors: { form: "form_expired" } });

    await writeCompanyMessage(database.db, author, offerId, { body: "Ja, gjerne!", idempotencyKey: formKey() }, now);
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.cafeId, cafeId), eq(notifications.kind, "cafe_company_message")));
    expect(notices.map((notice) => [notice.recipientId, notice.actorId]).sort()).toEqual(
      [
        [author.accountId, companion.accountId],
        [companion.accountId, author.accountId],
      ].sort(),
    );
  });

  test("concurrent double submit posts once", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    const key = formKey();
    const results = await Promise.all([1, 2, 3].map(() => writeCompanyMessage(database.db, companion, offerId, { body: "Hei!", idempotencyKey: key }, now)));
    expect(new Set(results.map((result) => (result.status === "sent" ? result.messageId : result.status))).size).toBe(1);
    expect(await database.db.select().from(cafeCompanyMessages).where(eq(cafeCompanyMessages.offerId, offerId))).toHaveLength(1);
  });

  test("messages are limited plain text", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    expect(await writeCompanyMessage(database.db, companion, offerId, { body: "   ", idempotencyKey: formKey() }, now)).toEqual({ status: "invalid", errors: { body: "body_missing" } });
    expect(await writeCompanyMessage(database.db, companion, offerId, { body: "x".repeat(1001), idempotencyKey: formKey() }, now)).toEqual({ status: "invalid", errors: { body: "body_too_long" } });
    expect(await writeCompanyMessage(database.db, companion, offerId, { body: "Hei", idempotencyKey: "short" }, now)).toEqual({ status: "invalid", errors: { form: "form_expired" } });
    await writeCompanyMessage(database.db, companion, offerId, { body: "<b>Hei</b>", idempotencyKey: formKey() }, now);
    const page = await getCompanyOffer(database.db, author, offerId, now);
    expect(page.status).toBe("found");
    if (page.status !== "found") throw new Error("Expected found.");
    expect(page.messages.map((message) => message.body)).toEqual(["<b>Hei</b>"]);
  });

  test("moderator writes in any thread", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    const sent = await writeCompanyMessage(database.db, moderator, offerId, { body: "Fyrlykta kan hjelpe deg å finne noen.", idempotencyKey: formKey() }, now);
    expect(sent.status).toBe("sent");
    const page = await getCompanyOffer(database.db, author, offerId, now);
    expect(page.status).toBe("found");
    if (page.status !== "found") throw new Error("Expected found.");
    expect(page.messages).toMatchObject([{ author: "Fyrlykta", fromModerator: true, isOwn: false }]);
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.cafeId, cafeId), eq(notifications.kind, "cafe_company_message")));
    expect(notices.map((notice) => notice.recipientId)).toEqual([author.accountId]);
    // A moderator of another community cannot.
    expect((await writeCompanyMessage(database.db, otherModerator, offerId, { body: "Hei", idempotencyKey: formKey() }, now)).status).toBe("not_found");
  });

  test("accepting notifies author and can be withdrawn", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    expect((await acceptCompanyOffer(database.db, author, offerId, now)).status).toBe("own_offer");
    expect((await acceptCompanyOffer(database.db, companion, offerId, now)).status).toBe("accepted");
    expect((await acceptCompanyOffer(database.db, companion, offerId, now)).status).toBe("already_accepted");
    expect((await acceptCompanyOffer(database.db, moderator, offerId, now)).status).toBe("not_found");

    const notices = await database.db.select().from(notifications).where(and(eq(notifications.cafeId, cafeId), eq(notifications.kind, "cafe_company_accepted")));
    expect(notices.map((notice) => [notice.recipientId, notice.actorId])).toEqual([[author.accountId, companion.accountId]]);
    const queued = await database.db.select().from(jobs).where(eq(jobs.queue, "cafe_notice"));
    expect(queued.some((job) => (job.payload as { cafeId?: string }).cafeId === cafeId)).toBe(true);

    const forAuthor = await getCompanyOffer(database.db, author, offerId, now);
    expect(forAuthor).toMatchObject({ status: "found", acceptedBy: ["Bekkesildre"], mayClose: true, mayAccept: false });
    const forModerator = await getCompanyOffer(database.db, moderator, offerId, now);
    expect(forModerator).toMatchObject({ status: "found", acceptedBy: ["Bekkesildre"], mayWrite: true, mayAccept: false });
    const forOther = await getCompanyOffer(database.db, maybe, offerId, now);
    expect(forOther).toMatchObject({ status: "found", acceptedBy: null, mayAccept: true });
    if (forOther.status === "found") expect(forOther.offer.acceptedCount).toBe(1);

    expect(await withdrawCompanyAcceptance(database.db, companion, offerId, now)).toEqual({ status: "withdrawn" });
    const afterWithdraw = await getCompanyOffer(database.db, author, offerId, now);
    expect(afterWithdraw).toMatchObject({ status: "found", acceptedBy: [] });
  });

  test("author closes own offer", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    expect(await closeCompanyOffer(database.db, companion, offerId, now)).toEqual({ status: "not_found" });
    expect(await closeCompanyOffer(database.db, author, offerId, now)).toEqual({ status: "closed" });
    expect(await closeCompanyOffer(database.db, author, offerId, now)).toEqual({ status: "closed" });
    expect((await acceptCompanyOffer(database.db, companion, offerId, now)).status).toBe("closed");
    // A closed offer keeps its conversation, and may be made again.
    expect((await writeCompanyMessage(database.db, companion, offerId, { body: "Takk likevel", idempotencyKey: formKey() }, now)).status).toBe("sent");
    expect((await createCompanyOffer(database.db, author, cafeId, walkOffer(), now)).status).toBe("created");
  });

  test("ride seats hold under concurrent accepts", async () => {
    const cafeId = await cafeWithPeople();
    const riders: PersonActor[] = [];
    for (let index = 0; index < 6; index++) {
      const rider = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
      await answer(cafeId, rider, "coming");
      riders.push(rider);
    }
    const created = await createCompanyOffer(database.db, author, cafeId, { direction: "offer", kind: "ride", place: "Fra Solheim", seats: "2" }, now);
    if (created.status !== "created") throw new Error(created.status);

    const results = await Promise.all(riders.map((rider) => acceptCompanyOffer(database.db, rider, created.offerId, now)));
    expect(results.filter((result) => result.status === "accepted")).toHaveLength(2);
    expect(results.filter((result) => result.status === "full")).toHaveLength(4);
    const rows = await database.db.select().from(cafeCompanyAcceptances).where(eq(cafeCompanyAcceptances.offerId, created.offerId));
    expect(rows).toHaveLength(2);

    const page = await getCompanyOffer(database.db, riders[5]!, created.offerId, now);
    expect(page).toMatchObject({ status: "found", mayAccept: false });
    if (page.status === "found") expect(page.offer.seatsLeft).toBe(0);

    // A rider who stops coming frees the seat.
    const accepted = riders.filter((_, index) => results[index]!.status === "accepted");
    await answer(cafeId, accepted[0]!, "not_coming");
    expect((await acceptCompanyOffer(database.db, riders.find((rider) => !accepted.includes(rider))!, created.offerId, now)).status).toBe("accepted");
  });

  test("ride ask has no seat limit", async () => {
    const cafeId = await cafeWithPeople();
    const created = await createCompanyOffer(database.db, author, cafeId, { direction: "ask", kind: "ride", place: "Fra Solheim", seats: "1" }, now);
    if (created.status !== "created") throw new Error(created.status);
    expect((await acceptCompanyOffer(database.db, companion, created.offerId, now)).status).toBe("accepted");
    expect((await acceptCompanyOffer(database.db, maybe, created.offerId, now)).status).toBe("accepted");
  });

  test("blocks hide offers and messages", async () => {
    const cafeId = await cafeWithPeople();
    const blocker = await createTestAccount(database, { roles: ["member"], pseudonym: "Sjøstjerne", communityIds: [communityId] });
    await answer(cafeId, blocker, "coming");
    const offerId = await offerWalk(cafeId);
    const blockersOffer = await offerWalk(cafeId, blocker);
    await writeCompanyMessage(database.db, companion, offerId, { body: "Fra Bekkesildre", idempotencyKey: formKey() }, now);
    await database.db.insert(memberBlocks).values({ blockerId: blocker.accountId, blockedId: author.accountId });

    // The blocker does not see the author's offer, and the author does not see the blocker's.
    const forBlocker = await listCafeCompany(database.db, blocker, cafeId, now);
    expect(forBlocker.status).toBe("listed");
    if (forBlocker.status !== "listed") throw new Error("Expected listed.");
    expect(forBlocker.offers.map((offer) => offer.id)).toEqual([blockersOffer]);
    expect((await getCompanyOffer(database.db, blocker, offerId, now)).status).toBe("not_found");
    expect((await acceptCompanyOffer(database.db, blocker, offerId, now)).status).toBe("not_found");
    expect((await writeCompanyMessage(database.db, blocker, offerId, { body: "Hei", idempotencyKey: formKey() }, now)).status).toBe("not_found");
    const forAuthor = await listCafeCompany(database.db, author, cafeId, now);
    expect(forAuthor.status).toBe("listed");
    if (forAuthor.status !== "listed") throw new Error("Expected listed.");
    expect(forAuthor.offers.map((offer) => offer.id)).toEqual([offerId]);
    expect((await getCompanyOffer(database.db, author, blockersOffer, now)).status).toBe("not_found");

    // In a third person's thread the two do not see each other's messages, and get no notices from each other.
    await writeCompanyMessage(database.db, author, blockersOffer, { body: "Hei", idempotencyKey: formKey() }, now).then((result) => expect(result.status).toBe("not_found"));
    const companionsOffer = await offerWalk(cafeId, companion, { kind: "ride", seats: "3" });
    await writeCompanyMessage(database.db, author, companionsOffer, { body: "Fra Furutopp", idempotencyKey: formKey() }, now);
    await writeCompanyMessage(database.db, blocker, companionsOffer, { body: "Fra Sjøstjerne", idempotencyKey: formKey() }, now);
    const seenByBlocker = await getCompanyOffer(database.db, blocker, companionsOffer, now);
    expect(seenByBlocker.status).toBe("found");
    if (seenByBlocker.status !== "found") throw new Error("Expected found.");
    expect(seenByBlocker.messages.map((message) => message.body)).toEqual(["Fra Sjøstjerne"]);
    const seenByAuthor = await getCompanyOffer(database.db, author, companionsOffer, now);
    expect(seenByAuthor.status).toBe("found");
    if (seenByAuthor.status !== "found") throw new Error("Expected found.");
    expect(seenByAuthor.messages.map((message) => message.body)).toEqual(["Fra Furutopp"]);
    const noticesToAuthor = await database.db.select().from(notifications).where(and(eq(notifications.recipientId, author.accountId), eq(notifications.actorId, blocker.accountId)));
    expect(noticesToAuthor).toEqual([]);

    // The author of an offer does not see, by pseudonym, a member on the other side of a block who accepted it.
    expect((await acceptCompanyOffer(database.db, blocker, companionsOffer, now)).status).toBe("accepted");
    expect((await acceptCompanyOffer(database.db, author, companionsOffer, now)).status).toBe("accepted");
    const acceptedSeenByCompanion = await getCompanyOffer(database.db, companion, companionsOffer, now);
    expect(acceptedSeenByCompanion.status).toBe("found");
    if (acceptedSeenByCompanion.status !== "found") throw new Error("Expected found.");
    expect(acceptedSeenByCompanion.acceptedBy?.sort()).toEqual(["Furutopp", "Sjøstjerne"]);
    await database.db.insert(memberBlocks).values({ blockerId: companion.accountId, blockedId: blocker.accountId });
    const afterBlock = await getCompanyOffer(database.db, companion, companionsOffer, now);
    expect(afterBlock.status).toBe("found");
    if (afterBlock.status !== "found") throw new Error("Expected found.");
    expect(afterBlock.acceptedBy).toEqual(["Furutopp"]);
    await database.db.delete(memberBlocks).where(and(eq(memberBlocks.blockerId, companion.accountId), eq(memberBlocks.blockedId, blocker.accountId)));

    const seenByModerator = await getCompanyOffer(database.db, moderator, companionsOffer, now);
    expect(seenByModerator.status).toBe("found");
    if (seenByModerator.status !== "found") throw new Error("Expected found.");
    expect(seenByModerator.messages.map((message) => message.body)).toEqual(["Fra Furutopp", "Fra Sjøstjerne"]);
    const allForModerator = await listCafeCompany(database.db, moderator, cafeId, now);
    expect(allForModerator.status).toBe("listed");
    if (allForModerator.status !== "listed") throw new Error("Expected listed.");
    expect(allForModerator.offers).toHaveLength(3);
  });

  test("staff and outsiders get not found", async () => {
    const cafeId = await cafeWithPeople();
    const offerId = await offerWalk(cafeId);
    for (const person of [provider, administrator, researcher, outsider, otherModerator]) {
      expect((await listCafeCompany(database.db, person, cafeId, now)).status).toBe("not_found");
      expect((await getCompanyOffer(database.db, person, offerId, now)).status).toBe("not_found");
      expect((await createCompanyOffer(database.db, person, cafeId, walkOffer(), now)).status).toBe("not_found");
      expect((await acceptCompanyOffer(database.db, person, offerId, now)).status).toBe("not_found");
      expect((await withdrawCompanyAcceptance(database.db, person, offerId, now)).status).toBe("not_found");
      expect((await closeCompanyOffer(database.db, person, offerId, now)).status).toBe("not_found");
      expect((await writeCompanyMessage(database.db, person, offerId, { body: "Hei", idempotencyKey: formKey() }, now)).status).toBe("not_found");
    }
    expect((await listCafeCompany(database.db, { kind: "anonymous" }, cafeId, now)).status).toBe("not_found");
    expect((await getCompanyOffer(database.db, companion, "not-a-uuid", now)).status).toBe("not_found");
    expect((await listCafeCompany(database.db, companion, "not-a-uuid", now)).status).toBe("not_found");
  });

  test("other community's offers stay hidden", async () => {
    const cafeId = await createCafe({ community: otherCommunityId });
    await answer(cafeId, outsider, "coming");
    const offerId = await offerWalk(cafeId, outsider);
    expect((await getCompanyOffer(database.db, companion, offerId, now)).status).toBe("not_found");
    expect((await getCompanyOffer(database.db, otherModerator, offerId, now)).status).toBe("found");
    expect((await getCompanyOffer(database.db, moderator, offerId, now)).status).toBe("not_found");
  });
});
