import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { demoForumCategories, demoForumThreads } from "../../scripts/demo-forum-content";
import { demoForumId } from "../../scripts/seed-demo-forum";
import { allLocales, chooseLanguage, signInAsDemo } from "./support";

/**
 * axe-core on every page, in Bokmål, Nynorsk and English, for each kind of
 * viewer who can open it. Pages behind onboarding are checked in the
 * invitation journey, where a new person really reaches them.
 */
const pagesByViewer: { viewer: string | null; paths: string[] }[] = [
  {
    viewer: null,
    paths: ["/", "/acute-help", "/accessibility", "/sign-in", "/sign-in/demo", "/sign-in/email", "/sign-in/email/code", "/invite/not-a-real-token", "/no-such-page", "/sign-in/callback/idporten?code=x&state=y"],
  },
  {
    viewer: "member-7",
    paths: [
      "/",
      "/settings",
      "/settings/profile",
      "/settings/forum",
      "/forum",
      "/forum/new",
      `/forum/categories/${demoForumCategories[0]!.slug}`,
      `/forum/categories/${demoForumCategories[0]!.slug}/new`,
      // Threads with quotes and reactions from others, one with content warnings, and the member's own post to edit.
      `/forum/threads/${demoForumId("thread", demoForumThreads[0]!.key)}`,
      `/forum/threads/${demoForumId("thread", "mareritt")}`,
      `/forum/posts/${demoForumId("post", "struktur-pa-dagene:0")}/edit`,
      `/forum/posts/${demoForumId("post", "struktur-pa-dagene:0")}/edit?confirm=delete`,
      "/notifications",
      "/forum/members/Nattergal",
      "/forum/members/Nattergal?confirm=block",
      "/forum/reveals",
      "/forum/groups",
      "/forum/search?q=angst",
      "/no-such-page",
    ],
  },
  {
    viewer: "moderator",
    paths: ["/", "/invitations", "/settings/forum", "/forum/members/Fyrlykta", `/forum/posts/${demoForumId("post", "klesvasken:0")}/history`, "/moderation", "/moderation/log", "/moderation/settings", "/moderation/approvals", "/moderation/crisis-alerts"],
  },
  { viewer: "provider-2", paths: ["/", "/invitations", "/settings"] },
  { viewer: "administrator", paths: ["/", "/admin", "/admin/people", "/admin/audit-log", "/admin/forum", "/invitations", "/moderation/log", "/moderation/settings"] },
  { viewer: "researcher", paths: ["/", "/settings"] },
];

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

for (const { viewer, paths } of pagesByViewer) {
  test(`axe finds nothing for ${viewer ?? "signed out"}`, async ({ browser }) => {
    // One axe run takes about a second on two idle cores and several under load, so the limit grows with the pages checked.
    test.setTimeout(Math.max(60_000, paths.length * allLocales.length * 4_000));
    const context = await browser.newContext();
    const page = await context.newPage();
    if (viewer) await signInAsDemo(page, viewer);
    else await page.goto("/");

    for (const locale of allLocales) {
      await chooseLanguage(page, locale);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoViolations(page, `${viewer ?? "signed out"} ${path} in ${locale}`);
      }
    }
    await chooseLanguage(page, "nb");
    await context.close();
  });
}
