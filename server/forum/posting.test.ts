import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, createTestClosedGroup, formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import type { PersonActor } from "../identity/actor";
import { notifications } from "../notifications/schema";
import { usageEvents } from "../research/schema";
import { createThread } from "./create-thread";
import { deletePost } from "./delete-post";
import { getDraft, saveDraft } from "./drafts";
import { editPost } from "./edit-post";
import { getThreadPage } from "./get-thread-page";
import { listCategoryThreads } from "./list-category-threads";
import { reactToPost } from "./react-to-post";
import { recordThreadRead } from "./record-thread-read";
import { replyToThread } from "./reply-to-thread";
import { forumPostRevisions, forumPosts, memberBlocks } from "./schema";

describe.each(testEngines())("forum posting on %s", (engine) => {
  let database: TestDatabase;
  let writer: PersonActor;
  let reader: PersonActor;
  let moderator: PersonActor;
  let provider: PersonActor;
  let category: { id: string; slug: string };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    writer = await createTestAccount(database, { roles: ["member"], pseudonym: "Skrivar" });
    reader = await createTestAccount(database, { roles: ["member"], pseudonym: "Stille vann" });
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykt" });
    provider = await createTestAccount(database, { roles: ["provider"] });
    category = await createTestCategory(database);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function startThread(author = writer, body = "Hei alle sammen.") {
    const result = await createThread(database.db, author, { kind: "category", categoryId: category.id }, { title: "En tung uke", body, idempotencyKey: formKey() });
    if (result.status !== "created") throw new Error(`Thread was not created: ${JSON.stringify(result)}`);
    return result;
  }

  test("thread opens with post at position 1", async () => {
    const thread = await startThread();
    expect(thread.position).toBe(1);

    const page = await getThreadPage(database.db, reader, thread.threadId, 1, "nb");
    expect(page.status).toBe("found");
    if (page.status !== "found") return;
    expect(page.thread.title).toBe("En tung uke");
    expect(page.posts.map((post) => post.author?.pseudonym)).toEqual(["Skrivar"]);
    expect(page.posts[0]!.bodyHtml).toContain("<p>Hei alle sammen.</p>");
  });

  test("replies take the next positions", async () => {
    const thread = await startThread();
    const first = await replyToThread(database.db, reader, thread.threadId, { body: "Jeg heier på deg.", idempotencyKey: formKey() });
    const second = await replyToThread(database.db, moderator, thread.threadId, { body: "Takk for at du deler.", idempotencyKey: formKey() });

    expect(first).toMatchObject({ status: "created", position: 2 });
    expect(second).toMatchObject({ status: "created", position: 3 });
  });

  test("concurrent replies get distinct positions", async () => {
    const thread = await startThread();
    const replies = await Promise.all(Array.from({ length: 6 }, (_, index) => replyToThread(database.db, index % 2 ? reader : moderator, thread.threadId, { body: `Svar ${index}`, idempotencyKey: formKey() })));

    const positions = replies.map((reply) => (reply.status === "created" ? reply.position : 0)).sort((a, b) => a - b);
    expect(positions).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test("same form submitted twice makes one post", async () => {
    const thread = await startThread();
    const key = formKey();
    const [first, second] = await Promise.all([
      replyToThread(database.db, reader, thread.threadId, { body: "Bare ett svar", idempotencyKey: key }),
      replyToThread(database.db, reader, thread.threadId, { body: "Bare ett svar", idempotencyKey: key }),
    ]);
    const third = await replyToThread(database.db, reader, thread.threadId, { body: "Bare ett svar", idempotencyKey: key });

    expect(first.status).toBe("created");
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    const rows = await database.db.select({ id: forumPosts.id }).from(forumPosts).where(eq(forumPosts.threadId, thread.threadId));
    expect(rows).toHaveLength(2);
  });

  test("same reply from a reloaded form makes one post", async () => {
    const thread = await startThread();
    const first = await replyToThread(database.db, reader, thread.threadId, { body: "Sendt to ganger", idempotencyKey: formKey() });
    const again = await replyToThread(database.db, reader, thread.threadId, { body: "Sendt to ganger", idempotencyKey: formKey() });
    const other = await replyToThread(database.db, writer, thread.threadId, { body: "Sendt to ganger", idempotencyKey: formKey() });

    expect(again).toEqual(first);
    expect(other.status).toBe("created");
    expect(other).not.toEqual(first);
  });

  test("same thread form submitted twice makes one thread", async () => {
    const key = formKey();
    const input = { title: "Dobbeltklikk", body: "Tekst", idempotencyKey: key };
    const place = { kind: "category", categoryId: category.id } as const;
    const [first, second] = await Promise.all([createThread(database.db, writer, place, input), createThread(database.db, writer, place, input)]);

    expect(first.status).toBe("created");
    expect(second).toEqual(first);
  });

  test("invalid input returns codes per field", async () => {
    const result = await createThread(database.db, writer, { kind: "category", categoryId: category.id }, { title: "Hi", body: "   \n ", contentWarning: "x".repeat(101), idempotencyKey: formKey() });

    expect(result).toEqual({ status: "invalid", errors: { title: "title_too_short", body: "body_missing", contentWarning: "content_warning_too_long" } });
  });

  test("a missing form key reads as an expired form", async () => {
    const result = await createThread(database.db, writer, { kind: "category", categoryId: category.id }, { title: "Tittel", body: "Tekst", idempotencyKey: undefined });
    expect(result).toEqual({ status: "invalid", errors: { form: "form_expired" } });
  });

  test("provider cannot read or write the forum", async () => {
    const thread = await startThread();

    expect(await getThreadPage(database.db, provider, thread.threadId, 1, "nb")).toEqual({ status: "not_found" });
    expect(await replyToThread(database.db, provider, thread.threadId, { body: "Hei", idempotencyKey: formKey() })).toEqual({ status: "not_found" });
    expect(await listCategoryThreads(database.db, provider, category.slug, "nb")).toEqual({ status: "not_found" });
  });

  test("closed group threads are invisible outside the group", async () => {
    const outsider = await createTestAccount(database, { roles: ["member"] });
    const groupId = await createTestClosedGroup(database, [writer.accountId, reader.accountId]);
    const created = await createThread(database.db, writer, { kind: "group", groupId }, { title: "Kanarifugl-tråd", body: "Kanarifugl-tekst", idempotencyKey: formKey() });
    if (created.status !== "created") throw new Error("group thread not created");

    expect((await getThreadPage(database.db, reader, created.threadId, 1, "nb")).status).toBe("found");
    expect(await getThreadPage(database.db, outsider, created.threadId, 1, "nb")).toEqual({ status: "not_found" });
    expect(await replyToThread(database.db, outsider, created.threadId, { body: "Hei", idempotencyKey: formKey() })).toEqual({ status: "not_found" });
    expect(await createThread(database.db, outsider, { kind: "group", groupId }, { title: "Inn her", body: "Tekst", idempotencyKey: formKey() })).toEqual({ status: "not_found" });
  });

  test("subscribers and mentioned members are notified once", async () => {
    const follower = await createTestAccount(database, { roles: ["member"] });
    const thread = await startThread();
    await replyToThread(database.db, follower, thread.threadId, { body: "Jeg følger med.", idempotencyKey: formKey() });

    const reply = await replyToThread(database.db, reader, thread.threadId, { body: "Hei @Skrivar og @Fyrlykt, takk!", idempotencyKey: formKey() });
    if (reply.status !== "created") throw new Error("reply not created");

    const rows = await database.db.select({ recipientId: notifications.recipientId, kind: notifications.kind }).from(notifications).where(eq(notifications.postId, reply.postId));
    const byRecipient = Object.fromEntries(rows.map((row) => [row.recipientId, row.kind]));
    expect(byRecipient).toEqual({ [writer.accountId]: "forum_mention", [moderator.accountId]: "forum_mention", [follower.accountId]: "forum_reply" });
  });

  test("pseudonym with a space can be mentioned", async () => {
    const thread = await startThread();
    const reply = await replyToThread(database.db, moderator, thread.threadId, { body: "Godt sagt, @stille vann!", idempotencyKey: formKey() });
    if (reply.status !== "created") throw new Error("reply not created");

    const rows = await database.db.select({ recipientId: notifications.recipientId }).from(notifications).where(and(eq(notifications.postId, reply.postId), eq(notifications.kind, "forum_mention")));
    expect(rows.map((row) => row.recipientId)).toEqual([reader.accountId]);
  });

  test("blocked members neither see nor notify each other", async () => {
    const blocker = await createTestAccount(database, { roles: ["member"] });
    const blocked = await createTestAccount(database, { roles: ["member"] });
    const thread = await startThread(blocker);
    await database.db.insert(memberBlocks).values({ blockerId: blocker.accountId, blockedId: blocked.accountId });

    expect(await getThreadPage(database.db, blocked, thread.threadId, 1, "nb")).toEqual({ status: "not_found" });

    const open = await startThread(writer);
    const fromBlocked = await replyToThread(database.db, blocked, open.threadId, { body: "Hei @" + "Skrivar", idempotencyKey: formKey() });
    await replyToThread(database.db, blocker, open.threadId, { body: "Mitt svar", idempotencyKey: formKey() });
    if (fromBlocked.status !== "created") throw new Error("reply not created");

    const page = await getThreadPage(database.db, blocker, open.threadId, 1, "nb");
    if (page.status !== "found") throw new Error("page not found");
    expect(page.posts.map((post) => post.position)).toEqual([1, 3]);

    const toBlocker = await database.db.select().from(notifications).where(and(eq(notifications.recipientId, blocker.accountId), eq(notifications.postId, fromBlocked.postId)));
    expect(toBlocker).toEqual([]);
  });

  test("locked thread takes no replies", async () => {
    const { forumThreads } = await import("./schema");
    const thread = await startThread();
    await database.db.update(forumThreads).set({ lockedAt: new Date() }).where(eq(forumThreads.id, thread.threadId));

    expect(await replyToThread(database.db, reader, thread.threadId, { body: "Hei", idempotencyKey: formKey() })).toEqual({ status: "locked" });
  });

  test("edit keeps the earlier version", async () => {
    const thread = await startThread(writer, "Første versjon");
    const result = await editPost(database.db, writer, thread.postId, { body: "Andre versjon", title: "Ny tittel" });
    expect(result.status).toBe("saved");

    const revisions = await database.db.select({ body: forumPostRevisions.body }).from(forumPostRevisions).where(eq(forumPostRevisions.postId, thread.postId));
    expect(revisions).toEqual([{ body: "Første versjon" }]);
    const page = await getThreadPage(database.db, reader, thread.threadId, 1, "nb");
    if (page.status !== "found") throw new Error("page not found");
    expect(page.thread.title).toBe("Ny tittel");
    expect(page.posts[0]!.bodyHtml).toContain("Andre versjon");
    expect(page.posts[0]!.editedAt).not.toBeNull();
  });

  test("moderator sees earlier versions, member does not", async () => {
    const { listPostRevisions } = await import("./list-post-revisions");
    const thread = await startThread(writer, "Før redigering");
    await editPost(database.db, writer, thread.postId, { body: "Etter redigering", title: "En tung uke" });

    const history = await listPostRevisions(database.db, moderator, thread.postId);
    if (history.status !== "found") throw new Error("history not found");
    expect(history.post.body).toBe("Etter redigering");
    expect(history.revisions.map((revision) => revision.body)).toEqual(["Før redigering"]);
    expect(await listPostRevisions(database.db, writer, thread.postId)).toEqual({ status: "not_found" });
    expect(await listPostRevisions(database.db, provider, thread.postId)).toEqual({ status: "not_found" });
  });

  test("only the writer can edit or delete", async () => {
    const thread = await startThread();
    expect(await editPost(database.db, reader, thread.postId, { body: "Overtatt" })).toEqual({ status: "not_found" });
    expect(await deletePost(database.db, reader, thread.postId)).toEqual({ status: "not_found" });
  });

  test("deleted post keeps its place without text", async () => {
    const thread = await startThread();
    const reply = await replyToThread(database.db, reader, thread.threadId, { body: "Angrer på dette", idempotencyKey: formKey() });
    if (reply.status !== "created") throw new Error("reply not created");

    expect((await deletePost(database.db, reader, reply.postId)).status).toBe("deleted");
    expect((await deletePost(database.db, reader, reply.postId)).status).toBe("deleted");

    const page = await getThreadPage(database.db, writer, thread.threadId, 1, "nb");
    if (page.status !== "found") throw new Error("page not found");
    expect(page.posts[1]).toMatchObject({ state: "deleted", bodyHtml: null, body: null });
    expect(JSON.stringify(page)).not.toContain("Angrer på dette");
  });

  test("reactions count once per member", async () => {
    const thread = await startThread();
    await reactToPost(database.db, reader, thread.postId, { kind: "hug", on: true });
    await reactToPost(database.db, reader, thread.postId, { kind: "hug", on: true });
    await reactToPost(database.db, moderator, thread.postId, { kind: "hug", on: true });
    await reactToPost(database.db, moderator, thread.postId, { kind: "thanks", on: true });
    await reactToPost(database.db, moderator, thread.postId, { kind: "thanks", on: false });

    const page = await getThreadPage(database.db, reader, thread.threadId, 1, "nb");
    if (page.status !== "found") throw new Error("page not found");
    expect(page.posts[0]!.reactions).toEqual([
      { kind: "cheer", count: 0, mine: false },
      { kind: "thanks", count: 0, mine: false },
      { kind: "hug", count: 2, mine: true },
    ]);
  });

  test("own post and unknown reaction are rejected", async () => {
    const thread = await startThread();
    expect(await reactToPost(database.db, writer, thread.postId, { kind: "hug", on: true })).toEqual({ status: "not_found" });
    expect(await reactToPost(database.db, reader, thread.postId, { kind: "like", on: true })).toEqual({ status: "not_found" });
  });

  test("unread marker follows the read position", async () => {
    const thread = await startThread();
    await replyToThread(database.db, moderator, thread.threadId, { body: "Svar", idempotencyKey: formKey() });

    const before = await listCategoryThreads(database.db, reader, category.slug, "nb");
    if (before.status !== "found") throw new Error("category not found");
    expect(before.threads.find((item) => item.id === thread.threadId)?.firstUnreadPosition).toBe(1);

    await recordThreadRead(database.db, reader, thread.threadId, 2);
    const after = await listCategoryThreads(database.db, reader, category.slug, "nb");
    if (after.status !== "found") throw new Error("category not found");
    expect(after.threads.find((item) => item.id === thread.threadId)?.firstUnreadPosition).toBeNull();
  });

  test("thread view counts once per 30 minutes", async () => {
    const viewer = await createTestAccount(database, { roles: ["member"] });
    const thread = await startThread();
    await recordThreadRead(database.db, viewer, thread.threadId, 1);
    await recordThreadRead(database.db, viewer, thread.threadId, 1);

    const views = await database.db.select().from(usageEvents).where(and(eq(usageEvents.accountId, viewer.accountId), eq(usageEvents.kind, "forum_thread_viewed")));
    expect(views).toHaveLength(1);
    const written = await database.db.select().from(usageEvents).where(and(eq(usageEvents.subjectId, thread.postId), eq(usageEvents.kind, "forum_post_written")));
    expect(written).toHaveLength(1);
  });

  test("category list pages by keyset", async () => {
    const own = await createTestCategory(database);
    for (let index = 0; index < 27; index++) {
      await createThread(database.db, writer, { kind: "category", categoryId: own.id }, { title: `Tråd nummer ${index}`, body: "Tekst", idempotencyKey: formKey() });
    }

    const first = await listCategoryThreads(database.db, reader, own.slug, "nb");
    if (first.status !== "found") throw new Error("category not found");
    expect(first.threads).toHaveLength(25);
    expect(first.threads[0]!.title).toBe("Tråd nummer 26");

    const second = await listCategoryThreads(database.db, reader, own.slug, "nb", first.nextCursor);
    if (second.status !== "found") throw new Error("category not found");
    expect(second.threads.map((item) => item.title)).toEqual(["Tråd nummer 1", "Tråd nummer 0"]);
    expect(second.nextCursor).toBeNull();
  });

  test("draft survives and publishing removes it", async () => {
    const thread = await startThread();
    const draftKey = `thread:${thread.threadId}`;
    await saveDraft(database.db, reader, { draftKey, body: "Halvferdig svar" });
    expect((await getDraft(database.db, reader, draftKey))?.body).toBe("Halvferdig svar");

    await replyToThread(database.db, reader, thread.threadId, { body: "Ferdig svar", idempotencyKey: formKey() });
    expect(await getDraft(database.db, reader, draftKey)).toBeNull();
  });

  test("draft with a foreign key shape is rejected", async () => {
    expect(await saveDraft(database.db, reader, { draftKey: "../../etc", body: "x" })).toEqual({ status: "invalid" });
  });
});
