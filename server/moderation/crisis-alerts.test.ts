import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { createThread } from "../forum/create-thread";
import { editPost } from "../forum/edit-post";
import { getThreadPage } from "../forum/get-thread-page";
import { replyToThread } from "../forum/reply-to-thread";
import { forumPosts } from "../forum/schema";
import type { PersonActor } from "../identity/actor";
import { notifications } from "../notifications/schema";
import { approvePost } from "./approve-post";
import { getOwnCrisisAlert } from "./get-own-crisis-alert";
import { handleCrisisAlert } from "./handle-crisis-alert";
import { countOpenCrisisAlerts, listCrisisAlerts } from "./list-crisis-alerts";
import { countPendingPosts } from "./list-pending-posts";
import { crisisAlerts, moderationSettings, type ModeratedHoursWindow } from "./schema";
import { setModeratorDuty } from "./set-moderator-duty";

let crisisTextCount = 0;

/** Crisis language in a new wording each time: the same text twice within minutes returns the first post. */
function crisisText(): string {
  crisisTextCount += 1;
  return `Dag ${crisisTextCount}. Jeg orker ikke mer, jeg vil ikke leve lenger.`;
}
const allWeek: ModeratedHoursWindow[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" }));

describe.each(testEngines())("crisis alerts on %s", (engine) => {
  let database: TestDatabase;
  let writer: PersonActor;
  let reader: PersonActor;
  let moderator: PersonActor;
  let category: { id: string; slug: string };
  let threadId: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    writer = await createTestAccount(database, { roles: ["member"], pseudonym: "Tung dag" });
    reader = await createTestAccount(database, { roles: ["member"], pseudonym: "Lytter" });
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykt" });
    category = await createTestCategory(database);
    const thread = await createThread(database.db, reader, { kind: "category", categoryId: category.id }, { title: "Hvordan har dere det?", body: "Skriv gjerne.", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(thread.status);
    threadId = thread.threadId;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  beforeEach(async () => {
    await setModeratedHours(allWeek);
    await setModeratorDuty(database.db, moderator, false);
  });

  async function setModeratedHours(windows: ModeratedHoursWindow[]) {
    await database.db.update(moderationSettings).set({ moderatedHours: windows, approvalPostCount: 0 }).where(eq(moderationSettings.id, 1));
  }

  async function reply(author: PersonActor, body: string, key = formKey()) {
    const result = await replyToThread(database.db, author, threadId, { body, idempotencyKey: key });
    if (result.status !== "created") throw new Error(`Reply was not created: ${result.status}`);
    return result;
  }

  async function alertsOn(postId: string) {
    return database.db.select({ id: crisisAlerts.id, held: crisisAlerts.heldForModerator, categories: crisisAlerts.categories, writerId: crisisAlerts.writerId }).from(crisisAlerts).where(eq(crisisAlerts.postId, postId));
  }

  async function pendingReasonOf(postId: string) {
    const [row] = await database.db.select({ pendingReason: forumPosts.pendingReason }).from(forumPosts).where(eq(forumPosts.id, postId));
    return row?.pendingReason;
  }

  test("in hours the post goes live with an alert", async () => {
    const post = await reply(writer, crisisText());

    expect(post.crisisAlert).toBe(true);
    expect(await pendingReasonOf(post.postId)).toBeNull();
    const alerts = await alertsOn(post.postId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ held: false, writerId: writer.accountId });
    expect(alerts[0]!.categories).toContain("suicide");

    const page = await getThreadPage(database.db, reader, threadId, 1, "nb");
    if (page.status !== "found") throw new Error(page.status);
    expect(page.posts.find((shown) => shown.id === post.postId)?.state).toBe("published");
  });

  test("alert is audited without actor and notifies moderators", async () => {
    const post = await reply(writer, "Jeg har lyst til å kutte meg igjen.");
    const [alert] = await alertsOn(post.postId);

    const audits = await database.db.select({ actorId: auditEvents.actorId, details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.subjectId, alert!.id), eq(auditEvents.action, "moderation.crisis_alert_raised")));
    expect(audits).toEqual([{ actorId: null, details: { postId: post.postId, threadId, categories: "self_harm", held: false } }]);
    const sent = await database.db.select({ recipientId: notifications.recipientId }).from(notifications).where(and(eq(notifications.postId, post.postId), eq(notifications.kind, "moderation_crisis_alert")));
    expect(sent).toEqual([{ recipientId: moderator.accountId }]);
  });

  test("out of hours with nobody on duty the post waits", async () => {
    await setModeratedHours([]);

    const post = await reply(writer, crisisText());

    expect(post.crisisAlert).toBe(true);
    expect(await pendingReasonOf(post.postId)).toBe("crisis_out_of_hours");
    expect((await alertsOn(post.postId))[0]?.held).toBe(true);
    const othersPage = await getThreadPage(database.db, reader, threadId, 1, "nb");
    if (othersPage.status !== "found") throw new Error(othersPage.status);
    expect(othersPage.posts.map((shown) => shown.id)).not.toContain(post.postId);
    expect(await getOwnCrisisAlert(database.db, writer, post.postId)).toEqual({ status: "found", postId: post.postId, held: true });
    expect(await countPendingPosts(database.db, moderator)).toBeGreaterThan(0);

    expect((await approvePost(database.db, moderator, post.postId)).status).toBe("approved");
    expect(await pendingReasonOf(post.postId)).toBeNull();
  });

  test("out of hours a moderator on duty lets it go live", async () => {
    await setModeratedHours([]);
    await setModeratorDuty(database.db, moderator, true);

    const post = await reply(writer, crisisText());

    expect(await pendingReasonOf(post.postId)).toBeNull();
    expect((await alertsOn(post.postId))[0]?.held).toBe(false);
  });

  test("a paused moderator on duty does not count", async () => {
    await setModeratedHours([]);
    const paused = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Pauset" });
    await setModeratorDuty(database.db, paused, true);
    const { accounts } = await import("../identity/schema");
    await database.db.update(accounts).set({ pausedAt: new Date() }).where(eq(accounts.id, paused.accountId));

    const post = await reply(writer, crisisText());

    expect(await pendingReasonOf(post.postId)).toBe("crisis_out_of_hours");
  });

  test("a new thread with crisis language waits out of hours", async () => {
    await setModeratedHours([]);

    const thread = await createThread(database.db, writer, { kind: "category", categoryId: category.id }, { title: "Vil bare dø", body: "Orker ikke mer.", idempotencyKey: formKey() });

    expect(thread.status).toBe("created");
    if (thread.status !== "created") return;
    expect(await pendingReasonOf(thread.postId)).toBe("crisis_out_of_hours");
    expect(await getThreadPage(database.db, reader, thread.threadId, 1, "nb")).toEqual({ status: "not_found" });
  });

  test("double submit raises one alert", async () => {
    const key = formKey();
    const [first, second] = await Promise.all([reply(writer, "Jeg vil ikke leve lenger, ingen ville savnet meg.", key), reply(writer, "Jeg vil ikke leve lenger, ingen ville savnet meg.", key)]);

    expect(second.postId).toBe(first.postId);
    expect(await alertsOn(first.postId)).toHaveLength(1);
  });

  test("edit raises the first alert only", async () => {
    const post = await reply(writer, "Hei, takk for sist.");
    expect(await alertsOn(post.postId)).toEqual([]);

    const edited = await editPost(database.db, writer, post.postId, { body: crisisText() });
    const again = await editPost(database.db, writer, post.postId, { body: `${crisisText()} Vil bare dø.` });

    expect(edited).toMatchObject({ status: "saved", crisisAlert: true });
    expect(again).toMatchObject({ status: "saved", crisisAlert: false });
    expect(await alertsOn(post.postId)).toHaveLength(1);
  });

  test("plain text and negations raise none", async () => {
    const plain = await reply(writer, "I dag gikk jeg en lang tur.");
    const negated = await reply(writer, "Jeg vil ikke dø, jeg vil bare ha det bedre.");

    expect(plain.crisisAlert).toBeUndefined();
    expect(negated.crisisAlert).toBeUndefined();
    expect(await alertsOn(plain.postId)).toEqual([]);
    expect(await alertsOn(negated.postId)).toEqual([]);
  });

  test("quoted crisis words in a reply raise none", async () => {
    const post = await reply(reader, `> ${crisisText()}\n\nDu er ikke alene. Ring gjerne 116 123.`);

    expect(await alertsOn(post.postId)).toEqual([]);
  });

  test("moderator's own post raises none", async () => {
    await setModeratedHours([]);

    const post = await reply(moderator, "Har du tanker om å ta livet ditt? Ring 113.");

    expect(await alertsOn(post.postId)).toEqual([]);
    expect(await pendingReasonOf(post.postId)).toBeNull();
  });

  test("only the writer finds their alert", async () => {
    const post = await reply(writer, crisisText());

    expect(await getOwnCrisisAlert(database.db, writer, post.postId)).toEqual({ status: "found", postId: post.postId, held: false });
    expect(await getOwnCrisisAlert(database.db, reader, post.postId)).toEqual({ status: "none" });
    expect(await getOwnCrisisAlert(database.db, writer, "not-a-uuid")).toEqual({ status: "none" });
  });

  test("moderators list and follow up alerts once", async () => {
    const post = await reply(writer, crisisText());
    const [alert] = await alertsOn(post.postId);
    const openBefore = await countOpenCrisisAlerts(database.db, moderator);

    const listed = await listCrisisAlerts(database.db, moderator);
    if (listed.status !== "listed") throw new Error(listed.status);
    expect(listed.open[0]).toMatchObject({ id: alert!.id, writerPseudonym: "Tung dag", post: { id: post.postId, state: "live" } });
    expect(listed.open[0]!.post.bodyHtml).toContain("leve lenger");

    const [first, second] = await Promise.all([handleCrisisAlert(database.db, moderator, alert!.id), handleCrisisAlert(database.db, moderator, alert!.id)]);
    expect([first.status, second.status].sort()).toEqual(["already_handled", "handled"]);
    expect(await countOpenCrisisAlerts(database.db, moderator)).toBe(openBefore - 1);
    const audits = await database.db.select({ actorId: auditEvents.actorId }).from(auditEvents).where(and(eq(auditEvents.subjectId, alert!.id), eq(auditEvents.action, "moderation.crisis_alert_handled")));
    expect(audits).toEqual([{ actorId: moderator.accountId }]);

    const after = await listCrisisAlerts(database.db, moderator);
    if (after.status !== "listed") throw new Error(after.status);
    expect(after.open.map((shown) => shown.id)).not.toContain(alert!.id);
    expect(after.recentlyHandled.find((shown) => shown.id === alert!.id)?.handled?.byPseudonym).toBe("Fyrlykt");
  });

  test("members cannot see or handle alerts", async () => {
    const post = await reply(writer, crisisText());
    const [alert] = await alertsOn(post.postId);

    expect(await listCrisisAlerts(database.db, reader)).toEqual({ status: "not_found" });
    expect(await countOpenCrisisAlerts(database.db, reader)).toBe(0);
    expect(await handleCrisisAlert(database.db, writer, alert!.id)).toEqual({ status: "not_found" });
    expect(await handleCrisisAlert(database.db, moderator, "00000000-0000-4000-8000-000000000000")).toEqual({ status: "not_found" });
  });
});
