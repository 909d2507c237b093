import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createECDH, randomBytes } from "node:crypto";

import { demoForumCategories, demoForumThreads } from "../../scripts/demo-forum-content";
import { demoForumId } from "../../scripts/seed-demo-forum";
import { cafePaths } from "../../app/cafe-paths";
import { nextDemoCafe } from "./cafe-company-support";
import { allLocales, chooseLanguage, demoPerson, signInAsDemo } from "./support";

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
      `/forum/posts/${demoForumId("post", "post-uapnet:0")}/report`,
      "/no-such-page",
    ],
  },
  {
    viewer: "moderator",
    paths: [
      "/",
      "/invitations",
      "/settings/forum",
      "/forum/members/Fyrlykta",
      `/forum/posts/${demoForumId("post", "klesvasken:0")}/history`,
      "/moderation",
      "/moderation/log",
      `/moderation/threads/${demoForumId("thread", demoForumThreads[0]!.key)}`,
      `/moderation/posts/${demoForumId("post", "klesvasken:0")}/edit`,
      "/moderation/members/Morgenfugl",
      // The moderator's own page shows why no actions are offered.
      "/moderation/members/Fyrlykta",
      `/forum/categories/${demoForumCategories[0]!.slug}/new`,
      "/moderation/reports",
      `/moderation/posts/${demoForumId("post", "post-uapnet:0")}`,
      "/moderation/settings",
      "/moderation/approvals",
      "/moderation/crisis-alerts",
    ],
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
    // One page with its axe run took up to 6 seconds on a two-core machine at load 11 (measured), and each page is checked in three languages.
    test.setTimeout(Math.max(60_000, paths.length * allLocales.length * 10_000));
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

/**
 * Taking a break, page by page: the break page, the goodbye after it and the
 * welcome-back page, which shows only while an account is paused. Snøugle
 * pauses, signs in again and resumes at the end, so the account is left as seeded.
 */
test("axe finds nothing while taking a break", async ({ browser }) => {
  test.setTimeout(180_000);
  const key = "member-15";
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, key);

  await page.goto("/settings/break");
  for (const locale of allLocales) {
    await chooseLanguage(page, locale);
    await expectNoViolations(page, `${key} /settings/break in ${locale}`);
  }
  await page.locator("main form").getByRole("button").click();
  await expect(page).toHaveURL(/\/\?break=started$/);
  for (const locale of allLocales) {
    await chooseLanguage(page, locale);
    await expect(page).toHaveURL(/\/\?break=started$/);
    await expectNoViolations(page, `goodbye after a break in ${locale}`);
  }

  await signInAsDemo(page, key);
  await expect(page).toHaveURL(/\/welcome-back$/);
  for (const locale of allLocales) {
    await chooseLanguage(page, locale);
    await expect(page).toHaveURL(/\/welcome-back$/);
    await expectNoViolations(page, `paused ${key} /welcome-back in ${locale}`);
  }

  await page.locator("main form").filter({ has: page.locator('input[name="intent"][value="resume"]') }).getByRole("button").click();
  await expect(page).toHaveURL(/\/$/);
  await chooseLanguage(page, demoPerson(key).locale ?? "nb");
  await context.close();
});

/**
 * The calendar settings page in each state: without a link, with one, and
 * with each confirmation open. Multebær (member-21) makes a link for the
 * check and stops it again, and her language goes back to Nynorsk.
 */
test("axe finds nothing on calendar settings", async ({ browser }) => {
  test.setTimeout(180_000);
  const key = "member-21";
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, key);
  const linkPaths = ["/settings/calendar", "/settings/calendar?confirm=replace", "/settings/calendar?confirm=stop"];

  for (const locale of allLocales) {
    await chooseLanguage(page, locale);
    await page.goto("/settings/calendar");
    const form = page.locator("main form").filter({ has: page.locator('input[name="intent"][value="create-link"]') });
    if ((await form.count()) > 0) {
      await expectNoViolations(page, `${key} /settings/calendar without a link in ${locale}`);
      await form.getByRole("button").click();
      await expect(page).toHaveURL(/notice=created/);
    }
    for (const path of linkPaths) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoViolations(page, `${key} ${path} in ${locale}`);
    }
    await page.locator("main form").filter({ has: page.locator('input[name="intent"][value="stop-link"]') }).getByRole("button").click();
    await expect(page).toHaveURL(/notice=stopped/);
  }

  await chooseLanguage(page, demoPerson(key).locale ?? "nb");
  await context.close();
});

/**
 * Going together and meet-ups: the kafé's offers, one offer with its
 * conversation, the proposal page and its errors for Furutopp, and the
 * approval page (with a refused decline note) and offers for the peer moderator.
 */
