import { randomBytes } from "node:crypto";

import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, formKey } from "../../tests/support/forum-factory";
import { listMail, startTestSmtpServer, waitForMail, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { createThread } from "../forum/create-thread";
import { unsafeFindMentionedAccounts } from "../forum/find-mentions";
import { getMemberProfile } from "../forum/get-member-profile";
import { getThreadPage } from "../forum/get-thread-page";
import { unsafeListInvitableMembers } from "../forum/list-mutually-revealed-members";
import { replyToThread } from "../forum/reply-to-thread";
import { revealToMember } from "../forum/reveal-to-member";
import { moderatorDuty } from "../moderation/schema";
import { notifications, notificationSettings } from "../notifications/schema";
import { sendNotificationEmails } from "../notifications/send-notification-emails";
import { encryptText } from "../platform/crypto";
import { createLogger } from "../platform/logger";
import { createMailer, type Mailer } from "../platform/mail";
import { createSession, resolveSession } from "../sessions";
import { unsafeIsAccountReachable } from "./account-reachability";
import type { PersonActor } from "./actor";
import { pauseAccount } from "./pause-account";
import { resumeAccount } from "./resume-account";
import { accounts, identities, sessions } from "./schema";

const sessionConfig = { idleMinutesMember: 30, idleMinutesProvider: 15, absoluteHours: 12 };
const log = createLogger("silent");

describe.each(testEngines())("take a break on %s", (engine) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let category: { id: string; slug: string };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.smtpPort}`, from: "ReConnect <no-reply@reconnect.invalid>", log });
    category = await createTestCategory(database);
  }, 60_000);

  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await database?.close();
  });

  const member = (pseudonym = `Pause${randomBytes(3).toString("hex")}`) => createTestAccount(database, { roles: ["member"], pseudonym });

  async function pausedAt(accountId: string) {
    const [row] = await database.db.select({ pausedAt: accounts.pausedAt }).from(accounts).where(eq(accounts.id, accountId));
    return row!.pausedAt;
  }

  async function auditRows(accountId: string, action: string) {
    return database.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "account"), eq(auditEvents.subjectId, accountId), eq(auditEvents.action, action)));
  }

  async function startThread(author: PersonActor, body = "Åpningsinnlegg") {
    const thread = await createThread(database.db, author, { kind: "category", categoryId: category.id }, { title: `Tråd ${randomBytes(3).toString("hex")}`, body, idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(`thread not created: ${thread.status}`);
    return thread.threadId;
  }

  async function reply(author: PersonActor, threadId: string, body: string) {
    const result = await replyToThread(database.db, author, threadId, { body, idempotencyKey: formKey() });
    if (result.status !== "created") throw new Error(`reply not created: ${result.status}`);
  }

  const notificationsFor = (accountId: string) => database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.recipientId, accountId));

  test("pause ends every session", async () => {
    const person = await member();
    const phone = await createSession(database.db, sessionConfig, { accountId: person.accountId, method: "demo" });
    const laptop = await createSession(database.db, sessionConfig, { accountId: person.accountId, method: "email" });

    expect(await pauseAccount(database.db, person)).toEqual({ status: "paused" });

    expect(await pausedAt(person.accountId)).toBeInstanceOf(Date);
    expect(await database.db.select().from(sessions).where(eq(sessions.accountId, person.accountId))).toEqual([]);
    expect((await resolveSession(database.db, database.keys, phone.token)).status).toBe("none");
    expect((await resolveSession(database.db, database.keys, laptop.token)).status).toBe("none");
  });

  test("pause writes one audit row", async () => {
    const person = await member();
    await createSession(database.db, sessionConfig, { accountId: person.accountId, method: "demo" });

    await pauseAccount(database.db, person);

    const rows = await auditRows(person.accountId, "account.paused");
    expect(rows).toEqual([{ actorId: person.accountId, details: { sessionsEnded: 1 } }]);
  });

  test("second pause changes nothing", async () => {
    const person = await member();
    await pauseAccount(database.db, person, new Date("2026-12-01T10:00:00Z"));

    expect(await pauseAccount(database.db, person, new Date("2026-12-01T10:00:05Z"))).toEqual({ status: "unchanged" });

    expect(await pausedAt(person.accountId)).toEqual(new Date("2026-12-01T10:00:00Z"));
    expect(await auditRows(person.accountId, "account.paused")).toHaveLength(1);
  });

  test("pause takes a moderator off duty", async () => {
    const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"] });
    await database.db.insert(moderatorDuty).values({ accountId: moderator.accountId, onDutySince: new Date("2026-12-01T08:00:00Z") });

    expect(await pauseAccount(database.db, moderator)).toEqual({ status: "paused" });

    expect(await database.db.select().from(moderatorDuty).where(eq(moderatorDuty.accountId, moderator.accountId))).toEqual([]);
    const dutyRows = await auditRows(moderator.accountId, "moderation.duty_ended");
    expect(dutyRows).toEqual([{ actorId: moderator.accountId, details: { trigger: "account_paused", onDutySince: "2026-12-01T08:00:00.000Z" } }]);
  });

  test("pause of an off-duty moderator records no duty change", async () => {
    const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"] });

    expect(await pauseAccount(database.db, moderator)).toEqual({ status: "paused" });

    expect(await auditRows(moderator.accountId, "moderation.duty_ended")).toEqual([]);
  });

  test.each([["provider"], ["administrator"], ["researcher"]] as const)("%s cannot pause", async (role) => {
    const staff = await createTestAccount(database, { roles: [role] });
    await createSession(database.db, sessionConfig, { accountId: staff.accountId, method: "demo" });

    expect(await pauseAccount(database.db, staff)).toEqual({ status: "not_found" });
    expect(await resumeAccount(database.db, staff)).toEqual({ status: "not_found" });

    expect(await pausedAt(staff.accountId)).toBeNull();
    expect(await database.db.select().from(sessions).where(eq(sessions.accountId, staff.accountId))).toHaveLength(1);
    expect(await auditRows(staff.accountId, "account.paused")).toEqual([]);
  });

  test("anonymous visitor cannot pause", async () => {
    expect(await pauseAccount(database.db, { kind: "anonymous" })).toEqual({ status: "not_found" });
  });

  test("signing in while paused gives a paused actor", async () => {
    const person = await member();
    await pauseAccount(database.db, person);

    const { token } = await createSession(database.db, sessionConfig, { accountId: person.accountId, method: "demo" });
    const lookup = await resolveSession(database.db, database.keys, token);

    expect(lookup.status).toBe("active");
    expect(lookup.status === "active" && lookup.actor.paused).toBe(true);
  });

  test("resume ends the break and keeps the session", async () => {
    const person = await member();
    await pauseAccount(database.db, person, new Date("2026-12-02T09:30:00Z"));
    const { token } = await createSession(database.db, sessionConfig, { accountId: person.accountId, method: "demo" });

    expect(await resumeAccount(database.db, person)).toEqual({ status: "resumed" });

    expect(await pausedAt(person.accountId)).toBeNull();
    const lookup = await resolveSession(database.db, database.keys, token);
    expect(lookup.status === "active" && lookup.actor.paused).toBe(false);
    expect(await auditRows(person.accountId, "account.resumed")).toEqual([{ actorId: person.accountId, details: { pausedAt: "2026-12-02T09:30:00.000Z" } }]);
  });

  test("second resume changes nothing", async () => {
    const person = await member();
    await pauseAccount(database.db, person);
    await resumeAccount(database.db, person);

    expect(await resumeAccount(database.db, person)).toEqual({ status: "unchanged" });
    expect(await auditRows(person.accountId, "account.resumed")).toHaveLength(1);
  });

  test("resume of an active account changes nothing", async () => {
    const person = await member();

    expect(await resumeAccount(database.db, person)).toEqual({ status: "unchanged" });
    expect(await auditRows(person.accountId, "account.resumed")).toEqual([]);
  });

  test("paused account is unreachable", async () => {
    const person = await member();
    expect(await unsafeIsAccountReachable(database.db, person.accountId)).toBe(true);

    await pauseAccount(database.db, person);
    expect(await unsafeIsAccountReachable(database.db, person.accountId)).toBe(false);

    await resumeAccount(database.db, person);
    expect(await unsafeIsAccountReachable(database.db, person.accountId)).toBe(true);
  });

  test("paused member is not mentioned", async () => {
    const writer = await member();
    const resting = await member();
    const threadId = await startThread(writer);
    await pauseAccount(database.db, resting);

    expect(await unsafeFindMentionedAccounts(database.db, `Hei @${resting.displayName}!`)).toEqual([]);
    await reply(writer, threadId, `Tenker på deg, @${resting.displayName}.`);
    expect(await notificationsFor(resting.accountId)).toEqual([]);

    await resumeAccount(database.db, resting);
    expect(await unsafeFindMentionedAccounts(database.db, `Hei @${resting.displayName}!`)).toEqual([resting.accountId]);
    await reply(writer, threadId, `Velkommen tilbake, @${resting.displayName}.`);
    expect(await notificationsFor(resting.accountId)).toEqual([{ kind: "forum_mention" }]);
  });

  test("mention of a paused pseudonym does not fall back to a shorter one", async () => {
    const suffix = randomBytes(3).toString("hex");
    const shorter = await member(`Stille${suffix}`);
    const longer = await member(`Stille${suffix} vann`);
    await pauseAccount(database.db, longer);

    expect(await unsafeFindMentionedAccounts(database.db, `Takk, @Stille${suffix} vann!`)).toEqual([]);
    expect(await unsafeFindMentionedAccounts(database.db, `Takk, @Stille${suffix}!`)).toEqual([shorter.accountId]);
  });

  test("paused member gets no reply notification", async () => {
    const resting = await member();
    const replier = await member();
    const threadId = await startThread(resting);
    await pauseAccount(database.db, resting);

    await reply(replier, threadId, "Jeg kjenner meg igjen i det du skriver.");

    expect(await notificationsFor(resting.accountId)).toEqual([]);
  });

  async function memberWithForumEmail() {
    const person = await member();
    const address = `pause.${randomBytes(3).toString("hex")}@example.invalid`;
    await database.db.update(identities).set({ emailEncrypted: encryptText(database.keys, address) }).where(eq(identities.accountId, person.accountId));
    await database.db.insert(notificationSettings).values({ accountId: person.accountId, emailForum: true });
    return { person, address };
  }

  test("paused member is not e-mailed", async () => {
    const resting = await memberWithForumEmail();
    const awake = await memberWithForumEmail();
    const replier = await member();
    // Both get a reply before the break starts, so a notification waits for its e-mail.
    await reply(replier, await startThread(resting.person), "Et svar før pausen.");
    await reply(replier, await startThread(awake.person), "Et svar til en som er her.");
    await pauseAccount(database.db, resting.person);

    await sendNotificationEmails(database.db, { keys: database.keys, mailer, publicUrl: new URL("https://reconnect.example.no"), log });

    expect(await waitForMail(smtp.httpPort, awake.address)).toBeDefined();
    expect(await listMail(smtp.httpPort, resting.address)).toEqual([]);
    const pending = await database.db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.recipientId, resting.person.accountId), isNull(notifications.emailHandledAt)));
    expect(pending).toEqual([]);
  });

  test("paused member is not offered for a closed group", async () => {
    const viewer = await member();
    const friend = await member();
    expect((await revealToMember(database.db, database.keys, viewer, { pseudonym: friend.displayName!, shownName: "Kari" })).status).toBe("revealed");
    expect((await revealToMember(database.db, database.keys, friend, { pseudonym: viewer.displayName!, shownName: "Ola" })).status).toBe("revealed");
    expect((await unsafeListInvitableMembers(database.db, database.keys, viewer.accountId)).map((row) => row.pseudonym)).toEqual([friend.displayName]);

    await pauseAccount(database.db, friend);

    expect(await unsafeListInvitableMembers(database.db, database.keys, viewer.accountId)).toEqual([]);
  });

  test("paused member's posts and profile stay as they were", async () => {
    const resting = await member();
    const reader = await member();
    const threadId = await startThread(resting, "Det jeg skrev før pausen.");
    const pageBefore = await getThreadPage(database.db, reader, threadId, 1, "nb");
    const profileBefore = await getMemberProfile(database.db, database.keys, reader, resting.displayName!);

    await pauseAccount(database.db, resting);

    const pageDuring = await getThreadPage(database.db, reader, threadId, 1, "nb");
    expect(pageDuring.status === "found" && pageDuring.posts.map((post) => [post.state, post.body, post.author?.pseudonym])).toEqual([["published", "Det jeg skrev før pausen.", resting.displayName]]);
    expect(pageDuring).toEqual(pageBefore);
    expect(await getMemberProfile(database.db, database.keys, reader, resting.displayName!)).toEqual(profileBefore);
  });
});
