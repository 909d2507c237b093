import { randomBytes } from "node:crypto";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { signInAsDemo } from "./support";

/**
 * A member takes a break and comes back, in Nynorsk and without JavaScript,
 * since every step must work as plain server-rendered forms. Snøugle
 * (member-15) is reserved for this journey; Lyngblom (member-5) only writes
 * replies in Snøugle's own thread. The journey ends with Snøugle back from the
 * break, so it can run again.
 */
const snougleKey = "member-15";
const lyngblomKey = "member-5";

async function asMember(browser: Browser, key: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ locale: "nn-NO", javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signInAsDemo(page, key);
  return page;
}

async function startThread(page: Page, title: string, body: string) {
  await page.goto("/forum");
  await page.getByRole("region", { name: "Kategoriar" }).getByRole("link").first().click();
  await page.getByRole("link", { name: "Start ein ny tråd" }).click();
  await page.getByRole("textbox", { name: "Tittel" }).fill(title);
  await page.getByRole("textbox", { name: "Innlegg" }).fill(body);
  await page.getByRole("button", { name: "Publiser tråden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().replace(/#.*$/, "");
}

async function replyTo(page: Page, threadUrl: string, text: string) {
  await page.goto(threadUrl);
  await page.getByRole("textbox", { name: "Innlegg" }).fill(text);
  await page.getByRole("button", { name: "Publiser svaret" }).click();
  await expect(page.getByRole("article").filter({ hasText: text })).toBeVisible();
}

test("member takes a break and comes back", async ({ browser }) => {
  const suffix = randomBytes(3).toString("hex");
  const title = `Ein roleg kveld ${suffix}`;
  const openingText = `Det eg skreiv før pausen ${suffix}.`;

  // Snøugle writes something, then pauses from the settings page.
  const member = await asMember(browser, snougleKey, { javaScriptEnabled: false });
  const threadUrl = await startThread(member, title, openingText);
  await member.goto("/settings");
  await member.getByRole("link", { name: "Les meir om å ta ein pause" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Ta ein pause");
  await expect(member.getByText("Ingenting blir sletta.")).toBeVisible();
  await member.getByRole("button", { name: "Ta ein pause no" }).click();

  await expect(member).toHaveURL(/\/\?break=started$/);
  await expect(member.locator("html")).toHaveAttribute("lang", "nn");
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Takk for no");
  await expect(member.getByRole("status")).toContainText("Kontoen din er sett på pause, og du er logga ut.");
  await member.goto("/settings");
  await expect(member).toHaveURL(/\/sign-in\?returnTo=%2Fsettings$/);

  // While Snøugle is away, Lyngblom mentions them in their thread.
  const other = await asMember(browser, lyngblomKey);
  const mention = `Tenkjer på deg, @Snøugle ${suffix}.`;
  await replyTo(other, threadUrl, mention);
  await expect(other.getByRole("article").filter({ hasText: mention }).getByRole("link", { name: "Snøugle" })).toHaveCount(0);

  // Signing in again leads to the welcome-back page, and every other page redirects there.
  await signInAsDemo(member, snougleKey);
  await expect(member).toHaveURL(/\/welcome-back$/);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Velkomen tilbake");
  await expect(member.getByRole("navigation")).toHaveCount(0);
  for (const path of ["/forum", "/notifications", "/settings/break", threadUrl]) {
    await member.goto(path);
    await expect(member, path).toHaveURL(/\/welcome-back\?returnTo=/);
  }
  await member.goto("/acute-help");
  await expect(member).toHaveURL(/\/acute-help$/);

  // "Not now" signs out again, and the break goes on.
  await member.goto("/welcome-back");
  await member.getByRole("button", { name: "Ikkje no – logg ut" }).click();
  await expect(member).toHaveURL(/\/sign-in\?signedOut=1$/);
  await signInAsDemo(member, snougleKey);
  await expect(member).toHaveURL(/\/welcome-back$/);

  // Confirming from a page the person asked for brings them back to it.
  await member.goto("/notifications");
  await expect(member).toHaveURL(/\/welcome-back\?returnTo=%2Fnotifications$/);
  await member.getByRole("button", { name: "Ja, eg er tilbake" }).click();
  await expect(member).toHaveURL(/\/notifications$/);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Varsel");
  await expect(member.getByRole("main").getByText(`«${title}»`)).toHaveCount(0);

  // Nothing was lost, and mentions reach Snøugle again.
  await member.goto(threadUrl);
  await expect(member.getByRole("article").filter({ hasText: openingText })).toBeVisible();
  await expect(member.getByRole("article").filter({ hasText: mention })).toBeVisible();

  await replyTo(other, threadUrl, `Godt å sjå deg att, @Snøugle ${suffix}.`);
  await member.goto("/notifications");
  await expect(member.getByRole("link", { name: `Lyngblom nemnde deg i «${title}»` })).toHaveCount(1);

  await other.context().close();
  await member.context().close();
});
