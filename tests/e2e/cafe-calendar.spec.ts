import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";

import { portalLocalTimeToInstant } from "../../server/platform/portal-time";
import { parseCalendar, type ParsedCalendar } from "../support/parse-calendar";
import { e2e } from "./environment";
import { catalogues, signInAsDemo } from "./support";

/**
 * Multebær (member-21, Nynorsk) subscribes to her kaféer. She creates a
 * calendar link, and a calendar application without her session fetches the
 * feed and reads it with ical.js. She then shows the real titles, downloads
 * one kafé, makes a new link so the old one stops working, and stops sharing.
 * The journey turns neutral titles back on and leaves no link behind, so it
 * can run again.
 */
const memberKey = "member-21";
const nn = catalogues.nn as Record<string, string>;
const text = (key: string) => {
  const value = nn[key];
  if (typeof value !== "string") throw new Error(`No Nynorsk message ${key}.`);
  return value;
};

/** Fetch the feed as a calendar application does: no cookies, no session. */
async function fetchFeed(url: string) {
  const calendarApp = await playwrightRequest.newContext();
  try {
    const response = await calendarApp.get(url, { maxRedirects: 0 });
    return { status: response.status(), headers: response.headers(), body: await response.text() };
  } finally {
    await calendarApp.dispose();
  }
}

async function shownLink(page: Page): Promise<string> {
  const field = page.getByRole("textbox", { name: text("calendar_link_label") });
  await expect(field).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return field.inputValue();
}

/** Check that every event starts at its local time in Europe/Oslo, whatever the season. */
function expectOsloTimes(calendar: ParsedCalendar) {
  for (const event of calendar.events) {
    expect(event.timeZone, event.uid).toBe("Europe/Oslo");
    expect(event.start.toISOString(), event.uid).toBe(portalLocalTimeToInstant(event.localStart)?.toISOString());
  }
}

