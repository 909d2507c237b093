import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { allLocales, catalogues, chooseLanguage, signInAsDemo, type Locale } from "./support";

/**
 * The header, the invitation list and the administration tables at phone and
 * desktop widths. A signed-in person's language is stored on their account,
 * and other journeys switch the language of the people they use. So the
 * journeys here that read Norwegian text sign in as members no other file uses
 * (member-10, member-11, member-12), and the administrator steps match on ids
 * and values, or read the words from the language the page was served in.
 */

const phone = { width: 360, height: 640 };

async function openPage(browser: Browser, viewport: { width: number; height: number }, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport, locale: "nb-NO", ...options });
  return context.newPage();
}

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

/** Return the catalogue of the language the current page was served in. */
async function pageCatalogue(page: Page): Promise<Record<string, string>> {
  const lang = (await page.locator("html").getAttribute("lang")) as Locale;
  return catalogues[lang] as Record<string, string>;
}

async function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Expect the element to lie inside the window's width, so nothing needs sideways scrolling to reach it. */
async function expectWithinWidth(page: Page, locator: ReturnType<Page["locator"]>, width: number) {
  const box = await locator.boundingBox();
  expect(box, "element has a box").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test.describe("header on a phone", () => {
  test("signed-in header stays short", async ({ browser }) => {
    const page = await openPage(browser, phone);
    await signInAsDemo(page, "member-10");
    await page.goto("/settings");

    const header = page.getByRole("banner");
    const box = await header.boundingBox();
    // Two rows and the two-line demo banner measured 145 px at 360 × 640 in Chromium 156. The old header took 404 px.
    expect(box!.height).toBeLessThanOrEqual(160);
    for (const control of [header.getByRole("link", { name: "Akutt hjelp" }), header.locator("summary", { hasText: "Meny" }), header.getByRole("button", { name: "Logg ut" })]) {
      await expect(control).toBeVisible();
      await expectWithinWidth(page, control, phone.width);
    }
    await expect(header.getByText("Logget inn som Vandrer")).toBeAttached();
    expect(await documentWidth(page)).toBeLessThanOrEqual(phone.width);
    await page.context().close();
  });

  test("acute help follows the brand by keyboard", async ({ browser }) => {
    const page = await openPage(browser, phone);
    await signInAsDemo(page, "member-10");
    await page.goto("/settings");

    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Hopp til hovedinnholdet" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "ReConnect" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("banner").getByRole("link", { name: "Akutt hjelp" })).toBeFocused();
    await page.context().close();
  });

  test("menu opens, navigates and closes", async ({ browser }) => {
    const page = await openPage(browser, phone);
    await signInAsDemo(page, "member-10");
    const header = page.getByRole("banner");
    const menuButton = header.locator("summary", { hasText: "Meny" });
    const settingsLink = header.getByRole("link", { name: "Innstillinger" });

    await expect(settingsLink).toBeHidden();
    await menuButton.click();
    await expect(settingsLink).toBeVisible();
    await settingsLink.click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(settingsLink).toBeHidden();

    await menuButton.click();
    await expect(settingsLink).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(settingsLink).toBeHidden();
    await expect(menuButton).toBeFocused();
    await page.context().close();
  });

  test("language menu works without JavaScript", async ({ browser }) => {
    const page = await openPage(browser, phone, { javaScriptEnabled: false });
    await page.goto("/acute-help");

    await page.getByRole("banner").locator("details.language-menu > summary").click();
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/acute-help$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Acute help" })).toBeVisible();
    await page.context().close();
  });
});

test.describe("phone layout and axe", () => {
  test("member pages in every language", async ({ browser }) => {
    const page = await openPage(browser, phone);
    await signInAsDemo(page, "member-12");
    const header = page.getByRole("banner");

    for (const locale of allLocales) {
      await chooseLanguage(page, locale);
      for (const path of ["/", "/settings", "/acute-help"]) {
        await page.goto(path);
        await expectNoViolations(page, `${path} in ${locale} at 360 px`);
        expect(await documentWidth(page), `${path} in ${locale} fits 360 px`).toBeLessThanOrEqual(phone.width);
      }
      await header.locator("details.site-menu > summary").click();
      await expectNoViolations(page, `open menu in ${locale}`);
      await header.locator("details.language-menu > summary").click();
      await expectNoViolations(page, `open language menu in ${locale}`);
      await page.keyboard.press("Escape");
    }
    await chooseLanguage(page, "nb");
    await page.context().close();
  });

  // accessibility.spec.ts checks these pages in every language at desktop width. This test checks the phone layout
  // (cards, captions, the menu) and leaves the shared administrator's language as it is.
  test("administrator pages", async ({ browser }) => {
    const page = await openPage(browser, phone);
    await signInAsDemo(page, "administrator");

    for (const path of ["/", "/invitations", "/admin", "/admin/people", "/admin/audit-log"]) {
      await page.goto(path);
      await expectNoViolations(page, `${path} at 360 px`);
      expect(await documentWidth(page), `${path} fits 360 px`).toBeLessThanOrEqual(phone.width);
    }
    await page.getByRole("banner").locator("details.site-menu > summary").click();
    await expectNoViolations(page, "open administrator menu");
    await page.context().close();
  });
});

test.describe("desktop header", () => {
  test("lines up with the main column", async ({ browser }) => {
    const page = await openPage(browser, { width: 1280, height: 800 });
    await signInAsDemo(page, "member-10");

    const brand = await page.getByRole("link", { name: "ReConnect" }).boundingBox();
    const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(Math.abs(brand!.x - heading!.x)).toBeLessThanOrEqual(1);
    await expect(page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Innstillinger" })).toBeVisible();
    await page.context().close();
  });
});

test.describe("invitations", () => {
  test("long name fits on a phone and a desktop", async ({ browser }) => {
    const page = await openPage(browser, { width: 1280, height: 800 });
    await signInAsDemo(page, "administrator");
    // 120 characters without a space: the longest name the form accepts.
    const name = `Langtnavn${Date.now()}`.padEnd(120, "x");
    await page.goto("/invitations");
    await page.locator("#invitation-role").selectOption("provider");
    await page.locator("#invitation-fullName").fill(name);
    await page.locator('form:has(input[name="intent"][value="create"]) button[type="submit"]').click();
    await expect(page.locator("#invitation-link")).toBeVisible();

    await page.goto("/invitations");
    let words = await pageCatalogue(page);
    const tableRegion = page.getByRole("group", { name: words.invitation_list_heading_all });
    await expect(tableRegion.getByRole("row").filter({ hasText: name })).toContainText(words.invitation_status_pending!);
    const overflow = await tableRegion.evaluate((region) => region.scrollWidth - region.clientWidth);
    expect(overflow, "the table scrolls sideways").toBeLessThanOrEqual(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    words = await pageCatalogue(page);
    await expect(page.getByRole("group", { name: words.invitation_list_heading_all })).toBeHidden();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await expect(card).toBeVisible();
    await expect(card).toContainText(words.invitation_status_pending!);
    const revoke = card.locator('button[type="submit"]');
    await expect(revoke).toBeVisible();
    await expectWithinWidth(page, revoke, 390);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);

    await revoke.click();
    await expect(card.locator("dd").first()).not.toHaveText(words.invitation_status_pending!);
    words = await pageCatalogue(page);
    await expect(card).toContainText(words.invitation_status_revoked!);
    await page.context().close();
  });
});

test.describe("administration tables on a phone", () => {
  test("captions stay inside their scroll box", async ({ browser }) => {
    const page = await openPage(browser, phone);
    await signInAsDemo(page, "administrator");

    for (const path of ["/admin", "/admin/people"]) {
      await page.goto(path);
      const region = page.locator(".admin-table-scroll").first();
      const caption = region.locator("caption");
      await region.evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
      const regionBox = (await region.boundingBox())!;
      const captionBox = (await caption.boundingBox())!;
      // Two pixels of slack for sub-pixel rounding. A cut-off caption ends hundreds of pixels past the box.
      expect(captionBox.x, `${path} caption start`).toBeGreaterThanOrEqual(regionBox.x - 2);
      expect(captionBox.x + captionBox.width, `${path} caption end`).toBeLessThanOrEqual(regionBox.x + regionBox.width + 2);
    }
    await page.context().close();
  });
});

test.describe("titles and icons", () => {
  test("front page title is the brand alone", async ({ page }) => {
    await page.goto("/");
    for (const locale of allLocales) {
      await chooseLanguage(page, locale);
      await expect(page).toHaveTitle("ReConnect");
    }
    await chooseLanguage(page, "nb");
  });

  test("favicon and linked icons are served", async ({ page, request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/^image\//);

    await page.goto("/");
    const hrefs = await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(hrefs).toContain("/favicon.svg");
    for (const href of hrefs) {
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()["content-type"], href).not.toContain("text/html");
    }
  });
});

test.describe("pseudonym warning", () => {
  test("choosing another is the primary action", async ({ page }) => {
    await signInAsDemo(page, "member-11");
    await page.goto("/settings/profile");
    await page.getByRole("textbox", { name: "Kallenavn" }).fill("Sara Dahl");
    await page.getByRole("button", { name: "Bytt kallenavn" }).click();

    const warning = page.getByRole("alert").filter({ hasText: "Kallenavnet ligner på navnet ditt" });
    await expect(warning).toBeVisible();
    const chooseAnother = warning.getByRole("link", { name: "Velg et annet" });
    await expect(chooseAnother).toHaveAttribute("data-variant", "primary");
    await expect(warning.getByRole("button", { name: "Bruk det likevel" })).toHaveAttribute("data-variant", "secondary");

    await chooseAnother.click();
    await expect(page.getByRole("textbox", { name: "Kallenavn" })).toBeInViewport();
    await expect(page.getByText("Logget inn som Havbris")).toBeVisible();
  });
});
