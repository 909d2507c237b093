import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { parseCalendar } from "../../tests/support/parse-calendar";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { cafeRsvps, cafes } from "../../server/cafes/schema";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import type { Locale } from "../../server/identity/roles";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import * as feedRoute from "./cafe-calendar-feed";
import * as fileRoute from "./cafe-calendar-file";
import * as settingsRoute from "./settings-calendar";

/**
 * Route-level checks of kafé calendars: the public feed, the per-kafé
 * download and /settings/calendar, with a request context like the Express
 * layer builds.
 */
describe.each(testEngines())("calendar routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let communityId: string;
  let cafeId: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    portal.testClock!.set(new Date("2026-10-01T10:00:00Z"));
    communityId = await createTestCommunity(database);
    const [cafe] = await database.db
      .insert(cafes)
      .values({
        communityId,
        title: "Kafé i Bjørkelia",
        placeName: "Frivilligsentralen",
        address: "Storgata 12",
        startsAt: new Date("2026-10-25T17:00:00Z"),
        endsAt: new Date("2026-10-25T19:00:00Z"),
      })
      .returning({ id: cafes.id });
    cafeId = cafe!.id;
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

  function loaderArgs(path: string, actor: Actor, params: Record<string, string> = {}, locale?: Locale) {
    return { request: new Request(`http://localhost${path}`), context: contextFor(actor, locale), params } as never;
  }

  function actionArgs(actor: Actor, fields: Record<string, string>) {
    const request = new Request("http://localhost/settings/calendar", { method: "POST", body: new URLSearchParams({ csrf: "test", ...fields }) });
    return { request, context: contextFor(actor), params: {} } as never;
  }

  async function thrown(run: () => Promise<unknown> | unknown): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("Expected the route to throw.");
  }

  async function memberWithLink(): Promise<{ member: PersonActor; token: string }> {
    const member = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    await database.db.insert(cafeRsvps).values({ cafeId, accountId: member.accountId, answer: "coming" });
    await settingsRoute.action(actionArgs(member, { intent: "create-link" }));
    const data = await settingsRoute.loader(loaderArgs("/settings/calendar", member));
    const token = /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(data.link?.url ?? "")?.[1];
    if (!token) throw new Error("No calendar link was shown.");
    return { member, token };
  }

  describe("/calendar/<token>.ics", () => {
    test("serves the feed with private headers", async () => {
      const { token } = await memberWithLink();

      const response = await feedRoute.loader(loaderArgs(`/calendar/${token}.ics`, anonymous, { file: `${token}.ics` }));
      const parsed = parseCalendar(await response.text());

      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
      expect(parsed.events.map((event) => event.localStart)).toEqual(["2026-10-25T18:00"]);
    });

    test.each(["unknown", "without suffix"])("%s token reads a bare 404", async (kind) => {
      const { token } = await memberWithLink();
      const file = kind === "unknown" ? `${"A".repeat(43)}.ics` : token;

      const response = await feedRoute.loader(loaderArgs(`/calendar/${file}`, anonymous, { file }));

      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found\n");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    });
  });

  describe("/cafes/:cafeId/calendar.ics", () => {
    test("member downloads a neutral file", async () => {
      const { member } = await memberWithLink();

      const response = await fileRoute.loader(loaderArgs(`/cafes/${cafeId}/calendar.ics`, member, { cafeId }, "nn"));

      expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="avtale.ics"');
      expect(parseCalendar(await response.text()).events[0]?.summary).toBe("Avtale");
    });

    test("signed out goes to sign-in", async () => {
      const response = (await thrown(() => fileRoute.loader(loaderArgs(`/cafes/${cafeId}/calendar.ics`, anonymous, { cafeId })))) as Response;

      expect(response.status).toBe(302);
    });

    test.each(["provider", "other community"])("%s reads not found", async (kind) => {
      const otherCommunity = await createTestCommunity(database);
      const person = kind === "provider" ? await createTestAccount(database, { roles: ["provider"], communityIds: [communityId] }) : await createTestAccount(database, { roles: ["member"], communityIds: [otherCommunity] });

      const error = (await thrown(() => fileRoute.loader(loaderArgs(`/cafes/${cafeId}/calendar.ics`, person, { cafeId })))) as { init?: { status?: number } };

      expect(error.init?.status).toBe(404);
    });
  });

  describe("/settings/calendar", () => {
    test("create, replace and stop the link", async () => {
      const { member, token } = await memberWithLink();
      const shown = await settingsRoute.loader(loaderArgs("/settings/calendar", member));

      const replaced = (await settingsRoute.action(actionArgs(member, { intent: "replace-link", replacing: shown.link!.createdAt }))) as Response;
      const afterReplace = await settingsRoute.loader(loaderArgs("/settings/calendar?notice=replaced", member));
      const oldFeed = await feedRoute.loader(loaderArgs("/", anonymous, { file: `${token}.ics` }));
      const stopped = (await settingsRoute.action(actionArgs(member, { intent: "stop-link" }))) as Response;
      const afterStop = await settingsRoute.loader(loaderArgs("/settings/calendar", member));

      expect(replaced.headers.get("Location")).toBe("/settings/calendar?notice=replaced#calendar-link-heading");
      expect(afterReplace.notice).toBe("replaced");
      expect(afterReplace.link?.url).not.toContain(token);
      expect(oldFeed.status).toBe(404);
      expect(stopped.headers.get("Location")).toBe("/settings/calendar?notice=stopped#calendar-link-heading");
      expect(afterStop.link).toBeNull();
    });

    test("link uses PUBLIC_URL and a webcal twin", async () => {
      const { member, token } = await memberWithLink();

      const data = await settingsRoute.loader(loaderArgs("/settings/calendar?confirm=stop", member));

      expect(data.link?.url).toBe(new URL(`/calendar/${token}.ics`, portal.config.publicUrl).href);
      expect(data.link?.webcalUrl).toBe(`webcal://${portal.config.publicUrl.host}/calendar/${token}.ics`);
      expect(data.confirm).toBe("stop");
    });

    test("neutral switch saves both ways", async () => {
      const { member } = await memberWithLink();

      const off = (await settingsRoute.action(actionArgs(member, { intent: "save-neutral" }))) as Response;
      const afterOff = await settingsRoute.loader(loaderArgs("/settings/calendar", member));
      const on = (await settingsRoute.action(actionArgs(member, { intent: "save-neutral", neutral: "on" }))) as Response;
      const afterOn = await settingsRoute.loader(loaderArgs("/settings/calendar", member));

      expect(off.headers.get("Location")).toBe("/settings/calendar?notice=neutral_off#calendar-neutral-heading");
      expect(afterOff.neutral).toBe(false);
      expect(on.headers.get("Location")).toBe("/settings/calendar?notice=neutral_on#calendar-neutral-heading");
      expect(afterOn.neutral).toBe(true);
    });

    test.each(["provider", "administrator", "researcher"] as const)("%s reads not found", async (role) => {
      const staff = await createTestAccount(database, { roles: [role] });

      const error = (await thrown(() => settingsRoute.loader(loaderArgs("/settings/calendar", staff)))) as { init?: { status?: number } };

      expect(error.init?.status).toBe(404);
    });

    test("unknown intent is rejected", async () => {
      const { member } = await memberWithLink();

      const error = (await thrown(() => settingsRoute.action(actionArgs(member, { intent: "delete-everything" })))) as { init?: { status?: number } };

      expect(error.init?.status).toBe(400);
    });
  });
});
