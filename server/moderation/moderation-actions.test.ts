import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, createTestClosedGroup, formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { createThread } from "../forum/create-thread";
import { deletePost } from "../forum/delete-post";
import { editPost } from "../forum/edit-post";
import { getThreadPage } from "../forum/get-thread-page";
import { listCategoryThreads } from "../forum/list-category-threads";
import { reactToPost } from "../forum/react-to-post";
import { replyToThread } from "../forum/reply-to-thread";
import { forumCategories, forumPostRevisions, forumPosts, forumThreads } from "../forum/schema";
import type { PersonActor } from "../identity/actor";
import { notifications } from "../notifications/schema";
import { instantToPortalLocalTime, portalLocalTimeToInstant } from "../platform/portal-time";
import { acknowledgeWarning } from "./acknowledge-warning";
import { editPostAsModerator, getPostForModeratorEdit } from "./edit-post-as-moderator";
import { unsafeFindActiveSuspension } from "./find-active-suspension";
import { getMemberForModeration } from "./get-member-for-moderation";
import { getOwnModerationNotices } from "./get-own-moderation-notices";
import { getThreadForModeration } from "./get-thread-for-moderation";
import { liftSuspension } from "./lift-suspension";
import { lockThread, unlockThread } from "./lock-thread";
import { moveThread } from "./move-thread";
import { pinThread, unpinThread } from "./pin-thread";
import { memberSuspensions } from "./schema";
import { suspendMember } from "./suspend-member";
import { warnMember } from "./warn-member";

