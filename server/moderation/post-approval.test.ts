import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, createTestClosedGroup, formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { createThread } from "../forum/create-thread";
import { deletePost } from "../forum/delete-post";
import { getThreadPage } from "../forum/get-thread-page";
import { listCategoryThreads } from "../forum/list-category-threads";
import { replyToThread } from "../forum/reply-to-thread";
import { forumPosts, forumThreads } from "../forum/schema";
import { searchForum } from "../forum/search-forum";
import type { PersonActor } from "../identity/actor";
import { listNotifications } from "../notifications/list-notifications";
import { notifications } from "../notifications/schema";
import { approvePost } from "./approve-post";
import { declinePost } from "./decline-post";
import { countPendingPosts, listPendingPosts } from "./list-pending-posts";
import { moderationSettings } from "./schema";

describe.each(testEngines())("post approval on %s", (engine) => {
  let database: TestDatabase;
  let veteran: PersonActor;
  let moderator: PersonActor;
  let secondModerator: PersonActor;
  let category: { id: string; slug: string };
  let threadId: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    veteran = await createTestAccount(database, { roles: ["member"], pseudonym: "Gammel traver" });
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykt" });
    secondModerator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Varde" });
    category = await createTestCategory(database);
    const thread = await createThread(database.db, veteran, { kind: "category", categoryId: category.id }, { title: "Velkommen hit", body: "Si gjerne hei.", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(thread.status);
    threadId = thread.threadId;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  beforeEach(async () => {
    await setApprovalCount(0);
  });

  async function setApprovalCount(count: number) {
    await database.db.update(moderationSettings).set({ approvalPostCount: count }).where(eq(moderationSettings.id, 1));
  }

  async function newMember(pseudonym: string) {
    return createTestAccount(database, { roles: ["member"], pseudonym });
  }

  async function reply(author: PersonActor, body: string, inThread = threadId) {
    const result = await replyToThread(database.db, author, inThread, { body, idempotencyKey: formKey() });
    if (result.status !== "created") throw new Error(`Reply was not created: ${result.status}`);
    return result;
  }

  async function pendingReasonOf(postId: string) {
    const [row] = await database.db.select({ pendingReason: forumPosts.pendingReason }).from(forumPosts).where(eq(forumPosts.id, postId));
    return row?.pendingReason;
  }

  async function threadRow(id = threadId) {
    const [row] = await database.db.select({ replyCount: forumThreads.replyCount, lastPostedAt: forumThreads.lastPostedAt, pendingAt: forumThreads.pendingAt }).from(forumThreads).where(eq(forumThreads.id, id));
    return row!;
  }

  test("approval count 0 lets first post go live", async () => {
    const member = await newMember("Nykomling null");

    const post = await reply(member, "Hei, jeg er ny her.");

    expect(await pendingReasonOf(post.postId)).toBeNull();
  });

  test("count 2 holds first two posts, third goes live after approval", async () => {
    await setApprovalCount(2);
    const member = await newMember("Nykomling to");

    const first = await reply(member, "Mitt første innlegg.");
    const second = await reply(member, "Mitt andre innlegg.");
    const thirdWhileWaiting = await reply(member, "Tredje mens de andre venter.");
    expect(await pendingReasonOf(first.postId)).toBe("first_posts");
    expect(await pendingReasonOf(second.postId)).toBe("first_posts");
    expect(await pendingReasonOf(thirdWhileWaiting.postId)).toBe("first_posts");

    expect((await approvePost(database.db, moderator, first.postId)).status).toBe("approved");
    expect((await approvePost(database.db, moderator, second.postId)).status).toBe("approved");
    const fourth = await reply(member, "Nå er jeg kjent.");
    expect(await pendingReasonOf(fourth.postId)).toBeNull();
  });

  test("declined posts do not count as approved", async () => {
    await setApprovalCount(1);
    const member = await newMember("Avslått");

    const first = await reply(member, "Kjøp billig her.");
    expect((await declinePost(database.db, moderator, first.postId, { reason: "advertising" })).status).toBe("declined");
    const second = await reply(member, "Beklager, nytt forsøk.");

    expect(await pendingReasonOf(second.postId)).toBe("first_posts");
  });

  test("deleted live posts still count as approved", async () => {
    await setApprovalCount(1);
    const member = await newMember("Angrer");
    await setApprovalCount(0);
    const live = await reply(member, "Dette sletter jeg snart.");
    await deletePost(database.db, member, live.postId);
    await setApprovalCount(1);

    const next = await reply(member, "Et nytt innlegg.");

    expect(await pendingReasonOf(next.postId)).toBeNull();
  });

  test("peer moderator's posts never wait", async () => {
    await setApprovalCount(5);
    const newModerator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Ny moderator" });

    const post = await reply(newModerator, "Velkommen alle nye.");

    expect(await pendingReasonOf(post.postId)).toBeNull();
  });

  test("posts in closed groups do not wait", async () => {
    await setApprovalCount(3);
    const member = await newMember("Gruppemedlem");
    const groupId = await createTestClosedGroup(database, [member.accountId, veteran.accountId]);

    const thread = await createThread(database.db, member, { kind: "group", groupId }, { title: "Bare oss", body: "Hei dere.", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(thread.status);

    expect(await pendingReasonOf(thread.postId)).toBeNull();
  });

  test("pending reply leaves thread activity and notifications alone", async () => {
    await setApprovalCount(1);
    const member = await newMember("Stillferdig");
    const before = await threadRow();

    const post = await reply(member, "Hei @Gammel traver, takk for tråden.");

    const after = await threadRow();
    expect(after.replyCount).toBe(before.replyCount);
    expect(after.lastPostedAt).toEqual(before.lastPostedAt);
    const sent = await database.db.select({ kind: notifications.kind, recipientId: notifications.recipientId }).from(notifications).where(eq(notifications.postId, post.postId));
    expect(sent.filter((row) => row.kind.startsWith("forum_"))).toEqual([]);
    const toModerators = sent.filter((row) => row.kind === "moderation_pending_post").map((row) => row.recipientId);
    expect(toModerators).toEqual(expect.arrayContaining([moderator.accountId, secondModerator.accountId]));
    expect(toModerators).not.toContain(member.accountId);
  });

  test("pending post is invisible to others", async () => {
    await setApprovalCount(1);
    const member = await newMember("Usynlig");
    const post = await reply(member, "Unikordet sjøsprøyt venter.");
    const thread = await createThread(database.db, member, { kind: "category", categoryId: category.id }, { title: "Ventende tråd", body: "Unikordet morgendis venter.", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(thread.status);

    const othersPage = await getThreadPage(database.db, veteran, threadId, 1, "nb");
    if (othersPage.status !== "found") throw new Error(othersPage.status);
    expect(othersPage.posts.map((shown) => shown.id)).not.toContain(post.postId);
    expect(await getThreadPage(database.db, veteran, thread.threadId, 1, "nb")).toEqual({ status: "not_found" });
    expect(await getThreadPage(database.db, moderator, thread.threadId, 1, "nb")).toEqual({ status: "not_found" });

    const list = await listCategoryThreads(database.db, veteran, category.slug, "nb");
    if (list.status !== "found") throw new Error(list.status);
    expect(list.threads.map((listed) => listed.id)).not.toContain(thread.threadId);

    for (const query of ["sjøsprøyt", "morgendis", "Ventende"]) {
      const found = await searchForum(database.db, veteran, { query, page: 1 }, "nb");
      if (found.status !== "searched") throw new Error(found.status);
      expect(found.results, query).toEqual([]);
    }

    const ownPage = await getThreadPage(database.db, member, threadId, 1, "nb");
    if (ownPage.status !== "found") throw new Error(ownPage.status);
    const own = ownPage.posts.find((shown) => shown.id === post.postId);
    expect(own?.state).toBe("pending");
    expect(own?.pendingReason).toBe("first_posts");
    expect(own?.bodyHtml).toContain("sjøsprøyt");
    expect((await getThreadPage(database.db, member, thread.threadId, 1, "nb")).status).toBe("found");
  });

  test("approve publishes and notifies once on double approve", async () => {
    await setApprovalCount(1);
    const member = await newMember("Godkjent");
    const post = await reply(member, "Hei @Gammel traver, jeg er ny.");
    const before = await threadRow();

    const [first, second] = await Promise.all([approvePost(database.db, moderator, post.postId), approvePost(database.db, secondModerator, post.postId)]);
    const third = await approvePost(database.db, moderator, post.postId);

    expect([first.status, second.status].sort()).toEqual(["already_live", "approved"]);
    expect(third.status).toBe("already_live");
    expect(await pendingReasonOf(post.postId)).toBeNull();
    const after = await threadRow();
    expect(after.replyCount).toBe(before.replyCount + 1);
    expect(after.lastPostedAt.getTime()).toBeGreaterThan(before.lastPostedAt.getTime());

    const sent = await database.db.select({ kind: notifications.kind, recipientId: notifications.recipientId }).from(notifications).where(eq(notifications.postId, post.postId));
    expect(sent.filter((row) => row.kind === "forum_mention")).toEqual([{ kind: "forum_mention", recipientId: veteran.accountId }]);
    expect(sent.filter((row) => row.kind === "moderation_post_approved")).toEqual([{ kind: "moderation_post_approved", recipientId: member.accountId }]);
    const audits = await database.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.subjectId, post.postId), eq(auditEvents.action, "moderation.post_approved")));
    expect(audits).toHaveLength(1);

    const seen = await listNotifications(database.db, veteran);
    expect(seen.some((shown) => shown.post?.id === post.postId)).toBe(true);
    const page = await getThreadPage(database.db, veteran, threadId, 1, "nb");
    if (page.status !== "found") throw new Error(page.status);
    expect(page.posts.find((shown) => shown.id === post.postId)?.state).toBe("published");
  });

  test("approving an opening post makes its thread visible", async () => {
    await setApprovalCount(1);
    const member = await newMember("Trådstarter");
    const thread = await createThread(database.db, member, { kind: "category", categoryId: category.id }, { title: "Min første tråd", body: "Hei alle.", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(thread.status);
    expect((await threadRow(thread.threadId)).pendingAt).not.toBeNull();

    await approvePost(database.db, moderator, thread.postId);

    expect((await threadRow(thread.threadId)).pendingAt).toBeNull();
    expect((await getThreadPage(database.db, veteran, thread.threadId, 1, "nb")).status).toBe("found");
  });

  test("declined post stays hidden from others", async () => {
    await setApprovalCount(1);
    const member = await newMember("Nektet");
    const post = await reply(member, "Ring meg på 99 99 99 99.");

    expect(await declinePost(database.db, moderator, post.postId, { reason: "nonsense" })).toEqual({ status: "invalid", error: "reason_missing" });
    expect((await declinePost(database.db, moderator, post.postId, { reason: "identifying" })).status).toBe("declined");
    expect((await declinePost(database.db, moderator, post.postId, { reason: "identifying" })).status).toBe("already_decided");
    expect((await approvePost(database.db, moderator, post.postId)).status).toBe("not_found");

    const othersPage = await getThreadPage(database.db, veteran, threadId, 1, "nb");
    if (othersPage.status !== "found") throw new Error(othersPage.status);
    expect(othersPage.posts.map((shown) => shown.id)).not.toContain(post.postId);
    const ownPage = await getThreadPage(database.db, member, threadId, 1, "nb");
    if (ownPage.status !== "found") throw new Error(ownPage.status);
    expect(ownPage.posts.find((shown) => shown.id === post.postId)?.state).toBe("hidden");
    const audits = await database.db.select({ details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.subjectId, post.postId), eq(auditEvents.action, "moderation.post_hidden")));
    expect(audits.map((row) => row.details)).toEqual([{ threadId, reason: "identifying", trigger: "approval", pendingReason: "first_posts" }]);
  });

  test("queue lists waiting posts oldest first for moderators only", async () => {
    await setApprovalCount(1);
    const member = await newMember("Køståer");
    const older = await reply(member, "Først i køen.");
    const newer = await reply(member, "Sist i køen.");

    const listed = await listPendingPosts(database.db, moderator);
    if (listed.status !== "listed") throw new Error(listed.status);
    const ids = listed.posts.map((post) => post.id);
    expect(ids.indexOf(older.postId)).toBeLessThan(ids.indexOf(newer.postId));
    expect(listed.posts.find((post) => post.id === older.postId)).toMatchObject({ authorPseudonym: "Køståer", reason: "first_posts", threadTitle: "Velkommen hit" });
    expect(await countPendingPosts(database.db, moderator)).toBe(listed.posts.length);

    expect(await listPendingPosts(database.db, veteran)).toEqual({ status: "not_found" });
    expect(await countPendingPosts(database.db, veteran)).toBe(0);
    expect((await approvePost(database.db, veteran, older.postId)).status).toBe("not_found");
    expect((await declinePost(database.db, veteran, older.postId, { reason: "other" })).status).toBe("not_found");
  });

  test("deleting a pending post keeps reply count", async () => {
    await setApprovalCount(1);
    const member = await newMember("Angrer seg");
    const before = await threadRow();
    const post = await reply(member, "Nei, jeg sletter dette.");

    await deletePost(database.db, member, post.postId);

    expect((await threadRow()).replyCount).toBe(before.replyCount);
    const listed = await listPendingPosts(database.db, moderator);
    if (listed.status !== "listed") throw new Error(listed.status);
    expect(listed.posts.map((shown) => shown.id)).not.toContain(post.postId);
  });
});