test("member subscribes to her kaféer", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: "nn-NO" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.baseUrl });
  const page = await context.newPage();
  await signInAsDemo(page, memberKey);

  // The settings page links the calendar page.
  await page.goto("/settings");
  await page.getByRole("link", { name: text("calendar_settings_link") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("calendar_title"));
  await expect(page.getByText(text("calendar_link_warning"))).toBeVisible();
  await expect(page.getByRole("switch", { name: text("calendar_neutral_label") })).toBeChecked();

  // A link from an earlier run is stopped first, so the journey starts from none.
  if (await page.getByRole("link", { name: text("calendar_stop_link") }).isVisible()) {
    await page.getByRole("link", { name: text("calendar_stop_link") }).click();
    await page.getByRole("button", { name: text("calendar_stop_confirm") }).click();
  }
  await expect(page.getByText(text("calendar_link_none"))).toBeVisible();
  await page.getByRole("button", { name: text("calendar_link_create") }).click();
  await expect(page.getByRole("status").filter({ hasText: text("calendar_link_ready") })).toBeVisible();
  const firstLink = await shownLink(page);
  expect(firstLink.startsWith(`${e2e.baseUrl}/calendar/`)).toBe(true);

  await page.getByRole("button", { name: text("calendar_link_copy") }).click();
  await expect(page.getByText(text("calendar_link_copied"))).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstLink);

  // The feed, neutral: Multebær answered coming and maybe to the next two Bjørkelia kaféer.
  const neutralFeed = await fetchFeed(firstLink);
  expect(neutralFeed.status).toBe(200);
  expect(neutralFeed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(neutralFeed.headers["cache-control"]).toBe("private, no-store");
  expect(neutralFeed.headers["x-robots-tag"]).toBe("noindex, nofollow");
  const neutral = parseCalendar(neutralFeed.body);
  const upcoming = neutral.events.filter((event) => event.start.getTime() > Date.now());
  expect(upcoming.length).toBeGreaterThanOrEqual(2);
  expect(neutral.name).toBe(text("calendar_feed_name_neutral"));
  expect(neutral.refreshInterval).toBe("PT1H");
  expectOsloTimes(neutral);
  for (const event of neutral.events) {
    expect(event.summary).toBe("Avtale");
    expect(event.description).toBeNull();
    expect(event.location).toBeNull();
    expect(event.localStart.endsWith("T18:00")).toBe(true);
  }
  expect(neutralFeed.body).not.toContain("Bjørkelia");

  // Real titles when she turns neutral titles off.
  await page.getByRole("switch", { name: text("calendar_neutral_label") }).uncheck();
  await page.getByRole("button", { name: text("calendar_neutral_submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: text("calendar_neutral_saved_off") })).toBeVisible();
  const detailed = parseCalendar((await fetchFeed(firstLink)).body);
  expect(detailed.events.map((event) => event.uid)).toEqual(neutral.events.map((event) => event.uid));
  for (const event of detailed.events) {
    expect(event.summary).toContain("Bjørkelia");
    expect(event.location).not.toBeNull();
    expect(event.description).toContain(text("calendar_description_confidentiality"));
  }

  // One kafé as a download, while titles are detailed.
  const cafeId = upcoming[0]!.uid.split("@")[0]!;
  const download = await page.request.get(`/cafes/${cafeId}/calendar.ics`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toBe('attachment; filename="avtale.ics"');
  const file = parseCalendar(await download.text());
  expect(file.events.map((event) => event.uid)).toEqual([upcoming[0]!.uid]);
  expect(file.events[0]?.summary).toContain("Bjørkelia");
  expectOsloTimes(file);

  // Neutral again, and the download follows.
  await page.getByRole("switch", { name: text("calendar_neutral_label") }).check();
  await page.getByRole("button", { name: text("calendar_neutral_submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: text("calendar_neutral_saved_on") })).toBeVisible();
  const neutralFile = parseCalendar(await (await page.request.get(`/cafes/${cafeId}/calendar.ics`)).text());
  expect(neutralFile.events[0]?.summary).toBe("Avtale");

  // A new link: the old one stops working at once.
  await page.getByRole("link", { name: text("calendar_replace_link") }).click();
  await expect(page.getByRole("heading", { name: text("calendar_replace_heading") })).toBeVisible();
  await page.getByRole("button", { name: text("calendar_replace_confirm") }).click();
  await expect(page.getByRole("status").filter({ hasText: text("calendar_replaced") })).toBeVisible();
  const secondLink = await shownLink(page);
  expect(secondLink).not.toBe(firstLink);
  const oldFeed = await fetchFeed(firstLink);
  expect(oldFeed.status).toBe(404);
  expect(oldFeed.body).toBe("Not found\n");
  expect((await fetchFeed(secondLink)).status).toBe(200);

  // Stop sharing: the new link stops too.
  await page.getByRole("link", { name: text("calendar_stop_link") }).click();
  await page.getByRole("link", { name: text("calendar_cancel") }).click();
  await expect(page.getByRole("heading", { name: text("calendar_stop_heading") })).toHaveCount(0);
  await page.getByRole("link", { name: text("calendar_stop_link") }).click();
  await page.getByRole("button", { name: text("calendar_stop_confirm") }).click();
  await expect(page.getByRole("status").filter({ hasText: text("calendar_stopped") })).toBeVisible();
  await expect(page.getByText(text("calendar_link_none"))).toBeVisible();
  expect((await fetchFeed(secondLink)).status).toBe(404);

  await context.close();
});

test("settings page works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ locale: "nn-NO", javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAsDemo(page, memberKey);

  await page.goto("/settings/calendar");
  await page.getByRole("button", { name: text("calendar_link_create") }).click();
  const link = await shownLink(page);
  await expect(page.getByRole("button", { name: text("calendar_link_copy") })).toHaveCount(0);
  await page.getByRole("link", { name: text("calendar_stop_link") }).click();
  await page.getByRole("button", { name: text("calendar_stop_confirm") }).click();

  await expect(page.getByText(text("calendar_link_none"))).toBeVisible();
  expect((await fetchFeed(link)).status).toBe(404);
  await context.close();
});

/** Return the next last Sunday of March or October after now, when Oslo's clocks change, as "YYYY-MM-DD". */
function nextClockChangeDay(): string {
  const now = new Date();
  for (let monthsAhead = 0; monthsAhead < 13; monthsAhead++) {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1));
    if (first.getUTCMonth() !== 2 && first.getUTCMonth() !== 9) continue;
    const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    lastDay.setUTCDate(lastDay.getUTCDate() - lastDay.getUTCDay());
    if (lastDay.getTime() > now.getTime() + 8 * 86_400_000) return lastDay.toISOString().slice(0, 10);
  }
  throw new Error("No clock change within a year.");
}

/**
 * A host makes two kaféer at 18:00, a week before the next clock change and on
 * the day itself; Multebær answers both, and her feed, read with ical.js, has
 * both at 18:00 in Oslo with UTC times an hour apart.
 */
test("feed keeps 18:00 across a clock change", async ({ browser }) => {
  test.setTimeout(120_000);
  const changeDay = nextClockChangeDay();
  const weekBefore = new Date(Date.parse(`${changeDay}T12:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const title = `Kalenderkafé i Bjørkelia ${Date.now().toString(36)}`;

  const hostContext = await browser.newContext({ locale: "nb-NO" });
  const host = await hostContext.newPage();
  await signInAsDemo(host, "moderator-2");
  const cafeUrls: string[] = [];
  for (const date of [weekBefore, changeDay]) {
    await host.goto("/cafes/new");
    await host.getByLabel("Tittel").fill(`${title} ${date}`);
    await host.getByLabel("Sted", { exact: true }).fill("Frivilligsentralen");
    await host.getByLabel("Adresse").fill("Kirkevegen 4");
    await host.getByLabel("Én gang").check();
    await host.getByLabel("Dato", { exact: true }).fill(date);
    await host.getByLabel("Starttid").fill("18:00");
    await host.getByRole("button", { name: "Lag kaféen" }).click();
    await expect(host.getByRole("heading", { level: 1 })).toHaveText(`${title} ${date}`);
    cafeUrls.push(host.url().replace(/\?.*$/, ""));
  }
  await hostContext.close();

  const context = await browser.newContext({ locale: "nn-NO" });
  const page = await context.newPage();
  await signInAsDemo(page, memberKey);
  for (const url of cafeUrls) {
    await page.goto(url);
    await page.getByRole("button", { name: text("cafes_answer_coming"), exact: true }).click();
    await expect(page.getByRole("status")).toBeVisible();
  }

  await page.goto("/settings/calendar");
  await page.getByRole("button", { name: text("calendar_link_create") }).click();
  const feed = parseCalendar((await fetchFeed(await shownLink(page))).body);
  const ids = cafeUrls.map((url) => url.split("/").at(-1));
  const events = feed.events.filter((event) => ids.includes(event.uid.split("@")[0]));
  expect(events.map((event) => event.localStart)).toEqual([`${weekBefore}T18:00`, `${changeDay}T18:00`]);
  expectOsloTimes(feed);
  // Winter time is UTC+1 and summer time UTC+2, so the two starts differ by a week plus or minus an hour.
  const gapHours = (events[1]!.start.getTime() - events[0]!.start.getTime()) / 3_600_000;
  expect(Math.abs(gapHours - 7 * 24)).toBe(1);

  await page.getByRole("link", { name: text("calendar_stop_link") }).click();
  await page.getByRole("button", { name: text("calendar_stop_confirm") }).click();
  await expect(page.getByText(text("calendar_link_none"))).toBeVisible();
  await context.close();
});
