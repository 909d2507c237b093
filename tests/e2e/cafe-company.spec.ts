import { expect, test, type Browser, type Page } from "@playwright/test";

import { cafePaths } from "../../app/cafe-paths";
import nb from "../../messages/nb.json" with { type: "json" };
import { instantToPortalLocalTime } from "../../server/platform/portal-time";
import { nextDemoCafe } from "./cafe-company-support";
import { identityCanaries, signInAsDemo } from "./support";

/**
 * Going together and member-proposed meet-ups on the shared demo portal.
 * Furutopp (member-22) and Bekkesildre (member-23) answered coming to the
 * next Bjørkelia kafé; Lyngblom (member-5) already offers to walk in there.
 * Fyrlykta ("moderator") is the community's peer moderator.
 */
test.describe.configure({ mode: "serial" });

/** Return a Bokmål message with its {placeholders} filled in. */
function t(key: keyof typeof nb, values: Record<string, string> = {}): string {
  const text = nb[key];
  if (typeof text !== "string") throw new Error(`${key} is not a plain message.`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

async function signedInPage(browser: Browser, key: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, key);
  return page;
}

async function expectNoRealNames(page: Page) {
  const html = await page.content();
  for (const canary of identityCanaries()) expect(html, `page shows ${canary}`).not.toContain(canary);
}

const cafe = nextDemoCafe("bjorkelia");
const meetingPlace = `Ved fontenen ${Date.now().toString(36)}`;
const walkHeading = t("cafe_company_offer_walk", { place: meetingPlace });
let offerPath = "";
let meetupId = "";
const meetupTitle = `Tur og en prat ${Date.now().toString(36)}`;
const declinedTitle = `Kaffe i parken ${Date.now().toString(36)}`;
const declineNote = "Takk for forslaget! Parken er stengt for vedlikehold den uka. Foreslå gjerne en annen dag.";

test("member offers to walk together", async ({ browser }) => {
  const page = await signedInPage(browser, "member-22");
  await page.goto(cafePaths.company(cafe.id));
  await expect(page.getByRole("heading", { level: 1, name: t("cafe_company_title") })).toBeVisible();
  await expect(page.getByText(t("cafe_company_host_note"))).toBeVisible();
  // The seeded offer is shown under Lyngblom's pseudonym.
  await expect(page.getByRole("link", { name: t("cafe_company_offer_walk", { place: "Benken ved busstoppet på torget" }) })).toBeVisible();
  await expect(page.getByText(t("cafe_company_by", { pseudonym: "Lyngblom" }), { exact: false })).toBeVisible();

  // A meeting place left empty is an error next to the field, and the time typed stays.
  const meetAt = instantToPortalLocalTime(new Date(cafe.startsAt.getTime() - 30 * 60_000));
  await page.getByLabel(t("cafe_company_meet_at_label")).fill(meetAt);
  await page.getByRole("button", { name: t("cafe_company_submit") }).click();
  await expect(page.getByText(t("cafe_company_error_place_missing"))).toBeVisible();
  await expect(page.getByLabel(t("cafe_company_meet_at_label"))).toHaveValue(meetAt);

  await page.getByLabel(t("cafe_company_direction_offer")).check();
  await page.getByLabel(t("cafe_company_kind_walk")).check();
  await page.getByLabel(t("cafe_company_place_label")).fill(meetingPlace);
  await page.getByLabel(t("cafe_company_note_label")).fill("Jeg går rolig, og venter gjerne.");
  await page.getByRole("button", { name: t("cafe_company_submit") }).click();

  await expect(page.getByRole("heading", { level: 1, name: walkHeading })).toBeVisible();
  await expect(page.getByText(t("cafe_company_notice_created"))).toBeVisible();
  offerPath = new URL(page.url()).pathname;
  expect(offerPath).toMatch(/^\/cafes\/company\/[0-9a-f-]{36}$/);
  await expectNoRealNames(page);
  await page.context().close();
});

test("second member writes and goes along", async ({ browser }) => {
  const page = await signedInPage(browser, "member-23");
  await page.goto(cafePaths.company(cafe.id));
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: walkHeading }) });
  await expect(item.getByText(t("cafe_company_by", { pseudonym: "Furutopp" }), { exact: false })).toBeVisible();
  await item.getByRole("link", { name: walkHeading }).click();
  await expect(page.getByRole("heading", { level: 1, name: walkHeading })).toBeVisible();

  // The identity guard points at a phone number before the message is sent.
  const message = page.getByLabel(t("cafe_company_message_label"));
  await message.fill("Ring meg på 912 34 567 om du vil.");
  await page.getByRole("button", { name: t("cafe_company_message_send") }).click();
  await expect(page.getByRole("heading", { name: nb.forum_guard_heading })).toBeVisible();
  await expect(page.getByRole("button", { name: t("cafe_company_message_send_anyway") })).toBeVisible();
  await page.getByLabel(t("cafe_company_message_label")).fill("Så fint! Jeg blir gjerne med deg.");
  await page.getByRole("button", { name: t("cafe_company_message_check_again") }).click();
  await expect(page.getByText("Så fint! Jeg blir gjerne med deg.")).toBeVisible();
  await expect(page.getByText("Ring meg på")).toHaveCount(0);

  await page.getByRole("button", { name: t("cafe_company_accept_offer") }).click();
  await expect(page.getByText(t("cafe_company_notice_accepted", { author: "Furutopp" }))).toBeVisible();
  await expect(page.getByRole("button", { name: t("cafe_company_withdraw") })).toBeVisible();
  await expectNoRealNames(page);
  await page.context().close();
});

