import { randomBytes } from "node:crypto";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { demoPerson, signInAsDemo } from "./support";

/**
 * Kaféer from host to members, in Bokmål (member-24 reads English). The host
 * is demo `moderator-2` (Veiviser, bjorkelia); members 17–19 answer and
 * member-24 belongs to havnoy. Each run makes its own kafé and series, so
 * the demo kaféer other journeys use stay as seeded.
 */
test.use({ locale: "nb-NO" });
test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, key: string) {
  const context = await browser.newContext({ locale: demoPerson(key).locale === "en" ? "en-GB" : "nb-NO" });
  const page = await context.newPage();
  await signInAsDemo(page, key);
  return page;
}

/** Return a date some days ahead, as the date field takes it. */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function comingCount(page: Page): Promise<number> {
  const text = await page.getByText(/^\d+ kommer$/).textContent();
  return Number(text?.split(" ")[0]);
}

const title = `Kafé i Bjørkelia ${randomBytes(3).toString("hex")}`;
const address = `Kirkeveien ${Math.floor(Math.random() * 90) + 10}`;
let cafeUrl = "";

test("host creates a kafé and a series", async ({ browser }) => {
  const page = await signedIn(browser, "moderator-2");
  await page.goto("/cafes");
  await page.getByRole("link", { name: "Lag en ny kafé" }).click();

  // An empty title is refused next to the field, and what was typed stays.
  await page.getByLabel("Adresse").fill(address);
  await page.getByRole("button", { name: "Lag kaféen" }).click();
  await expect(page.getByText("Skriv en tittel på kaféen.")).toBeVisible();
  await expect(page.getByLabel("Adresse")).toHaveValue(address);

  await page.getByLabel("Tittel").fill(title);
  await page.getByLabel("Tema", { exact: true }).fill("Å komme i gang igjen etter jul");
  await page.getByLabel("Sted", { exact: true }).fill("Frivilligsentralen");
  await page.getByLabel("Antall plasser").fill("2");
  await page.getByLabel("Én gang").check();
  await page.getByLabel("Dato", { exact: true }).fill(daysAhead(30));
  await page.getByLabel("Starttid").fill("18:00");
  await page.getByRole("button", { name: "Lag kaféen" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Kaféen er laget.")).toBeVisible();
  await expect(page.getByText(address)).toBeVisible();
  await expect(page.getByText("2 av 2 plasser er ledige")).toBeVisible();
  cafeUrl = page.url().replace(/\?.*$/, "");

  await page.goto("/cafes/new");
  await page.getByLabel("Tittel").fill(`${title} (serie)`);
  await page.getByLabel("Sted", { exact: true }).fill("Biblioteket");
  await page.getByLabel("Adresse").fill(address);
  await page.getByLabel("Hver måned").check();
  await page.getByLabel("Hvilken uke i måneden").selectOption("3");
  await page.getByLabel("Ukedag").selectOption("3");
  await page.getByLabel("Første mulige dato").fill(daysAhead(1));
  await page.getByLabel("Siste mulige dato").fill(daysAhead(100));
  await page.getByRole("button", { name: "Lag kaféen" }).click();

  await expect(page).toHaveURL(/\/cafes\/series\//);
  await expect(page.getByText(/^Serien er laget med [34] kaféer\.$/)).toBeVisible();
  await expect(page.getByText("Tredje onsdag hver måned kl. 18:00, 2 timer.")).toBeVisible();
  await page.context().close();
});

test("member answers and sees counts only", async ({ browser }) => {
  const page = await signedIn(browser, "member-17");
  await page.goto(cafeUrl);
  const before = await comingCount(page);

  // By keyboard: the answer buttons are ordinary buttons in the tab order.
  await page.getByRole("button", { name: "Jeg kommer", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Svaret ditt er lagret");

  expect(await comingCount(page)).toBe(before + 1);
  await expect(page.getByText("Det som blir sagt her, blir her")).toBeVisible();
  await expect(page.getByText("Ditt svar: kommer")).toBeVisible();
  const main = await page.locator("main").textContent();
  for (const key of ["member-18", "member-19", "moderator-2"]) expect(main).not.toContain(demoPerson(key).pseudonym!);
  await page.context().close();
});

test("thread links to its kafé", async ({ browser }) => {
  const host = await signedIn(browser, "moderator-2");
  const threadTitle = `Refleksjon før kafeen ${randomBytes(3).toString("hex")}`;
  await host.goto("/forum");
  await host.getByRole("region", { name: "Kategorier" }).getByRole("link").first().click();
  await host.getByRole("link", { name: "Start en ny tråd" }).click();
  await host.getByRole("textbox", { name: "Tittel" }).fill(threadTitle);
  await host.getByRole("textbox", { name: "Innlegg" }).fill("Skriv gjerne noen ord om hva som hjelper deg å komme i gang igjen.");
  await host.getByLabel("Refleksjonsoppgave til en kafé").selectOption(cafeUrl.split("/").at(-1)!);
  await host.getByRole("button", { name: "Publiser tråden" }).click();
  await expect(host.getByRole("heading", { level: 1 })).toHaveText(threadTitle);
  const threadUrl = host.url().replace(/[?#].*$/, "");

  const member = await signedIn(browser, "member-17");
  await member.goto(threadUrl);
  await expect(member.getByText("Dette er refleksjonsoppgaven til")).toBeVisible();
  await member.getByRole("link", { name: new RegExp(`^${title}, `) }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(member.getByRole("link", { name: threadTitle })).toBeVisible();
  await Promise.all([host.context().close(), member.context().close()]);
});

test("last seat goes to one of two", async ({ browser }) => {
  const [first, second] = await Promise.all([signedIn(browser, "member-18"), signedIn(browser, "member-19")]);
  await Promise.all([first.goto(cafeUrl), second.goto(cafeUrl)]);
  await expect(first.getByText("1 av 2 plasser er ledig")).toBeVisible();

  await Promise.all([first.getByRole("button", { name: "Jeg kommer", exact: true }).click(), second.getByRole("button", { name: "Jeg kommer", exact: true }).click()]);
  await Promise.all([expect(first.getByRole("status")).toBeVisible(), expect(second.getByRole("status")).toBeVisible()]);

  const answers = await Promise.all([first, second].map(async (page) => (await page.getByTestId("own-answer").textContent()) ?? ""));
  expect([...answers].sort()).toEqual(["Ditt svar: kommer", "Ditt svar: på ventelisten"]);
  const [withSeat, onWaitingList] = answers[0] === "Ditt svar: kommer" ? [first, second] : [second, first];
  await expect(onWaitingList.getByText("Du er nummer 1 på ventelisten.")).toBeVisible();

  await withSeat.getByRole("button", { name: "Jeg kommer ikke" }).click();
  await expect(withSeat.getByTestId("own-answer")).toHaveText("Ditt svar: kommer ikke");

  await onWaitingList.goto("/notifications");
  await expect(onWaitingList.getByRole("link", { name: new RegExp(`^Du har fått plass på ${title} `) })).toBeVisible();
  await onWaitingList.getByRole("link", { name: new RegExp(`^Du har fått plass på ${title} `) }).click();
  await expect(onWaitingList.getByTestId("own-answer")).toHaveText("Ditt svar: kommer");
  await Promise.all([first.context().close(), second.context().close()]);
});

test("other community sees no address", async ({ browser }) => {
  const page = await signedIn(browser, "member-24");
  await page.goto(cafeUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("This café is for members of Bjørkelia kommune.")).toBeVisible();
  expect(await page.locator("main").textContent()).not.toContain(address);
  await expect(page.getByRole("button", { name: "I'm coming" })).toHaveCount(0);
  await page.context().close();
});

test("provider gets not found", async ({ browser }) => {
  const page = await signedIn(browser, "provider-1");
  const response = await page.goto(cafeUrl);
  expect(response?.status()).toBe(404);
  expect(await page.locator("main").textContent()).not.toContain(title);
  await page.context().close();
});

test("host cancels and answerers are told", async ({ browser }) => {
  const host = await signedIn(browser, "moderator-2");
  await host.goto(cafeUrl);
  await host.getByRole("link", { name: "Avlys", exact: true }).click();
  await host.getByRole("button", { name: "Avlys", exact: true }).click();
  await expect(host.getByText("Velg en grunn. Den vises for medlemmene.")).toBeVisible();
  await host.getByLabel("lokalet er ikke ledig").check();
  await host.getByRole("button", { name: "Avlys", exact: true }).click();
  await expect(host.getByRole("heading", { name: "Kaféen er avlyst" })).toBeVisible();
  await expect(host.getByText("Grunn: lokalet er ikke ledig.")).toBeVisible();

  const member = await signedIn(browser, "member-17");
  await member.goto("/notifications");
  await member.getByRole("link", { name: new RegExp(`^${title} .* er dessverre avlyst\\.$`) }).click();
  await expect(member.getByRole("heading", { name: "Kaféen er avlyst" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Jeg kommer", exact: true })).toHaveCount(0);
  await Promise.all([host.context().close(), member.context().close()]);
});
