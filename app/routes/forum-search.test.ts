import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { forumCategories, forumPosts, forumThreads } from "../../server/forum/schema";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import type { Role } from "../../server/identity/roles";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import * as forumSearch from "./forum-search";

/**
 * Route-level checks of the forum search page: the loader runs against a
 * real database with a request context like the Express layer builds, so
 * status codes and redirects are what a browser gets.
 */
describe.each(testEngines())("forum search route on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let member: PersonActor;
  let openingPostId: string;
  let threadId: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    member = await createTestAccount(database, { roles: ["member"], pseudonym: "Søkjar" });

    const [category] = await database.db
      .insert(forumCategories)
      .values({ slug: "kvardag", nameNb: "Hverdag", nameNn: "Kvardag", nameEn: "Everyday life" })
      .returning({ id: forumCategories.id });
    const [thread] = await database.db
      .insert(forumThreads)
      .values({ categoryId: category!.id, title: "Søvn og kvile", authorId: member.accountId, lastPosition: 1 })
      .returning({ id: forumThreads.id });
    const body = "Brukarane her seier at kvilepuls hjelper.";
    const [post] = await database.db
      .insert(forumPosts)
      .values({ threadId: thread!.id, position: 1, authorId: member.accountId, body, bodyHtml: `<p>${body}</p>`, idempotencyKey: "route-test" })
      .returning({ id: forumPosts.id });
    threadId = thread!.id;
    openingPostId = post!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  function loaderArgs(path: string, actor: Actor) {
    const context = new RouterContextProvider();
    context.set(requestContext, {
      portal,
      actor,
      sessionExpired: false,
      locale: "nn",
      nonce: "test",
      csrfToken: "test",
      requestId: "test",
      clientAddress: "127.0.0.1",
      log: portal.log,
    });
    return { request: new Request(`http://localhost${path}`), context, params: {} } as never;
  }

  async function thrown(run: () => Promise<unknown>): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("Expected the route to throw.");
  }

  /** Return the status and data of a loader result, whether it was wrapped in `data()` or not. */
  async function load(path: string, actor: Actor = member) {
    const result = (await forumSearch.loader(loaderArgs(path, actor))) as unknown as { init?: { status?: number }; data?: unknown };
    return result.init ? { status: result.init.status, data: result.data } : { status: 200, data: result };
  }

  test("signed out goes to sign-in", async () => {
    const response = (await thrown(() => forumSearch.loader(loaderArgs("/forum/search?q=s%C3%B8vn", anonymous)))) as Response;

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sign-in?returnTo=${encodeURIComponent("/forum/search?q=s%C3%B8vn")}`);
  });

  test.each<[Role]>([["provider"], ["researcher"], ["administrator"]])("%s reads not found", async (role) => {
    const person = await createTestAccount(database, { roles: [role] });

    const error = (await thrown(() => forumSearch.loader(loaderArgs("/forum/search?q=brukere", person)))) as { init?: { status?: number }; data?: unknown };

    expect(error.init?.status).toBe(404);
    expect(error.data).toEqual({ code: "not_found" });
  });

  test("without a query only the form shows", async () => {
    expect(await load("/forum/search")).toEqual({ status: 200, data: { query: "", search: null } });
  });

  test("Bokmål query finds the Nynorsk post", async () => {
    const { status, data } = (await load("/forum/search?q=brukere")) as { status: number; data: { search: { status: string; results: { postId: string; threadId: string; categoryName: string }[] } } };

    expect(status).toBe(200);
    expect(data.search.status).toBe("searched");
    expect(data.search.results).toMatchObject([{ postId: openingPostId, threadId, categoryName: "Kvardag" }]);
  });

  test("second page is requested", async () => {
    const { status, data } = (await load("/forum/search?q=brukere&page=2")) as { status: number; data: { search: { page: number; results: unknown[] } } };

    expect(status).toBe(200);
    expect(data.search.page).toBe(2);
    expect(data.search.results).toEqual([]);
  });

  test.each([
    ["an empty query", "/forum/search?q=", "empty_query"],
    ["only punctuation", "/forum/search?q=%26%7C!", "empty_query"],
    ["a query over the limit", `/forum/search?q=${"a".repeat(201)}`, "query_too_long"],
    ["page 0", "/forum/search?q=brukere&page=0", "invalid_page"],
    ["page 11", "/forum/search?q=brukere&page=11", "invalid_page"],
    ["a page that is not a number", "/forum/search?q=brukere&page=to", "invalid_page"],
  ])("%s is a bad request", async (_, path, code) => {
    const { status, data } = (await load(path)) as { status: number; data: { search: { status: string } } };

    expect(status).toBe(400);
    expect(data.search.status).toBe(code);
  });

  test("very long query is echoed shortened", async () => {
    const { data } = (await load(`/forum/search?q=${"a".repeat(5000)}`)) as { data: { query: string } };

    expect(data.query).toHaveLength(1000);
  });
});
