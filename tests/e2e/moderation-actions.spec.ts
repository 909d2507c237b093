import { randomBytes } from "node:crypto";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { signInAsDemo } from "./support";

/**
 * Moderation actions in Bokmål. The suspended and warned member is demo
 * `member-14` (Kvitveis), whom no other journey uses; each journey starts its
 * own threads, so other specs see nothing change.
 */
test.use({ locale: "nb-NO" });

async function signedIn(browser: Browser, key: string) {
  const context = await browser.newContext({ locale: "nb-NO" });
  const page = await context.newPage();
  await signInAsDemo(page, key);
  return page;
}

function uniqueTitle(label: string) {
  return `${label} ${randomBytes(3).toString("hex")}`;
}

async function startThread(page: Page, title: string, body: string, options: { pin?: boolean } = {}) {
  await page.goto("/forum");
  await page.getByRole("region", { name: "Kategorier" }).getByRole("link").first().click();
  await page.getByRole("link", { name: "Start en ny tråd" }).click();
  await page.getByRole("textbox", { name: "Tittel" }).fill(title);
  await page.getByRole("textbox", { name: "Innlegg" }).fill(body);
  if (options.pin) await page.getByRole("checkbox", { name: "Fest tråden øverst (for eksempel en refleksjonsoppgave)" }).check();
  await page.getByRole("button", { name: "Publiser tråden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().replace(/#.*$/, "");
}

/** Send a reply form by hand, as an old page or a script would, with the page's own CSRF token. */
async function postReplyDirectly(page: Page, threadUrl: string, body: string) {
  const html = await (await page.request.get(threadUrl)).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return page.request.post(threadUrl, {
    form: { csrf, intent: "publish", body, contentWarning: "", draftKey: "direct", idempotencyKey: randomBytes(18).toString("base64url") },
    maxRedirects: 0,
  });
}

/** Three days ahead at 18:00, as a datetime-local field takes it. */
function threeDaysAhead() {
  const date = new Date(Date.now() + 3 * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T18:00`;
}

test("suspended member reads but cannot write until lifted", async ({ browser }) => {
  const moderator = await signedIn(browser, "moderator");
  const threadUrl = await startThread(moderator, uniqueTitle("Hva hjelper deg å sove?"), "Del gjerne det som virker for deg.");

  await moderator.goto("/moderation/members/Kvitveis");
  const suspendForm = moderator.getByRole("region", { name: "Utesteng fra å skrive" });
  await suspendForm.getByRole("combobox", { name: "Begrunnelse" }).selectOption("hurtful");
  await suspendForm.getByRole("textbox", { name: "Melding til medlemmet" }).fill("Vi tar en pause, så kan vi snakke sammen etterpå.");
  await suspendForm.getByRole("radio", { name: "Til et bestemt tidspunkt" }).check();
  await suspendForm.getByLabel("Slutter (norsk tid)").fill(threeDaysAhead());
  await suspendForm.getByRole("button", { name: "Utesteng fra å skrive" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Medlemmet er utestengt fra å skrive.");

  const member = await signedIn(browser, "member-14");
  await member.goto(threadUrl);
  const notice = member.getByRole("region", { name: "Du kan lese, men ikke skrive i forumet nå" });
  await expect(notice).toContainText("Grunn: Sårende eller nedsettende innhold");
  await expect(notice).toContainText("Vi tar en pause, så kan vi snakke sammen etterpå.");
  await expect(notice).toContainText(/Dette gjelder til \d+\. \w+\.? \d{4}/);
  await expect(member.getByRole("textbox", { name: "Innlegg" })).toHaveCount(0);
  await expect(member.getByRole("article").first()).toContainText("Del gjerne det som virker for deg.");

  const refused = await postReplyDirectly(member, threadUrl, "Dette skal ikke komme med.");
  expect(refused.status()).toBe(403);
  await member.reload();
  await expect(member.getByText("Dette skal ikke komme med.")).toHaveCount(0);

  await member.goto("/forum");
  await expect(member.getByRole("region", { name: "Du kan lese, men ikke skrive i forumet nå" })).toBeVisible();

  await moderator.goto("/moderation/members/Kvitveis");
  await moderator.getByRole("button", { name: "Opphev utestengelsen" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Utestengelsen er opphevet.");

  await member.goto(threadUrl);
  await expect(member.getByRole("region", { name: "Du kan lese, men ikke skrive i forumet nå" })).toHaveCount(0);
  await member.getByRole("textbox", { name: "Innlegg" }).fill("Te og en rolig podkast hjelper meg.");
  await member.getByRole("button", { name: "Publiser svaret" }).click();
  await expect(member.getByRole("article").filter({ hasText: "Te og en rolig podkast hjelper meg." })).toBeVisible();
});

test("warned member reads and acknowledges the warning", async ({ browser }) => {
  const moderator = await signedIn(browser, "moderator");
  await moderator.goto("/moderation/members/Kvitveis");
  const warnForm = moderator.getByRole("region", { name: "Gi en advarsel" });
  await warnForm.getByRole("combobox", { name: "Begrunnelse" }).selectOption("off_topic");
  await warnForm.getByRole("textbox", { name: "Melding til medlemmet" }).fill("Hold deg gjerne til temaet i tråden.");
  await warnForm.getByRole("button", { name: "Send advarselen" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Advarselen er sendt.");

  const member = await signedIn(browser, "member-14");
  await member.goto("/forum");
  const warning = member.getByRole("region", { name: "En erfaringskonsulent har gitt deg en advarsel" });
  await expect(warning).toContainText("Grunn: Passer ikke i forumet");
  await expect(warning).toContainText("Hold deg gjerne til temaet i tråden.");
  await warning.getByRole("button", { name: "Jeg har lest dette" }).click();
  await expect(member).toHaveURL(/\/forum$/);
  await expect(member.getByRole("region", { name: "En erfaringskonsulent har gitt deg en advarsel" })).toHaveCount(0);
});

test("moderator locks, pins, moves and edits with a note", async ({ browser }) => {
  const moderator = await signedIn(browser, "moderator");
  const title = uniqueTitle("Refleksjon: hva gir deg ro?");
  const threadUrl = await startThread(moderator, title, "Skriv gjerne tre ting som gir deg ro.", { pin: true });
  const threadId = new URL(threadUrl).pathname.split("/").at(-1)!;

  // The pinned reflection exercise is listed with its badge.
  await moderator.locator("nav.breadcrumbs").getByRole("link").last().click();
  const pinnedItem = moderator.getByRole("listitem").filter({ hasText: title });
  await expect(pinnedItem.getByText("Festet", { exact: true })).toBeVisible();
  await expect(pinnedItem.getByText("Erfaringskonsulent", { exact: true })).toBeVisible();

  await moderator.goto(`/moderation/threads/${threadId}`);
  await moderator.getByRole("region", { name: "Svar i tråden" }).getByRole("button", { name: "Lås tråden" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Tråden er låst.");

  await moderator.goto(threadUrl);
  await expect(moderator.getByText("Tråden er låst, så ingen kan svare her lenger. Du kan fortsatt lese den.")).toBeVisible();
  await expect(moderator.getByRole("textbox", { name: "Innlegg" })).toHaveCount(0);
  const refused = await postReplyDirectly(moderator, threadUrl, "Svar i en låst tråd.");
  expect(await refused.text()).toContain("Tråden ble låst mens du skrev");
  await moderator.reload();
  await expect(moderator.getByRole("article").filter({ hasText: "Svar i en låst tråd." })).toHaveCount(0);

  await moderator.getByRole("link", { name: "Moderer tråden" }).click();
  await moderator.getByRole("button", { name: "Åpne tråden for svar igjen" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Tråden er åpen for svar igjen.");
  await moderator.getByRole("button", { name: "Løsne tråden" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Tråden er ikke festet lenger.");

  const move = moderator.getByRole("region", { name: "Flytt tråden" });
  const category = move.getByRole("combobox", { name: "Ny kategori" });
  const current = await category.locator("option:checked").textContent();
  const target = (await category.locator("option").allTextContents()).find((name) => name !== current);
  await category.selectOption({ label: target! });
  await move.getByRole("button", { name: "Flytt tråden" }).click();
  await expect(moderator.getByRole("status")).toHaveText(`Tråden er flyttet til ${target}.`);
  await moderator.goto(threadUrl);
  await expect(moderator.getByRole("link", { name: target! })).toBeVisible();
  await expect(moderator.getByRole("article").first()).toContainText("Skriv gjerne tre ting som gir deg ro.");

  const postId = (await moderator.getByRole("article").first().getAttribute("id"))!.replace(/^post-/, "");
  await moderator.goto(`/moderation/posts/${postId}/edit`);
  await moderator.getByRole("textbox", { name: "Innlegget", exact: true }).fill("Skriv gjerne tre ting som gir deg ro i hverdagen.");
  await moderator.getByRole("textbox", { name: "Merknad som vises under innlegget" }).fill("La til «i hverdagen» for å gjøre oppgaven tydeligere.");
  await moderator.getByRole("button", { name: "Lagre endringen" }).click();
  const opening = moderator.getByRole("article").first();
  await expect(opening).toContainText("Skriv gjerne tre ting som gir deg ro i hverdagen.");
  await expect(opening).toContainText("Endret av en moderator: La til «i hverdagen» for å gjøre oppgaven tydeligere.");
});
