import { expect, test } from "@playwright/test";

import { demoCafeSeries } from "../../scripts/seed-demo-cafes";
import { demoForumId } from "../../scripts/seed-demo-forum";
import { instantToPortalLocalTime, portalLocalTimeToInstant } from "../../server/platform/portal-time";
import { readMailbox, setPortalClock, startClockPortal, waitForMailTo, type ClockPortal } from "./clock-portal";
import { e2e } from "./environment";
import { demoPerson, signInAsDemo } from "./support";

/**
 * Kafé reminders on a portal whose clock the journey moves: Sjøstjerne
 * (member-20) answered coming to the next Bjørkelia kafé in the demo data.
 * Cancellation notices are covered by the Vitest suite of the job handlers,
 * because the host's pages to cancel a kafé are not on this branch.
 */

const clockBaseUrl = `http://127.0.0.1:${e2e.clockPortalPort}`;
const minute = 60_000;

test.use({ baseURL: clockBaseUrl });
test.describe.configure({ mode: "serial" });

/**
 * Compute the next Bjørkelia kafé as the demo seed places it: the first Tuesday of a
 * month at 18:00 in Oslo, the first one after the seeding time.
 */
function nextBjorkeliaCafe(seededAt: Date): { id: string; startsAt: Date } {
  const series = demoCafeSeries.find((candidate) => candidate.community === "bjorkelia")!;
  const [year, month] = instantToPortalLocalTime(seededAt).slice(0, 7).split("-").map(Number) as [number, number];
  for (let offset = 0; offset < 3; offset++) {
    const first = new Date(Date.UTC(year, month - 1 + offset, 1));
    const firstWeekday = ((first.getUTCDay() + 6) % 7) + 1;
    const day = 1 + ((series.weekday - firstWeekday + 7) % 7) + 7 * (series.weekOfMonth - 1);
    const date = `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const startsAt = portalLocalTimeToInstant(`${date}T${series.startTime}`)!;
    if (startsAt.getTime() > seededAt.getTime()) return { id: demoForumId("cafe", `bjorkelia:${date}`), startsAt };
  }
  throw new Error("No Bjørkelia kafé within three months of seeding.");
}

let clockPortal: ClockPortal;
let seededAt: Date;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  seededAt = new Date();
  clockPortal = await startClockPortal();
});

test.afterAll(async () => {
  await clockPortal?.stop();
});

test("day-before reminder is neutral", async ({ page }) => {
  const member = demoPerson("member-20");
  const cafe = nextBjorkeliaCafe(seededAt);
  const series = demoCafeSeries.find((candidate) => candidate.community === "bjorkelia")!;
  // A kafé less than a day after seeding got no day-before reminder; the two-hour one is checked instead.
  const dayBefore = new Date(cafe.startsAt.getTime() - 24 * 60 * minute);
  const reminderTime = dayBefore.getTime() > seededAt.getTime() ? dayBefore : new Date(cafe.startsAt.getTime() - 120 * minute);

  const before = await readMailbox(member.email);
  const sentAfter = Date.now();
  const clock = await setPortalClock(clockPortal.baseUrl, new Date(reminderTime.getTime() + minute));
  expect(clock.jobsRun).toBeGreaterThan(0);

  const mail = await waitForMailTo(member.email, { after: sentAfter });
  expect(await readMailbox(member.email)).toHaveLength(before.length + 1);
  expect(mail.subject).toBe("Påminnelse om en avtale");
  expect(mail.text).toMatch(/Påminnelse: du har en avtale i ReConnect \S+ \d{1,2}\. \S+ kl\. 18:00\./);
  expect(mail.text).toContain(`${clockBaseUrl}/cafes/${cafe.id}`);
  for (const secret of [series.title, series.placeName, series.address, ...series.topics, "kafé", "Kafé"]) expect(mail.text).not.toContain(secret);
  expect(mail.subject).not.toContain("Kafé");

  // The settings page shows the default choices that produced this reminder.
  await signInAsDemo(page, "member-20");
  await page.goto("/settings/cafes");
  await expect(page.getByRole("heading", { level: 1, name: "Påminnelser om kaféer" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Dagen før (24 timer før)" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "To timer før" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Vis navn, sted og adresse i e-post og varsler" })).not.toBeChecked();
});

test("opt-in details and an extra reminder time", async ({ page }) => {
  const member = demoPerson("member-20");
  const cafe = nextBjorkeliaCafe(seededAt);
  const series = demoCafeSeries.find((candidate) => candidate.community === "bjorkelia")!;

  await signInAsDemo(page, "member-20");
  await page.goto("/settings/cafes");
  await page.getByRole("checkbox", { name: "En time før" }).check();
  await page.getByRole("checkbox", { name: "Vis navn, sted og adresse i e-post og varsler" }).check();
  await page.getByRole("button", { name: "Lagre påminnelser" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Valgene er lagret." })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "En time før" })).toBeChecked();

  // At one hour before, the two-hour reminder and the new one-hour reminder are both due.
  const sentAfter = Date.now();
  await setPortalClock(clockPortal.baseUrl, new Date(cafe.startsAt.getTime() - 60 * minute + minute));
  await expect.poll(async () => (await readMailbox(member.email)).filter((mail) => mail.receivedAt >= sentAfter).length).toBe(2);
  const mails = (await readMailbox(member.email)).filter((mail) => mail.receivedAt >= sentAfter);
  for (const mail of mails) {
    expect(mail.subject).toBe(`Påminnelse om en avtale: ${series.title}`);
    expect(mail.text).toContain(`Hva: ${series.title}`);
    expect(mail.text).toContain(`Hvor: ${series.placeName}, ${series.address}`);
    expect(mail.text).toContain(`${clockBaseUrl}/cafes/${cafe.id}`);
  }

  // Once the kafé has started, nothing more is sent.
  const afterStart = Date.now();
  await setPortalClock(clockPortal.baseUrl, new Date(cafe.startsAt.getTime() + 5 * minute));
  expect((await readMailbox(member.email)).filter((mail) => mail.receivedAt >= afterStart)).toHaveLength(0);
});

test("push button explains itself without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: clockBaseUrl, javaScriptEnabled: false, locale: "nb-NO" });
  const page = await context.newPage();
  await signInAsDemo(page, "member-20");
  await page.goto("/settings/cafes");
  await expect(page.locator("#push-status")).toHaveText("For å slå på varsler må nettleseren kjøre JavaScript. Du kan fortsatt få påminnelser på e-post og i ReConnect.");
  await expect(page.getByRole("button", { name: "Slå på varsler på denne enheten" })).toHaveCount(0);
  // The rest of the page is a plain form and still saves.
  await page.getByRole("checkbox", { name: "En uke før" }).check();
  await page.getByRole("button", { name: "Lagre påminnelser" }).click();
  await expect(page.getByText("Valgene er lagret.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "En uke før" })).toBeChecked();
  await context.close();
});

test("push button registers the service worker", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: clockBaseUrl, locale: "nb-NO" });
  await context.grantPermissions(["notifications"], { origin: clockBaseUrl });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await signInAsDemo(page, "member-20");
  await page.goto("/settings/cafes");

  const button = page.getByRole("button", { name: "Slå på varsler på denne enheten" });
  await expect(button).toBeVisible();
  await button.click();
  // The worker installs under the portal's content security policy. Subscribing itself needs the browser
  // vendor's push service, which this machine cannot reach, so the page must end in a state it explains.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.active?.scriptURL ?? null), { timeout: 15_000 }).toBe(`${clockBaseUrl}/sw.js`);
  await expect(page.locator("#push-status")).toHaveText(/^(Varsler er slått på for denne enheten\.|Vi fikk ikke slått på varsler\. Prøv igjen om litt\.)$/, { timeout: 20_000 });
  expect(cspViolations).toEqual([]);

  // Deliver a push message to the worker through Chromium's DevTools protocol, as a push service would.
  const session = await context.newCDPSession(page);
  const registrationIds: string[] = [];
  session.on("ServiceWorker.workerRegistrationUpdated", (event) => {
    for (const registration of event.registrations) {
      if (registration.scopeURL === `${clockBaseUrl}/` && !registration.isDeleted) registrationIds.push(registration.registrationId);
    }
  });
  await session.send("ServiceWorker.enable");
  await expect.poll(() => registrationIds.length).toBeGreaterThan(0);
  const message = { title: "Påminnelse fra ReConnect", body: "Påminnelse: du har en avtale i ReConnect tirsdag 5. januar kl. 18:00.", url: "/cafes/00000000-0000-4000-8000-000000000000" };
  await session.send("ServiceWorker.deliverPushMessage", { origin: clockBaseUrl, registrationId: registrationIds[0]!, data: JSON.stringify(message) });

  const shown = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration("/");
      const notifications = (await registration?.getNotifications()) ?? [];
      return notifications.map((notification) => ({ title: notification.title, body: notification.body, url: (notification.data as { url: string }).url }));
    });
  await expect.poll(shown).toEqual([{ title: message.title, body: message.body, url: `${clockBaseUrl}${message.url}` }]);

  // A message that points elsewhere opens the portal's front page instead.
  await session.send("ServiceWorker.deliverPushMessage", { origin: clockBaseUrl, registrationId: registrationIds[0]!, data: JSON.stringify({ ...message, url: "https://example.invalid/" }) });
  await expect.poll(async () => (await shown()).map((notification) => notification.url)).toContain(`${clockBaseUrl}/`);
  await context.close();
});
