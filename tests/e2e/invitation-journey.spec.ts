import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { extractSignInCode, listMail, waitForMail } from "../support/smtp-server";
import { e2e } from "./environment";
import { allLocales, chooseLanguage, signInAsDemo } from "./support";

/**
 * The way in: an inviter creates an invitation, a new person opens the link,
 * signs in by e-mail code, accepts the terms and chooses a pseudonym. The
 * onboarding pages are checked with axe here, because only a new person reaches them.
 */

test.use({ locale: "nb-NO" });

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

/** Run axe on the current page in every language, then return to Bokmål. */
async function expectNoViolationsInEveryLanguage(page: Page, label: string) {
  for (const locale of allLocales) {
    await chooseLanguage(page, locale);
    await expectNoViolations(page, `${label} in ${locale}`);
  }
  await chooseLanguage(page, "nb");
}

function uniqueEmail(label: string) {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.invalid`;
}

/** Create an invitation on /invitations as the signed-in page's person and return the link shown. */
async function createInvitation(page: Page, options: { role?: string; community?: string; name?: string; email?: string }) {
  await page.goto("/invitations");
  if (options.role) await page.getByLabel("Rolle").selectOption({ label: options.role });
  if (options.community) await page.getByLabel("Kommune").selectOption({ label: options.community });
  if (options.name) await page.getByLabel("Navn (valgfritt)").fill(options.name);
  if (options.email) await page.getByLabel("E-postadresse (valgfritt)").fill(options.email);
  await page.getByRole("button", { name: "Lag invitasjon" }).click();
  await expect(page.getByRole("heading", { name: "Invitasjonen er laget" })).toBeVisible();
  return page.getByLabel("Invitasjonslenke").inputValue();
}

/** Open an invitation link in a new browser context, accept it and sign in with the mailed code. Returns the signed-in page. */
async function joinByInvitation(browser: Browser, link: string, email: string) {
  const context = await browser.newContext({ locale: "nb-NO" });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("button", { name: "Takk ja og logg inn" }).click();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fwelcome$/);

  await page.getByRole("link", { name: "Få kode på e-post" }).click();
  const before = Date.now();
  await page.getByRole("textbox", { name: "E-postadresse" }).fill(email);
  await page.getByRole("main").getByRole("button", { name: "Send meg en kode" }).click();
  const mail = await waitForMail(e2e.mailboxPort, email, { after: before });
  await page.getByRole("textbox", { name: "Engangskode" }).fill(extractSignInCode(mail.text));
  await page.getByRole("main").getByRole("button", { name: "Logg inn" }).click();
  return page;
}

test("provider invites and a new member finishes onboarding", async ({ browser }) => {
  // Ten steps with an axe check on each page: on a busy two-core machine this passes 60 seconds.
  test.slow();
  const inviter = await (await browser.newContext({ locale: "nb-NO" })).newPage();
  await signInAsDemo(inviter, "provider-1");
  const email = uniqueEmail("ny.deltaker");

  const before = Date.now();
  const link = await createInvitation(inviter, { name: "Solveig Kallestad", email });
  await expect(inviter.getByText("Rolle: deltaker. Kommune: Bjørkelia kommune.")).toBeVisible();
  await expectNoViolationsInEveryLanguage(inviter, "/invitations after creating");

  const invitationMail = await waitForMail(e2e.mailboxPort, email, { after: before });
  expect(invitationMail.subject).toBe("Du er invitert til ReConnect");
  expect(invitationMail.text).toContain(link);
  expect(invitationMail.text).not.toContain("Solveig");
  expect(invitationMail.text).not.toMatch(/psykisk|helse|behandler/i);

  // The invitee first reads the invitation page, signed out.
  const preview = await (await browser.newContext({ locale: "nb-NO" })).newPage();
  const response = await preview.goto(link);
  expect(response?.status()).toBe(200);
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Du er invitert til ReConnect");
  await expect(preview.getByText("En behandler har invitert deg. Du er invitert som deltaker i Bjørkelia kommune.")).toBeVisible();
  await expect(preview.getByText(/ReConnect er ikke for akutte situasjoner/).first()).toBeVisible();
  expect(await preview.content()).not.toContain("Anne Berg");
  await expectNoViolationsInEveryLanguage(preview, "/invite/:token");
  await preview.context().close();

  const member = await joinByInvitation(browser, link, email);

  // Step 1: the terms. Continuing without ticking the box explains what is missing.
  await expect(member).toHaveURL(/\/welcome$/);
  await expect(member.getByText("Steg 1 av 2")).toBeVisible();
  await expect(member.getByRole("link", { name: "113" })).toBeVisible();
  await expectNoViolationsInEveryLanguage(member, "/welcome terms");
  await member.getByRole("button", { name: "Gå videre" }).click();
  await expect(member.getByText("Kryss av for at du har lest og godtar vilkårene, så kan du gå videre.")).toBeVisible();
  await expect(member.getByRole("checkbox", { name: "Jeg har lest vilkårene og godtar dem" })).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(member, "/welcome terms with error");

  // Other pages wait until onboarding is done.
  await member.goto("/settings");
  await expect(member).toHaveURL(/\/welcome$/);

  await member.getByRole("checkbox", { name: "Jeg har lest vilkårene og godtar dem" }).check();
  await member.getByRole("button", { name: "Gå videre" }).click();

  // Step 2: a taken pseudonym, in another case and with an accent, is refused with free suggestions.
  await expect(member.getByRole("heading", { name: "Velg et kallenavn" })).toBeVisible();
  await expect(member.getByText("Steg 2 av 2")).toBeVisible();
  const field = member.getByRole("textbox", { name: "Kallenavn" });
  await field.fill("MORGENFÜGL");
  await member.getByRole("button", { name: "Lagre kallenavnet" }).click();
  await expect(member.getByText(/Noen andre har allerede dette kallenavnet/)).toBeVisible();
  await expect(field).toHaveValue("MORGENFÜGL");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(member.getByRole("button", { name: /^Bruk / })).toHaveCount(3);
  await expectNoViolationsInEveryLanguage(member, "/welcome pseudonym taken");

  // A pseudonym like the real name gets a warning that does not repeat the name.
  await field.fill("Kallestad");
  await member.getByRole("button", { name: "Lagre kallenavnet" }).click();
  const warning = member.getByRole("alert").filter({ hasText: "Kallenavnet ligner på navnet ditt" });
  await expect(warning).toBeVisible();
  expect(await warning.innerText()).not.toContain("Solveig");
  await expectNoViolations(member, "/welcome pseudonym warning");
  await warning.getByRole("button", { name: "Bruk det likevel" }).click();

  await expect(member).toHaveURL(/\/$/);
  await expect(member.getByText("Logget inn som Kallestad")).toBeVisible();

  // The link works once.
  await member.goto(link);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Invitasjonen er allerede brukt");

  // Later the member changes the pseudonym and shows their community.
  await member.goto("/settings");
  await member.getByRole("link", { name: "Gå til forumprofilen" }).click();
  await expect(member).toHaveURL(/\/settings\/profile$/);
  await expectNoViolationsInEveryLanguage(member, "/settings/profile");
  const profileField = member.getByRole("textbox", { name: "Kallenavn" });
  await profileField.fill("Fyrlykta");
  await member.getByRole("button", { name: "Bytt kallenavn" }).click();
  await expect(member.getByText(/Noen andre har allerede dette kallenavnet/)).toBeVisible();
  await profileField.fill("Kveldsbris 7");
  await member.getByRole("button", { name: "Bytt kallenavn" }).click();
  await expect(member.getByText("Kallenavnet ditt er nå «Kveldsbris 7».")).toBeVisible();
  await expect(member.getByText("Logget inn som Kveldsbris 7")).toBeVisible();

  const showCommunity = member.getByRole("switch", { name: "Vis kommunen min på forumprofilen" });
  await expect(showCommunity).not.toBeChecked();
  await showCommunity.check();
  await member.getByRole("button", { name: "Lagre valget" }).click();
  await expect(member.getByText("Kommunen din vises nå på forumprofilen.")).toBeVisible();
  await member.reload();
  await expect(member.getByRole("switch", { name: "Vis kommunen min på forumprofilen" })).toBeChecked();

  // The inviter sees the invitation accepted, with their own note and never the pseudonym.
  await inviter.goto("/invitations");
  await expect(inviter.getByRole("row").filter({ hasText: "Solveig Kallestad" })).toContainText("Tatt imot");
  expect(await inviter.content()).not.toContain("Kveldsbris");

  await member.context().close();
  await inviter.context().close();
});

test("resubmitted invitation form returns the first invitation", async ({ page }) => {
  await signInAsDemo(page, "provider-2");
  await page.goto("/invitations");
  const html = await page.content();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  const formKey = /name="formKey" value="([^"]+)"/.exec(html)?.[1];
  const communityId = await page.getByLabel("Kommune").inputValue();
  expect(csrf).toBeDefined();
  expect(formKey).toBeDefined();

  // A form post without JavaScript, sent twice as a double click would.
  const form = { csrf: csrf!, intent: "create", formKey: formKey!, role: "member", communityId, fullName: "Dobbelt Klikk", email: "" };
  const [first, second] = await Promise.all([page.request.post("/invitations", { form }), page.request.post("/invitations", { form })]);
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(200);
  const linkPattern = /id="invitation-link"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="invitation-link"/;
  const firstMatch = linkPattern.exec(await first.text());
  const secondMatch = linkPattern.exec(await second.text());
  const firstLink = firstMatch?.[1] ?? firstMatch?.[2];
  expect(firstLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  expect(secondMatch?.[1] ?? secondMatch?.[2]).toBe(firstLink);

  await page.goto("/invitations");
  await expect(page.getByRole("row").filter({ hasText: "Dobbelt Klikk" })).toHaveCount(1);
});

test("invitation form keeps what was typed on errors", async ({ page }) => {
  await signInAsDemo(page, "administrator");
  await page.goto("/invitations");
  await page.getByLabel("Rolle").selectOption({ label: "deltaker" });
  await page.getByLabel("Kommune").selectOption({ label: "Ingen kommune" });
  await page.getByLabel("Navn (valgfritt)").fill("Beholdt Navn");
  await page.getByLabel("E-postadresse (valgfritt)").fill("ikke-en-adresse");
  await page.getByRole("button", { name: "Lag invitasjon" }).click();

  await expect(page.getByText("Skriv en e-postadresse som navn@eksempel.no, eller la feltet stå tomt.")).toBeVisible();
  await expect(page.getByLabel("Navn (valgfritt)")).toHaveValue("Beholdt Navn");
  await expect(page.getByLabel("E-postadresse (valgfritt)")).toHaveValue("ikke-en-adresse");
  await expect(page.getByLabel("E-postadresse (valgfritt)")).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "/invitations with an e-mail error");

  await page.getByLabel("E-postadresse (valgfritt)").fill("");
  await page.getByRole("button", { name: "Lag invitasjon" }).click();
  await expect(page.getByText("Velg hvilken kommune deltakeren skal høre til.")).toBeVisible();
  await expect(page.getByLabel("Navn (valgfritt)")).toHaveValue("Beholdt Navn");
});

test("revoked link explains itself", async ({ page, browser }) => {
  await signInAsDemo(page, "moderator");
  const link = await createInvitation(page, { community: "Bjørkelia kommune", name: "Trukket Tilbake" });
  await page.goto("/invitations");
  await page.getByRole("button", { name: "Trekk tilbake invitasjonen til Trukket Tilbake" }).click();
  await expect(page.getByText("Invitasjonen er trukket tilbake. Lenken virker ikke lenger.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Trukket Tilbake" })).toContainText("Trukket tilbake");

  const visitor = await (await browser.newContext({ locale: "nb-NO" })).newPage();
  const response = await visitor.goto(link);
  expect(response?.status()).toBe(410);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Invitasjonen er trukket tilbake");
  await expect(visitor.getByRole("button", { name: "Takk ja og logg inn" })).toHaveCount(0);
  await expectNoViolations(visitor, "/invite/:token revoked");
  await visitor.context().close();
});

test("signed-in person accepts a second role at once", async ({ browser }) => {
  const administrator = await (await browser.newContext({ locale: "nb-NO" })).newPage();
  await signInAsDemo(administrator, "administrator");
  const email = uniqueEmail("ny.forsker");
  const firstLink = await createInvitation(administrator, { role: "forsker", name: "Forsker Først", email });
  const person = await joinByInvitation(browser, firstLink, email);
  await expect(person).toHaveURL(/\/welcome$/);
  await expect(person.getByText("Steg 1 av 1")).toBeVisible();
  await person.getByRole("checkbox", { name: "Jeg har lest vilkårene og godtar dem" }).check();
  await person.getByRole("button", { name: "Gå videre" }).click();
  await expect(person).toHaveURL(/\/$/);

  const secondLink = await createInvitation(administrator, { role: "erfaringskonsulent", name: "Forsker Først" });
  await person.goto(secondLink);
  await expect(person.getByText("Du er allerede logget inn. Takker du ja, får kontoen din også rollen erfaringskonsulent.")).toBeVisible();
  await person.getByRole("button", { name: "Takk ja" }).click();
  await expect(person).toHaveURL(/\/$/);
  await expect(person.getByRole("link", { name: "Invitasjoner" }).first()).toBeVisible();
  expect(await listMail(e2e.mailboxPort, email)).toHaveLength(2);

  await person.context().close();
  await administrator.context().close();
});

test("member cannot open the invitations page", async ({ page }) => {
  await signInAsDemo(page, "member-3");
  const response = await page.goto("/invitations");
  expect(response?.status()).toBe(404);
});
