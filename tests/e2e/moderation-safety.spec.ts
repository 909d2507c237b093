import { randomBytes } from "node:crypto";

import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { demoForumCategories } from "../../scripts/demo-forum-content";
import { signInAsDemo } from "./support";

/**
 * Approval of a new member's first post and crisis alerts, in Bokmål. The
 * new member is the demo's Elvebredd, who has no posts, and the moderator
 * Fyrlykta changes the forum-wide moderation settings through their page.
 * The journeys build on each other, so they run in order, and the settings
 * as they were are put back afterwards.
 */
test.describe.configure({ mode: "serial" });
test.use({ locale: "nb-NO" });

const weekdays = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"];

let moderatorContext: BrowserContext;
let memberContext: BrowserContext;
let moderator: Page;
let member: Page;
let originalSettings: Record<string, string>;
let threadUrl: string;

async function signedInPage(browser: Browser, key: string) {
  const context = await browser.newContext({ locale: "nb-NO" });
  const page = await context.newPage();
  await signInAsDemo(page, key);
  return { context, page };
}

/** Every field of the settings form by name, as the page shows it now. */
async function readSettingsForm(page: Page): Promise<Record<string, string>> {
  await page.goto("/moderation/settings");
  const fields = page.locator("main form input[name]:not([type=hidden])");
  const values: Record<string, string> = {};
  for (const field of await fields.all()) values[(await field.getAttribute("name"))!] = await field.inputValue();
  return values;
}

/** Fill the settings form with these values (fields not named are emptied) and save. */
async function saveSettings(page: Page, values: Record<string, string>) {
  await page.goto("/moderation/settings");
  for (const field of await page.locator("main form input[name]:not([type=hidden])").all()) {
    await field.fill(values[(await field.getAttribute("name"))!] ?? "");
  }
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Innstillingene er lagret|Ingenting var endret/ })).toBeVisible();
}

async function setOffDuty(page: Page) {
  await page.goto("/moderation/settings");
  const goOff = page.getByRole("button", { name: "Gå av vakt" });
  if (await goOff.isVisible()) await goOff.click();
  await expect(page.getByText("Du er ikke på vakt.")).toBeVisible();
}

async function reply(page: Page, text: string) {
  await page.goto(threadUrl);
  await page.getByRole("textbox", { name: "Innlegg" }).fill(text);
  await page.getByRole("button", { name: "Publiser svaret" }).click();
}

function unique(text: string) {
  return `${text} (${randomBytes(3).toString("hex")})`;
}

test.beforeAll(async ({ browser }) => {
  ({ context: moderatorContext, page: moderator } = await signedInPage(browser, "moderator"));
  ({ context: memberContext, page: member } = await signedInPage(browser, "member-16"));
  originalSettings = await readSettingsForm(moderator);
});

test.afterAll(async () => {
  await saveSettings(moderator, originalSettings);
  await setOffDuty(moderator);
  await moderatorContext?.close();
  await memberContext?.close();
});

