import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, formKey } from "../../tests/support/forum-factory";
import { listMail, startTestSmtpServer, waitForMail, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createThread } from "../forum/create-thread";
import type { PersonActor } from "../identity/actor";
import { identities } from "../identity/schema";
import { hidePost } from "../moderation/hide-post";
import { unsafeNotifyModerators } from "../moderation/notify-moderators";
import { reportPost } from "../moderation/report-post";
import { encryptText } from "../platform/crypto";
import { createLogger } from "../platform/logger";
import { createMailer, type Mailer } from "../platform/mail";
import { getNotificationSettings } from "./get-notification-settings";
import { notificationSettings } from "./schema";
import { sendNotificationEmails } from "./send-notification-emails";
import { setModerationEmailNotifications } from "./set-moderation-email-notifications";

const log = createLogger("silent");

describe.each(testEngines())("moderation e-mail on %s", (engine) => {
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

  const send = () => sendNotificationEmails(database.db, { keys: database.keys, mailer, publicUrl, log });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  async function withAddress(actor: PersonActor) {
    const address = `person.${randomBytes(4).toString("hex")}@example.invalid`;
    await database.db.update(identities).set({ emailEncrypted: encryptText(database.keys, address) }).where(eq(identities.accountId, actor.accountId));
    return address;
  }

  /** Create a moderator with an e-mail address and no saved settings, so every choice is the default. */
  async function moderatorWithEmail() {
    const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"] });
    return { moderator, address: await withAddress(moderator) };
  }

  async function secretPost(writer: PersonActor) {
    const thread = await createThread(database.db, writer, { kind: "category", categoryId: category.id }, { title: "Hemmelig tittel", body: "Hemmelig innlegg om natten", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error("thread not created");
    return thread;
  }

  test("crisis alert mail is neutral", async () => {
    const { moderator, address } = await moderatorWithEmail();
    const writer = await createTestAccount(database, { roles: ["member"], pseudonym: `Skjulested${randomBytes(2).toString("hex")}` });
    const thread = await secretPost(writer);
    const before = Date.now();
    await unsafeNotifyModerators(database.db, { kind: "moderation_crisis_alert", actorId: writer.accountId, threadId: thread.threadId, postId: thread.postId });

    await send();
    const mail = await waitForMail(smtp.httpPort, address, { after: before });
    expect(mail.subject).toBe("Det er et nytt krisevarsel i ReConnect");
    expect(mail.text).toContain("https://reconnect.example.no/moderation/crisis-alerts");
    for (const secret of ["Hemmelig", writer.displayName!, moderator.displayName!, category.slug, "Kategori"]) {
      expect(mail.text).not.toContain(secret);
      expect(mail.subject).not.toContain(secret);
    }
  });

  test("crisis alert skips the interval", async () => {
    const { address } = await moderatorWithEmail();
    const writer = await createTestAccount(database, { roles: ["member"] });
    const reporter = await createTestAccount(database, { roles: ["member"] });
    const first = await secretPost(writer);
    await reportPost(database.db, reporter, first.postId, { reason: "spam" });
    await send();
    await waitForMail(smtp.httpPort, address);

    const second = await secretPost(writer);
    await reportPost(database.db, reporter, second.postId, { reason: "spam" });
    await send();
    await settle();
    expect(await listMail(smtp.httpPort, address)).toHaveLength(1);

    await unsafeNotifyModerators(database.db, { kind: "moderation_crisis_alert", actorId: writer.accountId, threadId: second.threadId, postId: second.postId });
    await send();
    await settle();
    const subjects = (await listMail(smtp.httpPort, address)).map((mail) => mail.subject);
    expect(subjects).toEqual(["Det er en ny melding om et innlegg i ReConnect", "Det er et nytt krisevarsel i ReConnect"]);
  });

  test("report mail ignores the forum choice", async () => {
    const { moderator, address } = await moderatorWithEmail();
    await database.db.insert(notificationSettings).values({ accountId: moderator.accountId, emailForum: false });
    const writer = await createTestAccount(database, { roles: ["member"] });
    const reporter = await createTestAccount(database, { roles: ["member"] });
    const thread = await secretPost(writer);
    const before = Date.now();
    await reportPost(database.db, reporter, thread.postId, { reason: "hurtful", note: "Hemmelig notat" });

    await send();
    const mail = await waitForMail(smtp.httpPort, address, { after: before });
    expect(mail.subject).toBe("Det er en ny melding om et innlegg i ReConnect");
    expect(mail.text).not.toContain("Hemmelig");
  });

  test("no moderation mail when turned off", async () => {
    const { moderator, address } = await moderatorWithEmail();
    expect(await setModerationEmailNotifications(database.db, moderator, { enabled: false })).toEqual({ status: "saved", emailModeration: false });
    const writer = await createTestAccount(database, { roles: ["member"] });
    const thread = await secretPost(writer);
    await unsafeNotifyModerators(database.db, { kind: "moderation_crisis_alert", actorId: writer.accountId, threadId: thread.threadId, postId: thread.postId });

    await send();
    await settle();
    expect(await listMail(smtp.httpPort, address)).toEqual([]);
  });

  test("member outcome follows the forum choice", async () => {
    const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"] });
    const quiet = await createTestAccount(database, { roles: ["member"] });
    const quietAddress = await withAddress(quiet);
    const keen = await createTestAccount(database, { roles: ["member"] });
    const keenAddress = await withAddress(keen);
    await database.db.insert(notificationSettings).values({ accountId: keen.accountId, emailForum: true });

    const before = Date.now();
    for (const writer of [quiet, keen]) {
      const thread = await secretPost(writer);
      await hidePost(database.db, moderator, thread.postId, { reason: "hurtful", note: "Hemmelig beskjed" });
    }
    await send();

    const mail = await waitForMail(smtp.httpPort, keenAddress, { after: before });
    expect(mail.subject).toBe("Noe nytt i ReConnect");
    expect(mail.text).not.toContain("Hemmelig");
    await settle();
    expect(await listMail(smtp.httpPort, quietAddress)).toEqual([]);
  });

  test("moderation setting only for moderators", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    const { moderator } = await moderatorWithEmail();

    expect(await setModerationEmailNotifications(database.db, member, { enabled: false })).toEqual({ status: "not_found" });
    expect(await getNotificationSettings(database.db, member)).toMatchObject({ status: "found", settings: { emailModeration: null } });
    expect(await getNotificationSettings(database.db, moderator)).toMatchObject({ status: "found", settings: { emailModeration: true } });
  });
});
