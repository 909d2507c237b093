import { createECDH, randomBytes } from "node:crypto";

import { and, eq, sql } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import webPush from "web-push";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { answerCafe, insertTestCafe } from "../../tests/support/cafe-reminder-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { CAFE_REMINDER_QUEUE } from "../../server/cafes/cafe-jobs";
import { cafes, cafeSettings, pushSubscriptions } from "../../server/cafes/schema";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import { jobs } from "../../server/platform/schema";
import type { Portal } from "../../server/platform/portal";
import { createPushSender } from "../../server/platform/push";
import { requestContext } from "../../server/platform/request-context";
import * as settings from "./settings";
import * as settingsCafes from "./settings-cafes";
import * as settingsCafesPush from "./settings-cafes-push";

describe.each(testEngines())("kafé reminder settings routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let member: PersonActor;
  let provider: PersonActor;
  let communityId: string;
  let hostId: string;
  const now = new Date("2027-01-01T12:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    portal.testClock!.set(now);
    communityId = await createTestCommunity(database);
    member = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    provider = await createTestAccount(database, { roles: ["provider"] });
    hostId = (await createTestAccount(database, { roles: ["member", "peer_moderator"], communityIds: [communityId] })).accountId;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  function contextFor(actor: Actor, withPortal: Portal = portal) {
    const context = new RouterContextProvider();
    context.set(requestContext, { portal: withPortal, actor, sessionExpired: false, locale: "nb", nonce: "test", csrfToken: "test", requestId: "test", clientAddress: "127.0.0.1", log: withPortal.log });
    return context;
  }

  const loaderArgs = (actor: Actor) => ({ request: new Request("http://localhost/settings/cafes"), context: contextFor(actor), params: {} }) as never;

  function actionArgs(path: string, actor: Actor, fields: [string, string][], withPortal?: Portal) {
    const request = new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });
    return { request, context: contextFor(actor, withPortal), params: {} } as never;
  }

  async function thrown(run: () => Promise<unknown> | unknown): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("Expected the route to throw.");
  }

  const saveFields = (offsets: string[], extra: [string, string][] = []): [string, string][] => [
    ["intent", "save-reminders"],
    ["remindByEmail", "on"],
    ["remindInPortal", "on"],
    ...offsets.map((offset): [string, string] => ["offset", offset]),
    ...extra,
  ];

  function browserSubscription(host = "127.0.0.1:9") {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    return {
      endpoint: `https://${host}/push/${randomBytes(6).toString("hex")}`,
      p256dh: ecdh.getPublicKey().toString("base64url"),
      auth: randomBytes(16).toString("base64url"),
    };
  }

  test("settings page lists the link", async () => {
    const data = settings.loader({ request: new Request("http://localhost/settings"), context: contextFor(member), params: {} } as never);
    expect(data.mayReadCafes).toBe(true);
    const providerData = settings.loader({ request: new Request("http://localhost/settings"), context: contextFor(provider), params: {} } as never);
    expect(providerData.mayReadCafes).toBe(false);
  });

  test("provider gets not found", async () => {
    const error = (await thrown(() => settingsCafes.loader(loaderArgs(provider)))) as { init: { status: number } };
    expect(error.init.status).toBe(404);
  });

  test("signed-out visitor is sent to sign in", async () => {
    const response = (await thrown(() => settingsCafes.loader(loaderArgs(anonymous)))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/sign-in/);
  });

  test("defaults without saved settings", async () => {
    const fresh = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    const data = await settingsCafes.loader(loaderArgs(fresh));
    expect(data.choices).toMatchObject({ remindByEmail: true, remindByPush: true, remindInPortal: true, reminderOffsets: [1440, 120], showDetails: false });
    expect(data.devices).toEqual([]);
    expect(data.pushPublicKey).toBeNull();
  });

  test("saving new times schedules reminders", async () => {
    const upcoming = await insertTestCafe(database, { communityId, hostId, startsAt: new Date("2027-01-20T17:00:00Z") });
    const maybe = await insertTestCafe(database, { communityId, hostId, startsAt: new Date("2027-01-27T17:00:00Z") });
    const cancelled = await insertTestCafe(database, { communityId, hostId, startsAt: new Date("2027-01-21T17:00:00Z") });
    const past = await insertTestCafe(database, { communityId, hostId, startsAt: new Date("2026-12-20T17:00:00Z") });
    const declined = await insertTestCafe(database, { communityId, hostId, startsAt: new Date("2027-01-22T17:00:00Z") });
    await database.db.update(cafes).set({ cancelledAt: now }).where(eq(cafes.id, cancelled));
    await answerCafe(database.db, upcoming, member.accountId, "coming");
    await answerCafe(database.db, maybe, member.accountId, "maybe");
    await answerCafe(database.db, cancelled, member.accountId, "coming");
    await answerCafe(database.db, past, member.accountId, "coming");
    await answerCafe(database.db, declined, member.accountId, "not_coming");

    const response = (await settingsCafes.action(actionArgs("/settings/cafes", member, saveFields(["10080", "60"], [["showDetails", "on"]])))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/settings/cafes?notice=saved#reminders-heading");

    const [row] = await database.db.select().from(cafeSettings).where(eq(cafeSettings.accountId, member.accountId));
    expect(row).toMatchObject({ remindByEmail: true, remindByPush: false, remindInPortal: true, reminderOffsets: [10080, 60], showDetails: true, calendarNeutral: true });

    const scheduled = await database.db
      .select({ cafeId: sql<string>`${jobs.payload}->>'cafeId'`, offset: sql<number>`(${jobs.payload}->>'offsetMinutes')::int` })
      .from(jobs)
      .where(and(eq(jobs.queue, CAFE_REMINDER_QUEUE), sql`${jobs.payload}->>'accountId' = ${member.accountId}`));
    const byCafe = (cafeId: string) => scheduled.filter((job) => job.cafeId === cafeId).map((job) => Number(job.offset)).sort((a, b) => a - b);
    expect(byCafe(upcoming)).toEqual([60, 10080]);
    expect(byCafe(maybe)).toEqual([60, 10080]);
    expect(byCafe(cancelled)).toEqual([]);
    expect(byCafe(past)).toEqual([]);
    expect(byCafe(declined)).toEqual([]);

    const data = await settingsCafes.loader(loaderArgs(member));
    expect(data.choices.reminderOffsets).toEqual([10080, 60]);
  });

  test("saving twice keeps one job each", async () => {
    const cafeId = await insertTestCafe(database, { communityId, hostId, startsAt: new Date("2027-02-10T17:00:00Z") });
    const other = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    await answerCafe(database.db, cafeId, other.accountId, "coming");
    await settingsCafes.action(actionArgs("/settings/cafes", other, saveFields(["1440"])));
    await settingsCafes.action(actionArgs("/settings/cafes", other, saveFields(["1440"])));

    const rows = await database.db.select().from(jobs).where(and(eq(jobs.queue, CAFE_REMINDER_QUEUE), sql`${jobs.payload}->>'accountId' = ${other.accountId}`));
    expect(rows).toHaveLength(1);
  });

  test("unknown reminder time is rejected", async () => {
    const response = (await settingsCafes.action(actionArgs("/settings/cafes", member, saveFields(["1440", "5"], [["showDetails", "on"]])))) as unknown as {
      init: { status: number };
      data: { error: string; values: { showDetails: boolean; reminderOffsets: number[] } };
    };
    expect(response.init.status).toBe(400);
    expect(response.data.error).toBe("invalid");
    expect(response.data.values.showDetails).toBe(true);
    expect(response.data.values.reminderOffsets).toEqual([1440, 5]);
  });

  test("push subscription needs push on", async () => {
    const response = (await settingsCafesPush.action(actionArgs("/settings/cafes/push", member, Object.entries(browserSubscription())))) as unknown as { init: { status: number }; data: { status: string } };
    expect(response.init.status).toBe(409);
    expect(response.data.status).toBe("push_off");
  });

  test("push subscription stored once per device", async () => {
    const pushPortal: Portal = { ...portal, push: createPushSender({ ...webPush.generateVAPIDKeys(), subject: "mailto:drift@reconnect.example.no" }) };
    const device = browserSubscription();
    const first = (await settingsCafesPush.action(actionArgs("/settings/cafes/push", member, Object.entries(device), pushPortal))) as unknown as { data: { status: string } };
    expect(first.data.status).toBe("saved");

    // The same browser subscribing again, with new keys, updates its row.
    const renewed = { ...browserSubscription(), endpoint: device.endpoint };
    await settingsCafesPush.action(actionArgs("/settings/cafes/push", member, Object.entries(renewed), pushPortal));
    const rows = await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.p256dh).toBe(renewed.p256dh);
    expect(rows[0]!.accountId).toBe(member.accountId);

    const data = await settingsCafes.loader(loaderArgs(member));
    expect(data.devices.map((listed) => listed.pushService)).toContain("127.0.0.1");
  });

  test("bad push subscriptions are rejected", async () => {
    const pushPortal: Portal = { ...portal, push: createPushSender({ ...webPush.generateVAPIDKeys(), subject: "mailto:drift@reconnect.example.no" }) };
    const productionPortal: Portal = { ...pushPortal, config: { ...pushPortal.config, env: "production" } };
    const good = browserSubscription("push.example.net");
    const cases: [string, Record<string, string>, Portal][] = [
      ["plain http", { ...good, endpoint: "http://push.example.net/push/1" }, pushPortal],
      ["not a URL", { ...good, endpoint: "push.example.net" }, pushPortal],
      ["short key", { ...good, p256dh: good.p256dh.slice(0, 40) }, pushPortal],
      ["short secret", { ...good, auth: "abc" }, pushPortal],
      ["address host in production", browserSubscription("127.0.0.1:9"), productionPortal],
      ["localhost in production", browserSubscription("localhost:9"), productionPortal],
    ];
    for (const [name, fields, withPortal] of cases) {
      const response = (await settingsCafesPush.action(actionArgs("/settings/cafes/push", member, Object.entries(fields), withPortal))) as unknown as { init: { status: number }; data: { status: string } };
      expect(response.data.status, name).toBe("invalid");
      expect(response.init.status, name).toBe(400);
    }
    const accepted = (await settingsCafesPush.action(actionArgs("/settings/cafes/push", member, Object.entries(good), productionPortal))) as unknown as { data: { status: string } };
    expect(accepted.data.status).toBe("saved");
  });

  test("device removal only for its owner", async () => {
    const other = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    const [theirs] = await database.db
      .insert(pushSubscriptions)
      .values({ accountId: other.accountId, ...browserSubscription("push.example.net") })
      .returning({ id: pushSubscriptions.id });
    const [mine] = await database.db
      .insert(pushSubscriptions)
      .values({ accountId: member.accountId, ...browserSubscription("push.example.net") })
      .returning({ id: pushSubscriptions.id });

    for (const id of [theirs!.id, mine!.id]) {
      const response = (await settingsCafes.action(actionArgs("/settings/cafes", member, [["intent", "remove-device"], ["subscriptionId", id]]))) as Response;
      expect(response.headers.get("Location")).toBe("/settings/cafes?notice=device_removed#push-heading");
    }
    const left = await database.db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(sql`${pushSubscriptions.id} in (${theirs!.id}, ${mine!.id})`);
    expect(left.map((row) => row.id)).toEqual([theirs!.id]);
  });
});
