import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { demoClosedGroups, demoForumCategories, demoForumThreads } from "../../scripts/demo-forum-content";
import { demoPeople } from "../../scripts/seed-demo";
import { demoForumId } from "../../scripts/seed-demo-forum";
import routes from "../../app/routes";
import { nextDemoCafe } from "./cafe-company-support";
import { e2e } from "./environment";
import { demoDisplayName, identityCanaries, signInAsDemoRequest } from "./support";

/**
 * Every route × every role, signed out included. Expected outcomes:
 * - "page": 200 with the page,
 * - "sign-in": a redirect to /sign-in with a way back,
 * - "not-found": 404, the same response a missing page gets,
 * - "home": a redirect to / (sign-in pages for someone already signed in),
 * - "bad-request": 400 (a sign-in callback without a sign-in in progress).
 * Denied responses must not carry any of the seeded data they protect.
 */
type Outcome = "page" | "sign-in" | "not-found" | "home" | "bad-request";
type Viewer = "anonymous" | "member" | "peer_moderator" | "provider" | "administrator" | "researcher";

const viewers: Record<Exclude<Viewer, "anonymous">, string> = {
  member: "member-5",
  peer_moderator: "moderator",
  provider: "provider-1",
  administrator: "administrator",
  researcher: "researcher",
};

const everyone = (outcome: Outcome): Record<Viewer, Outcome> => ({
  anonymous: outcome,
  member: outcome,
  peer_moderator: outcome,
  provider: outcome,
  administrator: outcome,
  researcher: outcome,
});

const signedIn = (allowed: Viewer[]): Record<Viewer, Outcome> => ({
  anonymous: "sign-in",
  member: allowed.includes("member") ? "page" : "not-found",
  peer_moderator: allowed.includes("peer_moderator") ? "page" : "not-found",
  provider: allowed.includes("provider") ? "page" : "not-found",
  administrator: allowed.includes("administrator") ? "page" : "not-found",
  researcher: allowed.includes("researcher") ? "page" : "not-found",
});

const signInPage = { ...everyone("home"), anonymous: "page" } as Record<Viewer, Outcome>;

