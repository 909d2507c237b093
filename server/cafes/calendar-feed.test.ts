import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { parseCalendar } from "../../tests/support/parse-calendar";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import type { PersonActor } from "../identity/actor";
import { accounts } from "../identity/schema";
import { sha256Hex } from "../platform/crypto";
import type { CafeAnswer } from "./cafe-access";
import { createCalendarLink } from "./create-calendar-link";
import { getCafeCalendarFile } from "./get-cafe-calendar-file";
import { getCalendarFeed } from "./get-calendar-feed";
import { getCalendarSettings } from "./get-calendar-settings";
import { revokeCalendarLink } from "./revoke-calendar-link";
import { cafeRsvps, cafes, cafeSettings } from "./schema";
import { setCalendarNeutral } from "./set-calendar-neutral";

const publicUrl = new URL("https://reconnect.example.no");
const now = new Date("2026-03-10T12:00:00Z");
const day = 86_400_000;

describe.each(testEngines())("kafé calendars on %s", (engine) => {
  let database: TestDatabase;
  let communityId: string;
  let otherCommunityId: string;
  let host: PersonActor;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    communityId = await createTestCommunity(database);
    otherCommunityId = await createTestCommunity(database);
    host = await createTestAccount(database, { roles: ["peer_moderator"], communityIds: [communityId, otherCommunityId] });
  });

  afterAll(async () => {
    await database.close();
  });

  async function createCafe(values: Partial<typeof cafes.$inferInsert> = {}) {
    const startsAt = values.startsAt ?? new Date(now.getTime() + 7 * day);
    const [cafe] = await database.db
      .insert(cafes)
      .values({
        communityId,
        hostId: host.accountId,
        title: "Kafé i Bjørkelia",
        topic: "Vennskap",
        placeName: "Frivilligsentralen",
        address: "Storgata 12",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        ...values,
      })
      .returning({ id: cafes.id });
    return cafe!.id;
  }

  async function answer(member: PersonActor, cafeId: string, value: CafeAnswer) {
    await database.db.insert(cafeRsvps).values({ cafeId, accountId: member.accountId, answer: value });
  }

  async function createMember(communityIds = [communityId]) {
    return createTestAccount(database, { roles: ["member"], communityIds });
  }

  async function createLink(member: PersonActor, replacing: string | null = null, at = now) {
    const result = await createCalendarLink(database.db, database.keys, member, { replacing }, at);
    if (result.status === "not_found") throw new Error("createCalendarLink returned not_found");
    return result;
  }

  async function feed(token: string) {
    const result = await getCalendarFeed(database.db, { token, now, publicUrl });
    return result.status === "found" ? parseCalendar(result.calendar) : null;
  }

  describe("calendar link", () => {
    test("new link is stored encrypted and hashed", async () => {
      const member = await createMember();

      const result = await createLink(member);
      const [row] = await database.db.select().from(cafeSettings).where(eq(cafeSettings.accountId, member.accountId));

      expect(result.status).toBe("created");
      expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(row?.calendarTokenEncrypted).not.toContain(result.token);
      expect(row?.calendarTokenLookup).toBe(sha256Hex(result.token));
      expect(row?.calendarTokenCreatedAt?.toISOString()).toBe(now.toISOString());
    });

    test("settings show the link again", async () => {
      const member = await createMember();
      const { token } = await createLink(member);

      const result = await getCalendarSettings(database.db, database.keys, member);

      expect(result).toEqual({ status: "found", settings: { neutral: true, link: { token, createdAt: now } } });
    });

    test("settings default to neutral without a link", async () => {
      const member = await createMember();

      const result = await getCalendarSettings(database.db, database.keys, member);

      expect(result).toEqual({ status: "found", settings: { neutral: true, link: null } });
    });

    test("create twice keeps the first link", async () => {
      const member = await createMember();
      const first = await createLink(member);

      const second = await createLink(member);

      expect(second).toEqual({ status: "kept", token: first.token });
    });

    test("new link revokes the old one", async () => {
      const member = await createMember();
      const first = await createLink(member);

      const second = await createLink(member, now.toISOString());

      expect(second.status).toBe("created");
      expect(second.token).not.toBe(first.token);
      expect(await feed(first.token)).toBeNull();
      expect(await feed(second.token)).not.toBeNull();
    });

    test("replace sent twice makes one new link", async () => {
      const member = await createMember();
      await createLink(member);
      const replaced = await createLink(member, now.toISOString(), new Date(now.getTime() + 60_000));

      const again = await createLink(member, now.toISOString(), new Date(now.getTime() + 61_000));

      expect(replaced.status).toBe("created");
      expect(again).toEqual({ status: "kept", token: replaced.token });
    });

    test("stopping removes the link", async () => {
      const member = await createMember();
      const { token } = await createLink(member);

      const result = await revokeCalendarLink(database.db, member);
      const settings = await getCalendarSettings(database.db, database.keys, member);

      expect(result.status).toBe("revoked");
      expect(await feed(token)).toBeNull();
      expect(settings).toEqual({ status: "found", settings: { neutral: true, link: null } });
    });

    test.each(["provider", "administrator", "researcher"] as const)("%s gets not_found", async (role) => {
      const person = await createTestAccount(database, { roles: [role], communityIds: [communityId] });

      expect(await createCalendarLink(database.db, database.keys, person, { replacing: null }, now)).toEqual({ status: "not_found" });
      expect(await getCalendarSettings(database.db, database.keys, person)).toEqual({ status: "not_found" });
      expect(await revokeCalendarLink(database.db, person)).toEqual({ status: "not_found" });
      expect(await setCalendarNeutral(database.db, person, { neutral: false })).toEqual({ status: "not_found" });
    });

    test("neutral switch keeps reminder choices", async () => {
      const member = await createMember();
      await database.db.insert(cafeSettings).values({ accountId: member.accountId, remindByEmail: false, reminderOffsets: [60] });

      await setCalendarNeutral(database.db, member, { neutral: false });
      const [row] = await database.db.select().from(cafeSettings).where(eq(cafeSettings.accountId, member.accountId));

      expect(row?.calendarNeutral).toBe(false);
      expect(row?.remindByEmail).toBe(false);
      expect(row?.reminderOffsets).toEqual([60]);
    });
  });

  describe("feed", () => {
    test("lists coming and maybe only", async () => {
      const member = await createMember();
      const coming = await createCafe({ title: "Kommer" });
      const maybe = await createCafe({ title: "Kanskje" });
      const waitlisted = await createCafe({ title: "Venteliste" });
      const notComing = await createCafe({ title: "Kommer ikke" });
      await answer(member, coming, "coming");
      await answer(member, maybe, "maybe");
      await answer(member, waitlisted, "waitlisted");
      await answer(member, notComing, "not_coming");
      const { token } = await createLink(member);

      const parsed = await feed(token);

      expect(parsed?.events.map((event) => event.uid).sort()).toEqual([`${coming}@reconnect.example.no`, `${maybe}@reconnect.example.no`].sort());
    });

    test("keeps recent past and all future kaféer", async () => {
      const member = await createMember();
      const longAgo = await createCafe({ startsAt: new Date(now.getTime() - 60 * day) });
      const lastMonth = await createCafe({ startsAt: new Date(now.getTime() - 30 * day) });
      const nextYear = await createCafe({ startsAt: new Date(now.getTime() + 300 * day) });
      for (const cafeId of [longAgo, lastMonth, nextYear]) await answer(member, cafeId, "coming");
      const { token } = await createLink(member);

      const parsed = await feed(token);

      expect(parsed?.events.map((event) => event.uid)).toEqual([`${lastMonth}@reconnect.example.no`, `${nextYear}@reconnect.example.no`]);
    });

    test("cancelled kafé stays as CANCELLED", async () => {
      const member = await createMember();
      const cancelledAt = new Date(now.getTime() - day);
      const cafeId = await createCafe({ cancelledAt, updatedAt: new Date(now.getTime() - 10 * day) });
      await answer(member, cafeId, "coming");
      const { token } = await createLink(member);

      const [event] = (await feed(token))?.events ?? [];

      expect(event?.status).toBe("CANCELLED");
      expect(event?.lastModified?.toISOString()).toBe(cancelledAt.toISOString());
    });

    test("skips unapproved meet-ups", async () => {
      const member = await createMember();
      const pending = await createCafe({ kind: "meetup", approval: "pending", hostId: member.accountId });
      const approved = await createCafe({ kind: "meetup", approval: "approved" });
      await answer(member, pending, "coming");
      await answer(member, approved, "coming");
      const { token } = await createLink(member);

      const parsed = await feed(token);

      expect(parsed?.events.map((event) => event.uid)).toEqual([`${approved}@reconnect.example.no`]);
    });

    test("skips kaféer of communities the member left", async () => {
      const member = await createMember();
      const elsewhere = await createCafe({ communityId: otherCommunityId, title: "Annen kommune" });
      await answer(member, elsewhere, "coming");
      const { token } = await createLink(member);

      const parsed = await feed(token);

      expect(parsed?.events).toEqual([]);
    });

    test("neutral by default, detailed when switched off", async () => {
      const member = await createMember();
      const cafeId = await createCafe();
      await answer(member, cafeId, "coming");
      const { token } = await createLink(member);

      const neutral = await feed(token);
      await setCalendarNeutral(database.db, member, { neutral: false });
      const detailed = await feed(token);

      expect(neutral?.events[0]?.summary).toBe("Avtale");
      expect(neutral?.events[0]?.location).toBeNull();
      expect(detailed?.events[0]?.summary).toBe("Kafé i Bjørkelia");
      expect(detailed?.events[0]?.location).toBe("Frivilligsentralen, Storgata 12");
    });

    test("uses the owner's language", async () => {
      const member = await createMember();
      await database.db.update(accounts).set({ locale: "en" }).where(eq(accounts.id, member.accountId));
      const cafeId = await createCafe();
      await answer(member, cafeId, "maybe");
      const { token } = await createLink(member);

      const parsed = await feed(token);

      expect(parsed?.events[0]?.summary).toBe("Appointment");
    });

    test("disabled account gets not_found", async () => {
      const member = await createMember();
      const { token } = await createLink(member);
      await database.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, member.accountId));

      expect(await getCalendarFeed(database.db, { token, now, publicUrl })).toEqual({ status: "not_found" });
    });

    test.each(["", "short", "a".repeat(43), `${"a".repeat(42)}=`, "../../etc/passwd"])("token %j gets not_found", async (token) => {
      expect(await getCalendarFeed(database.db, { token, now, publicUrl })).toEqual({ status: "not_found" });
    });
  });

  describe("single kafé file", () => {
    test("member of the community gets the file", async () => {
      const member = await createMember();
      const cafeId = await createCafe();

      const result = await getCafeCalendarFile(database.db, member, cafeId, { locale: "nn", now, publicUrl });
      const parsed = result.status === "found" ? parseCalendar(result.calendar) : null;

      expect(parsed?.events).toHaveLength(1);
      expect(parsed?.events[0]?.summary).toBe("Avtale");
      expect(parsed?.refreshInterval).toBeNull();
    });

    test("follows the member's neutral choice", async () => {
      const member = await createMember();
      const cafeId = await createCafe();
      await setCalendarNeutral(database.db, member, { neutral: false });

      const result = await getCafeCalendarFile(database.db, member, cafeId, { locale: "nb", now, publicUrl });
      const parsed = result.status === "found" ? parseCalendar(result.calendar) : null;

      expect(parsed?.events[0]?.summary).toBe("Kafé i Bjørkelia");
      expect(parsed?.events[0]?.description).toContain("Husk:");
    });

    test("member of another community gets not_found", async () => {
      const outsider = await createMember([otherCommunityId]);
      const cafeId = await createCafe();

      expect(await getCafeCalendarFile(database.db, outsider, cafeId, { locale: "nb", now, publicUrl })).toEqual({ status: "not_found" });
    });

    test("provider gets not_found", async () => {
      const provider = await createTestAccount(database, { roles: ["provider"], communityIds: [communityId] });
      const cafeId = await createCafe();

      expect(await getCafeCalendarFile(database.db, provider, cafeId, { locale: "nb", now, publicUrl })).toEqual({ status: "not_found" });
    });

    test("unknown kafé gets not_found", async () => {
      const member = await createMember();

      expect(await getCafeCalendarFile(database.db, member, "00000000-0000-4000-8000-000000000000", { locale: "nb", now, publicUrl })).toEqual({ status: "not_found" });
      expect(await getCafeCalendarFile(database.db, member, "not-a-uuid", { locale: "nb", now, publicUrl })).toEqual({ status: "not_found" });
    });
  });
});
