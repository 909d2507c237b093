import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { demoClosedGroups, demoForumCategories, demoForumThreads } from "../../scripts/demo-forum-content";
import { demoForumId } from "../../scripts/seed-demo-forum";
import { e2e } from "./environment";
import { identityCanaries, signInAsDemoRequest } from "./support";

/**
 * Canary checks: what a closed group holds, and every real identity, must
 * never reach a member outside the group, on any forum page, its `.data`
 * response or a search. The demo's closed group is the canary.
 */
const group = demoClosedGroups[0]!;
const groupCanaries = [group.name, ...group.threads.map((thread) => thread.title), ...group.threads.flatMap((thread) => thread.posts.map((post) => post.body.split("\n")[0]!.slice(0, 60)))];

// Words from the group's posts, so a search that leaked would find them.
const searches = ["tur", "helga", "kaffe", "bollene", "vannet", "Turgjengen"];

function pagesToCheck(): string[] {
  return [
    "/forum",
    "/forum/new",
    "/notifications",
    ...demoForumCategories.map((category) => `/forum/categories/${category.slug}`),
    `/forum/threads/${demoForumId("thread", demoForumThreads[0]!.key)}`,
    ...searches.map((word) => `/forum/search?q=${encodeURIComponent(word)}`),
  ];
}

function dataUrl(url: string) {
  const [path, query] = url.split("?");
  return `${path}.data${query ? `?${query}` : ""}`;
}

let outsider: APIRequestContext;
let insider: APIRequestContext;

test.beforeAll(async () => {
  outsider = await playwrightRequest.newContext({ baseURL: e2e.baseUrl });
  await signInAsDemoRequest(outsider, "member-6");
  insider = await playwrightRequest.newContext({ baseURL: e2e.baseUrl });
  await signInAsDemoRequest(insider, group.memberKeys[0]!);
});

test.afterAll(async () => {
  await outsider.dispose();
  await insider.dispose();
});

test("closed group leaks to no outsider page", async () => {
  for (const url of pagesToCheck()) {
    for (const target of [url, dataUrl(url)]) {
      const response = await outsider.get(target);
      expect(response.status(), target).toBe(200);
      const body = await response.text();
      // A search page repeats its own query, so a canary the URL itself carries is not a leak.
      const canaries = [...groupCanaries, ...identityCanaries()].filter((canary) => !decodeURIComponent(target).includes(canary));
      for (const canary of canaries) expect(body, `${target} leaks ${canary}`).not.toContain(canary);
    }
  }
});

test("closed group pages are not found for outsiders", async () => {
  const groupId = demoForumId("group", group.key);
  for (const url of [`/forum/threads/${demoForumId("thread", group.threads[0]!.key)}`, `/forum/groups/${groupId}/new`]) {
    const response = await outsider.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).not.toContain(group.name);
  }
});

test("group member finds the group's posts by search", async () => {
  const response = await insider.get(`/forum/search?q=${encodeURIComponent("bollene")}`);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain(group.threads[1]!.title);
});
