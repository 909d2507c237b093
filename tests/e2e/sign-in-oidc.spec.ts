import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { catalogues, demoPerson } from "./support";

// The browser sends Accept-Language nb-NO, so the portal's texts are the nb catalogue's.
test.use({ locale: "nb-NO" });
const nb = catalogues.nb as Record<string, string>;
const member = demoPerson("member-1");
const provider = demoPerson("provider-1");

/** Fill in the test provider's login page as a person would. */
async function signInAtIdporten(page: Page, pid: string, level: "idporten-loa-high" | "idporten-loa-substantial") {
  await page.getByLabel("Fødselsnummer (pid)").fill(pid);
  await page.getByLabel("Sikkerhetsnivå").selectOption(level);
  await page.getByRole("button", { name: "Logg inn" }).click();
}

/** Start sign-in from the sign-in page and wait for the provider's login page. */
async function startSignIn(page: Page, button: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Test-innlogging/ })).toBeVisible();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

test.describe("sign-in with ID-porten", () => {
  test("member signs in and sees their pseudonym", async ({ page }) => {
    await startSignIn(page, nb.sign_in_idporten_button!);
    await signInAtIdporten(page, member.nationalId, "idporten-loa-high");

    await expect(page.getByText(`Logget inn som ${member.pseudonym}`)).toBeVisible();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
    await expect(page.locator("body")).not.toContainText(member.nationalId);
    await expect(page.locator("body")).not.toContainText(member.fullName);
  });

  test("sign-in works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "nb-NO" });
    const page = await context.newPage();
    await startSignIn(page, nb.sign_in_idporten_button!);
    await signInAtIdporten(page, member.nationalId, "idporten-loa-high");

    await expect(page.getByText(`Logget inn som ${member.pseudonym}`)).toBeVisible();
    await context.close();
  });

  test("sign-in returns to the page that asked for it", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fsettings$/);
    await page.getByRole("button", { name: nb.sign_in_idporten_button! }).click();
    await signInAtIdporten(page, member.nationalId, "idporten-loa-high");

    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { level: 1, name: nb.settings_title! })).toBeVisible();
  });

  test("substantial level shows the rejection page", async ({ page }) => {
    await startSignIn(page, nb.sign_in_idporten_button!);
    const callback = page.waitForResponse((response) => response.url().includes("/sign-in/callback/idporten"));
    await signInAtIdporten(page, member.nationalId, "idporten-loa-substantial");

    expect((await callback).status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nb.oidc_acr_too_low_title!);
    await expect(page.getByText(nb.oidc_acr_too_low_next!)).toBeVisible();
    await expect(page.getByRole("link", { name: nb.oidc_sign_in_again! })).toHaveAttribute("href", "/sign-in");
    await expect(page.getByRole("link", { name: nb.layout_acute_help_link! }).first()).toBeVisible();
    await expect(page.getByText(nb.layout_signed_in_as!.replace("{name}", ""))).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("callback with another tab's state does not complete", async ({ page }) => {
    await startSignIn(page, nb.sign_in_idporten_button!);
    const firstLoginPage = page.url();
    // A second start replaces the state cookie, as when sign-in is open in two tabs.
    await startSignIn(page, nb.sign_in_idporten_button!);

    await page.goto(firstLoginPage);
    const callback = page.waitForResponse((response) => response.url().includes("/sign-in/callback/idporten"));
    await signInAtIdporten(page, member.nationalId, "idporten-loa-high");

    expect((await callback).status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nb.oidc_failed_title!);
    await expect(page.getByRole("link", { name: nb.oidc_sign_in_again! })).toBeVisible();
    await expect(page.getByRole("link", { name: nb.layout_acute_help_link! }).first()).toBeVisible();
    await expect(page.getByText(`Logget inn som ${member.pseudonym}`)).toHaveCount(0);
  });

  test("unknown person is told how to join", async ({ page }) => {
    await startSignIn(page, nb.sign_in_idporten_button!);
    await signInAtIdporten(page, "01018012345", "idporten-loa-high");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nb.oidc_no_account_title!);
    await expect(page.getByText(nb.oidc_no_account_body!)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("start path answers GET with not found", async ({ page }) => {
    const response = await page.goto("/sign-in/oidc/idporten");

    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nb.error_not_found_title!);
  });
});

test.describe("sign-in with HelseID", () => {
  test("provider signs in with their HPR number", async ({ page }) => {
    await startSignIn(page, nb.sign_in_helseid_button!);
    await page.getByLabel("HPR-nummer").fill(provider.hprNumber!);
    await page.getByRole("button", { name: "Logg inn" }).click();

    await expect(page.getByText(`Logget inn som ${provider.fullName}`)).toBeVisible();
  });
});