describe.each(testEngines())("moderation actions on %s", (engine) => {
  let database: TestDatabase;
  let moderator: PersonActor;
  let otherModerator: PersonActor;
  let writer: PersonActor;
  let reader: PersonActor;
  let provider: PersonActor;
  let administrator: PersonActor;
  let category: { id: string; slug: string };
  let otherCategory: { id: string; slug: string };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykt" });
    otherModerator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Vardeild" });
    writer = await createTestAccount(database, { roles: ["member"], pseudonym: "Skrivar" });
    reader = await createTestAccount(database, { roles: ["member"], pseudonym: "Stille vann" });
    provider = await createTestAccount(database, { roles: ["provider"] });
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    category = await createTestCategory(database, "Hverdagen");
    otherCategory = await createTestCategory(database, "Søvn");
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function startThread(author = writer, body = "Hei alle sammen.") {
    const result = await createThread(database.db, author, { kind: "category", categoryId: category.id }, { title: "En tung uke", body, idempotencyKey: formKey() });
    if (result.status !== "created") throw new Error(`Thread was not created: ${JSON.stringify(result)}`);
    return result;
  }

  async function auditRows(subjectId: string, action?: string) {
    return database.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, subjectId), action ? eq(auditEvents.action, action) : undefined));
  }

  async function freshMember(pseudonym: string) {
    return createTestAccount(database, { roles: ["member"], pseudonym });
  }

  describe("policy", () => {
    test("non-moderators get not_found from every action", async () => {
      const thread = await startThread();
      const member = await freshMember("Policyprøve");
      for (const actor of [writer, provider, administrator]) {
        expect(await lockThread(database.db, actor, thread.threadId, {})).toEqual({ status: "not_found" });
        expect(await unlockThread(database.db, actor, thread.threadId, {})).toEqual({ status: "not_found" });
        expect(await pinThread(database.db, actor, thread.threadId, {})).toEqual({ status: "not_found" });
        expect(await unpinThread(database.db, actor, thread.threadId, {})).toEqual({ status: "not_found" });
        expect(await moveThread(database.db, actor, thread.threadId, { categoryId: otherCategory.id })).toEqual({ status: "not_found" });
        expect(await editPostAsModerator(database.db, actor, thread.postId, { body: "Endret", note: "Fordi" })).toEqual({ status: "not_found" });
        expect(await warnMember(database.db, actor, "Policyprøve", { reason: "hurtful", message: "Hei" })).toEqual({ status: "not_found" });
        expect(await suspendMember(database.db, actor, "Policyprøve", { reason: "hurtful", message: "Hei", until: "lifted" })).toEqual({ status: "not_found" });
        expect(await liftSuspension(database.db, actor, "Policyprøve")).toEqual({ status: "not_found" });
        expect(await getThreadForModeration(database.db, actor, thread.threadId, "nb")).toEqual({ status: "not_found" });
        expect(await getPostForModeratorEdit(database.db, actor, thread.postId)).toEqual({ status: "not_found" });
        expect(await getMemberForModeration(database.db, actor, "Policyprøve")).toEqual({ status: "not_found" });
      }
      expect(await auditRows(thread.threadId)).toEqual([]);
      expect(await unsafeFindActiveSuspension(database.db, member.accountId)).toBeNull();
    });

    test("moderator may open moderation pages", async () => {
      const thread = await startThread();
      expect((await getThreadForModeration(database.db, moderator, thread.threadId, "nb")).status).toBe("found");
      expect((await getPostForModeratorEdit(database.db, moderator, thread.postId)).status).toBe("found");
      expect((await getMemberForModeration(database.db, moderator, "Skrivar")).status).toBe("found");
    });
  });

  describe("thread actions", () => {
    test("lock refuses replies until unlocked", async () => {
      const thread = await startThread();
      expect(await lockThread(database.db, moderator, thread.threadId, { reason: "off_topic" })).toEqual({ status: "saved", threadId: thread.threadId, changed: true });
      expect(await replyToThread(database.db, reader, thread.threadId, { body: "Svar", idempotencyKey: formKey() })).toEqual({ status: "locked" });

      const page = await getThreadPage(database.db, reader, thread.threadId, 1, "nb");
      if (page.status !== "found") throw new Error(`Thread page: ${page.status}`);
      expect(page.thread.locked).toBe(true);

      expect(await unlockThread(database.db, moderator, thread.threadId, {})).toMatchObject({ status: "saved", changed: true });
      expect(await replyToThread(database.db, reader, thread.threadId, { body: "Svar", idempotencyKey: formKey() })).toMatchObject({ status: "created" });

      const rows = await auditRows(thread.threadId);
      expect(rows.map((row) => row.action).sort()).toEqual(["moderation.thread_locked", "moderation.thread_unlocked"]);
      expect(rows.find((row) => row.action === "moderation.thread_locked")).toMatchObject({ actorId: moderator.accountId, details: { reason: "off_topic" } });
    });

    test("lock twice writes one audit row", async () => {
      const thread = await startThread();
      await lockThread(database.db, moderator, thread.threadId, {});
      expect(await lockThread(database.db, moderator, thread.threadId, {})).toMatchObject({ status: "saved", changed: false });
      expect(await auditRows(thread.threadId, "moderation.thread_locked")).toHaveLength(1);
    });

    test("unknown reason code is invalid", async () => {
      const thread = await startThread();
      expect(await lockThread(database.db, moderator, thread.threadId, { reason: "because" })).toEqual({ status: "invalid", errors: { reason: "reason_invalid" } });
      expect(await auditRows(thread.threadId)).toEqual([]);
    });

    test("pin puts the thread among pinned", async () => {
      const thread = await startThread();
      await pinThread(database.db, moderator, thread.threadId, { reason: "other" });
      let listed = await listCategoryThreads(database.db, reader, category.slug, "nb");
      expect(listed.status === "found" && listed.pinned.map((pinned) => pinned.id)).toContain(thread.threadId);

      await unpinThread(database.db, moderator, thread.threadId, {});
      listed = await listCategoryThreads(database.db, reader, category.slug, "nb");
      expect(listed.status === "found" && listed.pinned.map((pinned) => pinned.id)).not.toContain(thread.threadId);
      expect((await auditRows(thread.threadId)).map((row) => row.action).sort()).toEqual(["moderation.thread_pinned", "moderation.thread_unpinned"]);
    });

    test("move keeps posts, positions and id", async () => {
      const thread = await startThread();
      const reply = await replyToThread(database.db, reader, thread.threadId, { body: "Jeg kjenner meg igjen.", idempotencyKey: formKey() });
      expect(await moveThread(database.db, moderator, thread.threadId, { categoryId: otherCategory.id, reason: "off_topic" })).toEqual({ status: "moved", threadId: thread.threadId });

      const page = await getThreadPage(database.db, reader, thread.threadId, 1, "nb");
      if (page.status !== "found") throw new Error("Moved thread was not found.");
      expect(page.thread.place).toMatchObject({ kind: "category", slug: otherCategory.slug });
      expect(page.posts.map((post) => post.id)).toEqual([thread.postId, reply.status === "created" ? reply.postId : ""]);

      const rows = await auditRows(thread.threadId, "moderation.thread_moved");
      expect(rows).toEqual([{ action: "moderation.thread_moved", actorId: moderator.accountId, details: { fromCategoryId: category.id, toCategoryId: otherCategory.id, reason: "off_topic" } }]);
    });

    test("move to same category changes nothing", async () => {
      const thread = await startThread();
      expect(await moveThread(database.db, moderator, thread.threadId, { categoryId: category.id })).toEqual({ status: "unchanged", threadId: thread.threadId });
      expect(await auditRows(thread.threadId)).toEqual([]);
    });

    test("move to archived category is invalid", async () => {
      const thread = await startThread();
      const archived = await createTestCategory(database, "Arkivert");
      await database.db.update(forumCategories).set({ archivedAt: new Date() }).where(eq(forumCategories.id, archived.id));
      expect(await moveThread(database.db, moderator, thread.threadId, { categoryId: archived.id })).toEqual({ status: "invalid", errors: { categoryId: "category_missing" } });
      expect(await moveThread(database.db, moderator, thread.threadId, { categoryId: "nonsense" })).toEqual({ status: "invalid", errors: { categoryId: "category_missing" } });
    });

    test("closed-group thread cannot move", async () => {
      const groupId = await createTestClosedGroup(database, [writer.accountId, reader.accountId]);
      const thread = await createThread(database.db, writer, { kind: "group", groupId }, { title: "Bare oss", body: "Hei dere.", idempotencyKey: formKey() });
      if (thread.status !== "created") throw new Error("Group thread was not created.");
      expect(await moveThread(database.db, moderator, thread.threadId, { categoryId: otherCategory.id })).toEqual({ status: "not_allowed" });
      const [row] = await database.db.select({ closedGroupId: forumThreads.closedGroupId }).from(forumThreads).where(eq(forumThreads.id, thread.threadId));
      expect(row?.closedGroupId).toBe(groupId);
    });

    test("moderator pins new thread on creation", async () => {
      const created = await createThread(database.db, moderator, { kind: "category", categoryId: category.id }, { title: "Refleksjon før kafeen", body: "Hva gir deg ro?", idempotencyKey: formKey(), pin: true });
      if (created.status !== "created") throw new Error("Thread was not created.");
      const [thread] = await database.db.select({ pinnedAt: forumThreads.pinnedAt }).from(forumThreads).where(eq(forumThreads.id, created.threadId));
      expect(thread?.pinnedAt).not.toBeNull();
      expect(await auditRows(created.threadId, "moderation.thread_pinned")).toEqual([{ action: "moderation.thread_pinned", actorId: moderator.accountId, details: { reason: null, onCreate: true } }]);
    });

    test("member's pin request is ignored", async () => {
      const created = await createThread(database.db, writer, { kind: "category", categoryId: category.id }, { title: "Vil være øverst", body: "Hei", idempotencyKey: formKey(), pin: true });
      if (created.status !== "created") throw new Error("Thread was not created.");
      const [thread] = await database.db.select({ pinnedAt: forumThreads.pinnedAt }).from(forumThreads).where(eq(forumThreads.id, created.threadId));
      expect(thread?.pinnedAt).toBeNull();
      expect(await auditRows(created.threadId)).toEqual([]);
    });
  });

  describe("edit with a note", () => {
    test("edit keeps revision, note and notifies author", async () => {
      const thread = await startThread(writer, "Jeg bor i Storgata 5 og har det tungt.");
      const result = await editPostAsModerator(database.db, moderator, thread.postId, { body: "Jeg har det tungt.", contentWarning: "", note: "Tok bort adressen, så ingen kan finne deg." });
      expect(result).toEqual({ status: "saved", threadId: thread.threadId, postId: thread.postId, position: 1 });

      const [post] = await database.db.select().from(forumPosts).where(eq(forumPosts.id, thread.postId));
      expect(post?.body).toBe("Jeg har det tungt.");
      expect(post?.bodyHtml).toContain("<p>Jeg har det tungt.</p>");
      expect(post?.moderatorNote).toBe("Tok bort adressen, så ingen kan finne deg.");
      expect(post?.moderatorEditedAt).not.toBeNull();

      const revisions = await database.db.select({ body: forumPostRevisions.body }).from(forumPostRevisions).where(eq(forumPostRevisions.postId, thread.postId));
      expect(revisions).toEqual([{ body: "Jeg bor i Storgata 5 og har det tungt." }]);

      const rows = await auditRows(thread.postId);
      expect(rows).toEqual([{ action: "moderation.post_edited", actorId: moderator.accountId, details: { threadId: thread.threadId } }]);
      expect(JSON.stringify(rows)).not.toContain("Storgata");

      const sent = await database.db.select({ kind: notifications.kind }).from(notifications).where(and(eq(notifications.recipientId, writer.accountId), eq(notifications.postId, thread.postId)));
      expect(sent).toEqual([{ kind: "moderation_post_edited" }]);

      const page = await getThreadPage(database.db, reader, thread.threadId, 1, "nb");
      if (page.status !== "found") throw new Error(`Thread page: ${page.status}`);
      expect(page.posts[0]?.moderatorNote).toBe("Tok bort adressen, så ingen kan finne deg.");
    });

    test("edit sent twice acts once", async () => {
      const thread = await startThread();
      const input = { body: "Ny tekst", note: "Kortet ned." };
      await editPostAsModerator(database.db, moderator, thread.postId, input);
      await editPostAsModerator(database.db, moderator, thread.postId, input);
      expect(await database.db.select().from(forumPostRevisions).where(eq(forumPostRevisions.postId, thread.postId))).toHaveLength(1);
      expect(await auditRows(thread.postId)).toHaveLength(1);
    });

    test("edit needs a note", async () => {
      const thread = await startThread();
      expect(await editPostAsModerator(database.db, moderator, thread.postId, { body: "Ny tekst", note: "  " })).toEqual({ status: "invalid", errors: { note: "note_missing" } });
      expect(await editPostAsModerator(database.db, moderator, thread.postId, { body: "Ny tekst", note: "x".repeat(501) })).toEqual({ status: "invalid", errors: { note: "note_too_long" } });
      expect(await auditRows(thread.postId)).toEqual([]);
    });

    test("deleted post cannot be edited", async () => {
      const thread = await startThread();
      await deletePost(database.db, writer, thread.postId);
      expect(await editPostAsModerator(database.db, moderator, thread.postId, { body: "Ny", note: "Merknad" })).toEqual({ status: "not_found" });
    });
  });

  describe("warnings", () => {
    test("warning shows until acknowledged", async () => {
      const member = await freshMember("Advart");
      const thread = await startThread(member);
      const result = await warnMember(database.db, moderator, "advart", { reason: "hurtful", message: "Husk å være snill.", postId: thread.postId });
      if (result.status !== "warned") throw new Error(`Warning failed: ${JSON.stringify(result)}`);

      const notices = await getOwnModerationNotices(database.db, member);
      expect(notices.warnings).toMatchObject([{ id: result.warningId, reason: "hurtful", message: "Husk å være snill." }]);
      expect(await auditRows(member.accountId, "moderation.member_warned")).toEqual([
        { action: "moderation.member_warned", actorId: moderator.accountId, details: { reason: "hurtful", warningId: result.warningId, postId: thread.postId } },
      ]);
      const sent = await database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.recipientId, member.accountId));
      expect(sent).toContainEqual({ kind: "moderation_warning" });

      expect(await acknowledgeWarning(database.db, reader, result.warningId)).toEqual({ status: "not_found" });
      expect(await acknowledgeWarning(database.db, member, result.warningId)).toEqual({ status: "acknowledged" });
      expect(await acknowledgeWarning(database.db, member, result.warningId)).toEqual({ status: "acknowledged" });
      expect((await getOwnModerationNotices(database.db, member)).warnings).toEqual([]);
    });

    test("warning sent twice is one", async () => {
      await freshMember("Dobbeltvarslet");
      const first = await warnMember(database.db, moderator, "Dobbeltvarslet", { reason: "spam", message: "Ikke reklame her." });
      expect(first).toMatchObject({ status: "invalid", errors: { reason: "reason_missing" } });
      const input = { reason: "advertising", message: "Ikke reklame her." };
      const sent = await warnMember(database.db, moderator, "Dobbeltvarslet", input);
      const again = await warnMember(database.db, moderator, "Dobbeltvarslet", input);
      expect(again).toEqual(sent);
    });

    test("warning needs a message", async () => {
      await freshMember("Utenord");
      expect(await warnMember(database.db, moderator, "Utenord", { reason: "hurtful", message: "" })).toEqual({ status: "invalid", errors: { message: "message_missing" } });
      expect(await warnMember(database.db, moderator, "Utenord", { reason: "hurtful", message: "x".repeat(1001) })).toEqual({ status: "invalid", errors: { message: "message_too_long" } });
    });

    test("peer moderators and self are not_allowed", async () => {
      expect(await warnMember(database.db, moderator, "Vardeild", { reason: "hurtful", message: "Hei" })).toEqual({ status: "not_allowed" });
      expect(await warnMember(database.db, moderator, "Fyrlykt", { reason: "hurtful", message: "Hei" })).toEqual({ status: "not_allowed" });
      expect(await suspendMember(database.db, moderator, "Vardeild", { reason: "hurtful", message: "Hei", until: "lifted" })).toEqual({ status: "not_allowed" });
      expect(await suspendMember(database.db, moderator, "Fyrlykt", { reason: "hurtful", message: "Hei", until: "lifted" })).toEqual({ status: "not_allowed" });
      expect(await unsafeFindActiveSuspension(database.db, otherModerator.accountId)).toBeNull();
    });

    test("unknown pseudonym is not_found", async () => {
      expect(await warnMember(database.db, moderator, "Finnes ikke", { reason: "hurtful", message: "Hei" })).toEqual({ status: "not_found" });
    });
  });

  describe("suspensions", () => {
    test("suspended member reads but cannot write", async () => {
      const member = await freshMember("Pause");
      const own = await startThread(member);
      const others = await startThread(reader);
      const result = await suspendMember(database.db, moderator, "Pause", { reason: "repeated_breaches", message: "Ta en pause.", until: "lifted" });
      expect(result).toMatchObject({ status: "suspended", endsAt: null, replacedSuspensionId: null });

      const refused = { status: "suspended", endsAt: null };
      expect(await createThread(database.db, member, { kind: "category", categoryId: category.id }, { title: "Ny tråd", body: "Hei", idempotencyKey: formKey() })).toEqual(refused);
      expect(await replyToThread(database.db, member, others.threadId, { body: "Svar", idempotencyKey: formKey() })).toEqual(refused);
      expect(await editPost(database.db, member, own.postId, { body: "Endret" })).toEqual(refused);
      expect(await reactToPost(database.db, member, others.postId, { kind: "hug", on: true })).toEqual(refused);

      expect((await getThreadPage(database.db, member, others.threadId, 1, "nb")).status).toBe("found");
      expect(await deletePost(database.db, member, own.postId)).toMatchObject({ status: "deleted" });
      expect((await getOwnModerationNotices(database.db, member)).suspension).toEqual({ reason: "repeated_breaches", message: "Ta en pause.", endsAt: null });

      const rows = await auditRows(member.accountId, "moderation.member_suspended");
      expect(rows).toHaveLength(1);
      expect(rows[0]?.details).toMatchObject({ reason: "repeated_breaches", endsAt: null });
      const sent = await database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.recipientId, member.accountId));
      expect(sent).toContainEqual({ kind: "moderation_suspension" });
    });

    test("lift lets the member write again", async () => {
      const member = await freshMember("Tilbake");
      const others = await startThread(reader);
      await suspendMember(database.db, moderator, "Tilbake", { reason: "hurtful", message: "En liten pause.", until: "lifted" });
      expect(await liftSuspension(database.db, moderator, "Tilbake")).toMatchObject({ status: "lifted" });
      expect(await liftSuspension(database.db, moderator, "Tilbake")).toEqual({ status: "not_active" });
      expect(await replyToThread(database.db, member, others.threadId, { body: "Takk", idempotencyKey: formKey() })).toMatchObject({ status: "created" });
      expect(await auditRows(member.accountId, "moderation.suspension_lifted")).toHaveLength(1);
    });

    test("suspension ends by itself at endsAt", async () => {
      const member = await freshMember("Tidsavgrenset");
      const others = await startThread(reader);
      const now = new Date();
      const endsAtLocal = instantToPortalLocalTime(new Date(now.getTime() + 2 * 86_400_000));
      const result = await suspendMember(database.db, moderator, "Tidsavgrenset", { reason: "off_topic", message: "To dager.", until: "date", endsAt: endsAtLocal }, now);
      if (result.status !== "suspended") throw new Error(`Suspension failed: ${JSON.stringify(result)}`);
      expect(result.endsAt?.toISOString()).toBe(portalLocalTimeToInstant(endsAtLocal)?.toISOString());
      expect(await replyToThread(database.db, member, others.threadId, { body: "Svar", idempotencyKey: formKey() })).toEqual({ status: "suspended", endsAt: result.endsAt });
      expect((await auditRows(member.accountId, "moderation.member_suspended"))[0]?.details).toMatchObject({ endsAt: result.endsAt?.toISOString() });

      // Time passes: move the end into the past instead of waiting.
      await database.db.update(memberSuspensions).set({ endsAt: sql`now() - interval '1 minute'` }).where(eq(memberSuspensions.id, result.suspensionId));
      expect(await unsafeFindActiveSuspension(database.db, member.accountId)).toBeNull();
      expect(await replyToThread(database.db, member, others.threadId, { body: "Svar", idempotencyKey: formKey() })).toMatchObject({ status: "created" });
    });

    test("suspending again replaces the one in force", async () => {
      const member = await freshMember("Forlenget");
      const first = await suspendMember(database.db, moderator, "Forlenget", { reason: "hurtful", message: "Først.", until: "date", endsAt: instantToPortalLocalTime(new Date(Date.now() + 86_400_000)) });
      const again = await suspendMember(database.db, moderator, "Forlenget", { reason: "hurtful", message: "Først.", until: "lifted" });
      if (first.status !== "suspended" || again.status !== "suspended") throw new Error("Suspension failed.");
      expect(again.replacedSuspensionId).toBe(first.suspensionId);

      const active = await unsafeFindActiveSuspension(database.db, member.accountId);
      expect(active).toMatchObject({ id: again.suspensionId, endsAt: null });
      const view = await getMemberForModeration(database.db, moderator, "Forlenget");
      expect(view.status === "found" && view.suspensions.filter((suspension) => suspension.active)).toHaveLength(1);
      expect(await auditRows(member.accountId, "moderation.member_suspended")).toHaveLength(2);
    });

    test("same suspension sent twice acts once", async () => {
      const member = await freshMember("Dobbeltsendt");
      const input = { reason: "hurtful", message: "En pause.", until: "lifted" };
      const first = await suspendMember(database.db, moderator, "Dobbeltsendt", input);
      const second = await suspendMember(database.db, moderator, "Dobbeltsendt", input);
      expect(second).toMatchObject({ status: "suspended", suspensionId: first.status === "suspended" ? first.suspensionId : "" });
      expect(await auditRows(member.accountId, "moderation.member_suspended")).toHaveLength(1);
    });

    test("end time must be future and near", async () => {
      await freshMember("Tidsfeil");
      const now = new Date("2026-06-01T10:00:00Z");
      const attempt = (endsAt: string, until = "date") => suspendMember(database.db, moderator, "Tidsfeil", { reason: "hurtful", message: "Hei", until, endsAt }, now);
      expect(await attempt("")).toEqual({ status: "invalid", errors: { endsAt: "ends_at_missing" } });
      expect(await attempt("i morgen")).toEqual({ status: "invalid", errors: { endsAt: "ends_at_invalid" } });
      expect(await attempt("2026-02-30T10:00")).toEqual({ status: "invalid", errors: { endsAt: "ends_at_invalid" } });
      expect(await attempt("2026-06-01T11:59")).toEqual({ status: "invalid", errors: { endsAt: "ends_at_past" } });
      expect(await attempt("2027-06-02T12:00")).toEqual({ status: "invalid", errors: { endsAt: "ends_at_too_far" } });
      expect(await attempt("", "forever")).toEqual({ status: "invalid", errors: { until: "until_missing" } });
    });

    test("member view counts posts and history", async () => {
      const member = await freshMember("Telles");
      const thread = await startThread(member);
      await replyToThread(database.db, member, thread.threadId, { body: "Og et svar til.", idempotencyKey: formKey() });
      await database.db.update(forumPosts).set({ hiddenAt: new Date(), hiddenReason: "hurtful" }).where(eq(forumPosts.id, thread.postId));
      await warnMember(database.db, moderator, "Telles", { reason: "hurtful", message: "Vær snill." });

      const view = await getMemberForModeration(database.db, moderator, "telles");
      if (view.status !== "found") throw new Error("Member not found.");
      expect(view.pseudonym).toBe("Telles");
      expect(view.counts).toEqual({ posts: 2, hiddenPosts: 1, openReports: 0 });
      expect(view.warnings).toHaveLength(1);
      expect(view.mayActOn).toBe(true);
      expect(JSON.stringify(view)).not.toContain(member.accountId);
    });
  });
});

describe("portal time", () => {
  test("winter time is UTC+1", () => {
    expect(portalLocalTimeToInstant("2026-01-15T12:00")?.toISOString()).toBe("2026-01-15T11:00:00.000Z");
  });

  test("summer time is UTC+2", () => {
    expect(portalLocalTimeToInstant("2026-07-15T12:00")?.toISOString()).toBe("2026-07-15T10:00:00.000Z");
  });

  test("skipped spring hour is rejected", () => {
    expect(portalLocalTimeToInstant("2026-03-29T02:30")).toBeNull();
  });

  test("repeated autumn hour takes the first", () => {
    expect(portalLocalTimeToInstant("2026-10-25T02:30")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  test("round trip keeps the wall clock", () => {
    expect(instantToPortalLocalTime(new Date("2026-07-15T10:00:00Z"))).toBe("2026-07-15T12:00");
  });
});
