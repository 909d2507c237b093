import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, createTestClosedGroup, formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createThread } from "../forum/create-thread";
import { deletePost } from "../forum/delete-post";
import { replyToThread } from "../forum/reply-to-thread";
import { forumPosts } from "../forum/schema";
import type { PersonActor } from "../identity/actor";
import { getModerationOverview, markModerationSeen, type ModerationOverview } from "./get-moderation-overview";
import { crisisAlerts, forumPostReports, moderationSettings } from "./schema";

const HOUR = 60 * 60 * 1000;

describe.each(testEngines())("moderation overview on %s", (engine) => {
  let database: TestDatabase;
  let asker: PersonActor;
  let helper: PersonActor;
  let moderator: PersonActor;
  let category: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    asker = await createTestAccount(database, { roles: ["member"], pseudonym: "Spørjar" });
    helper = await createTestAccount(database, { roles: ["member"], pseudonym: "Hjelpar" });
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Losen" });
    category = await createTestCategory(database);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function startThread(author: PersonActor, title: string) {
    const result = await createThread(database.db, author, { kind: "category", categoryId: category.id }, { title, body: `${title}: hei.`, idempotencyKey: formKey() });
    if (result.status !== "created") throw new Error(`Thread was not created: ${result.status}`);
    return result;
  }

  async function reply(author: PersonActor, threadId: string, body: string) {
    const result = await replyToThread(database.db, author, threadId, { body, idempotencyKey: formKey() });
    if (result.status !== "created") throw new Error(`Reply was not created: ${result.status}`);
    return result;
  }

  async function overviewAt(now: Date): Promise<ModerationOverview> {
    const result = await getModerationOverview(database.db, moderator, now);
    if (result.status !== "found") throw new Error("The moderator was refused the overview.");
    return result.overview;
  }

  /** The unanswered entry of a thread a day and a bit from now, when every post here is older than the 24 hours. */
  async function unansweredEntry(threadId: string) {
    const overview = await overviewAt(new Date(Date.now() + 25 * HOUR));
    return overview.unanswered.find((entry) => entry.threadId === threadId);
  }

  test("a thread nobody has answered is listed with its opening post", async () => {
    const thread = await startThread(asker, "Ingen svar ennå");
    expect(await unansweredEntry(thread.threadId)).toMatchObject({ postId: thread.postId, position: 1, authorPseudonym: "Spørjar", threadTitle: "Ingen svar ennå" });
  });

  test("the author's own reply is no answer, and the first post of the run is listed", async () => {
    const thread = await startThread(asker, "Svarer meg selv");
    await reply(asker, thread.threadId, "Legger til litt mer.");
    expect(await unansweredEntry(thread.threadId)).toMatchObject({ postId: thread.postId, position: 1 });
  });

  test("a hidden reply is no answer", async () => {
    const thread = await startThread(asker, "Skjult svar");
    const hidden = await reply(helper, thread.threadId, "Et svar som blir skjult.");
    await database.db.update(forumPosts).set({ hiddenAt: new Date(), hiddenReason: "hurtful" }).where(eq(forumPosts.id, hidden.postId));
    expect(await unansweredEntry(thread.threadId)).toMatchObject({ postId: thread.postId });
  });

  test("a deleted reply is no answer", async () => {
    const thread = await startThread(asker, "Slettet svar");
    const deleted = await reply(helper, thread.threadId, "Et svar som blir slettet.");
    expect((await deletePost(database.db, helper, deleted.postId)).status).toBe("deleted");
    expect(await unansweredEntry(thread.threadId)).toMatchObject({ postId: thread.postId });
  });

  test("a reply waiting for approval is no answer", async () => {
    const thread = await startThread(asker, "Svar som venter");
    const waiting = await reply(helper, thread.threadId, "Et svar som venter på godkjenning.");
    await database.db.update(forumPosts).set({ pendingReason: "first_posts" }).where(eq(forumPosts.id, waiting.postId));
    expect(await unansweredEntry(thread.threadId)).toMatchObject({ postId: thread.postId });
  });

  test("a reply by another member answers", async () => {
    const thread = await startThread(asker, "Fikk svar");
    await reply(helper, thread.threadId, "Jeg kjenner meg igjen.");
    expect(await unansweredEntry(thread.threadId)).toBeUndefined();
  });

  test("a reply by a peer moderator answers", async () => {
    const thread = await startThread(asker, "Moderator svarte");
    await reply(moderator, thread.threadId, "Takk for at du deler.");
    expect(await unansweredEntry(thread.threadId)).toBeUndefined();
  });

  test("the author writing again after an answer waits anew from that post", async () => {
    const thread = await startThread(asker, "Nytt spørsmål etter svar");
    await reply(helper, thread.threadId, "Svar.");
    const again = await reply(asker, thread.threadId, "Takk, men hva med kveldene?");
    expect(await unansweredEntry(thread.threadId)).toMatchObject({ postId: again.postId, position: 3 });
  });

  test("a peer moderator's own thread without replies is not listed", async () => {
    const thread = await startThread(moderator, "Refleksjonsoppgave");
    expect(await unansweredEntry(thread.threadId)).toBeUndefined();
  });

  test("posts younger than the configured hours are not listed yet", async () => {
    const thread = await startThread(asker, "Helt ny");
    const soon = await overviewAt(new Date(Date.now() + 2 * HOUR));
    expect(soon.unanswered.some((entry) => entry.threadId === thread.threadId)).toBe(false);

    await database.db.update(moderationSettings).set({ unansweredAfterHours: 1 }).where(eq(moderationSettings.id, 1));
    try {
      const later = await overviewAt(new Date(Date.now() + 2 * HOUR));
      expect(later.unansweredAfterHours).toBe(1);
      expect(later.unanswered.some((entry) => entry.threadId === thread.threadId)).toBe(true);
    } finally {
      await database.db.update(moderationSettings).set({ unansweredAfterHours: 24 }).where(eq(moderationSettings.id, 1));
    }
  });

  test("closed-group threads are left out", async () => {
    const groupId = await createTestClosedGroup(database, [asker.accountId, helper.accountId]);
    const result = await createThread(database.db, asker, { kind: "group", groupId }, { title: "Bare for oss", body: "Hei gruppa.", idempotencyKey: formKey() });
    if (result.status !== "created") throw new Error(`Group thread was not created: ${result.status}`);
    expect(await unansweredEntry(result.threadId)).toBeUndefined();
  });

  test("unanswered posts come oldest first, and the count covers them all", async () => {
    const overview = await overviewAt(new Date(Date.now() + 25 * HOUR));
    const times = overview.unanswered.map((entry) => new Date(entry.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(overview.counts.unanswered).toBe(overview.unanswered.length);
  });

  test("new posts are those since the moderator marked them seen, without their own", async () => {
    const before = await startThread(asker, "Før jeg så");
    const first = await overviewAt(new Date());
    expect(first.newPosts.some((post) => post.postId === before.postId)).toBe(true);

    expect((await markModerationSeen(database.db, moderator, first.loadedAt.toISOString())).status).toBe("saved");
    const after = await startThread(asker, "Etter at jeg så");
    const own = await startThread(moderator, "Mitt eget");
    const second = await overviewAt(new Date());
    const ids = second.newPosts.map((post) => post.postId);
    expect(ids).toContain(after.postId);
    expect(ids).not.toContain(before.postId);
    expect(ids).not.toContain(own.postId);
    expect(second.counts.newPosts).toBe(second.newPosts.length);
  });

  test("a mark from the future is clamped to now, and an older mark never moves it back", async () => {
    const inFuture = new Date(Date.now() + 10 * HOUR).toISOString();
    await markModerationSeen(database.db, moderator, inFuture);
    const thread = await startThread(asker, "Etter et rart merke");
    expect((await overviewAt(new Date())).newPosts.some((post) => post.postId === thread.postId)).toBe(true);

    await markModerationSeen(database.db, moderator, new Date().toISOString());
    await markModerationSeen(database.db, moderator, new Date(Date.now() - 48 * HOUR).toISOString());
    expect((await overviewAt(new Date())).newPosts.some((post) => post.postId === thread.postId)).toBe(false);
  });

  test("open reports, posts for approval and crisis alerts are counted", async () => {
    const before = (await overviewAt(new Date())).counts;
    const thread = await startThread(asker, "Telles");
    await database.db.insert(forumPostReports).values([
      { postId: thread.postId, reporterId: helper.accountId, reason: "hurtful" },
      { postId: thread.postId, reporterId: moderator.accountId, reason: "other" },
    ]);
    await database.db.insert(crisisAlerts).values({ postId: thread.postId, writerId: asker.accountId, categories: ["crisis"], ruleIds: ["test"] });
    const waiting = await reply(asker, thread.threadId, "Venter.");
    await database.db.update(forumPosts).set({ pendingReason: "first_posts" }).where(eq(forumPosts.id, waiting.postId));

    const after = (await overviewAt(new Date())).counts;
    expect(after.reportedPosts - before.reportedPosts).toBe(1);
    expect(after.openCrisisAlerts - before.openCrisisAlerts).toBe(1);
    expect(after.pendingPosts - before.pendingPosts).toBe(1);
  });

  test("members, providers and administrators are refused", async () => {
    for (const roles of [["member"], ["provider"], ["administrator"], ["researcher"]] as const) {
      const person = await createTestAccount(database, { roles: [...roles] });
      expect((await getModerationOverview(database.db, person)).status).toBe("not_found");
      expect((await markModerationSeen(database.db, person, new Date().toISOString())).status).toBe("not_found");
    }
  });
});
