import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { answerCafe, cafeSecrets, createMemberWithAddress, insertTestCafe, reminderHandlers } from "../../tests/support/cafe-reminder-fixtures";
import { readVapidAuthorization, startTestPushService, type TestPushService } from "../../tests/support/push-service";
import { listMail, startTestSmtpServer, type TestSmtpServer } from "../../tests/support/smtp-server";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { communityMemberships } from "../communities/schema";
import { accounts } from "../identity/schema";
import { notifications } from "../notifications/schema";
import { runDueJobs } from "../platform/jobs";
import { createLogger } from "../platform/logger";
import { createMailer, type Mailer } from "../platform/mail";
import { createPushSender, type PushSender } from "../platform/push";
import { jobs } from "../platform/schema";
import { CAFE_REMINDER_QUEUE } from "./cafe-jobs";
import { CAFE_NOTICE_QUEUE, unsafeQueueCafeNotices } from "./cafe-notices";
import { unsafeRescheduleCafeReminders, unsafeScheduleCafeReminders } from "./schedule-cafe-reminders";
import { cafes, cafeSettings, pushSubscriptions } from "./schema";
import webPush from "web-push";

const log = createLogger("silent");
const minute = 60_000;
// Tuesday 5 January 2027, 18:00 in Oslo.
const startsAt = new Date("2027-01-05T17:00:00Z");
const dayBefore = new Date(startsAt.getTime() - 24 * 60 * minute);
const twoHoursBefore = new Date(startsAt.getTime() - 120 * minute);
const scheduledAt = new Date("2026-12-20T10:00:00Z");

