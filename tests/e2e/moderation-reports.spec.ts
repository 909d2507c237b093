import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { catalogues, demoPerson, escapeRegExp, signInAsDemo, type Locale } from "./support";

/**
 * The report journey: Solsikke (member-13) writes a post, and three members
 * report it, so it is hidden. The peer moderator restores it, and the
 * moderation log lists every step. These demo people are kept for this
 * journey, so journeys running side by side never touch its posts. The
 * reporters read the portal in their own saved languages (Nynorsk, English
 * and Bokmål), so each looks up texts in their own catalogue.
 */
test.use({ locale: "nb-NO" });

interface Person {
  page: Page;
  text: (key: string, values?: Record<string, string>) => string;
}

async function signIn(browser: Browser, key: string): Promise<Person> {
  const context = await browser.newContext({ locale: "nb-NO" });
  const page = await context.newPage();
  await signInAsDemo(page, key);
  const locale = (demoPerson(key).locale ?? "nb") as Locale;
  const text = (messageKey: string, values: Record<string, string> = {}) => {
    const message = catalogues[locale][messageKey];
    if (typeof message !== "string") throw new Error(`No plain message ${messageKey} in ${locale}.`);
    return Object.entries(values).reduce((result, [name, value]) => result.replace(`{${name}}`, value), message);
  };
  return { page, text };
}

async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(
    results.violations.map((violation) => violation.id),
    label,
  ).toEqual([]);
}

test("three reports hide a post until a moderator restores it", async ({ browser }) => {
  // Five people sign in and two pages run axe, which takes longer than the default minute on two cores.
  test.setTimeout(180_000);
  const title = `Om å be om hjelp ${randomBytes(3).toString("hex")}`;
  const body = `Jeg synes det er vanskelig å spørre noen om hjelp ${randomBytes(3).toString("hex")}.`;

  // Solsikke starts a thread in the first category, as a member would.
  const author = await signIn(browser, "member-13");
  await author.page.goto("/forum");
  await author.page.getByRole("region", { name: "Kategorier" }).getByRole("link").first().click();
  await author.page.getByRole("link", { name: "Start en ny tråd" }).click();
  await author.page.getByRole("textbox", { name: "Tittel" }).fill(title);
  await author.page.getByRole("textbox", { name: "Innlegg" }).fill(body);
  await author.page.getByRole("button", { name: "Publiser tråden" }).click();
  await expect(author.page.getByRole("heading", { level: 1 })).toHaveText(title);
  const threadUrl = author.page.url().replace(/#.*$/, "");
  const postId = ((await author.page.getByRole("article").first().getAttribute("id")) ?? "").replace(/^post-/, "");
  expect(postId).toMatch(/^[0-9a-f-]{36}$/);

  // Three different members report it, each in their own language, and each gets the same calm receipt.
  const reporters = [];
  for (const key of ["member-5", "member-6", "member-7"]) {
    const reporter = await signIn(browser, key);
    await reporter.page.goto(threadUrl);
    await reporter.page.getByRole("article").first().getByRole("link", { name: reporter.text("forum_post_report"), exact: true }).click();
    await expect(reporter.page.getByRole("heading", { level: 1 })).toHaveText(reporter.text("report_title"));
    await expect(reporter.page.getByRole("blockquote")).toContainText(body);

    // Sending without a reason keeps the note and asks for a reason.
    await reporter.page.getByRole("textbox", { name: reporter.text("report_note_label") }).fill("Dette kan såre noen.");
    await reporter.page.getByRole("button", { name: reporter.text("report_submit") }).click();
    await expect(reporter.page.getByText(reporter.text("report_error_reason_missing"))).toBeVisible();
    await expect(reporter.page.getByRole("textbox", { name: reporter.text("report_note_label") })).toHaveValue("Dette kan såre noen.");

    await reporter.page.getByRole("radio", { name: reporter.text("report_reason_hurtful") }).check();
    await reporter.page.getByRole("button", { name: reporter.text("report_submit") }).click();
    await expect(reporter.page.getByRole("heading", { level: 1 })).toHaveText(reporter.text("report_received_title"));
    await expect(reporter.page.getByRole("status")).toHaveText(reporter.text("report_received_body"));
    reporters.push(reporter);
  }
  await expectNoAxeViolations(reporters[2]!.page, "report receipt");

  // A reporter who comes back is told kindly that the report is already in.
  await reporters[0]!.page.goto(`/forum/posts/${postId}/report`);
  await expect(reporters[0]!.page.getByRole("heading", { level: 1 })).toHaveText(reporters[0]!.text("report_already_title"));

  // Readers now see a placeholder; the author sees why, and nothing about who reported.
  const reader = reporters[2]!;
  await reader.page.goto(threadUrl);
  const readerPost = reader.page.locator(`#post-${postId}`);
  await expect(readerPost).toContainText(reader.text("forum_post_hidden"));
  await expect(readerPost).not.toContainText(body);

  await author.page.goto(threadUrl);
  const ownPost = author.page.locator(`#post-${postId}`);
  await expect(ownPost).toContainText(author.text("forum_post_hidden_own_reported"));
  for (const reporter of ["Lyngblom", "Nattergal", "Sommerfugl"]) await expect(ownPost).not.toContainText(reporter);

  // The moderator finds it among the reported posts and restores it.
  const moderator = await signIn(browser, "moderator");
  await moderator.page.goto("/moderation/reports");
  await moderator.page.getByRole("link", { name: moderator.text("moderation_reports_item", { author: "Solsikke", thread: title }) }).click();
  await expect(moderator.page).toHaveURL(new RegExp(`/moderation/posts/${postId}$`));
  await expect(moderator.page.getByRole("heading", { name: /^3 åpne rapporter$/ })).toBeVisible();
  await expect(moderator.page.getByText(moderator.text("moderation_post_state_hidden"), { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(moderator.page, "moderation post with reports");

  await moderator.page.getByRole("button", { name: moderator.text("moderation_restore_submit") }).click();
  await expect(moderator.page.getByRole("status")).toHaveText(moderator.text("moderation_post_outcome_restored"));
  await expect(moderator.page.getByText(moderator.text("moderation_post_no_open_reports"))).toBeVisible();

  await reader.page.reload();
  await expect(reader.page.locator(`#post-${postId}`)).toContainText(body);

  // The moderation log shows each step on this post: three reports, the hide, the restore and three closed reports.
  await moderator.page.goto("/moderation/log");
  const rows = moderator.page.getByRole("row").filter({ hasText: new RegExp(escapeRegExp(postId)) });
  await expect(rows.filter({ hasText: "moderation.post_reported" })).toHaveCount(3);
  await expect(rows.filter({ hasText: "moderation.post_hidden" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "moderation.post_restored" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "moderation.report_resolved" })).toHaveCount(3);
});