/** Route pattern (as in app/routes.ts) → the URL to request and what each viewer gets on GET. */
const matrix: Record<string, { url: string; expected: Record<Viewer, Outcome> }> = {
  "/": { url: "/", expected: everyone("page") },
  "acute-help": { url: "/acute-help", expected: everyone("page") },
  accessibility: { url: "/accessibility", expected: everyone("page") },
  language: { url: "/language", expected: everyone("not-found") },
  "sign-in": { url: "/sign-in", expected: signInPage },
  "sign-in/demo": { url: "/sign-in/demo", expected: signInPage },
  "sign-in/email": { url: "/sign-in/email", expected: signInPage },
  "sign-in/email/code": { url: "/sign-in/email/code", expected: signInPage },
  "sign-in/oidc/:provider": { url: "/sign-in/oidc/idporten", expected: everyone("not-found") },
  "sign-in/callback/:provider": { url: "/sign-in/callback/idporten?code=x&state=y", expected: everyone("bad-request") },
  "sign-out": { url: "/sign-out", expected: everyone("not-found") },
  settings: { url: "/settings", expected: signedIn(["member", "peer_moderator", "provider", "administrator", "researcher"]) },
  "settings/profile": { url: "/settings/profile", expected: signedIn(["member", "peer_moderator"]) },
  "settings/forum": { url: "/settings/forum", expected: signedIn(["member", "peer_moderator"]) },
  "settings/break": { url: "/settings/break", expected: signedIn(["member", "peer_moderator"]) },
  "settings/cafes": { url: "/settings/cafes", expected: signedIn(["member", "peer_moderator"]) },
  // Action-only: the settings page's script posts a push subscription here; GET is not a page.
  "settings/cafes/push": { url: "/settings/cafes/push", expected: everyone("not-found") },
  invitations: { url: "/invitations", expected: signedIn(["peer_moderator", "provider", "administrator"]) },
  "invite/:token": { url: "/invite/not-a-real-token", expected: everyone("not-found") },
  welcome: { url: "/welcome", expected: { ...everyone("home"), anonymous: "sign-in" } },
  // The page itself shows only while an account is paused: the take-a-break journey and the axe sweep open it that way.
  "welcome-back": { url: "/welcome-back", expected: { ...everyone("home"), anonymous: "sign-in" } },
  admin: { url: "/admin", expected: signedIn(["administrator"]) },
  "admin/people": { url: "/admin/people", expected: signedIn(["administrator"]) },
  "admin/audit-log": { url: "/admin/audit-log", expected: signedIn(["administrator"]) },
  "admin/forum": { url: "/admin/forum", expected: signedIn(["administrator"]) },
  forum: { url: "/forum", expected: signedIn(["member", "peer_moderator"]) },
  "forum/new": { url: "/forum/new", expected: signedIn(["member", "peer_moderator"]) },
  "forum/categories/:slug": { url: `/forum/categories/${demoForumCategories[0]!.slug}`, expected: signedIn(["member", "peer_moderator"]) },
  "forum/categories/:slug/new": { url: `/forum/categories/${demoForumCategories[0]!.slug}/new`, expected: signedIn(["member", "peer_moderator"]) },
  // Neither the member nor the moderator who look here is in the demo's closed group.
  "forum/groups/:groupId/new": { url: `/forum/groups/${demoForumId("group", demoClosedGroups[0]!.key)}/new`, expected: signedIn([]) },
  "forum/threads/:threadId": { url: `/forum/threads/${demoForumId("thread", demoForumThreads[0]!.key)}`, expected: signedIn(["member", "peer_moderator"]) },
  "forum/posts/:postId/edit": { url: `/forum/posts/${demoForumId("post", "klesvasken:0")}/edit`, expected: signedIn(["member"]) },
  // An edited demo post; only peer moderators see its earlier versions.
  "forum/posts/:postId/history": { url: `/forum/posts/${demoForumId("post", "klesvasken:0")}/history`, expected: signedIn(["peer_moderator"]) },
  "forum/drafts": { url: "/forum/drafts", expected: everyone("not-found") },
  notifications: { url: "/notifications", expected: signedIn(["member", "peer_moderator"]) },
  "*": { url: "/no-such-page", expected: everyone("not-found") },
  "forum/search": { url: "/forum/search?q=angst", expected: signedIn(["member", "peer_moderator"]) },
  "forum/members/:pseudonym": { url: "/forum/members/Morgenfugl", expected: signedIn(["member", "peer_moderator"]) },
  "forum/reveals": { url: "/forum/reveals", expected: signedIn(["member", "peer_moderator"]) },
  // Moderation shows forum text to peer moderators only; its log holds codes and ids, so administrators read it too.
  moderation: { url: "/moderation", expected: signedIn(["peer_moderator"]) },
  "moderation/log": { url: "/moderation/log", expected: signedIn(["peer_moderator", "administrator"]) },
  // A demo post by a member who is neither the viewer nor the moderator, so both may report it.
  "forum/posts/:postId/report": { url: `/forum/posts/${demoForumId("post", "post-uapnet:0")}/report`, expected: signedIn(["member", "peer_moderator"]) },
  "moderation/reports": { url: "/moderation/reports", expected: signedIn(["peer_moderator"]) },
  "moderation/posts/:postId": { url: `/moderation/posts/${demoForumId("post", "post-uapnet:0")}`, expected: signedIn(["peer_moderator"]) },
  "moderation/settings": { url: "/moderation/settings", expected: signedIn(["peer_moderator", "administrator"]) },
  // The duty toggle only accepts a POST; a GET finds nothing for anyone.
  "moderation/duty": { url: "/moderation/duty", expected: everyone("not-found") },
  "moderation/approvals": { url: "/moderation/approvals", expected: signedIn(["peer_moderator"]) },
  "moderation/crisis-alerts": { url: "/moderation/crisis-alerts", expected: signedIn(["peer_moderator"]) },
  "forum/groups": { url: "/forum/groups", expected: signedIn(["member", "peer_moderator"]) },
  // No seeded group has this id, and a group a viewer has not joined reads as missing, so every signed-in viewer gets 404.
  // Action-only: the "I have read this" button of a warning posts here; GET is not a page.
  "forum/warnings/:warningId/acknowledge": { url: "/forum/warnings/00000000-0000-4000-8000-000000000000/acknowledge", expected: everyone("not-found") },
  "moderation/threads/:threadId": { url: `/moderation/threads/${demoForumId("thread", demoForumThreads[0]!.key)}`, expected: signedIn(["peer_moderator"]) },
  "moderation/posts/:postId/edit": { url: `/moderation/posts/${demoForumId("post", "klesvasken:0")}/edit`, expected: signedIn(["peer_moderator"]) },
  "moderation/members/:pseudonym": { url: "/moderation/members/Morgenfugl", expected: signedIn(["peer_moderator"]) },
  "forum/groups/:groupId": { url: "/forum/groups/00000000-0000-4000-8000-000000000000", expected: { ...everyone("not-found"), anonymous: "sign-in" } },
  "settings/calendar": { url: "/settings/calendar", expected: signedIn(["member", "peer_moderator"]) },
  // The feed checks only its token, never the session, so a token no member holds returns 404 for every viewer.
  "calendar/:file": { url: `/calendar/${"A".repeat(43)}.ics`, expected: everyone("not-found") },
  // No kafé has this id; the calendar journey downloads a real one, and use case tests cover other communities and providers.
  "cafes/:cafeId/calendar.ics": { url: "/cafes/00000000-0000-4000-8000-000000000000/calendar.ics", expected: { ...everyone("not-found"), anonymous: "sign-in" } },
  "cafes/propose": { url: "/cafes/propose", expected: signedIn(["member", "peer_moderator"]) },
  // Lyngblom (the member viewer) answered coming to the next Bjørkelia kafé, and Fyrlykta moderates Bjørkelia.
  "cafes/:cafeId/company": { url: `/cafes/${nextDemoCafe("bjorkelia").id}/company`, expected: signedIn(["member", "peer_moderator"]) },
  // Offer ids are random, so no seeded offer can be named here; the journeys open real ones. A missing one reads like any missing page.
  "cafes/company/:offerId": { url: "/cafes/company/00000000-0000-4000-8000-000000000000", expected: { ...everyone("not-found"), anonymous: "sign-in" } },
  "moderation/meetups": { url: "/moderation/meetups", expected: signedIn(["peer_moderator"]) },
  // Kaféer are peer space: providers, administrators and researchers get 404 like the forum. `{cafe}` is the next demo
  // Bjørkelia kafé, found when the run starts because its date depends on when the demo was seeded.
  cafes: { url: "/cafes", expected: signedIn(["member", "peer_moderator"]) },
  "cafes/new": { url: "/cafes/new", expected: signedIn(["peer_moderator"]) },
  "cafes/series/:seriesId": { url: `/cafes/series/${demoForumId("cafe-series", "bjorkelia")}`, expected: signedIn(["peer_moderator"]) },
  "cafes/:cafeId": { url: "/cafes/{cafe}", expected: signedIn(["member", "peer_moderator"]) },
  "cafes/:cafeId/edit": { url: "/cafes/{cafe}/edit", expected: signedIn(["peer_moderator"]) },
  "cafes/:cafeId/cancel": { url: "/cafes/{cafe}/cancel", expected: signedIn(["peer_moderator"]) },
  "cafes/:cafeId/attendance": { url: "/cafes/{cafe}/attendance", expected: signedIn(["peer_moderator"]) },
};