test("author sees message and companion", async ({ browser }) => {
  const page = await signedInPage(browser, "member-22");
  await page.goto(offerPath);
  const messages = page.locator("ol.company-messages");
  await expect(messages.getByText("Bekkesildre")).toBeVisible();
  await expect(messages.getByText("Så fint! Jeg blir gjerne med deg.")).toBeVisible();
  await expect(page.locator("dl.company-details")).toContainText("Bekkesildre");
  await expect(page.getByRole("button", { name: t("cafe_company_close") })).toBeVisible();
  await page.context().close();
});

test("moderator helps in the thread", async ({ browser }) => {
  const page = await signedInPage(browser, "moderator");
  await page.goto(cafePaths.company(cafe.id));
  await expect(page.getByText(t("cafe_company_moderator_note")).first()).toBeVisible();
  await page.getByRole("link", { name: walkHeading }).click();
  await expect(page.locator("dl.company-details")).toContainText("Bekkesildre");
  await page.getByLabel(t("cafe_company_message_label")).fill("Fyrlykta kan hjelpe dere å finne flere å gå sammen med.");
  await page.getByRole("button", { name: t("cafe_company_message_send") }).click();
  const written = page.locator("ol.company-messages li").filter({ hasText: "Fyrlykta kan hjelpe dere" });
  await expect(written.getByText(t("cafe_company_moderator_tag"))).toBeVisible();
  await page.context().close();

  // The author sees the moderator's words marked as a peer moderator's.
  const author = await signedInPage(browser, "member-22");
  await author.goto(offerPath);
  await expect(author.locator("ol.company-messages li").filter({ hasText: "Fyrlykta kan hjelpe dere" }).getByText("Fyrlykta", { exact: true })).toBeVisible();
  await author.context().close();
});

test("non-answering member gets not found", async ({ browser }) => {
  // Fjellrev belongs to Bjørkelia but has not answered the next kafé.
  const page = await signedInPage(browser, "member-2");
  const list = await page.goto(cafePaths.company(cafe.id));
  expect(list?.status()).toBe(404);
  await expect(page.getByText(meetingPlace)).toHaveCount(0);
  const offer = await page.goto(offerPath);
  expect(offer?.status()).toBe(404);
  await expect(page.getByText("Så fint!")).toHaveCount(0);
  await page.context().close();
});