describe.each(testEngines())("kafé reminders on %s", (engine) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let pushService: TestPushService;
  let push: PushSender;
  let communityId: string;
  let hostId: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startTestSmtpServer({ smtpPort: 0, httpPort: 0 });
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.smtpPort}`, from: "ReConnect <no-reply@reconnect.invalid>", log });
    pushService = await startTestPushService();
    push = createPushSender({ ...webPush.generateVAPIDKeys(), subject: "mailto:drift@reconnect.example.no" }, { agent: pushService.agent });
    communityId = await createTestCommunity(database);
    hostId = (await createTestAccount(database, { roles: ["member", "peer_moderator"], communityIds: [communityId] })).accountId;
  }, 60_000);

  afterAll(async () => {
    mailer?.close();
    await pushService?.close();
    await smtp?.close();
    await database?.close();
  });

  const runReminders = (now: Date) => runDueJobs(database.db, CAFE_REMINDER_QUEUE, reminderHandlers(database, mailer, push)[CAFE_REMINDER_QUEUE]!, now, log);
  const runNotices = (now: Date) => runDueJobs(database.db, CAFE_NOTICE_QUEUE, reminderHandlers(database, mailer, push)[CAFE_NOTICE_QUEUE]!, now, log);

  async function outcomes(cafeId: string, accountId: string) {
    const rows = await database.db
      .select({ offset: sql<number>`(${jobs.payload}->>'offsetMinutes')::int`, outcome: jobs.outcome, state: jobs.state })
      .from(jobs)
      .where(and(eq(jobs.queue, CAFE_REMINDER_QUEUE), sql`${jobs.payload}->>'cafeId' = ${cafeId}`, sql`${jobs.payload}->>'accountId' = ${accountId}`));
    return Object.fromEntries(rows.map((row) => [Number(row.offset), row.outcome ?? row.state]));
  }

  /** A kafé with one member who answered coming and has reminders scheduled. */
  async function answeredCafe(answer: "coming" | "maybe" = "coming") {
    const cafeId = await insertTestCafe(database, { communityId, hostId, startsAt });
    const { member, address } = await createMemberWithAddress(database, communityId);
    await answerCafe(database.db, cafeId, member.accountId, answer);
    await unsafeScheduleCafeReminders(database.db, cafeId, member.accountId, scheduledAt);
    return { cafeId, member, address };
  }

  function expectNeutral(text: string) {
    for (const secret of Object.values(cafeSecrets)) expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain("kafé");
    expect(text.toLowerCase()).not.toContain("psyk");
  }

  test("neutral reminder by e-mail and portal", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await runReminders(dayBefore);

    const mails = await listMail(smtp.httpPort, address);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe("Påminnelse om en avtale");
    expect(mail!.text).toContain("Påminnelse: du har en avtale i ReConnect tirsdag 5. januar kl. 18:00.");
    expect(mail!.text).toContain(`https://reconnect.example.no/cafes/${cafeId}`);
    expect(mail!.text).toContain("https://reconnect.example.no/settings/cafes");
    expectNeutral(`${mail!.subject}\n${mail!.text}`);

    const rows = await database.db.select().from(notifications).where(and(eq(notifications.recipientId, member.accountId), eq(notifications.cafeId, cafeId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe("cafe_reminder");
    expect(rows[0]!.emailHandledAt).not.toBeNull();
    expect(await outcomes(cafeId, member.accountId)).toEqual({ 1440: "sent", 120: "pending" });

    await runReminders(twoHoursBefore);
    expect(await listMail(smtp.httpPort, address)).toHaveLength(2);
    expect(await outcomes(cafeId, member.accountId)).toEqual({ 1440: "sent", 120: "sent" });
  });

  test("maybe answer gets reminders", async () => {
    const { cafeId, member, address } = await answeredCafe("maybe");
    await runReminders(dayBefore);
    expect(await listMail(smtp.httpPort, address)).toHaveLength(1);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("sent");
  });

  test("opt-in reminder shows details", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.insert(cafeSettings).values({ accountId: member.accountId, showDetails: true });
    await runReminders(dayBefore);

    const [mail] = await listMail(smtp.httpPort, address);
    expect(mail!.subject).toBe(`Påminnelse om en avtale: ${cafeSecrets.title}`);
    expect(mail!.text).toContain(`Hva: ${cafeSecrets.title}`);
    expect(mail!.text).toContain(`Hvor: ${cafeSecrets.placeName}, ${cafeSecrets.address}`);
    expect(mail!.text).toContain(`/cafes/${cafeId}`);
  });

  test("English reminder in the member's language", async () => {
    const { member, address } = await answeredCafe();
    await database.db.update(accounts).set({ locale: "en" }).where(eq(accounts.id, member.accountId));
    await runReminders(dayBefore);

    const [mail] = await listMail(smtp.httpPort, address);
    expect(mail!.subject).toBe("Reminder of an appointment");
    expect(mail!.text).toContain("Reminder: you have an appointment in ReConnect on Tuesday 5 January at 18:00.");
  });

  test("Nynorsk reminder in the member's language", async () => {
    const { member, address } = await answeredCafe();
    await database.db.update(accounts).set({ locale: "nn" }).where(eq(accounts.id, member.accountId));
    await runReminders(dayBefore);

    const [mail] = await listMail(smtp.httpPort, address);
    expect(mail!.subject).toBe("Påminning om ein avtale");
    expect(mail!.text).toContain("Påminning: du har ein avtale i ReConnect tysdag 5. januar kl. 18:00.");
  });

  test("member without address gets portal reminder", async () => {
    const cafeId = await insertTestCafe(database, { communityId, hostId, startsAt });
    const member = await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    await answerCafe(database.db, cafeId, member.accountId, "coming");
    await unsafeScheduleCafeReminders(database.db, cafeId, member.accountId, scheduledAt);
    const mailsBefore = (await listMail(smtp.httpPort, "")).length;
    await runReminders(dayBefore);

    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("sent");
    const rows = await database.db.select().from(notifications).where(eq(notifications.recipientId, member.accountId));
    expect(rows).toHaveLength(1);
    // Other tests' reminders may fall due at the same time, so only this member's share is counted: none.
    const mailsAfter = await listMail(smtp.httpPort, "");
    expect(mailsAfter.slice(mailsBefore).filter((mail) => mail.text.includes(`/cafes/${cafeId}`))).toHaveLength(0);
  });

  test("cancelled kafé skips reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.update(cafes).set({ cancelledAt: scheduledAt }).where(eq(cafes.id, cafeId));
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_cancelled");
    const rows = await database.db.select().from(notifications).where(eq(notifications.recipientId, member.accountId));
    expect(rows).toHaveLength(0);
  });

  test("meet-up not approved skips reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.update(cafes).set({ kind: "meetup", approval: "declined" }).where(eq(cafes.id, cafeId));
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    // A declined meet-up is hidden from the member altogether, which the job reports as lost access.
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_access");
  });

  test("not coming skips reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await answerCafe(database.db, cafeId, member.accountId, "not_coming");
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_answer");
  });

  test("waiting list skips reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await answerCafe(database.db, cafeId, member.accountId, "waitlisted");
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_answer");
  });

  test("answer coming again revives skipped reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await answerCafe(database.db, cafeId, member.accountId, "not_coming");
    await runReminders(dayBefore);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_answer");

    // Coming again the evening before: the two-hour reminder is still ahead, the day-before one is past.
    const evening = new Date(dayBefore.getTime() + 60 * minute);
    await answerCafe(database.db, cafeId, member.accountId, "coming");
    await unsafeScheduleCafeReminders(database.db, cafeId, member.accountId, evening);
    expect(await outcomes(cafeId, member.accountId)).toEqual({ 1440: "skipped_answer", 120: "pending" });
    await runReminders(twoHoursBefore);
    expect(await listMail(smtp.httpPort, address)).toHaveLength(1);
  });

  test("member who left community is skipped", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.delete(communityMemberships).where(and(eq(communityMemberships.accountId, member.accountId), eq(communityMemberships.communityId, communityId)));
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_access");
  });

  test("paused account skips reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.update(accounts).set({ pausedAt: scheduledAt }).where(eq(accounts.id, member.accountId));
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_paused");
  });

  test("disabled account skips reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, member.accountId));
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_paused");
  });

  test("removed offset skips reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.insert(cafeSettings).values({ accountId: member.accountId, reminderOffsets: [120] });
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("skipped_choice");
    await runReminders(twoHoursBefore);
    expect(await listMail(smtp.httpPort, address)).toHaveLength(1);
  });

  test("started kafé skips late reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await runReminders(new Date(startsAt.getTime() + minute));

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect(await outcomes(cafeId, member.accountId)).toEqual({ 1440: "skipped_past", 120: "skipped_past" });
  });

  test("kafé moved later reschedules reminder", async () => {
    const { cafeId, member, address } = await answeredCafe();
    const later = new Date(startsAt.getTime() + 2 * 24 * 60 * minute);
    // The time changed without the pending jobs being moved, as if the move raced the job.
    await database.db.update(cafes).set({ startsAt: later, endsAt: new Date(later.getTime() + 120 * minute) }).where(eq(cafes.id, cafeId));
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("rescheduled");

    // Moving the rest the ordinary way keeps them in step.
    await unsafeRescheduleCafeReminders(database.db, cafeId, later);
    await runReminders(new Date(later.getTime() - 24 * 60 * minute));
    const mails = await listMail(smtp.httpPort, address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("torsdag 7. januar kl. 18:00");
  });

  test("e-mail channel off sends no mail", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.insert(cafeSettings).values({ accountId: member.accountId, remindByEmail: false });
    await runReminders(dayBefore);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("sent");
    const rows = await database.db.select().from(notifications).where(eq(notifications.recipientId, member.accountId));
    expect(rows).toHaveLength(1);
  });

  test("mailer off still reminds in portal", async () => {
    const { cafeId, member, address } = await answeredCafe();
    const handler = reminderHandlers(database, createMailer({ from: "ReConnect <no-reply@reconnect.invalid>", log }))[CAFE_REMINDER_QUEUE]!;
    await runDueJobs(database.db, CAFE_REMINDER_QUEUE, handler, dayBefore, log);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("sent");
    const rows = await database.db.select().from(notifications).where(eq(notifications.recipientId, member.accountId));
    expect(rows).toHaveLength(1);
  });

  test("push reaches each device encrypted", async () => {
    const { cafeId, member } = await answeredCafe();
    const phone = pushService.createSubscription();
    const laptop = pushService.createSubscription();
    await database.db.insert(pushSubscriptions).values([phone, laptop].map((device) => ({ accountId: member.accountId, endpoint: device.endpoint, p256dh: device.p256dh, auth: device.auth })));
    await runReminders(dayBefore);

    for (const device of [phone, laptop]) {
      const requests = pushService.received.filter((request) => request.endpoint === device.endpoint);
      expect(requests).toHaveLength(1);
      const [request] = requests;
      expect(request!.headers["content-encoding"]).toBe("aes128gcm");
      const vapid = readVapidAuthorization(request!.headers.authorization);
      expect(vapid?.claims.aud).toBe(pushService.origin);
      expect(vapid?.claims.sub).toBe("mailto:drift@reconnect.example.no");
      expect(vapid?.publicKey).toBe(push.publicKey);
      // The body is ciphertext: no readable text, and only the device's keys open it.
      expect(request!.body.toString("utf8")).not.toContain("ReConnect");
      const message = JSON.parse(device.decrypt(request!.body)) as { title: string; body: string; url: string };
      expect(message).toEqual({
        title: "Påminnelse fra ReConnect",
        body: "Påminnelse: du har en avtale i ReConnect tirsdag 5. januar kl. 18:00.",
        url: `/cafes/${cafeId}`,
      });
    }
    const stored = await database.db.select({ lastSuccessAt: pushSubscriptions.lastSuccessAt }).from(pushSubscriptions).where(eq(pushSubscriptions.accountId, member.accountId));
    expect(stored.every((row) => row.lastSuccessAt !== null)).toBe(true);
  });

  test("gone push subscription is deleted", async () => {
    const { member } = await answeredCafe();
    const gone = pushService.createSubscription();
    const missing = pushService.createSubscription();
    const working = pushService.createSubscription();
    pushService.answerWith(gone.endpoint, 410);
    pushService.answerWith(missing.endpoint, 404);
    await database.db.insert(pushSubscriptions).values([gone, missing, working].map((device) => ({ accountId: member.accountId, endpoint: device.endpoint, p256dh: device.p256dh, auth: device.auth })));
    await runReminders(dayBefore);

    const left = await database.db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.accountId, member.accountId));
    expect(left.map((row) => row.endpoint)).toEqual([working.endpoint]);
  });

  test("failing push service keeps subscription", async () => {
    const { cafeId, member, address } = await answeredCafe();
    const broken = pushService.createSubscription();
    pushService.answerWith(broken.endpoint, 500);
    await database.db.insert(pushSubscriptions).values({ accountId: member.accountId, endpoint: broken.endpoint, p256dh: broken.p256dh, auth: broken.auth });
    await runReminders(dayBefore);

    expect((await outcomes(cafeId, member.accountId))[1440]).toBe("sent");
    expect(await listMail(smtp.httpPort, address)).toHaveLength(1);
    const left = await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.accountId, member.accountId));
    expect(left).toHaveLength(1);
  });

  test("cancellation notice is neutral", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.update(cafes).set({ cancelledAt: scheduledAt }).where(eq(cafes.id, cafeId));
    await unsafeQueueCafeNotices(database.db, [{ recipientId: member.accountId, kind: "cafe_cancelled", cafeId, actorId: hostId }], scheduledAt);
    await runNotices(scheduledAt);

    const mails = await listMail(smtp.httpPort, address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("En avtale er avlyst");
    expect(mails[0]!.text).toContain("En avtale du har svart på i ReConnect, tirsdag 5. januar kl. 18:00, er avlyst.");
    expect(mails[0]!.text).toContain(`/cafes/${cafeId}`);
    expectNeutral(`${mails[0]!.subject}\n${mails[0]!.text}`);
    // The portal entry comes from queueing the notice, so the job adds none.
    const rows = await database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.recipientId, member.accountId));
    expect(rows.map((row) => row.kind)).toEqual(["cafe_cancelled"]);
  });

  test("notice kinds outside the portal", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await unsafeQueueCafeNotices(
      database.db,
      [
        { recipientId: member.accountId, kind: "cafe_changed", cafeId },
        { recipientId: member.accountId, kind: "cafe_seat_given", cafeId },
        { recipientId: member.accountId, kind: "cafe_company_accepted", cafeId },
        { recipientId: member.accountId, kind: "cafe_company_message", cafeId },
      ],
      scheduledAt,
    );
    await runNotices(scheduledAt);

    const subjects = (await listMail(smtp.httpPort, address)).map((mail) => mail.subject).sort();
    expect(subjects).toEqual(["Du har fått plass", "En avtale er endret", "Noen har svart deg"]);
  });

  test("seat notice skipped after answer changed", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await unsafeQueueCafeNotices(database.db, [{ recipientId: member.accountId, kind: "cafe_seat_given", cafeId }], scheduledAt);
    await answerCafe(database.db, cafeId, member.accountId, "not_coming");
    await runNotices(scheduledAt);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
  });

  test("notice to paused member is skipped", async () => {
    const { cafeId, member, address } = await answeredCafe();
    await database.db.update(accounts).set({ pausedAt: scheduledAt }).where(eq(accounts.id, member.accountId));
    await unsafeQueueCafeNotices(database.db, [{ recipientId: member.accountId, kind: "cafe_changed", cafeId }], scheduledAt);
    await runNotices(scheduledAt);

    expect(await listMail(smtp.httpPort, address)).toHaveLength(0);
    const [job] = await database.db
      .select({ outcome: jobs.outcome })
      .from(jobs)
      .where(and(eq(jobs.queue, CAFE_NOTICE_QUEUE), sql`${jobs.payload}->>'accountId' = ${member.accountId}`));
    expect(job?.outcome).toBe("skipped_paused");
  });
});
