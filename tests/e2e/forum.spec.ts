import { randomBytes } from "node:crypto";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { signInAsDemo } from "./support";

/**
 * Forum journeys in Bokmål. They sign in as demo members that journeys in
 * other files leave alone, and each journey starts its own thread, so what it
 * checks does not depend on the order the journeys run in.
 */
test.use({ locale: "nb-NO" });

async function asMember(browser: Browser, key: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ locale: "nb-NO", javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signInAsDemo(page, key);
  return page;
}

/** Open the forum's first category, as a member would from the forum page. */
async function openFirstCategory(page: Page) {
  await page.goto("/forum");
  await page.getByRole("region", { name: "Kategorier" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/forum\/categories\//);
}

async function startThread(page: Page, title: string, body: string) {
  await openFirstCategory(page);
  await page.getByRole("link", { name: "Start en ny tråd" }).click();
  await page.getByRole("textbox", { name: "Tittel" }).fill(title);
  await page.getByRole("textbox", { name: "Innlegg" }).fill(body);
  await page.getByRole("button", { name: "Publiser tråden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().replace(/#.*$/, "");
}

function uniqueTitle(label: string) {
  return `${label} ${randomBytes(3).toString("hex")}`;
}

test("reply and reaction reach the thread's writer", async ({ browser }) => {
  const writer = await asMember(browser, "member-8");
  const title = uniqueTitle("Noen som vil gå tur i helgen?");
  const threadUrl = await startThread(writer, title, "Jeg trenger litt selskap for å komme meg ut.");

  const replier = await asMember(browser, "member-9");
  await replier.goto(threadUrl);
  await replier.getByRole("textbox", { name: "Innlegg" }).fill("Jeg blir gjerne med!");
  await replier.getByRole("button", { name: "Publiser svaret" }).click();
  await expect(replier.getByRole("article").filter({ hasText: "Jeg blir gjerne med!" })).toBeVisible();

  const opening = replier.getByRole("article").first();
  await opening.getByRole("button", { name: "Heier på deg (0)" }).click();
  await expect(opening.getByRole("button", { name: "Heier på deg (1)" })).toHaveAttribute("aria-pressed", "true");

  await writer.goto("/");
  await writer.getByRole("link", { name: /^Varsler \(\d+ (nytt|nye)\)$/ }).click();
  await writer.getByRole("link", { name: `Tusenfryd svarte i «${title}»` }).click();
  await expect(writer.getByRole("article").filter({ hasText: "Jeg blir gjerne med!" })).toBeVisible();
  await expect(writer.getByRole("article").first()).toContainText("Heier på deg: 1");
});

test("identity guard highlights a phone number and an address", async ({ browser }) => {
  const page = await asMember(browser, "member-10");
  const threadUrl = await startThread(page, uniqueTitle("Hvordan har dere det i dag?"), "Del gjerne litt om dagen din.");
  await page.goto(threadUrl);

  const text = "Ring meg gjerne på 412 34 567, jeg bor i Storgata 12.";
  await page.getByRole("textbox", { name: "Innlegg" }).fill(text);
  await page.getByRole("button", { name: "Publiser svaret" }).click();

  const marks = page.locator("mark");
  await expect(marks.filter({ hasText: "412 34 567" })).toHaveCount(1);
  await expect(marks.filter({ hasText: "Storgata 12" })).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: "Innlegg" })).toHaveValue(text);

  await page.getByRole("button", { name: "Publiser likevel" }).click();
  await expect(page.getByRole("article").filter({ hasText: "Ring meg gjerne" })).toBeVisible();
});

test("double click publishes one reply", async ({ browser }) => {
  const page = await asMember(browser, "member-11");
  const threadUrl = await startThread(page, uniqueTitle("Dobbeltklikk"), "Første innlegg.");
  await page.goto(threadUrl);

  const text = `Bare én gang ${randomBytes(3).toString("hex")}`;
  await page.getByRole("textbox", { name: "Innlegg" }).fill(text);
  await page.getByRole("button", { name: "Publiser svaret" }).dblclick();
  await expect(page.getByRole("article").filter({ hasText: text })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Innlegg" })).toHaveValue("");
  await page.reload();
  await expect(page.getByRole("article").filter({ hasText: text })).toHaveCount(1);
});

test("draft survives a reload", async ({ browser }) => {
  const page = await asMember(browser, "member-11");
  const threadUrl = await startThread(page, uniqueTitle("Utkast"), "Første innlegg.");
  await page.goto(threadUrl);

  await page.getByRole("textbox", { name: "Innlegg" }).pressSequentially("Dette skriver jeg sakte");
  await expect(page.getByText("Utkastet er lagret.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Innlegg" })).toHaveValue("Dette skriver jeg sakte");
  await expect(page.getByText("Vi hentet fram utkastet du skrev sist.")).toBeVisible();
});

test("reading, replying and reacting work without JavaScript", async ({ browser }) => {
  const writer = await asMember(browser, "member-12");
  const threadUrl = await startThread(writer, uniqueTitle("Uten JavaScript"), "Kan du lese dette?");

  const page = await asMember(browser, "member-9", { javaScriptEnabled: false });
  await page.goto(threadUrl);
  await page.getByRole("textbox", { name: "Innlegg" }).fill("Ja, helt fint.");
  await page.getByRole("button", { name: "Publiser svaret" }).click();
  await expect(page.getByRole("article").filter({ hasText: "Ja, helt fint." })).toBeVisible();

  await page.getByRole("article").first().getByRole("button", { name: "Klem (0)" }).click();
  await expect(page.getByRole("article").first().getByRole("button", { name: "Klem (1)" })).toBeVisible();
});

test("quote starts the reply with the quoted text", async ({ browser }) => {
  const page = await asMember(browser, "member-12");
  const threadUrl = await startThread(page, uniqueTitle("Sitat"), "Dette er verdt å sitere.");
  await page.goto(threadUrl);

  await page.getByRole("article").first().getByRole("link", { name: "Siter" }).click();
  await expect(page.getByRole("textbox", { name: "Innlegg" })).toHaveValue(/^> Dette er verdt å sitere\./);
});

test("mutual reveal opens a closed group others cannot find", async ({ browser }) => {
  const suffix = randomBytes(3).toString("hex");
  const groupName = `Kveldsturen ${suffix}`;
  const canary = `Kanarifugl${suffix}`;

  const vandrer = await asMember(browser, "member-10");
  await vandrer.goto("/forum/members/Nordlys");
  await vandrer.getByRole("textbox", { name: "Navnet du vil vise" }).fill("Lars");
  await vandrer.getByRole("button", { name: "Vis navnet" }).click();
  await expect(vandrer.getByRole("status")).toBeVisible();

  const nordlys = await asMember(browser, "member-12");
  await nordlys.goto("/forum/members/Vandrer");
  await expect(nordlys.getByText("Lars")).toBeVisible();
  await nordlys.getByRole("textbox", { name: "Navnet du vil vise" }).fill("Per");
  await nordlys.getByRole("button", { name: "Vis navnet" }).click();
  await expect(nordlys.getByRole("status")).toBeVisible();

  await vandrer.goto("/forum/groups");
  await vandrer.getByRole("textbox", { name: "Navn på gruppen" }).fill(groupName);
  await vandrer.getByRole("checkbox", { name: "Nordlys (Per)" }).check();
  await vandrer.getByRole("button", { name: "Lag gruppen" }).click();
  await expect(vandrer.getByRole("heading", { level: 1 })).toHaveText(groupName);
  await vandrer.getByRole("link", { name: "Start en ny tråd" }).click();
  await vandrer.getByRole("textbox", { name: "Tittel" }).fill(`Tur i kveld ${suffix}`);
  await vandrer.getByRole("textbox", { name: "Innlegg" }).fill(`Skal vi gå en runde? ${canary}`);
  await vandrer.getByRole("button", { name: "Publiser tråden" }).click();
  await expect(vandrer.getByRole("article").filter({ hasText: canary })).toBeVisible();
  const groupThreadUrl = vandrer.url().replace(/#.*$/, "");

  await nordlys.goto("/forum/groups");
  await nordlys.getByRole("button", { name: `Bli med i ${groupName}` }).click();
  await nordlys.goto(groupThreadUrl);
  await expect(nordlys.getByRole("article").filter({ hasText: canary })).toBeVisible();

  const outsider = await asMember(browser, "member-8");
  await outsider.goto(`/forum/search?q=${canary}`);
  await expect(outsider.getByText("Ingen innlegg passet med søket ditt.")).toBeVisible();
  await expect(outsider.getByRole("main")).not.toContainText(`Tur i kveld ${suffix}`);
  await outsider.goto("/forum/groups");
  await expect(outsider.getByRole("main")).not.toContainText(groupName);
  const response = await outsider.goto(groupThreadUrl);
  expect(response?.status()).toBe(404);
});

test("blocked member's posts disappear for the blocker", async ({ browser }) => {
  const writer = await asMember(browser, "member-12");
  const threadUrl = await startThread(writer, uniqueTitle("Hva hjelper mot uro?"), "Jeg lurer på hva dere gjør.");

  const blocked = await asMember(browser, "member-8");
  await blocked.goto(threadUrl);
  const text = `Jeg går tur ${randomBytes(3).toString("hex")}`;
  await blocked.getByRole("textbox", { name: "Innlegg" }).fill(text);
  await blocked.getByRole("button", { name: "Publiser svaret" }).click();
  await expect(blocked.getByRole("article").filter({ hasText: text })).toBeVisible();

  const blocker = await asMember(browser, "member-11");
  await blocker.goto(threadUrl);
  await expect(blocker.getByRole("article").filter({ hasText: text })).toBeVisible();

  await blocker.goto("/forum/members/Gråstein");
  await blocker.getByRole("link", { name: "Blokker Gråstein" }).click();
  await blocker.getByRole("button", { name: "Ja, blokker Gråstein" }).click();
  await expect(blocker.getByRole("status")).toBeVisible();

  await blocker.goto(threadUrl);
  await expect(blocker.getByRole("article").first()).toBeVisible();
  await expect(blocker.getByRole("article").filter({ hasText: text })).toHaveCount(0);
});

test("editor and reactions work by keyboard", async ({ browser }) => {
  const writer = await asMember(browser, "member-10");
  const threadUrl = await startThread(writer, uniqueTitle("Tastatur"), "Skrevet uten mus.");

  const page = await asMember(browser, "member-9");
  await page.goto(threadUrl);
  const reaction = page.getByRole("article").first().getByRole("button", { name: "Takk (0)" });
  await reaction.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("article").first().getByRole("button", { name: "Takk (1)" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("textbox", { name: "Innlegg" }).focus();
  await page.keyboard.type("Svar skrevet med tastaturet.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "Innholdsvarsel (valgfritt)" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Publiser svaret" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("article").filter({ hasText: "Svar skrevet med tastaturet." })).toBeVisible();
});