test("member proposes a walk meet-up", async ({ browser }) => {
  const page = await signedInPage(browser, "member-23");
  await page.goto(cafePaths.propose());
  await expect(page.getByRole("heading", { level: 1, name: t("meetup_propose_title") })).toBeVisible();
  const kinds = page.getByRole("group", { name: t("meetup_kind_legend") });
  await expect(kinds.getByLabel(t("meetup_kind_coffee"), { exact: true })).toBeChecked();
  await kinds.getByLabel(t("meetup_kind_walk"), { exact: true }).check();

  // A time in the past is refused next to the field, and the title typed stays.
  await page.getByLabel(t("meetup_title_label")).fill(meetupTitle);
  await page.getByLabel(t("meetup_starts_at_label")).fill(instantToPortalLocalTime(new Date(Date.now() - 86_400_000)));
  await page.getByRole("button", { name: t("meetup_submit") }).click();
  await expect(page.getByText(t("meetup_error_starts_at_past"))).toBeVisible();
  await expect(page.getByLabel(t("meetup_title_label"))).toHaveValue(meetupTitle);
  await expect(kinds.getByLabel(t("meetup_kind_walk"), { exact: true })).toBeChecked();

  const startsAt = new Date(Date.now() + 5 * 86_400_000);
  await page.getByLabel(t("meetup_starts_at_label")).fill(`${instantToPortalLocalTime(startsAt).slice(0, 10)}T12:00`);
  await page.getByLabel(t("meetup_duration_label")).selectOption("90");
  await page.getByLabel(t("meetup_place_name_label")).fill("Ved torget");
  await page.getByLabel(t("meetup_address_label")).fill("Torget 1, Bjørkelia");
  await page.getByLabel(t("meetup_capacity_label")).fill("5");
  await page.getByLabel(t("meetup_topic_label")).fill("En rolig tur rundt vannet og en prat.");
  await page.getByRole("button", { name: t("meetup_submit") }).click();

  await expect(page.getByText(t("meetup_notice_proposed"))).toBeVisible();
  const own = page.getByRole("listitem").filter({ hasText: meetupTitle });
  await expect(own.getByText(t("meetup_status_pending"))).toBeVisible();
  await expect(own.getByText(t("meetup_kind_walk"), { exact: true })).toBeVisible();
  const href = await own.getByRole("link", { name: meetupTitle }).getAttribute("href");
  meetupId = href!.split("/").pop()!;
  expect(meetupId).toMatch(/^[0-9a-f-]{36}$/);
  await page.context().close();

  // Nobody else in the community finds it yet: not even its going-together page.
  const other = await signedInPage(browser, "member-22");
  expect((await other.goto(cafePaths.company(meetupId)))?.status()).toBe(404);
  await other.goto(cafePaths.propose());
  await expect(other.getByText(meetupTitle)).toHaveCount(0);
  await other.context().close();
});

test("moderator approves the meet-up", async ({ browser }) => {
  const page = await signedInPage(browser, "moderator");
  await page.goto("/moderation");
  await page.getByRole("link", { name: /forslag til treff venter/ }).click();
  await expect(page).toHaveURL(/\/moderation\/meetups$/);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: meetupTitle }) });
  await expect(item.getByText(t("meetup_proposed_by", { pseudonym: "Bekkesildre", community: "Bjørkelia" }))).toBeVisible();
  await expect(item.getByText(t("meetup_kind_walk"), { exact: true })).toBeVisible();
  // The member's own seeded proposal stays waiting for the lead's journey.
  await expect(page.getByRole("heading", { name: "Kaffe på torget" })).toBeVisible();
  await item.getByRole("button", { name: t("meetup_approve") }).click();
  await expect(page.getByText(t("meetup_notice_approved"))).toBeVisible();
  await expect(page.getByRole("heading", { name: meetupTitle })).toHaveCount(0);
  await expectNoRealNames(page);
  await page.context().close();

  const proposer = await signedInPage(browser, "member-23");
  await proposer.goto(cafePaths.propose());
  await expect(proposer.getByRole("listitem").filter({ hasText: meetupTitle }).getByText(t("meetup_status_approved"))).toBeVisible();
  await proposer.context().close();
});