/** Find the next demo kafé in Bjørkelia through the demo peer moderator's kafé list. */
async function findNextDemoCafeId(context: APIRequestContext): Promise<string> {
  const html = await (await context.get("/cafes")).text();
  const id = /href="\/cafes\/([0-9a-f-]{36})"[^>]*>Kafé i Bjørkelia<\/a>/.exec(html)?.[1];
  if (!id) throw new Error("The demo moderator's kafé list links to no upcoming demo kafé in Bjørkelia.");
  return id;
}

let nextCafeId = "";

function routePatterns(): string[] {
  const patterns: string[] = [];
  const walk = (entries: readonly { path?: string; index?: boolean; children?: unknown[] }[], prefix: string) => {
    for (const entry of entries) {
      const path = entry.index ? prefix || "/" : [prefix, entry.path].filter(Boolean).join("/");
      if (entry.index || entry.path !== undefined) patterns.push(path);
      if (entry.children) walk(entry.children as typeof entries, path === "/" ? "" : path);
    }
  };
  walk(routes as never, "");
  return patterns;
}

test("matrix covers every route", () => {
  expect(routePatterns().sort()).toEqual(Object.keys(matrix).sort());
});

const contexts = new Map<Viewer, APIRequestContext>();

test.beforeAll(async () => {
  contexts.set("anonymous", await playwrightRequest.newContext({ baseURL: e2e.baseUrl }));
  for (const [viewer, key] of Object.entries(viewers) as [Exclude<Viewer, "anonymous">, string][]) {
    const context = await playwrightRequest.newContext({ baseURL: e2e.baseUrl });
    await signInAsDemoRequest(context, key);
    contexts.set(viewer, context);
  }
  nextCafeId = await findNextDemoCafeId(contexts.get("peer_moderator")!);
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

/** Seeded data a denied response must not contain: every identity value, and everyone's pseudonym but the viewer's own. */
function canariesFor(viewer: Viewer): string[] {
  const own = viewer === "anonymous" ? undefined : demoPeople.find((person) => person.key === viewers[viewer]);
  const pseudonyms = demoPeople.filter((person) => person !== own && person.pseudonym).map((person) => person.pseudonym!);
  // Staff see their own name in the header; a member never sees their real name, so it stays a canary.
  const ownShown = own && !own.pseudonym ? [own.fullName] : [];
  return [...identityCanaries().filter((value) => !ownShown.includes(value)), ...pseudonyms];
}

function expectOutcome(status: number, location: string | undefined, outcome: Outcome, label: string) {
  switch (outcome) {
    case "page":
      expect(status, label).toBe(200);
      break;
    case "not-found":
      expect(status, label).toBe(404);
      break;
    case "bad-request":
      expect(status, label).toBe(400);
      break;
    case "sign-in":
      expect([302, 303], label).toContain(status);
      expect(location, label).toMatch(/^\/sign-in\?returnTo=%2F/);
      break;
    case "home":
      expect([302, 303], label).toContain(status);
      expect(location, label).toBe("/");
      break;
  }
}

for (const [pattern, { url: urlPattern, expected }] of Object.entries(matrix)) {
  for (const viewer of Object.keys(expected) as Viewer[]) {
    test(`${viewer} GET ${pattern}`, async () => {
      const context = contexts.get(viewer)!;
      const url = urlPattern.replace("{cafe}", nextCafeId);
      const outcome = expected[viewer];

      const response = await context.get(url, { maxRedirects: 0 });
      const body = await response.text();
      expectOutcome(response.status(), response.headers()["location"], outcome, `${viewer} ${url}`);

      const [path, query] = url.split("?");
      const dataUrl = `${path === "/" ? "/_root" : path}.data${query ? `?${query}` : ""}`;
      const dataResponse = await context.get(dataUrl, { maxRedirects: 0 });
      const dataBody = await dataResponse.text();

      if (outcome !== "page") {
        // The page echoes its own path (the language form's return path), so a value the viewer typed into the URL reveals nothing new to them.
        const requested = decodeURIComponent(url);
        for (const canary of canariesFor(viewer).filter((value) => !requested.includes(value))) {
          expect(body, `${viewer} ${url} leaks ${canary}`).not.toContain(canary);
          expect(dataBody, `${viewer} ${dataUrl} leaks ${canary}`).not.toContain(canary);
        }
      }
      if (viewer !== "anonymous" && outcome === "page") {
        const own = demoPeople.find((person) => person.key === viewers[viewer])!;
        expect(body, `${viewer} ${url} shows who is signed in`).toContain(demoDisplayName(own));

        // Members see pseudonyms only: no page they may open carries any real identity, their own included.
        if (own.pseudonym) {
          for (const canary of identityCanaries()) {
            expect(body, `${viewer} ${url} shows ${canary}`).not.toContain(canary);
            expect(dataBody, `${viewer} ${dataUrl} carries ${canary}`).not.toContain(canary);
          }
        }
      }
    });
  }
}
