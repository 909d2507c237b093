import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, createTestClosedGroup, formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { createThread } from "../forum/create-thread";
import { getThreadPage } from "../forum/get-thread-page";
import { replyToThread } from "../forum/reply-to-thread";
import { forumPosts } from "../forum/schema";
import type { PersonActor } from "../identity/actor";
import { listNotifications } from "../notifications/list-notifications";
import { notifications } from "../notifications/schema";
import { getPostForModeration } from "./get-post-for-moderation";
import { hidePost } from "./hide-post";
import { keepPost } from "./keep-post";
import { countOpenReports, listOpenReports } from "./list-open-reports";
import { getReportablePost, reportPost } from "./report-post";
import { restorePost } from "./restore-post";
import { forumPostReports, moderationSettings } from "./schema";

describe.each(testEngines())("reports and moderation decisions on %s", (engine) => {
  let database: TestDatabase;
  let author: PersonActor;
  let reporters: PersonActor[];
  let moderator: PersonActor;
  let secondModerator: PersonActor;
  let provider: PersonActor;
  let administrator: PersonActor;
  let category: { id: string; slug: string };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    author = await createTestAccount(database, { roles: ["member"], pseudonym: "Solsikke" });
    reporters = [];
    for (const pseudonym of ["Melder En", "Melder To", "Melder Tre", "Melder Fire"]) reporters.push(await createTestAccount(database, { roles: ["member"], pseudonym }));
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykta" });
    secondModerator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Havblikk" });
    provider = await createTestAccount(database, { roles: ["provider"] });
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    category = await createTestCategory(database);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  /** Start a thread as the moderator and reply as the writer; the reply is the post under test. */
  async function newPost(writer = author) {
    const thread = await createThread(database.db, moderator, { kind: "category", categoryId: category.id }, { title: "Hvordan sover dere?", body: "Jeg lurer på noe.", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(`Thread was not created: ${JSON.stringify(thread)}`);
    const reply = await replyToThread(database.db, writer, thread.threadId, { body: "Jeg sover dårlig for tiden.", idempotencyKey: formKey() });
    if (reply.status !== "created") throw new Error(`Reply was not created: ${JSON.stringify(reply)}`);
    return { threadId: thread.threadId, postId: reply.postId };
  }

  async function postRow(postId: string) {
    const [row] = await database.db
      .select({ hiddenAt: forumPosts.hiddenAt, hiddenReason: forumPosts.hiddenReason, moderatorNote: forumPosts.moderatorNote })
      .from(forumPosts)
      .where(eq(forumPosts.id, postId));
    return row!;
  }

  /** Audit rows about the post: those on the post itself and those on its reports. */
  async function auditFor(postId: string) {
    return database.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, subjectType: auditEvents.subjectType, details: auditEvents.details })
      .from(auditEvents)
      .where(sql`${auditEvents.subjectId} = ${postId} or ${auditEvents.details}->>'postId' = ${postId}`)
      .orderBy(auditEvents.createdAt);
  }

  async function reportsOn(postId: string) {
    return database.db.select().from(forumPostReports).where(eq(forumPostReports.postId, postId));
  }

  async function reportBy(reporter: PersonActor, postId: string, reason = "hurtful") {
    return reportPost(database.db, reporter, postId, { reason, note: "" });
  }

  describe("reporting", () => {
    test("two reports leave the post visible", async () => {
      const { postId } = await newPost();
      expect(await reportBy(reporters[0]!, postId)).toMatchObject({ status: "reported" });
      expect(await reportBy(reporters[1]!, postId)).toMatchObject({ status: "reported" });

      expect((await postRow(postId)).hiddenAt).toBeNull();
      expect((await auditFor(postId)).map((row) => row.action)).toEqual(["moderation.post_reported", "moderation.post_reported"]);
    });

    test("three different reporters hide the post", async () => {
      const { postId, threadId } = await newPost();
      for (const reporter of reporters.slice(0, 3)) await reportBy(reporter, postId);

      const post = await postRow(postId);
      expect(post.hiddenAt).not.toBeNull();
      expect(post.hiddenReason).toBe("reported");
      const hidden = (await auditFor(postId)).filter((row) => row.action === "moderation.post_hidden");
      expect(hidden).toHaveLength(1);
      expect(hidden[0]!.actorId).toBeNull();
      expect(hidden[0]!.details).toEqual({ trigger: "reports", openReports: 3, threadId, reason: "reported" });
    });

    test("same member twice counts once", async () => {
      const { postId } = await newPost();
      expect(await reportBy(reporters[0]!, postId)).toMatchObject({ status: "reported" });
      expect(await reportBy(reporters[0]!, postId, "spam")).toMatchObject({ status: "already_reported" });
      await reportBy(reporters[1]!, postId);

      expect(await reportsOn(postId)).toHaveLength(2);
      expect((await postRow(postId)).hiddenAt).toBeNull();
    });

    test("concurrent third reports hide once", async () => {
      const { postId } = await newPost();
      await reportBy(reporters[0]!, postId);
      await reportBy(reporters[1]!, postId);

      // On the PostgreSQL server each report runs on its own pooled connection, so the two transactions overlap.
      const results = await Promise.all([reportBy(reporters[2]!, postId), reportBy(reporters[3]!, postId)]);
      expect(results.map((result) => result.status)).toEqual(["reported", "reported"]);

      expect(await reportsOn(postId)).toHaveLength(4);
      expect((await auditFor(postId)).filter((row) => row.action === "moderation.post_hidden")).toHaveLength(1);
    });

    test("configured threshold of two hides at two", async () => {
      await database.db.update(moderationSettings).set({ reportsToHide: 2 }).where(eq(moderationSettings.id, 1));
      try {
        const { postId } = await newPost();
        await reportBy(reporters[0]!, postId);
        await reportBy(reporters[1]!, postId);
        expect((await postRow(postId)).hiddenReason).toBe("reported");
      } finally {
        await database.db.update(moderationSettings).set({ reportsToHide: 3 }).where(eq(moderationSettings.id, 1));
      }
    });

    test("reason and note are validated", async () => {
      const { postId } = await newPost();
      expect(await reportPost(database.db, reporters[0]!, postId, { reason: "not-a-reason" })).toEqual({ status: "invalid", error: "reason_missing" });
      expect(await reportPost(database.db, reporters[0]!, postId, { reason: "other", note: "x".repeat(501) })).toEqual({ status: "invalid", error: "note_too_long" });
      expect(await reportsOn(postId)).toEqual([]);

      expect(await reportPost(database.db, reporters[0]!, postId, { reason: "other", note: `  ${"x".repeat(500)}  ` })).toMatchObject({ status: "reported" });
      const [report] = await reportsOn(postId);
      expect(report!.note).toBe("x".repeat(500));
    });

    test("empty note is stored as null", async () => {
      const { postId } = await newPost();
      await reportPost(database.db, reporters[0]!, postId, { reason: "at_risk", note: "   " });
      const [report] = await reportsOn(postId);
      expect(report).toMatchObject({ reason: "at_risk", note: null, reporterId: reporters[0]!.accountId });
    });

    test("own post cannot be reported", async () => {
      const { postId } = await newPost();
      expect(await reportBy(author, postId)).toEqual({ status: "not_found" });
      expect(await getReportablePost(database.db, author, postId)).toEqual({ status: "not_found" });
    });

    test("post in a closed group stays out of reach", async () => {
      const groupId = await createTestClosedGroup(database, [author.accountId, reporters[0]!.accountId]);
      const thread = await createThread(database.db, author, { kind: "group", groupId }, { title: "Bare oss", body: "Hei dere.", idempotencyKey: formKey() });
      if (thread.status !== "created") throw new Error("thread not created");

      expect(await reportBy(reporters[1]!, thread.postId)).toEqual({ status: "not_found" });
      expect(await getPostForModeration(database.db, moderator, thread.postId, "nb")).toEqual({ status: "not_found" });

      // A group member who reports brings exactly that post to the moderators.
      expect(await reportBy(reporters[0]!, thread.postId)).toMatchObject({ status: "reported" });
      const view = await getPostForModeration(database.db, moderator, thread.postId, "nb");
      expect(view).toMatchObject({ status: "found", post: { categoryName: null } });
    });

    test("providers and administrators cannot report", async () => {
      const { postId } = await newPost();
      expect(await reportBy(provider, postId)).toEqual({ status: "not_found" });
      expect(await reportBy(administrator, postId)).toEqual({ status: "not_found" });
    });

    test("report notifies moderators, not the reporter", async () => {
      const { postId } = await newPost();
      await reportBy(moderator, postId);

      const rows = await database.db.select({ recipientId: notifications.recipientId }).from(notifications).where(and(eq(notifications.postId, postId), eq(notifications.kind, "moderation_report")));
      expect(rows.map((row) => row.recipientId)).toEqual([secondModerator.accountId]);
    });

    test("form shows receipt state after the post is hidden", async () => {
      const { postId } = await newPost();
      for (const reporter of reporters.slice(0, 3)) await reportBy(reporter, postId);

      expect(await getReportablePost(database.db, reporters[0]!, postId)).toMatchObject({ status: "already_reported" });
      expect(await getReportablePost(database.db, reporters[3]!, postId)).toEqual({ status: "not_found" });
      // A report that was being written when the post was hidden still reaches the moderators.
      expect(await reportBy(reporters[3]!, postId)).toMatchObject({ status: "reported" });
    });
  });

  describe("what the author sees", () => {
    test("author sees the reason, never the reporters", async () => {
      const { postId, threadId } = await newPost();
      for (const [index, reporter] of reporters.slice(0, 3).entries()) await reportPost(database.db, reporter, postId, { reason: "hurtful", note: `Notat ${index}` });

      const page = await getThreadPage(database.db, author, threadId, 1, "nb");
      if (page.status !== "found") throw new Error("thread not found");
      const own = page.posts.find((post) => post.id === postId)!;
      expect(own).toMatchObject({ state: "hidden", hidden: { reason: "reported", note: null }, hiddenBodyHtml: null, bodyHtml: null });

      const shapes = JSON.stringify([page, await listNotifications(database.db, author)]);
      for (const reporter of reporters.slice(0, 3)) {
        expect(shapes).not.toContain(reporter.displayName!);
        expect(shapes).not.toContain(reporter.accountId);
      }
      expect(shapes).not.toContain("Notat");
    });

    test("other readers see only the placeholder", async () => {
      const { postId, threadId } = await newPost();
      await hidePost(database.db, moderator, postId, { reason: "identifying", note: "Fjern navnet, så kan det vises igjen." });

      const page = await getThreadPage(database.db, reporters[3]!, threadId, 1, "nb");
      if (page.status !== "found") throw new Error("thread not found");
      expect(page.posts.find((post) => post.id === postId)).toMatchObject({ state: "hidden", hidden: null, hiddenBodyHtml: null, bodyHtml: null });
    });

    test("moderator sees reason and hidden text", async () => {
      const { postId, threadId } = await newPost();
      await hidePost(database.db, moderator, postId, { reason: "identifying", note: "Fjern navnet." });

      const page = await getThreadPage(database.db, secondModerator, threadId, 1, "nb");
      if (page.status !== "found") throw new Error("thread not found");
      const post = page.posts.find((candidate) => candidate.id === postId)!;
      expect(post.hidden).toEqual({ reason: "identifying", note: "Fjern navnet." });
      expect(post.hiddenBodyHtml).toContain("Jeg sover dårlig");
    });

    test("moderator author sees reports without reporters", async () => {
      const { postId } = await newPost(secondModerator);
      await reportPost(database.db, reporters[0]!, postId, { reason: "spam", note: "Reklame?" });

      const own = await getPostForModeration(database.db, secondModerator, postId, "nb");
      if (own.status !== "found") throw new Error("post not found");
      expect(own.openReports).toEqual([expect.objectContaining({ reason: "spam", note: "Reklame?", reporter: null })]);

      const other = await getPostForModeration(database.db, moderator, postId, "nb");
      if (other.status !== "found") throw new Error("post not found");
      expect(other.openReports[0]!.reporter).toBe(reporters[0]!.displayName);
    });
  });

  describe("hide, restore and keep", () => {
    test("hide closes open reports with an audit row each", async () => {
      const { postId } = await newPost();
      await reportBy(reporters[0]!, postId);
      await reportBy(reporters[1]!, postId, "identifying");

      const result = await hidePost(database.db, moderator, postId, { reason: "identifying", note: "  Fjern gatenavnet, så kan det vises igjen.  " });
      expect(result).toMatchObject({ status: "hidden", resolvedReports: 2 });

      expect(await postRow(postId)).toMatchObject({ hiddenReason: "identifying", moderatorNote: "Fjern gatenavnet, så kan det vises igjen." });
      const reports = await reportsOn(postId);
      expect(reports.map((report) => [report.resolution, report.resolvedBy])).toEqual([
        ["hidden", moderator.accountId],
        ["hidden", moderator.accountId],
      ]);
      const audit = await auditFor(postId);
      expect(audit.filter((row) => row.action === "moderation.report_resolved")).toHaveLength(2);
      const hidden = audit.filter((row) => row.action === "moderation.post_hidden");
      expect(hidden).toHaveLength(1);
      expect(hidden[0]).toMatchObject({ actorId: moderator.accountId, details: { trigger: "moderator", reason: "identifying", withNote: true } });
      expect(JSON.stringify(audit)).not.toContain("gatenavnet");
    });

    test("hide notifies the author without naming anyone", async () => {
      const { postId } = await newPost();
      await hidePost(database.db, moderator, postId, { reason: "hurtful" });

      const listed = await listNotifications(database.db, author);
      const notice = listed.find((notification) => notification.post?.id === postId);
      expect(notice).toMatchObject({ kind: "moderation_post_hidden", actorPseudonym: null });
    });

    test("hiding twice acts once", async () => {
      const { postId } = await newPost();
      const input = { reason: "off_topic", note: "Passer bedre i en annen kategori." };
      expect(await hidePost(database.db, moderator, postId, input)).toMatchObject({ status: "hidden" });
      expect(await hidePost(database.db, moderator, postId, input)).toMatchObject({ status: "already_hidden" });
      expect((await auditFor(postId)).filter((row) => row.action === "moderation.post_hidden")).toHaveLength(1);
    });

    test("hide needs a moderator reason", async () => {
      const { postId } = await newPost();
      expect(await hidePost(database.db, moderator, postId, { reason: "reported" })).toEqual({ status: "invalid", error: "reason_missing" });
      expect(await hidePost(database.db, moderator, postId, { reason: "other", note: "x".repeat(1001) })).toEqual({ status: "invalid", error: "note_too_long" });
      expect((await postRow(postId)).hiddenAt).toBeNull();
    });

    test("restore reopens the post and keeps the reports", async () => {
      const { postId } = await newPost();
      for (const reporter of reporters.slice(0, 3)) await reportBy(reporter, postId);

      const result = await restorePost(database.db, moderator, postId);
      expect(result).toMatchObject({ status: "restored", resolvedReports: 3 });
      expect(await postRow(postId)).toMatchObject({ hiddenAt: null, hiddenReason: null });
      expect((await reportsOn(postId)).every((report) => report.resolution === "kept")).toBe(true);

      const actions = (await auditFor(postId)).map((row) => row.action);
      expect(actions.filter((action) => action === "moderation.post_restored")).toHaveLength(1);
      expect(actions.filter((action) => action === "moderation.report_resolved")).toHaveLength(3);
      expect((await listNotifications(database.db, author)).find((notification) => notification.post?.id === postId)?.kind).toBe("moderation_post_restored");
      expect(await restorePost(database.db, moderator, postId)).toMatchObject({ status: "already_visible" });
    });

    test("restore clears a hide note", async () => {
      const { postId } = await newPost();
      await hidePost(database.db, moderator, postId, { reason: "hurtful", note: "Skriv det gjerne litt mildere." });
      await restorePost(database.db, moderator, postId);
      expect((await postRow(postId)).moderatorNote).toBeNull();
    });

    test("restore after reports keeps an edit note", async () => {
      const { postId } = await newPost();
      await database.db.update(forumPosts).set({ moderatorNote: "Telefonnummer fjernet.", moderatorEditedAt: new Date() }).where(eq(forumPosts.id, postId));
      for (const reporter of reporters.slice(0, 3)) await reportBy(reporter, postId);
      await restorePost(database.db, moderator, postId);
      expect((await postRow(postId)).moderatorNote).toBe("Telefonnummer fjernet.");
    });

    test("keep closes reports on a visible post", async () => {
      const { postId } = await newPost();
      await reportBy(reporters[0]!, postId);

      expect(await keepPost(database.db, moderator, postId)).toMatchObject({ status: "kept", resolvedReports: 1 });
      expect((await reportsOn(postId))[0]).toMatchObject({ resolution: "kept", resolvedBy: moderator.accountId });
      expect((await auditFor(postId)).map((row) => row.action)).toEqual(["moderation.post_reported", "moderation.report_resolved"]);
      expect(await keepPost(database.db, moderator, postId)).toMatchObject({ status: "kept", resolvedReports: 0 });
    });

    test("keep refuses a hidden post", async () => {
      const { postId } = await newPost();
      for (const reporter of reporters.slice(0, 3)) await reportBy(reporter, postId);
      expect(await keepPost(database.db, moderator, postId)).toMatchObject({ status: "post_hidden" });
      expect((await reportsOn(postId)).every((report) => report.resolvedAt === null)).toBe(true);
    });

    test("failed hide leaves no audit rows", async () => {
      const { postId } = await newPost();
      await reportBy(reporters[0]!, postId);
      // The author's notification is the last write of a hide; failing it must undo the report's resolution and its audit rows.
      await database.db.execute(sql`create function reject_hidden_notice() returns trigger language plpgsql as $$ begin raise exception 'notification rejected for the test'; end $$`);
      await database.db.execute(sql`create trigger reject_hidden_notice before insert on notifications for each row when (new.kind = 'moderation_post_hidden') execute function reject_hidden_notice()`);
      try {
        await expect(hidePost(database.db, moderator, postId, { reason: "hurtful" })).rejects.toThrow();
      } finally {
        await database.db.execute(sql`drop trigger reject_hidden_notice on notifications`);
        await database.db.execute(sql`drop function reject_hidden_notice()`);
      }

      expect((await auditFor(postId)).map((row) => row.action)).toEqual(["moderation.post_reported"]);
      expect((await reportsOn(postId))[0]!.resolvedAt).toBeNull();
      expect((await postRow(postId)).hiddenAt).toBeNull();
    });

    test("failed report leaves no audit row", async () => {
      const { postId } = await newPost();
      await database.db.execute(sql`create function reject_report_notice() returns trigger language plpgsql as $$ begin raise exception 'notification rejected for the test'; end $$`);
      await database.db.execute(sql`create trigger reject_report_notice before insert on notifications for each row when (new.kind = 'moderation_report') execute function reject_report_notice()`);
      try {
        await expect(reportBy(reporters[0]!, postId)).rejects.toThrow();
      } finally {
        await database.db.execute(sql`drop trigger reject_report_notice on notifications`);
        await database.db.execute(sql`drop function reject_report_notice()`);
      }

      expect(await auditFor(postId)).toEqual([]);
      expect(await reportsOn(postId)).toEqual([]);
    });
  });

  describe("moderator pages", () => {
    test("others get not_found for moderator use cases", async () => {
      const { postId } = await newPost();
      await reportBy(reporters[0]!, postId);

      for (const actor of [author, reporters[1]!, provider, administrator]) {
        expect(await hidePost(database.db, actor, postId, { reason: "hurtful" })).toEqual({ status: "not_found" });
        expect(await restorePost(database.db, actor, postId)).toEqual({ status: "not_found" });
        expect(await keepPost(database.db, actor, postId)).toEqual({ status: "not_found" });
        expect(await getPostForModeration(database.db, actor, postId, "nb")).toEqual({ status: "not_found" });
        expect(await listOpenReports(database.db, actor)).toEqual({ status: "not_found" });
        expect(await countOpenReports(database.db, actor)).toBe(0);
      }
      expect((await auditFor(postId)).map((row) => row.action)).toEqual(["moderation.post_reported"]);
    });

    test("malformed post id reads as not found", async () => {
      expect(await getPostForModeration(database.db, moderator, "not-a-uuid", "nb")).toEqual({ status: "not_found" });
      expect(await hidePost(database.db, moderator, "00000000-0000-4000-8000-000000000000", { reason: "hurtful" })).toEqual({ status: "not_found" });
    });

    test("post view shows state, reports and alert", async () => {
      const { postId, threadId } = await newPost();
      await reportPost(database.db, reporters[0]!, postId, { reason: "at_risk", note: "Jeg er redd for henne." });
      await hidePost(database.db, moderator, postId, { reason: "unsafe_detail" });
      await reportPost(database.db, reporters[1]!, postId, { reason: "hurtful" });

      const view = await getPostForModeration(database.db, moderator, postId, "nb");
      if (view.status !== "found") throw new Error("post not found");
      expect(view.post).toMatchObject({ id: postId, threadId, threadTitle: "Hvordan sover dere?", author: "Solsikke", state: "hidden", hiddenReason: "unsafe_detail", isOwn: false });
      expect(view.post.bodyHtml).toContain("Jeg sover dårlig");
      expect(view.openReports).toEqual([expect.objectContaining({ reason: "hurtful", reporter: "Melder To" })]);
      expect(view.resolvedReports).toEqual([expect.objectContaining({ reason: "at_risk", note: "Jeg er redd for henne.", reporter: "Melder En", resolution: "hidden", resolvedBy: "Fyrlykta" })]);
      expect(view.crisisAlert).toBeNull();
    });

    test("deleted post withholds its text", async () => {
      const { postId } = await newPost();
      await reportBy(reporters[0]!, postId);
      await database.db.update(forumPosts).set({ deletedAt: new Date() }).where(eq(forumPosts.id, postId));

      const view = await getPostForModeration(database.db, moderator, postId, "nb");
      expect(view).toMatchObject({ status: "found", post: { state: "deleted", bodyHtml: null, contentWarning: null } });
    });

    test("reported posts list groups and orders", async () => {
      const before = await listOpenReports(database.db, moderator);
      if (before.status !== "listed") throw new Error("not listed");
      const earlier = new Set(before.posts.map((post) => post.postId));

      const first = await newPost();
      const second = await newPost();
      await reportBy(reporters[0]!, first.postId, "spam");
      await reportBy(reporters[1]!, second.postId);
      await reportBy(reporters[2]!, first.postId, "hurtful");

      const listed = await listOpenReports(database.db, moderator);
      if (listed.status !== "listed") throw new Error("not listed");
      const fresh = listed.posts.filter((post) => !earlier.has(post.postId));
      expect(fresh.map((post) => post.postId)).toEqual([first.postId, second.postId]);
      expect(fresh[0]).toMatchObject({ openReports: 2, reasons: ["hurtful", "spam"], state: "published", author: "Solsikke" });
      expect(await countOpenReports(database.db, moderator)).toBe(listed.posts.length);

      await keepPost(database.db, moderator, first.postId);
      const after = await listOpenReports(database.db, moderator);
      if (after.status !== "listed") throw new Error("not listed");
      expect(after.posts.map((post) => post.postId)).not.toContain(first.postId);
    });

    test("reported posts list pages by cursor", async () => {
      const created = [];
      for (let index = 0; index < 3; index++) {
        const post = await newPost();
        await reportBy(reporters[0]!, post.postId);
        created.push(post.postId);
      }
      const all: string[] = [];
      let pages = 0;
      let cursor: string | null = null;
      do {
        pages++;
        const page: Awaited<ReturnType<typeof listOpenReports>> = await listOpenReports(database.db, moderator, { cursor, limit: 2 });
        if (page.status !== "listed") throw new Error("not listed");
        all.push(...page.posts.map((post) => post.postId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toBeGreaterThan(1);
      expect(new Set(all).size).toBe(all.length);
      expect(all.slice(-3)).toEqual(created);
    });
  });

  describe("notifications", () => {
    test("moderator sees report on a hidden post", async () => {
      const { postId } = await newPost();
      for (const reporter of reporters.slice(0, 3)) await reportBy(reporter, postId);

      const listed = await listNotifications(database.db, moderator);
      const reports = listed.filter((notification) => notification.post?.id === postId && notification.kind === "moderation_report");
      expect(reports).toHaveLength(3);
      expect(reports.every((notification) => notification.actorPseudonym === null)).toBe(true);
    });

    test("former moderator no longer sees moderator kinds", async () => {
      const { postId, threadId } = await newPost();
      await database.db.insert(notifications).values({ recipientId: reporters[3]!.accountId, kind: "moderation_report", actorId: reporters[0]!.accountId, threadId, postId });
      const listed = await listNotifications(database.db, reporters[3]!);
      expect(listed.filter((notification) => notification.post?.id === postId)).toEqual([]);
    });

    test("member outcome only about own post", async () => {
      const { postId, threadId } = await newPost();
      await database.db.insert(notifications).values({ recipientId: reporters[3]!.accountId, kind: "moderation_post_hidden", actorId: null, threadId, postId });
      const listed = await listNotifications(database.db, reporters[3]!);
      expect(listed.filter((notification) => notification.post?.id === postId)).toEqual([]);
    });

    test("account notice needs no post", async () => {
      const member = await createTestAccount(database, { roles: ["member"] });
      await database.db.insert(notifications).values({ recipientId: member.accountId, kind: "moderation_warning", actorId: null });
      expect(await listNotifications(database.db, member)).toEqual([expect.objectContaining({ kind: "moderation_warning", thread: null, post: null })]);
    });
  });
});