test("new member's first post waits for approval", async () => {
  await saveSettings(moderator, { ...originalSettings, approvalPostCount: "1" });

  const title = unique("Hei fra en ny deltaker");
  const body = unique("Jeg er ny her og litt nervøs for å skrive.");
  await member.goto(`/forum/categories/${demoForumCategories[0]!.slug}/new`);
  await member.getByRole("textbox", { name: "Tittel" }).fill(title);
  await member.getByRole("textbox", { name: "Innlegg" }).fill(body);
  await member.getByRole("button", { name: "Publiser tråden" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(title);
  threadUrl = member.url().replace(/[?#].*$/, "");
  const ownPost = member.getByRole("article").filter({ hasText: body });
  await expect(ownPost.getByText("Venter på godkjenning fra en erfaringskonsulent")).toBeVisible();
  await expect(ownPost.getByText("De første innleggene fra nye deltakere leses av en erfaringskonsulent")).toBeVisible();

  // Nobody else sees the waiting thread, moderators included, until it is approved.
  const hidden = await moderator.goto(threadUrl);
  expect(hidden?.status()).toBe(404);

  await moderator.goto("/moderation/approvals");
  const waiting = moderator.getByRole("listitem").filter({ hasText: body });
  await expect(waiting.getByText("Venter fordi: et av de første innleggene til en ny deltaker")).toBeVisible();
  await waiting.getByRole("button", { name: "Publiser innlegget fra Elvebredd" }).click();
  await expect(moderator.getByRole("status").filter({ hasText: "Innlegget er publisert" })).toBeVisible();
  await expect(moderator.getByRole("listitem").filter({ hasText: body })).toHaveCount(0);

  await moderator.goto(threadUrl);
  await expect(moderator.getByRole("article").filter({ hasText: body })).toBeVisible();
  await member.goto(threadUrl);
  await expect(member.getByText("Venter på godkjenning fra en erfaringskonsulent")).toHaveCount(0);
});

test("crisis reply in moderated hours shows help and alerts", async () => {
  const allWeek = Object.fromEntries(weekdays.flatMap((_, index) => [[`hours-${index + 1}-1-start`, "00:00"], [`hours-${index + 1}-1-end`, "24:00"]]));
  await saveSettings(moderator, { ...originalSettings, approvalPostCount: "1", ...allWeek });

  const text = unique("Jeg orker ikke mer. Vil bare dø.");
  await reply(member, text);

  const panel = member.getByRole("region", { name: "Vi ser at du har det tungt" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("En erfaringskonsulent får beskjed og leser innlegget ditt.");
  await expect(panel.getByRole("link", { name: "113" })).toHaveAttribute("href", "tel:113");
  await expect(panel.getByRole("link", { name: "Flere steder å få hjelp" })).toHaveAttribute("href", "/acute-help");
  await expect(member.getByRole("article").filter({ hasText: text }).getByText("Venter på godkjenning")).toHaveCount(0);

  await moderator.goto(threadUrl);
  await expect(moderator.getByRole("article").filter({ hasText: text })).toBeVisible();
  await moderator.goto("/moderation/crisis-alerts");
  const alert = moderator.getByRole("region", { name: "Åpne varsler" }).getByRole("listitem").filter({ hasText: text });
  await expect(alert.getByRole("heading", { name: /Tegn på: selvmordstanker/ })).toBeVisible();
  await expect(alert.getByRole("link", { name: "Åpne innlegget i tråden" })).toBeVisible();
});

test("crisis reply out of hours waits for a moderator", async () => {
  await saveSettings(moderator, { ...originalSettings, approvalPostCount: "1" });
  await setOffDuty(moderator);
  await expect(moderator.getByText("Akkurat nå følges ikke forumet.")).toBeVisible();

  const text = unique("Jeg vil ikke leve lenger.");
  await reply(member, text);

  const panel = member.getByRole("region", { name: "Vi ser at du har det tungt" });
  await expect(panel).toContainText("Innlegget ditt blir publisert når en erfaringskonsulent har lest det.");
  await expect(panel).toContainText("Ingen følger forumet akkurat nå");
  await expect(panel.getByRole("link", { name: "113" })).toBeVisible();
  await expect(member.getByRole("article").filter({ hasText: text }).getByText("Venter på godkjenning fra en erfaringskonsulent")).toBeVisible();

  await moderator.goto(threadUrl);
  await expect(moderator.getByRole("article").filter({ hasText: text })).toHaveCount(0);
  await moderator.goto("/moderation/crisis-alerts");
  const alert = moderator.getByRole("listitem").filter({ hasText: text });
  await expect(alert.getByText("Venter på deg: skrevet da ingen fulgte forumet")).toBeVisible();
  await alert.getByRole("link", { name: "Les og publiser innlegget" }).click();
  await expect(moderator).toHaveURL(/\/moderation\/approvals#post-/);
  await expect(moderator.getByRole("listitem").filter({ hasText: text }).getByText("Venter fordi: krisespråk utenfor modererte timer")).toBeVisible();
});
