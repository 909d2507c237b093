import { randomBytes } from "node:crypto";

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createCafeCommunity, createTestCafe } from "../../tests/support/cafe-fixtures";
import { listMail, startTestSmtpServer, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { communityMemberships } from "../communities/schema";
import { identities } from "../identity/schema";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "../notifications/list-notifications";
import { notifications, notificationSettings } from "../notifications/schema";
import { sendNotificationEmails } from "../notifications/send-notification-emails";
import { encryptText } from "../platform/crypto";
import { createLogger } from "../platform/logger";
import { createMailer, type Mailer } from "../platform/mail";
import { answerCafe } from "./answer-cafe";
import { CAFE_NOTICE_KINDS, unsafeQueueCafeNotices } from "./cafe-notices";
import { cancelCafe } from "./cancel-cafe";
import { cafes } from "./schema";

const log = createLogger("silent");
const now = new Date("2026-12-01T09:00:00Z");
const startsAt = new Date("2026-12-15T17:00:00Z");

describe.each(testEngines())("kafé notices in the notification list on %s", (engine) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.smtpPort}`, from: "ReConnect <no-reply@reconnect.invalid>", log });
  }, 60_000);
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await database?.close();
  });

  test("every kind is listed with its kafé", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    const kinds = CAFE_NOTICE_KINDS.filter((kind) => kind !== "cafe_reminder");
    await unsafeQueueCafeNotices(database.db, kinds.map((kind) => ({ recipientId: members[0]!.accountId, kind: kind as never, cafeId })), now);
    // Only the reminder job makes reminders; it writes the same row shape.
    await database.db.insert(notifications).values({ recipientId: members[0]!.accountId, kind: "cafe_reminder", cafeId, emailHandledAt: now });

    const listed = await listNotifications(database.db, members[0]!);
    expect(listed.map((notification) => notification.kind).sort()).toEqual([...CAFE_NOTICE_KINDS].sort());
    for (const notification of listed) expect(notification.cafe).toEqual({ id: cafeId, title: "Kafé i testbyen", startsAt });
    expect(await countUnreadNotifications(database.db, members[0]!)).toBe(CAFE_NOTICE_KINDS.length);

    await markNotificationsRead(database.db, members[0]!, { cafeId });
    expect(await countUnreadNotifications(database.db, members[0]!)).toBe(0);
  });

  test("leaving the community hides the notice", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    await answerCafe(database.db, members[0]!, cafeId, { answer: "coming", showToRevealed: false }, now);
    await cancelCafe(database.db, host, cafeId, { reason: "weather", scope: "one" }, now);
    expect((await listNotifications(database.db, members[0]!)).map((notification) => notification.kind)).toEqual(["cafe_cancelled"]);

    await database.db.delete(communityMemberships).where(and(eq(communityMemberships.accountId, members[0]!.accountId), eq(communityMemberships.communityId, communityId)));
    expect(await listNotifications(database.db, members[0]!)).toEqual([]);
    expect(await countUnreadNotifications(database.db, members[0]!)).toBe(0);
  });

  test("pending meet-up notice only to moderators", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    await database.db.update(cafes).set({ kind: "meetup", approval: "pending", hostId: members[1]!.accountId }).where(eq(cafes.id, cafeId));
    await unsafeQueueCafeNotices(
      database.db,
      [members[0]!, members[1]!, host].map((person) => ({ recipientId: person.accountId, kind: "cafe_meetup_pending" as const, cafeId })),
      now,
    );
    expect(await listNotifications(database.db, members[0]!)).toEqual([]);
    expect(await listNotifications(database.db, members[1]!)).toHaveLength(1);
    expect(await listNotifications(database.db, host)).toHaveLength(1);
  });

  test("forum mailer skips kafé notices", async () => {
    const { communityId, host, members } = await createCafeCommunity(database);
    const member = members[0]!;
    const address = `kafe.${randomBytes(3).toString("hex")}@example.invalid`;
    await database.db.update(identities).set({ emailEncrypted: encryptText(database.keys, address) }).where(eq(identities.accountId, member.accountId));
    await database.db.insert(notificationSettings).values({ accountId: member.accountId, emailForum: true });
    const cafeId = await createTestCafe(database, host, communityId, startsAt, now);
    await answerCafe(database.db, member, cafeId, { answer: "coming", showToRevealed: false }, now);
    await cancelCafe(database.db, host, cafeId, { reason: "weather", scope: "one" }, now);

    const [row] = await database.db.select({ emailHandledAt: notifications.emailHandledAt }).from(notifications).where(eq(notifications.recipientId, member.accountId));
    expect(row?.emailHandledAt).not.toBeNull();
    await sendNotificationEmails(database.db, { keys: database.keys, mailer, publicUrl: new URL("https://reconnect.example.no"), log });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listMail(smtp.httpPort, address)).toEqual([]);
  });
});
