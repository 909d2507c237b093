import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createCafeCommunity, createTestCafe, oneOffCafeForm } from "../../tests/support/cafe-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import type { Actor } from "../../server/identity/actor";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import * as cafePage from "./cafes-cafe";
import * as editCafe from "./cafes-edit";
import * as newCafe from "./cafes-new";

/**
 * Route-level checks of the kafé pages: status codes, redirects and form
 * errors that keep what was typed. Loaders and actions run against a real
 * database with a request context like the Express layer builds.
 */
describe.each(testEngines())("kafé routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  const now = new Date("2026-12-01T09:00:00Z");
  const startsAt = new Date("2026-12-15T17:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    portal.testClock!.set(now);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  function contextFor(actor: Actor) {
    const context = new RouterContextProvider();
    context.set(requestContext, { portal, actor, sessionExpired: false, locale: "nb", nonce: "test", csrfToken: "test", requestId: "test", clientAddress: "127.0.0.1", log: portal.log });
    return context;
  }
  const loaderArgs = (path: string, actor: Actor, params: Record<string, string> = {}) => ({ request: new Request(`http://localhost${path}`), context: contextFor(actor), params }) as never;
  const actionArgs = (path: string, actor: Actor, fields: Record<string, string>, params: Record<string, string> = {}) =>
    ({ request: new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams({ csrf: "test", ...fields }) }), context: contextFor(actor), params }) as never;
  const statusOf = (value: unknown) => (value instanceof Response ? value.status : (value as { init?: { status?: number } }).init?.status);

  async function thrown(run: () => Promise<unknown>): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("Expected the route to throw.");
  }

  test("create form keeps typed values", async () => {
    const { communityId, host } = await createCafeCommunity(database);
    const form = Object.fromEntries(Object.entries(oneOffCafeForm(communityId, startsAt, { title: "" })).map(([key, value]) => [key, String(value)]));
    const result = (await newCafe.action(actionArgs("/cafes/new", host, form))) as { data: { errors: Record<string, string>; values: Record<string, string> }; init: { status: number } };

    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual({ title: "title_missing" });
    expect(result.data.values.address).toBe("Storgata 1");
  });

  test("create redirects to the kafé", async () => {
    const { communityId, host } = await createCafeCommunity(database);
    const form = Object.fromEntries(Object.entries(oneOffCafeForm(communityId, startsAt)).map(([key, value]) => [key, String(value)]));
    const response = (await newCafe.action(actionArgs("/cafes/new", host, form))) as Response;

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/cafes\/[0-9a-f-]{36}\?notice=created$/);
  });

  test("member cannot open the create form", async () => {
    const { members } = await createCafeCommunity(database);
    expect(statusOf(await thrown(() => newCafe.loader(loaderArgs("/cafes/new", members[0]!))))).toBe(404);
  });

  test("provider gets 404 on a kafé", async () => {
    const { communityId, host } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    const provider = await createTestAccount(database, { roles: ["provider"] });
    expect(statusOf(await thrown(() => cafePage.loader(loaderArgs(`/cafes/${cafeId}`, provider, { cafeId }))))).toBe(404);
  });

  test("answer redirects with a notice", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    const response = (await cafePage.action(actionArgs(`/cafes/${cafeId}`, members[0]!, { answer: "coming" }, { cafeId }))) as Response;

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/cafes/${cafeId}?notice=answered#answer-heading`);
    const page = await cafePage.loader(loaderArgs(`/cafes/${cafeId}?notice=answered`, members[0]!, { cafeId }));
    expect(page.viewer.answer).toBe("coming");
    expect(page.notice).toBe("answered");
  });

  test("answer after the start is refused", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const soon = new Date(now.getTime() + 3_600_000);
    const cafeId = await createTestCafe(database, host, communityId, soon, now);
    portal.testClock!.set(new Date(soon.getTime() + 60_000));
    const result = (await cafePage.action(actionArgs(`/cafes/${cafeId}`, members[0]!, { answer: "coming" }, { cafeId }))) as { data: { error: string }; init: { status: number } };
    portal.testClock!.set(now);

    expect(result.init.status).toBe(409);
    expect(result.data.error).toBe("started");
  });

  test("edit form keeps typed values", async () => {
    const { communityId, host } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    const form = Object.fromEntries(Object.entries(oneOffCafeForm(communityId, startsAt, { capacity: "many" })).map(([key, value]) => [key, String(value)]));
    const result = (await editCafe.action(actionArgs(`/cafes/${cafeId}/edit`, host, form, { cafeId }))) as { data: { errors: Record<string, string>; values: Record<string, string> }; init: { status: number } };

    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual({ capacity: "capacity_invalid" });
    expect(result.data.values.capacity).toBe("many");
  });
});
