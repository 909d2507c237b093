import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { cafeRsvps, cafes } from "../../server/cafes/schema";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import type { Portal } from "../../server/platform/portal";
import { instantToPortalLocalTime } from "../../server/platform/portal-time";
import { requestContext } from "../../server/platform/request-context";
import * as cafesCompany from "./cafes-company";
import * as cafesCompanyOffer from "./cafes-company-offer";
import * as cafesPropose from "./cafes-propose";
import * as moderationMeetups from "./moderation-meetups";

const HOUR = 3_600_000;

/**
 * Route-level checks of the going-together and meet-up pages: loaders and
 * actions against a real database, with the portal's settable clock deciding
 * when a kafé has ended.
 */
describe.each(testEngines())("company and meet-up routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let communityId: string;
  let member: PersonActor;
  let moderator: PersonActor;
  let cafeId: string;
  const startsAt = new Date(Date.now() + 48 * HOUR);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    communityId = await createTestCommunity(database, "Bjørkelia");
    member = await createTestAccount(database, { roles: ["member"], pseudonym: "Furutopp", communityIds: [communityId] });
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykta", communityIds: [communityId] });
    const [cafe] = await database.db
      .insert(cafes)
      .values({ communityId, hostId: moderator.accountId, title: "Kafé i Bjørkelia", placeName: "Biblioteket", address: "Storgata 1", startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) })
      .returning({ id: cafes.id });
    cafeId = cafe!.id;
    await database.db.insert(cafeRsvps).values({ cafeId, accountId: member.accountId, answer: "coming" });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  function contextFor(actor: Actor) {
    const context = new RouterContextProvider();
    context.set(requestContext, {
      portal,
      actor,
      sessionExpired: false,
      locale: "nb",
      nonce: "test",
      csrfToken: "test",
      requestId: "test",
      clientAddress: "127.0.0.1",
      log: portal.log,
    });
    return context;
  }

  function loaderArgs(path: string, actor: Actor, params: Record<string, string> = {}) {
    return { request: new Request(`http://localhost${path}`), context: contextFor(actor), params } as never;
  }

  function actionArgs(path: string, actor: Actor, fields: Record<string, string>, params: Record<string, string> = {}) {
    const request = new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams({ csrf: "test", ...fields }) });
    return { request, context: contextFor(actor), params } as never;
  }

  async function thrown(run: () => Promise<unknown> | unknown): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("Expected the route to throw.");
  }

  /** Unwrap `data(...)` results, which carry their value in `data` and their status in `init`. */
  function payload<T>(result: unknown): { data: T; status: number | undefined } {
    const wrapped = result as { data: T; init?: { status?: number } };
    return { data: wrapped.data, status: wrapped.init?.status };
  }

  test("signed out goes to sign-in", async () => {
    const response = (await thrown(() => cafesCompany.loader(loaderArgs(`/cafes/${cafeId}/company`, anonymous, { cafeId })))) as Response;
    expect(response.status).toBe(302);
  });

  test.each(["provider", "administrator", "researcher"] as const)("%s reads not found", async (role) => {
    const staff = await createTestAccount(database, { roles: [role], communityIds: [communityId] });
    for (const run of [
      () => cafesCompany.loader(loaderArgs(`/cafes/${cafeId}/company`, staff, { cafeId })),
      () => cafesPropose.loader(loaderArgs("/cafes/propose", staff)),
      () => moderationMeetups.loader(loaderArgs("/moderation/meetups", staff)),
    ]) {
      const error = (await thrown(run)) as { init?: { status?: number } };
      expect(error.init?.status).toBe(404);
    }
  });

  test("invalid offer keeps values", async () => {
    const fields = { intent: "create-offer", direction: "offer", kind: "ride", place: "", meetAt: "2020-01-01T10:00", seats: "", note: "Grønn lue" };
    const result = payload<cafesCompany.CafesCompanyActionData>(await cafesCompany.action(actionArgs(`/cafes/${cafeId}/company`, member, fields, { cafeId })));
    expect(result.status).toBe(400);
    expect(result.data.values).toMatchObject({ kind: "ride", meetAt: "2020-01-01T10:00", note: "Grønn lue" });
    expect(result.data.errors.place).toBe("Skriv et møtested eller område.");
    expect(result.data.errors.seats).toBe("Skriv hvor mange plasser det gjelder.");
    expect(result.data.errors.meetAt).toBe("Tidspunktet har allerede vært. Velg et senere tidspunkt.");
  });

  test("guard stops a phone number in the note", async () => {
    const fields = { intent: "create-offer", direction: "offer", kind: "walk", place: "Torget", meetAt: "", seats: "", note: "Ring meg på 912 34 567" };
    const guarded = payload<cafesCompany.CafesCompanyActionData>(await cafesCompany.action(actionArgs(`/cafes/${cafeId}/company`, member, fields, { cafeId })));
    expect(guarded.data.noteFindings?.map((finding) => finding.kind)).toEqual(["phone_number"]);

    const posted = (await cafesCompany.action(actionArgs(`/cafes/${cafeId}/company`, member, { ...fields, intent: "create-offer-anyway" }, { cafeId }))) as Response;
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toMatch(/^\/cafes\/company\/[0-9a-f-]{36}\?notice=created$/);
  });

  test("ended kafé shows the calm page", async () => {
    const listed = (await cafesCompany.loader(loaderArgs(`/cafes/${cafeId}/company`, member, { cafeId }))) as { result: { status: string } };
    expect(listed.result.status).toBe("listed");
    portal.testClock!.set(new Date(startsAt.getTime() + 3 * HOUR));
    try {
      const ended = (await cafesCompany.loader(loaderArgs(`/cafes/${cafeId}/company`, member, { cafeId }))) as { result: { status: string } };
      expect(ended.result).toEqual({ status: "ended", cafe: { id: cafeId, title: "Kafé i Bjørkelia" } });
      const response = (await thrown(() => cafesCompanyOffer.action(actionArgs("/cafes/company/x", member, { intent: "accept" }, { offerId: "00000000-0000-4000-8000-000000000000" })))) as {
        init?: { status?: number };
      };
      expect(response.init?.status).toBe(404);
    } finally {
      portal.testClock!.set(new Date());
    }
  });

  test("proposal errors keep values", async () => {
    const fields = { meetupKind: "walk", title: "Kaffe", startsAt: "", duration: "90", placeName: "Torgkafeen", address: "", directions: "", capacity: "", topic: "", idempotencyKey: "x".repeat(24) };
    const result = payload<cafesPropose.CafesProposeActionData>(await cafesPropose.action(actionArgs("/cafes/propose", member, fields)));
    expect(result.status).toBe(400);
    expect(result.data.values).toMatchObject({ meetupKind: "walk", title: "Kaffe", placeName: "Torgkafeen" });
    expect(result.data.errors).toEqual({ address: "Adressen mangler. Skriv adressen.", startsAt: "Dato og tid mangler. Velg når treffet begynner." });
    expect(result.data.idempotencyKey).toBe("x".repeat(24));

    const unknownKind = payload<cafesPropose.CafesProposeActionData>(await cafesPropose.action(actionArgs("/cafes/propose", member, { ...fields, meetupKind: "party" })));
    expect(unknownKind.data.errors.meetupKind).toBe("Velg hva slags treff det er.");
    expect(unknownKind.data.values).toMatchObject({ meetupKind: "party", title: "Kaffe" });
  });

  test("too long decline note returns to its own meet-up", async () => {
    const propose = async (title: string) => {
      const fields = {
        meetupKind: "coffee",
        title,
        startsAt: instantToPortalLocalTime(new Date(Date.now() + 72 * HOUR)),
        duration: "60",
        placeName: "Torgkafeen",
        address: "Torget 1",
        idempotencyKey: formKey(),
      };
      const response = (await cafesPropose.action(actionArgs("/cafes/propose", member, fields))) as Response;
      expect(response.status).toBe(302);
      const own = (await cafesPropose.loader(loaderArgs("/cafes/propose", member))) as { meetups: { id: string; title: string }[] };
      return own.meetups.find((meetup) => meetup.title === title)!.id;
    };
    await propose("Kaffe på torget");
    const second = await propose("Tur langs elva");
    const tooLong = "Ikke denne gangen. ".repeat(30);
    const refused = payload<moderationMeetups.ModerationMeetupsActionData>(
      await moderationMeetups.action(actionArgs("/moderation/meetups", moderator, { intent: "decline", cafeId: second, note: tooLong })),
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toEqual({ cafeId: second, note: tooLong, noteError: "Teksten er for lang. Den kan ha høyst 500 tegn." });

    const declined = (await moderationMeetups.action(actionArgs("/moderation/meetups", moderator, { intent: "decline", cafeId: second, note: "Ikke denne gangen." }))) as Response;
    expect(declined.headers.get("Location")).toBe("/moderation/meetups?notice=declined");
    const own = (await cafesPropose.loader(loaderArgs("/cafes/propose", member))) as { meetups: { id: string; decisionNote: string | null; meetupKind: string | null }[] };
    expect(own.meetups.find((meetup) => meetup.id === second)).toMatchObject({ decisionNote: "Ikke denne gangen.", meetupKind: "coffee" });
  });
});
