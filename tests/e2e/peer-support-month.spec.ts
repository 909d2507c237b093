import { expect, test, type Browser, type Page } from "@playwright/test";

import { cafePaths } from "../../app/cafe-paths";
import nb from "../../messages/nb.json" with { type: "json" };
import { demoCafeSeries } from "../../scripts/seed-demo-cafes";
import { instantToPortalLocalTime } from "../../server/platform/portal-time";
import { nextDemoCafe } from "./cafe-company-support";
import { readMailbox, setPortalClock, startClockPortal, waitForMailTo, type ClockPortal } from "./clock-portal";
import { e2e } from "./environment";
import { demoPerson, escapeRegExp, identityCanaries, signInAsDemo } from "./support";

/**
 * The whole peer-support month in one run, on the demo data as `npm start`
 * seeds it, on a clock portal of its own (so cafe-reminders.spec.ts can use
 * the default one at the same time). Fyrlykta ("moderator") hosts the next
 * Bjørkelia kafé and writes a reflection exercise for it. Stille vann
 * (member-4, has posted before, so nothing waits for approval) and Lauvtre
 * (member-17) answer, walk in together, get reminded, are registered as
 * having come, and afterwards show each other their names and start a
 * closed group that Tranebær (member-18) cannot see.
 */
test.describe.configure({ mode: "serial" });

const portalPort = e2e.portalPort + 2;
const minute = 60_000;
const series = demoCafeSeries.find((candidate) => candidate.community === "bjorkelia")!;
const threadTitle = "Refleksjon før kafeen: hva gir deg håp?";
const replyText = "Det gir meg håp å gå en tur hver morgen. Jeg gleder meg til å treffe dere.";
const meetingPlace = "Benken ved biblioteket";
const companyMessage = "Så fint, jeg blir gjerne med deg inn.";
const groupThreadTitle = "Takk for sist!";
const groupThreadText = "Det var godt å se dere på kafeen. Skal vi gå sammen neste gang også?";

/** Return a Bokmål message with its {placeholders} filled in. */
function t(key: keyof typeof nb, values: Record<string, string> = {}): string {
  const text = nb[key];
  if (typeof text !== "string") throw new Error(`${key} is not a plain message.`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

function pseudonym(key: string): string {
  return demoPerson(key).pseudonym!;
}

async function comingCount(page: Page): Promise<number> {
  const text = await page.getByText(/^\d+ kommer$/).textContent();
  return Number(text?.split(" ")[0]);
}

async function expectNoRealNames(page: Page) {
  const html = await page.content();
  for (const canary of identityCanaries()) expect(html, `page shows ${canary}`).not.toContain(canary);
}

let clockPortal: ClockPortal;
let seededAt: Date;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  seededAt = new Date();
  clockPortal = await startClockPortal({ port: portalPort });
});

test.afterAll(async () => {
  await clockPortal?.stop();
});