test("axe finds nothing on going-together and meet-up pages", async ({ browser }) => {
  test.setTimeout(240_000);
  const companyPath = cafePaths.company(nextDemoCafe("bjorkelia").id);
  for (const key of ["member-22", "moderator"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDemo(page, key);
    await page.goto(companyPath);
    const offerPath = await page.locator("main ul.company-offer-list a").first().getAttribute("href");
    const paths = key === "moderator" ? [companyPath, offerPath!, cafePaths.meetupApprovals(), "/moderation"] : [companyPath, offerPath!, cafePaths.propose()];

    for (const locale of allLocales) {
      await chooseLanguage(page, locale);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoViolations(page, `${key} ${path} in ${locale}`);
      }
      if (key === "member-22") {
        // Both forms with their errors shown next to the fields.
        await page.goto(companyPath);
        await page.locator('main form input[name="place"]').fill("");
        await page.locator('main form input[name="seats"]').fill("12");
        await page.locator('main form input[name="kind"][value="ride"]').check();
        await page.locator("main form button[type=submit]").last().click();
        await expect(page.locator("#offer-place-error")).toBeVisible();
        await expectNoViolations(page, `${key} offer form errors in ${locale}`);
        await page.goto(cafePaths.propose());
        // No kind chosen, so its error shows in the radio group too.
        await page.locator('main form input[name="meetupKind"]').evaluateAll((inputs) => inputs.forEach((input) => ((input as HTMLInputElement).checked = false)));
        await page.locator("main form button[type=submit]").last().click();
        await expect(page.locator("#meetup-title-error")).toBeVisible();
        await expect(page.locator("#meetup-meetupKind-error")).toBeVisible();
        await expectNoViolations(page, `${key} proposal form errors in ${locale}`);
      }
      if (key === "moderator") {
        // A decline note over the limit is refused next to its own meet-up's form; nothing is declined.
        await page.goto(cafePaths.meetupApprovals());
        const declineForm = page.locator("main form").filter({ has: page.locator('textarea[name="note"]') }).first();
        const note = declineForm.locator('textarea[name="note"]');
        const noteId = await note.getAttribute("id");
        await note.evaluate((textarea) => textarea.removeAttribute("maxlength"));
        await note.fill("x".repeat(501));
        await declineForm.locator('button[value="decline"]').click();
        await expect(page.locator(`#${noteId}-error`)).toBeVisible();
        await expectNoViolations(page, `${key} decline note error in ${locale}`);
      }
    }
    await chooseLanguage(page, demoPerson(key).locale ?? "nb");
    await context.close();
  }
});

/**
 * The kafé reminder settings in every language, with one push device listed
 * so the device list and its remove button are checked too. Sjøstjerne's
 * device is removed again at the end, leaving the account as seeded.
 */
test("axe finds nothing on kafé reminder settings", async ({ browser }) => {
  test.setTimeout(120_000);
  const key = "member-20";
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, key);
  await page.goto("/settings/cafes");

  // A subscription as a browser would send it; the endpoint is never posted to while the clock is real.
  const browserKeys = createECDH("prime256v1");
  browserKeys.generateKeys();
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const response = await page.request.post("/settings/cafes/push", {
    form: { csrf, endpoint: `https://127.0.0.1:9/push/${randomBytes(6).toString("hex")}`, p256dh: browserKeys.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
  });
  expect(response.status()).toBe(200);

  for (const locale of allLocales) {
    await chooseLanguage(page, locale);
    await page.goto("/settings/cafes");
    await expect(page.locator("main form input[name=subscriptionId]")).toHaveCount(1);
    await expectNoViolations(page, `${key} /settings/cafes in ${locale}`);
  }
  await chooseLanguage(page, "nb");
  await page.goto("/settings/cafes");
  await page.getByRole("button", { name: /^Fjern / }).click();
  await expect(page.getByText("Enheten får ikke flere varsler.")).toBeVisible();
  await expectNoViolations(page, `${key} /settings/cafes after removing a device`);
  await context.close();
});

/**
 * Kafé pages in every language: the host's pages as demo `moderator-2`
 * (a peer moderator in Bjørkelia), the create form with its errors, and a
 * Bjørkelia kafé as `member-24` from Havnøy views it. The demo kaféer's ids
 * depend on when the demo was seeded, so they are read from the series page.
 */
test("axe finds nothing on kafé pages", async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, "moderator-2");

  const seriesPath = `/cafes/series/${demoForumId("cafe-series", "bjorkelia")}`;
  const listHtml = await (await page.request.get("/cafes")).text();
  const nextCafe = /href="(\/cafes\/[0-9a-f-]{36})"[^>]*>Kafé i Bjørkelia<\/a>/.exec(listHtml)?.[1];
  const seriesHtml = await (await page.request.get(seriesPath)).text();
  const pastCafe = /href="(\/cafes\/[0-9a-f-]{36})"/.exec(seriesHtml)?.[1];
  if (!nextCafe || !pastCafe) throw new Error("The demo kaféer in Bjørkelia were not found.");
  const hostPaths = ["/cafes", "/cafes/new", nextCafe, `${nextCafe}/edit`, `${nextCafe}/cancel`, `${nextCafe}/attendance`, pastCafe, `${pastCafe}/attendance`, seriesPath];

  for (const locale of allLocales) {
    await chooseLanguage(page, locale);
    for (const path of hostPaths) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoViolations(page, `moderator-2 ${path} in ${locale}`);
    }
    await page.goto("/cafes/new");
    await page.locator("main form button[type=submit]").click();
    await expect(page.locator("main .ds-validation-message").first()).toBeVisible();
    await expectNoViolations(page, `moderator-2 /cafes/new with errors in ${locale}`);
    // No reason is chosen, so this only shows the error: the demo kafé stays as seeded.
    await page.goto(`${nextCafe}/cancel`);
    await page.locator("main form button[type=submit]").click();
    await expect(page.locator("main .ds-validation-message")).toBeVisible();
    await expectNoViolations(page, `moderator-2 ${nextCafe}/cancel with errors in ${locale}`);
  }
  await chooseLanguage(page, "nb");
  await context.close();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAsDemo(other, "member-24");
  for (const locale of allLocales) {
    await chooseLanguage(other, locale);
    for (const path of ["/cafes", nextCafe, "/notifications"]) {
      await other.goto(path);
      await expect(other.locator("html")).toHaveAttribute("lang", locale);
      await expectNoViolations(other, `member-24 ${path} in ${locale}`);
    }
  }
  await chooseLanguage(other, demoPerson("member-24").locale ?? "nb");
  await otherContext.close();
});
