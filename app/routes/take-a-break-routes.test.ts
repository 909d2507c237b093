import { eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import { pauseAccount } from "../../server/identity/pause-account";
import type { Locale } from "../../server/identity/roles";
import { accounts, sessions } from "../../server/identity/schema";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import { createSession } from "../../server/sessions";
import { middleware } from "../root";
import * as settingsBreak from "./settings-break";
import * as welcomeBack from "./welcome-back";

/**
 * Route-level checks of taking a break: /settings/break, /welcome-back and
 * the root middleware that keeps a person back from a break on /welcome-back
 * until they confirm. Loaders, actions and the middleware run against a real
 * database with a request context like the Express layer builds.
 */
describe.each(testEngines())("take a break routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  function contextFor(actor: Actor, locale: Locale = "nb") {
    const context = new RouterContextProvider();
    context.set(requestContext, {
      portal,
      actor,
      sessionExpired: false,
      locale,
      nonce: "test",
      csrfToken: "test",
      requestId: "test",
      clientAddress: "127.0.0.1",
      log: portal.log,
    });
    return context;
  }

  async function thrown(run: () => Promise<unknown> | unknown): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("Expected the route to throw.");
  }

  function loaderArgs(path: string, actor: Actor) {
    return { request: new Request(`http://localhost${path}`), context: contextFor(actor), params: {} } as never;
  }

  function actionArgs(path: string, actor: Actor, fields: Record<string, string>, locale?: Locale) {
    const request = new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams({ csrf: "test", ...fields }) });
    return { request, context: contextFor(actor, locale), params: {} } as never;
  }

  /** Run the root middleware; returns the redirect it throws, or null when the request may go on. */
  async function guard(actor: Actor, path: string, method: "GET" | "POST" = "GET"): Promise<string | null> {
    const request = new Request(`http://localhost${path}`, method === "POST" ? { method, body: new URLSearchParams({ csrf: "test" }) } : undefined);
    const args = { request, context: contextFor(actor), params: {} } as never;
    try {
      await middleware[0]!(args, async () => new Response(null));
    } catch (error) {
      if (error instanceof Response && error.status === 302) return error.headers.get("Location");
      throw error;
    }
    return null;
  }

  async function pausedMember(): Promise<PersonActor> {
    const person = await createTestAccount(database, { roles: ["member"] });
    await pauseAccount(database.db, person);
    return { ...person, paused: true };
  }

  async function pausedAt(accountId: string) {
    const [row] = await database.db.select({ pausedAt: accounts.pausedAt }).from(accounts).where(eq(accounts.id, accountId));
    return row!.pausedAt;
  }

  describe("/settings/break", () => {
    test("signed out goes to sign-in", async () => {
      const response = (await thrown(() => settingsBreak.loader(loaderArgs("/settings/break", anonymous)))) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/sign-in?returnTo=${encodeURIComponent("/settings/break")}`);
    });

    test.each(["provider", "administrator", "researcher"] as const)("%s reads not found", async (role) => {
      const staff = await createTestAccount(database, { roles: [role] });
      const error = (await thrown(() => settingsBreak.loader(loaderArgs("/settings/break", staff)))) as { init?: { status?: number } };
      expect(error.init?.status).toBe(404);
    });

    test("moderator is told about going off duty", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"] });
      expect(settingsBreak.loader(loaderArgs("/settings/break", member))).toEqual({ moderator: false });
      expect(settingsBreak.loader(loaderArgs("/settings/break", moderator))).toEqual({ moderator: true });
    });

    test("pausing signs out and says goodbye in the person's language", async () => {
      const person = await createTestAccount(database, { roles: ["member"] });
      await createSession(database.db, portal.config.session, { accountId: person.accountId, method: "demo" });

      const response = (await settingsBreak.action(actionArgs("/settings/break", person, {}, "nn"))) as Response;

      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/?break=started");
      const cookies = response.headers.getSetCookie();
      expect(cookies.find((cookie) => cookie.startsWith("rc_session="))).toMatch(/^rc_session=;.*Max-Age=0/);
      expect(cookies.find((cookie) => cookie.startsWith("rc_locale="))).toMatch(/^rc_locale=nn;/);
      expect(await pausedAt(person.accountId)).toBeInstanceOf(Date);
      expect(await database.db.select().from(sessions).where(eq(sessions.accountId, person.accountId))).toEqual([]);
    });

    test("provider cannot post to pause", async () => {
      const provider = await createTestAccount(database, { roles: ["provider"] });
      const error = (await thrown(() => settingsBreak.action(actionArgs("/settings/break", provider, {})))) as { init?: { status?: number } };
      expect(error.init?.status).toBe(404);
      expect(await pausedAt(provider.accountId)).toBeNull();
    });
  });

  describe("/welcome-back", () => {
    test("signed out goes to sign-in", async () => {
      const response = (await thrown(() => welcomeBack.loader(loaderArgs("/welcome-back", anonymous)))) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/sign-in?returnTo=${encodeURIComponent("/welcome-back")}`);
    });

    test("active person goes on to where they were heading", async () => {
      const person = await createTestAccount(database, { roles: ["member"] });
      const home = (await thrown(() => welcomeBack.loader(loaderArgs("/welcome-back", person)))) as Response;
      expect(home.headers.get("Location")).toBe("/");
      const forum = (await thrown(() => welcomeBack.loader(loaderArgs("/welcome-back?returnTo=%2Fforum", person)))) as Response;
      expect(forum.headers.get("Location")).toBe("/forum");
    });

    test("paused person sees the page with a safe way back", async () => {
      const person = await pausedMember();
      expect(welcomeBack.loader(loaderArgs("/welcome-back?returnTo=%2Fforum%3Fpage%3D2", person))).toEqual({ returnTo: "/forum?page=2" });
      expect(welcomeBack.loader(loaderArgs("/welcome-back?returnTo=%2F%2Fevil.example", person))).toEqual({ returnTo: "/" });
    });

    test("confirming resumes and returns to the page asked for", async () => {
      const person = await pausedMember();

      const response = (await welcomeBack.action(actionArgs("/welcome-back", person, { intent: "resume", returnTo: "/forum" }))) as Response;

      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/forum");
      expect(await pausedAt(person.accountId)).toBeNull();
    });

    test("unknown intent is a bad request", async () => {
      const person = await pausedMember();
      const error = (await thrown(() => welcomeBack.action(actionArgs("/welcome-back", person, { intent: "something-else" })))) as { init?: { status?: number } };
      expect(error.init?.status).toBe(400);
      expect(await pausedAt(person.accountId)).toBeInstanceOf(Date);
    });
  });

  describe("root middleware", () => {
    test("paused person is sent to welcome-back", async () => {
      const person = await pausedMember();
      expect(await guard(person, "/")).toBe("/welcome-back");
      expect(await guard(person, "/_root.data")).toBe("/welcome-back");
      expect(await guard(person, "/_.data")).toBe("/welcome-back");
      expect(await guard(person, "/settings")).toBe(`/welcome-back?returnTo=${encodeURIComponent("/settings")}`);
      expect(await guard(person, "/forum/search?q=angst")).toBe(`/welcome-back?returnTo=${encodeURIComponent("/forum/search?q=angst")}`);
      expect(await guard(person, "/forum.data?_routes=routes%2Fforum")).toBe(`/welcome-back?returnTo=${encodeURIComponent("/forum")}`);
    });

    test("paused person cannot post elsewhere", async () => {
      const person = await pausedMember();
      expect(await guard(person, "/settings/break", "POST")).toBe(`/welcome-back?returnTo=${encodeURIComponent("/settings/break")}`);
    });

    test("paused person still reaches help and the way out", async () => {
      const person = await pausedMember();
      for (const path of ["/welcome-back", "/acute-help", "/accessibility"]) expect(await guard(person, path), path).toBeNull();
      for (const path of ["/welcome-back", "/sign-out", "/language"]) expect(await guard(person, path, "POST"), path).toBeNull();
    });

    test("active person is not redirected", async () => {
      const person = await createTestAccount(database, { roles: ["member"] });
      expect(await guard(person, "/forum")).toBeNull();
      expect(await guard({ ...person, paused: false }, "/settings")).toBeNull();
    });
  });
});
