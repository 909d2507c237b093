import { eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { createForumCategory } from "../../server/forum/create-forum-category";
import { forumCategories, forumMutedCategories, forumMutedWords } from "../../server/forum/schema";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import type { Locale } from "../../server/identity/roles";
import { notificationSettings } from "../../server/notifications/schema";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import * as adminForum from "./admin-forum";
import * as settings from "./settings";
import * as settingsForum from "./settings-forum";

/**
 * Route-level checks of /admin/forum and /settings/forum: loaders and actions
 * run against a real database with a request context like the Express layer
 * builds, so status codes, redirects and form errors are what a browser gets.
 */
describe.each(testEngines())("forum settings routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let administrator: PersonActor;
  let member: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    member = await createTestAccount(database, { roles: ["member"] });
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

  function loaderArgs(path: string, actor: Actor, locale?: Locale) {
    return { request: new Request(`http://localhost${path}`), context: contextFor(actor, locale), params: {} } as never;
  }

  function actionArgs(path: string, actor: Actor, fields: Record<string, string> | [string, string][]) {
    const request = new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });
    return { request, context: contextFor(actor), params: {} } as never;
  }

  const categoryFields = (suffix: string) => ({
    intent: "create-category",
    nameNb: `Rutekategori ${suffix}`,
    nameNn: `Rutekategori ${suffix} nn`,
    nameEn: `Route category ${suffix}`,
    descriptionNb: "",
    descriptionNn: "",
    descriptionEn: "",
    position: "",
  });

  async function createCategory(suffix: string) {
    const result = await createForumCategory(database.db, administrator, categoryFields(suffix));
    if (result.status !== "created") throw new Error(result.status);
    return result.category.id;
  }

  describe("/admin/forum", () => {
    test("signed out goes to sign-in", async () => {
      const response = (await thrown(() => adminForum.loader(loaderArgs("/admin/forum", anonymous)))) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/sign-in?returnTo=${encodeURIComponent("/admin/forum")}`);
    });

    test.each(["member", "peer_moderator", "provider", "researcher"] as const)("%s reads not found", async (role) => {
      const actor = await createTestAccount(database, { roles: [role] });
      const error = (await thrown(() => adminForum.loader(loaderArgs("/admin/forum", actor)))) as { init?: { status?: number }; data?: unknown };
      expect(error.init?.status).toBe(404);
      expect(error.data).toEqual({ code: "not_found" });
    });

    test("member cannot post to the actions", async () => {
      const error = (await thrown(() => adminForum.action(actionArgs("/admin/forum", member, categoryFields("snik"))))) as { init?: { status?: number } };
      expect(error.init?.status).toBe(404);
      expect(await database.db.select().from(forumCategories).where(eq(forumCategories.nameNb, "Rutekategori snik"))).toEqual([]);
    });

    test("create redirects with a notice in the administrator's language", async () => {
      const response = (await adminForum.action(actionArgs("/admin/forum", administrator, categoryFields("ny")))) as Response;
      expect(response.status).toBe(302);
      const location = response.headers.get("Location")!;
      expect(location).toMatch(/^\/admin\/forum\?notice=category_created&category=[0-9a-f-]{36}$/);

      const page = await adminForum.loader(loaderArgs(location, administrator, "en"));
      expect(page.notice).toEqual({ kind: "category_created", categoryName: "Route category ny" });
      expect(page.createdCategoryId).toBe(new URL(location, "http://localhost").searchParams.get("category"));
      expect(page.categories.map((category) => category.slug)).toContain("rutekategori-ny");
    });

    test("create with errors keeps what was typed", async () => {
      const fields = { ...categoryFields("feil"), nameNb: " x ", nameEn: "", position: "først" };
      const result = (await adminForum.action(actionArgs("/admin/forum", administrator, fields))) as { init: { status: number }; data: unknown };

      expect(result.init.status).toBe(400);
      const { intent: _intent, ...values } = fields;
      expect(result.data).toEqual({
        intent: "create-category",
        errors: { nameNb: "name_too_short", nameEn: "name_missing", position: "position_invalid" },
        values,
      });
    });

    test("create with a taken name names the holder", async () => {
      await createCategory("opptatt");
      const fields = { ...categoryFields("annen"), nameNn: "RUTEKATEGORI opptatt nn" };

      const result = (await adminForum.action(actionArgs("/admin/forum", administrator, fields))) as { init: { status: number }; data: { errors: unknown; takenBy: unknown } };

      expect(result.init.status).toBe(400);
      expect(result.data.errors).toEqual({ nameNn: "name_taken" });
      expect(result.data.takenBy).toEqual({ nameNn: { name: "Rutekategori opptatt nn", archived: false } });
    });

    test("edit link opens the form with stored values", async () => {
      const categoryId = await createCategory("endres");
      const page = await adminForum.loader(loaderArgs(`/admin/forum?edit=${categoryId}`, administrator));
      expect(page.editing).toMatchObject({ id: categoryId, nameNb: "Rutekategori endres", position: expect.stringMatching(/^\d+$/), displayName: "Rutekategori endres" });
    });

    test("update with errors keeps what was typed", async () => {
      const categoryId = await createCategory("oppdater");
      const fields = { ...categoryFields("oppdater"), intent: "update-category", categoryId, position: "" };

      const result = (await adminForum.action(actionArgs("/admin/forum", administrator, fields))) as { init: { status: number }; data: unknown };

      expect(result.init.status).toBe(400);
      expect(result.data).toMatchObject({ intent: "update-category", categoryId, errors: { position: "position_missing" }, values: { position: "", nameNb: "Rutekategori oppdater" } });
    });

    test("update saves and redirects with a notice", async () => {
      const categoryId = await createCategory("lagres");
      const fields = { ...categoryFields("lagres"), intent: "update-category", categoryId, nameNb: "Rutekategori lagret", position: "12" };

      const response = (await adminForum.action(actionArgs("/admin/forum", administrator, fields))) as Response;

      expect(response.headers.get("Location")).toBe(`/admin/forum?notice=category_updated&category=${categoryId}`);
      const [row] = await database.db.select({ nameNb: forumCategories.nameNb, position: forumCategories.position }).from(forumCategories).where(eq(forumCategories.id, categoryId));
      expect(row).toEqual({ nameNb: "Rutekategori lagret", position: 12 });
    });

    test("update of a missing category is explained", async () => {
      const fields = { ...categoryFields("borte"), intent: "update-category", categoryId: "00000000-0000-4000-8000-000000000000", position: "1" };
      const result = (await adminForum.action(actionArgs("/admin/forum", administrator, fields))) as { init: { status: number }; data: unknown };
      expect(result.init.status).toBe(404);
      expect(result.data).toMatchObject({ intent: "update-category", formError: "category_not_found" });
    });

    test("archive and restore redirect with notices", async () => {
      const categoryId = await createCategory("arkiv");

      const archived = (await adminForum.action(actionArgs("/admin/forum", administrator, { intent: "archive-category", categoryId }))) as Response;
      expect(archived.headers.get("Location")).toBe(`/admin/forum?notice=category_archived&category=${categoryId}`);
      const again = (await adminForum.action(actionArgs("/admin/forum", administrator, { intent: "archive-category", categoryId }))) as Response;
      expect(again.headers.get("Location")).toBe(`/admin/forum?notice=category_already_archived&category=${categoryId}`);

      const restored = (await adminForum.action(actionArgs("/admin/forum", administrator, { intent: "restore-category", categoryId }))) as Response;
      expect(restored.headers.get("Location")).toBe(`/admin/forum?notice=category_restored&category=${categoryId}`);
    });

    test("archive of a missing category is explained", async () => {
      const result = (await adminForum.action(actionArgs("/admin/forum", administrator, { intent: "archive-category", categoryId: "nope" }))) as { init: { status: number }; data: unknown };
      expect(result.init.status).toBe(404);
      expect(result.data).toEqual({ intent: "archive-category", categoryId: "nope", formError: "category_not_found" });
    });

    test("unknown intent is a bad request", async () => {
      const error = (await thrown(() => adminForum.action(actionArgs("/admin/forum", administrator, { intent: "delete-category" })))) as { init?: { status?: number } };
      expect(error.init?.status).toBe(400);
    });
  });

  describe("/settings/forum", () => {
    test("signed out goes to sign-in", async () => {
      const response = (await thrown(() => settingsForum.loader(loaderArgs("/settings/forum", anonymous)))) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/sign-in?returnTo=${encodeURIComponent("/settings/forum")}`);
    });

    test.each(["provider", "administrator", "researcher"] as const)("%s reads not found", async (role) => {
      const actor = await createTestAccount(database, { roles: [role] });

      const error = (await thrown(() => settingsForum.loader(loaderArgs("/settings/forum", actor)))) as { init?: { status?: number } };
      expect(error.init?.status).toBe(404);
      const postError = (await thrown(() => settingsForum.action(actionArgs("/settings/forum", actor, { intent: "save-email", emailForum: "on" })))) as {
        init?: { status?: number };
      };
      expect(postError.init?.status).toBe(404);
      expect(await database.db.select().from(notificationSettings).where(eq(notificationSettings.accountId, actor.accountId))).toEqual([]);
    });

    test("page lists words, categories in the reader's language and e-mail", async () => {
      const reader = await createTestAccount(database, { roles: ["member"] });
      const categoryId = await createCategory("leser");
      await database.db.insert(forumMutedWords).values({ accountId: reader.accountId, word: "angst" });
      await database.db.insert(forumMutedCategories).values({ accountId: reader.accountId, categoryId });

      const page = await settingsForum.loader(loaderArgs("/settings/forum", reader, "nn"));

      expect(page.words).toEqual(["angst"]);
      expect(page.categories.find((category) => category.id === categoryId)).toEqual({ id: categoryId, name: "Rutekategori leser nn", muted: true });
      expect(page.emailForum).toBe(false);
      expect(page.notice).toBeNull();
    });

    test("peer moderator may open the page", async () => {
      const moderator = await createTestAccount(database, { roles: ["peer_moderator"] });
      const page = await settingsForum.loader(loaderArgs("/settings/forum", moderator));
      expect(page.words).toEqual([]);
    });

    test("adding a word redirects without the word in the URL", async () => {
      const reader = await createTestAccount(database, { roles: ["member"] });

      const response = (await settingsForum.action(actionArgs("/settings/forum", reader, { intent: "mute-word", word: " Selvskading " }))) as Response;

      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/settings/forum?notice=word_added#muted-words-heading");
      const page = await settingsForum.loader(loaderArgs(response.headers.get("Location")!, reader));
      expect(page.words).toEqual(["selvskading"]);
      expect(page.notice).toBe("word_added");
    });

    test("adding a word twice says it was there", async () => {
      const reader = await createTestAccount(database, { roles: ["member"] });
      await settingsForum.action(actionArgs("/settings/forum", reader, { intent: "mute-word", word: "uro" }));

      const response = (await settingsForum.action(actionArgs("/settings/forum", reader, { intent: "mute-word", word: "URO" }))) as Response;

      expect(response.headers.get("Location")).toBe("/settings/forum?notice=word_already_added#muted-words-heading");
    });

    test("an invalid word keeps what was typed", async () => {
      const reader = await createTestAccount(database, { roles: ["member"] });
      const result = (await settingsForum.action(actionArgs("/settings/forum", reader, { intent: "mute-word", word: " x " }))) as { init: { status: number }; data: unknown };
      expect(result.init.status).toBe(400);
      expect(result.data).toEqual({ intent: "mute-word", error: "word_too_short", values: { word: " x " } });
    });

    test("removing a word redirects with a notice", async () => {
      const reader = await createTestAccount(database, { roles: ["member"] });
      await database.db.insert(forumMutedWords).values({ accountId: reader.accountId, word: "søvn" });

      const response = (await settingsForum.action(actionArgs("/settings/forum", reader, { intent: "unmute-word", word: "søvn" }))) as Response;

      expect(response.headers.get("Location")).toBe("/settings/forum?notice=word_removed#muted-words-heading");
      expect(await database.db.select().from(forumMutedWords).where(eq(forumMutedWords.accountId, reader.accountId))).toEqual([]);
    });

    test("saving categories keeps only the ticked ones", async () => {
      const reader = await createTestAccount(database, { roles: ["member"] });
      const first = await createCategory("kryss en");
      const second = await createCategory("kryss to");
      await database.db.insert(forumMutedCategories).values({ accountId: reader.accountId, categoryId: first });

      const response = (await settingsForum.action(
        actionArgs("/settings/forum", reader, [
          ["intent", "save-muted-categories"],
          ["categoryId", second],
        ]),
      )) as Response;

      expect(response.headers.get("Location")).toBe("/settings/forum?notice=categories_saved#muted-categories-heading");
      const rows = await database.db.select({ categoryId: forumMutedCategories.categoryId }).from(forumMutedCategories).where(eq(forumMutedCategories.accountId, reader.accountId));
      expect(rows).toEqual([{ categoryId: second }]);
    });

    test("e-mail switch turns on and off", async () => {
      const reader = await createTestAccount(database, { roles: ["member"] });

      const on = (await settingsForum.action(actionArgs("/settings/forum", reader, { intent: "save-email", emailForum: "on" }))) as Response;
      expect(on.headers.get("Location")).toBe("/settings/forum?notice=email_on#email-heading");
      expect((await settingsForum.loader(loaderArgs("/settings/forum", reader))).emailForum).toBe(true);

      const off = (await settingsForum.action(actionArgs("/settings/forum", reader, { intent: "save-email" }))) as Response;
      expect(off.headers.get("Location")).toBe("/settings/forum?notice=email_off#email-heading");
      expect((await settingsForum.loader(loaderArgs("/settings/forum", reader))).emailForum).toBe(false);
    });

    test("unknown intent is a bad request", async () => {
      const error = (await thrown(() => settingsForum.action(actionArgs("/settings/forum", member, { intent: "delete-everything" })))) as { init?: { status?: number } };
      expect(error.init?.status).toBe(400);
    });

    test("settings page links the forum settings only for forum readers", async () => {
      const provider = await createTestAccount(database, { roles: ["provider"] });
      expect(settings.loader(loaderArgs("/settings", member)).mayReadForum).toBe(true);
      expect(settings.loader(loaderArgs("/settings", provider)).mayReadForum).toBe(false);
    });
  });
});
