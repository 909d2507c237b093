import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, formKey } from "../../tests/support/forum-factory";
import { listMail, startTestSmtpServer, waitForMail, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createThread } from "../forum/create-thread";
import { replyToThread } from "../forum/reply-to-thread";
import { forumPosts, memberBlocks } from "../forum/schema";
import type { PersonActor } from "../identity/actor";
import { identities } from "../identity/schema";
import { encryptText } from "../platform/crypto";
import { createLogger } from "../platform/logger";
import { createMailer, type Mailer } from "../platform/mail";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "./list-notifications";
import { notificationSettings } from "./schema";
import { sendNotificationEmails } from "./send-notification-emails";

const log = createLogger("silent");

describe.each(testEngines())("forum notifications on %s", (engine) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let category: { id: string; slug: string };
  const publicUrl = new URL("https://reconnect.example.no");

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

  async function memberWithEmail(pseudonym: string, emailForum: boolean) {
    const member = await createTestAccount(database, { roles: ["member"], pseudonym });
    const address = `${pseudonym.toLowerCase()}.${randomBytes(3).toString("hex")}@example.invalid`;
    await database.db.update(identities).set({ emailEncrypted: encryptText(database.keys, address) }).where(eq(identities.accountId, member.accountId));
    await database.db.insert(notificationSettings).values({ accountId: member.accountId, emailForum });
    return { member, address };
  }

  async function threadWithReply(author: PersonActor, replier: PersonActor, title: string, body: string) {
    const thread = await createThread(database.db, author, { kind: "category", categoryId: category.id }, { title, body: "Åpningsinnlegg", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error("thread not created");
    const reply = await replyToThread(database.db, replier, thread.threadId, { body, idempotencyKey: formKey() });
    if (reply.status !== "created") throw new Error("reply not created");
    return { thread, reply };
  }

  const send = () => sendNotificationEmails(database.db, { keys: database.keys, mailer, publicUrl, log });

  test("reply notifies the thread's writer in the portal", async () => {
    const writer = await createTestAccount(database, { roles: ["member"], pseudonym: `Skriver${randomBytes(2).toString("hex")}` });
    const replier = await createTestAccount(database, { roles: ["member"], pseudonym: `Svarer${randomBytes(2).toString("hex")}` });
    const { thread } = await threadWithReply(writer, replier, "Søvnløse netter", "Jeg kjenner meg igjen.");

    const listed = await listNotifications(database.db, writer);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: "forum_reply", read: false, thread: { id: thread.threadId, title: "Søvnløse netter" }, post: { position: 2 } });
    expect(listed[0]!.actorPseudonym).toBe(replier.displayName);
    expect(await countUnreadNotifications(database.db, writer)).toBe(1);

    await markNotificationsRead(database.db, writer, { threadId: thread.threadId });
    expect(await countUnreadNotifications(database.db, writer)).toBe(0);
  });

  test("deleted post drops out of the list", async () => {
    const writer = await createTestAccount(database, { roles: ["member"] });
    const replier = await createTestAccount(database, { roles: ["member"] });
    const { reply } = await threadWithReply(writer, replier, "Tittel", "Svar som slettes");
    await database.db.update(forumPosts).set({ deletedAt: new Date() }).where(eq(forumPosts.id, reply.postId));

    expect(await listNotifications(database.db, writer)).toEqual([]);
  });

  test("a later block hides earlier notifications", async () => {
    const writer = await createTestAccount(database, { roles: ["member"] });
    const replier = await createTestAccount(database, { roles: ["member"] });
    await threadWithReply(writer, replier, "Tittel", "Svar");
    await database.db.insert(memberBlocks).values({ blockerId: writer.accountId, blockedId: replier.accountId });

    expect(await listNotifications(database.db, writer)).toEqual([]);
  });

  test("e-mail says only that something is new", async () => {
    const { member: writer, address } = await memberWithEmail("Kanarifugl", true);
    const replier = await createTestAccount(database, { roles: ["member"], pseudonym: `Svarfugl${randomBytes(2).toString("hex")}` });
    const before = Date.now();
    await threadWithReply(writer, replier, "Hemmelig trådtittel", "Hemmelig svartekst");

    await send();
    const mail = await waitForMail(smtp.httpPort, address, { after: before });
    expect(mail.subject).toBe("Noe nytt i ReConnect");
    expect(mail.text).toContain("https://reconnect.example.no/notifications");
    for (const secret of ["Hemmelig", replier.displayName!, "Kanarifugl"]) expect(mail.text).not.toContain(secret);
    expect(mail.subject).not.toContain("Hemmelig");
  });

  test("second batch within 15 minutes waits", async () => {
    const { member: writer, address } = await memberWithEmail("Ventefugl", true);
    const replier = await createTestAccount(database, { roles: ["member"] });
    await threadWithReply(writer, replier, "Første", "Ett");
    await send();
    await waitForMail(smtp.httpPort, address);

    await threadWithReply(writer, replier, "Andre", "To");
    await send();
    await send();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listMail(smtp.httpPort, address)).toHaveLength(1);
  });

  test("no e-mail unless the member chose it", async () => {
    const { member: writer, address } = await memberWithEmail("Stillefugl", false);
    const replier = await createTestAccount(database, { roles: ["member"] });
    await threadWithReply(writer, replier, "Tittel", "Svar");

    await send();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listMail(smtp.httpPort, address)).toEqual([]);
  });

  test("parallel senders mail once", async () => {
    const { member: writer, address } = await memberWithEmail("Enfugl", true);
    const replier = await createTestAccount(database, { roles: ["member"] });
    await threadWithReply(writer, replier, "Tittel", "Svar");

    await Promise.all([send(), send(), send()]);
    await waitForMail(smtp.httpPort, address);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listMail(smtp.httpPort, address)).toHaveLength(1);
  });
});
