import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { extractSignInCode, listMail, waitForMail } from "../support/smtp-server";
import { e2e } from "./environment";
import { demoPerson } from "./support";

/**
 * Sign-in by one-time code, against the real SMTP server the global setup
 * starts. Each test uses its own demo person, because the portal allows only
 * five codes per address in 15 minutes. Browsers ask for Norwegian Bokmål,
 * the language the checks below read.
 */
test.use({ locale: "nb-NO" });

async function requestCode(page: Page, email: string) {
  await page.getByRole("textbox", { name: "E-postadresse" }).fill(email);
  await page.getByRole("main").getByRole("button", { name: "Send meg en kode" }).click();
  await expect(page).toHaveURL(/\/sign-in\/email\/code(\?|$)/);
  // The address bar changes before the new page renders, so wait for its heading too.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skriv inn koden");
}

async function enterCode(page: Page, code: string) {
  await page.getByRole("textbox", { name: "Engangskode" }).fill(code);
  await page.getByRole("main").getByRole("button", { name: "Logg inn" }).click();
}

/** Return a six-digit code that differs from the right one. */
function wrongCode(code: string) {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

async function confirmationText(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "nb-NO" });
  const page = await context.newPage();
  await page.goto("/sign-in/email");
  await requestCode(page, email);
  const text = await page.getByRole("main").innerText();
  const url = page.url();
  await context.close();
  return { text, url };
}

test("member signs in with the mailed code", async ({ page }) => {
  const kari = demoPerson("member-1");

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fsettings$/);
  await page.getByRole("link", { name: "Få kode på e-post" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logg inn med kode på e-post");

  const before = Date.now();
  await requestCode(page, kari.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skriv inn koden");
  await expect(page.getByText("Hvis e-postadressen er registrert hos oss, har vi nå sendt en kode på seks sifre til den.")).toBeVisible();

  const codeField = page.getByRole("textbox", { name: "Engangskode" });
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  await expect(codeField).toHaveAttribute("inputmode", "numeric");

  const mail = await waitForMail(e2e.mailboxPort, kari.email, { after: before });
  expect(mail.subject).toBe("Koden din for å logge inn på ReConnect");
  expect(mail.text).not.toContain(kari.fullName);
  expect(mail.text).not.toContain(kari.pseudonym!);

  await enterCode(page, extractSignInCode(mail.text));
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByText("Logget inn som Morgenfugl")).toBeVisible();
});

test("unknown address gets the same page and no mail", async ({ browser }) => {
  const known = demoPerson("member-2");
  const unknown = "ingen.her@demo.reconnect.invalid";

  const forUnknown = await confirmationText(browser, unknown);
  const forKnown = await confirmationText(browser, known.email);
  expect(forUnknown.text).toBe(forKnown.text);
  expect(forUnknown.url).toBe(forKnown.url);

  // The unknown address was asked for first, so any mail to it was sent before the known address's mail. The short wait covers delivery.
  await waitForMail(e2e.mailboxPort, known.email);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await listMail(e2e.mailboxPort, unknown)).toEqual([]);
});

test("wrong code shows an error and keeps the field", async ({ page }) => {
  const person = demoPerson("member-3");

  await page.goto("/sign-in/email");
  const before = Date.now();
  await requestCode(page, person.email);
  const code = extractSignInCode((await waitForMail(e2e.mailboxPort, person.email, { after: before })).text);

  await enterCode(page, wrongCode(code));
  const codeField = page.getByRole("textbox", { name: "Engangskode" });
  await expect(page.getByText("Koden stemmer ikke. Sjekk sifrene, og prøv igjen. Du har 4 forsøk igjen.")).toBeVisible();
  await expect(codeField).toHaveValue(wrongCode(code));
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expect(codeField).toHaveAccessibleDescription(/Koden stemmer ikke/);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  await enterCode(page, code);
  await expect(page.getByText(`Logget inn som ${person.pseudonym}`)).toBeVisible();
});

test("sign-in works without JavaScript", async ({ browser }) => {
  const person = demoPerson("member-4");
  const context = await browser.newContext({ locale: "nb-NO", javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto("/sign-in/email");
  await page.getByRole("main").getByRole("button", { name: "Send meg en kode" }).click();
  await expect(page.getByText("Skriv inn e-postadressen din.")).toBeVisible();

  const before = Date.now();
  await requestCode(page, person.email);
  const mail = await waitForMail(e2e.mailboxPort, person.email, { after: before });
  await enterCode(page, extractSignInCode(mail.text));
  await expect(page.getByText(`Logget inn som ${person.pseudonym}`)).toBeVisible();
  await context.close();
});