test("whole peer-support month in one run", async ({ browser }) => {
  test.setTimeout(300_000);
  const cafe = nextDemoCafe("bjorkelia", seededAt);
  const cafePath = cafePaths.cafe(cafe.id);
  const keyA = "member-4";
  const keyB = "member-17";

  const openAs = async (owner: Browser, key: string) => {
    const context = await owner.newContext({ baseURL: clockPortal.baseUrl, locale: "nb-NO" });
    const page = await context.newPage();
    await signInAsDemo(page, key);
    return page;
  };
  const host = await openAs(browser, "moderator");
  const pageA = await openAs(browser, keyA);
  const pageB = await openAs(browser, keyB);

  // 1. The host writes a reflection exercise and links it to the next Bjørkelia kafé.
  await test.step("host links a reflection thread to the kafé", async () => {
    await host.goto("/forum");
    await host.getByRole("region", { name: "Kategorier" }).getByRole("link").first().click();
    await host.getByRole("link", { name: "Start en ny tråd" }).click();
    await host.getByRole("textbox", { name: "Tittel" }).fill(threadTitle);
    await host.getByRole("textbox", { name: "Innlegg" }).fill("Før kafeen: skriv gjerne noen ord om hva som gir deg håp i hverdagen. Små ting teller også.");
    await host.getByLabel(t("cafes_new_thread_link_label")).selectOption(cafe.id);
    await host.getByRole("button", { name: "Publiser tråden" }).click();
    await expect(host.getByRole("heading", { level: 1 })).toHaveText(threadTitle);
    await expect(host.getByText(t("cafes_thread_reflection_for"))).toBeVisible();
    await expect(host.getByRole("link", { name: new RegExp(`^${escapeRegExp(series.title)}, `) })).toHaveAttribute("href", cafePath);
  });

  // 2. Member A reads the thread, replies, follows the link to the kafé and answers coming.
  await test.step("member A replies and answers coming", async () => {
    await pageA.goto("/forum");
    await pageA.getByRole("region", { name: "Kategorier" }).getByRole("link").first().click();
    await pageA.getByRole("link", { name: threadTitle }).click();
    await expect(pageA.getByRole("heading", { level: 1 })).toHaveText(threadTitle);
    await pageA.getByRole("textbox", { name: "Innlegg" }).fill(replyText);
    await pageA.getByRole("button", { name: "Publiser svaret" }).click();
    await expect(pageA.getByRole("article").filter({ hasText: replyText })).toBeVisible();

    await pageA.getByRole("link", { name: new RegExp(`^${escapeRegExp(series.title)}, `) }).click();
    await expect(pageA.getByRole("heading", { level: 1 })).toHaveText(series.title);
    await expect(pageA.getByRole("link", { name: threadTitle })).toBeVisible();
    const before = await comingCount(pageA);
    await pageA.getByRole("button", { name: t("cafes_answer_coming"), exact: true }).click();
    await expect(pageA.getByRole("status")).toContainText("Svaret ditt er lagret");
    expect(await comingCount(pageA)).toBe(before + 1);
    await expect(pageA.getByRole("heading", { name: t("cafes_confidentiality_heading") })).toBeVisible();
    // Members see how many are coming, never who.
    const main = (await pageA.locator("main").textContent()) ?? "";
    for (const key of ["member-20", "member-21", "member-22", "member-23", "member-5"]) expect(main).not.toContain(pseudonym(key));
    await expectNoRealNames(pageA);
  });

  // 3. Member B answers coming and offers to walk in together, and A writes and goes along.
  const walkHeading = t("cafe_company_offer_walk", { place: meetingPlace });
  await test.step("members agree to walk in together", async () => {
    await pageB.goto(cafePath);
    await pageB.getByRole("button", { name: t("cafes_answer_coming"), exact: true }).click();
    await expect(pageB.getByTestId("own-answer")).toHaveText("Ditt svar: kommer");
    await pageB.getByRole("link", { name: t("cafes_go_together") }).click();
    await expect(pageB.getByRole("heading", { level: 1, name: t("cafe_company_title") })).toBeVisible();
    await pageB.getByLabel(t("cafe_company_direction_offer")).check();
    await pageB.getByLabel(t("cafe_company_kind_walk")).check();
    await pageB.getByLabel(t("cafe_company_place_label")).fill(meetingPlace);
    await pageB.getByLabel(t("cafe_company_meet_at_label")).fill(instantToPortalLocalTime(new Date(cafe.startsAt.getTime() - 20 * minute)));
    await pageB.getByLabel(t("cafe_company_note_label")).fill("Jeg venter på benken og går rolig.");
    await pageB.getByRole("button", { name: t("cafe_company_submit") }).click();
    await expect(pageB.getByRole("heading", { level: 1, name: walkHeading })).toBeVisible();
    await expect(pageB.getByText(t("cafe_company_notice_created"))).toBeVisible();

    await pageA.goto(cafePath);
    await pageA.getByRole("link", { name: t("cafes_go_together") }).click();
    const offer = pageA.getByRole("listitem").filter({ has: pageA.getByRole("link", { name: walkHeading }) });
    await expect(offer.getByText(t("cafe_company_by", { pseudonym: pseudonym(keyB) }), { exact: false })).toBeVisible();
    await offer.getByRole("link", { name: walkHeading }).click();
    await pageA.getByLabel(t("cafe_company_message_label")).fill(companyMessage);
    await pageA.getByRole("button", { name: t("cafe_company_message_send") }).click();
    await expect(pageA.locator("ol.company-messages").getByText(companyMessage)).toBeVisible();
    await pageA.getByRole("button", { name: t("cafe_company_accept_offer") }).click();
    await expect(pageA.getByText(t("cafe_company_notice_accepted", { author: pseudonym(keyB) }))).toBeVisible();
    await expectNoRealNames(pageA);

    await pageB.reload();
    await expect(pageB.locator("ol.company-messages").getByText(pseudonym(keyA))).toBeVisible();
    await expect(pageB.locator("ol.company-messages").getByText(companyMessage)).toBeVisible();
    await expect(pageB.locator("dl.company-details")).toContainText(pseudonym(keyA));
    await expectNoRealNames(pageB);
  });

  // 4. The day before, A's reminder arrives by e-mail: neutral, with a link to the kafé page.
  await test.step("day-before reminder reaches member A", async () => {
    const email = demoPerson(keyA).email;
    expect(await readMailbox(email, { port: portalPort })).toHaveLength(0);
    const sentAfter = Date.now();
    const clock = await setPortalClock(clockPortal.baseUrl, new Date(cafe.startsAt.getTime() - 24 * 60 * minute + minute));
    expect(clock.jobsRun).toBeGreaterThan(0);
    const mail = await waitForMailTo(email, { port: portalPort, after: sentAfter });
    expect(await readMailbox(email, { port: portalPort })).toHaveLength(1);
    expect(mail.subject).toBe("Påminnelse om en avtale");
    expect(mail.text).toMatch(/Påminnelse: du har en avtale i ReConnect \S+ \d{1,2}\. \S+ kl\. 18:00\./);
    const link = `${clockPortal.baseUrl}${cafePath}`;
    expect(mail.text).toContain(link);
    for (const secret of [series.title, series.placeName, series.address, ...series.topics, threadTitle, meetingPlace, "kafé", "Kafé"]) {
      expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
    }
    await pageA.goto(link);
    await expect(pageA.getByRole("heading", { level: 1 })).toHaveText(series.title);
    await expect(pageA.getByTestId("own-answer")).toHaveText("Ditt svar: kommer");

    // The same reminder waits in the portal's notifications, where the kafé may be named.
    await pageA.goto("/notifications");
    await expect(pageA.getByRole("link", { name: new RegExp(`^Påminnelse: ${escapeRegExp(series.title)} er `) })).toHaveAttribute("href", cafePath);
  });

  // 5. After the kafé the host registers who came.
  await test.step("host registers attendance", async () => {
    await setPortalClock(clockPortal.baseUrl, new Date(cafe.startsAt.getTime() + (series.durationMinutes + 30) * minute));
    await host.goto(cafePath);
    await host.getByRole("link", { name: t("cafes_attendance_link") }).click();
    await expect(host).toHaveURL(new RegExp(`${escapeRegExp(cafePaths.attendance(cafe.id))}$`));
    await expect(host.getByRole("heading", { level: 1 })).toHaveText(t("cafes_attendance_title"));
    const rowA = host.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(pseudonym(keyA))} \\(`) });
    const rowB = host.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(pseudonym(keyB))} \\(`) });
    await rowA.check();
    await rowB.check();
    await host.getByRole("button", { name: t("cafes_attendance_submit") }).click();
    await expect(host.getByRole("status")).toHaveText(t("cafes_attendance_saved"));
    await expect(rowA).toBeChecked();
    await expect(rowB).toBeChecked();
    await expectNoRealNames(host);

    // The two-hour reminder fell due after the start, so it sent nothing.
    expect(await readMailbox(demoPerson(keyA).email, { port: portalPort })).toHaveLength(1);
  });

  // 6. Afterwards A and B show each other their names and start a closed group.
  const groupName = "Vi som gikk sammen";
  await test.step("members reveal names and start a closed group", async () => {
    // B finds A through A's reply in the reflection thread.
    await pageB.goto(cafePath);
    await pageB.getByRole("link", { name: threadTitle }).click();
    await pageB.getByRole("article").filter({ hasText: replyText }).getByRole("link", { name: pseudonym(keyA) }).click();
    await expect(pageB.getByRole("heading", { level: 1 })).toHaveText(pseudonym(keyA));
    await pageB.getByRole("textbox", { name: t("forum_reveal_label") }).fill("Marte");
    await pageB.getByRole("button", { name: t("forum_reveal_submit") }).click();
    await expect(pageB.getByRole("status")).toHaveText(t("forum_notice_revealed", { pseudonym: pseudonym(keyA) }));

    // A sees the name among names shown to them, and shows theirs back.
    await pageA.goto("/forum/reveals");
    const received = pageA.getByRole("listitem").filter({ has: pageA.getByRole("link", { name: pseudonym(keyB) }) });
    await expect(received.getByText(t("forum_reveals_received_item", { name: "Marte" }))).toBeVisible();
    await received.getByRole("link", { name: pseudonym(keyB) }).click();
    await pageA.getByRole("textbox", { name: t("forum_reveal_label") }).fill("Jonas");
    await pageA.getByRole("button", { name: t("forum_reveal_submit") }).click();
    await expect(pageA.getByText(t("forum_member_mutual"))).toBeVisible();

    await pageA.goto("/forum/groups");
    await pageA.getByRole("textbox", { name: t("forum_groups_name_label") }).fill(groupName);
    await pageA.getByRole("checkbox", { name: t("forum_groups_invitee_option", { pseudonym: pseudonym(keyB), name: "Marte" }) }).check();
    await pageA.getByRole("button", { name: t("forum_groups_create_submit") }).click();
    await expect(pageA.getByRole("heading", { level: 1 })).toHaveText(groupName);
    const groupUrl = pageA.url().replace(/[?#].*$/, "");

    await pageB.goto("/forum/groups");
    await pageB.getByRole("button", { name: t("forum_groups_accept_label", { name: groupName }) }).click();
    await expect(pageB.getByRole("heading", { level: 1 })).toHaveText(groupName);
    await expect(pageB.getByText(t("forum_notice_group_joined"))).toBeVisible();

    await pageA.goto(groupUrl);
    await pageA.getByRole("link", { name: "Start en ny tråd" }).click();
    await pageA.getByRole("textbox", { name: "Tittel" }).fill(groupThreadTitle);
    await pageA.getByRole("textbox", { name: "Innlegg" }).fill(groupThreadText);
    await pageA.getByRole("button", { name: "Publiser tråden" }).click();
    await expect(pageA.getByRole("article").filter({ hasText: groupThreadText })).toBeVisible();
    const groupThreadUrl = pageA.url().replace(/[?#].*$/, "");

    await pageB.goto("/forum/groups");
    await pageB.getByRole("link", { name: groupName }).click();
    await pageB.getByRole("link", { name: groupThreadTitle }).click();
    await expect(pageB.getByRole("article").filter({ hasText: groupThreadText })).toBeVisible();
    await expectNoRealNames(pageB);

    // Tranebær belongs to Bjørkelia too, but finds neither the group nor its thread.
    const outsider = await openAs(browser, "member-18");
    await outsider.goto("/forum/groups");
    await expect(outsider.getByRole("main")).not.toContainText(groupName);
    expect((await outsider.goto(groupUrl))?.status()).toBe(404);
    expect((await outsider.goto(groupThreadUrl))?.status()).toBe(404);
    await outsider.goto(`/forum/search?q=${encodeURIComponent("neste gang")}`);
    await expect(outsider.getByRole("main")).not.toContainText(groupThreadTitle);
    await outsider.context().close();
  });

  await Promise.all([host.context().close(), pageA.context().close(), pageB.context().close()]);
});