test("moderator declines with a note", async ({ browser }) => {
  const page = await signedInPage(browser, "member-23");
  await page.goto(cafePaths.propose());
  // Coffee is chosen unless the member picks another kind.
  await expect(page.getByRole("group", { name: t("meetup_kind_legend") }).getByLabel(t("meetup_kind_coffee"), { exact: true })).toBeChecked();
  await page.getByLabel(t("meetup_title_label")).fill(declinedTitle);
  await page.getByLabel(t("meetup_starts_at_label")).fill(`${instantToPortalLocalTime(new Date(Date.now() + 6 * 86_400_000)).slice(0, 10)}T14:00`);
  await page.getByLabel(t("meetup_place_name_label")).fill("Parken");
  await page.getByLabel(t("meetup_address_label")).fill("Parkveien 3, Bjørkelia");
  await page.getByRole("button", { name: t("meetup_submit") }).click();
  await expect(page.getByText(t("meetup_notice_proposed"))).toBeVisible();
  await page.context().close();

  const moderator = await signedInPage(browser, "moderator");
  await moderator.goto(cafePaths.meetupApprovals());
  const item = moderator.getByRole("listitem").filter({ has: moderator.getByRole("heading", { name: declinedTitle }) });
  await expect(item.getByText(t("meetup_kind_coffee"), { exact: true })).toBeVisible();
  // The field stops typing at the limit, so lift it to send a note that is too long:
  // the error comes back to this meet-up's form only, with the text kept.
  const tooLong = `${declineNote} `.repeat(6);
  const noteField = item.getByLabel(t("meetup_decision_note_label"));
  await noteField.evaluate((textarea) => textarea.removeAttribute("maxlength"));
  await noteField.fill(tooLong);
  await item.getByRole("button", { name: t("meetup_decline") }).click();
  const tooLongError = t("meetup_error_too_long", { max: "500" });
  await expect(item.getByText(tooLongError)).toBeVisible();
  await expect(item.getByLabel(t("meetup_decision_note_label"))).toHaveValue(tooLong);
  await expect(moderator.getByText(tooLongError)).toHaveCount(1);
  await item.getByLabel(t("meetup_decision_note_label")).fill(declineNote);
  await item.getByRole("button", { name: t("meetup_decline") }).click();
  await expect(moderator.getByText(t("meetup_notice_declined"))).toBeVisible();
  await expect(moderator.getByRole("heading", { name: declinedTitle })).toHaveCount(0);
  // The seeded proposal is still waiting, untouched.
  await expect(moderator.getByRole("heading", { name: "Kaffe på torget" })).toBeVisible();
  await moderator.context().close();

  // The proposer finds the note under the declined proposal on their proposal page.
  const proposer = await signedInPage(browser, "member-23");
  await proposer.goto(cafePaths.propose());
  const own = proposer.getByRole("listitem").filter({ hasText: declinedTitle });
  await expect(own.getByText(t("meetup_status_declined"))).toBeVisible();
  await expect(own.getByText(t("meetup_decision_note_heading"))).toBeVisible();
  await expect(own.getByText(declineNote)).toBeVisible();
  await expectNoRealNames(proposer);
  await proposer.context().close();

  // Another member sees neither the declined proposal nor its note.
  const other = await signedInPage(browser, "member-22");
  await other.goto(cafePaths.propose());
  await expect(other.getByText(declinedTitle)).toHaveCount(0);
  await expect(other.getByText(declineNote)).toHaveCount(0);
  await other.context().close();
});
