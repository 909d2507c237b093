import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { anonymous } from "../identity/actor";
import { identities } from "../identity/schema";
import { getNotificationSettings } from "./get-notification-settings";
import { notificationSettings } from "./schema";
import { setForumEmailNotifications } from "./set-forum-email-notifications";

describe.each(testEngines())("notification settings on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  test("forum e-mail is off until turned on", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    expect(await getNotificationSettings(database.db, member)).toEqual({ status: "found", settings: { emailForum: false, hasEmailAddress: false, emailModeration: null } });
  });

  test("turning forum e-mail on and off is kept", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });

    expect(await setForumEmailNotifications(database.db, member, { enabled: true })).toEqual({ status: "saved", emailForum: true });
    expect(await getNotificationSettings(database.db, member)).toEqual({ status: "found", settings: { emailForum: true, hasEmailAddress: false, emailModeration: null } });

    expect(await setForumEmailNotifications(database.db, member, { enabled: false })).toEqual({ status: "saved", emailForum: false });
    const rows = await database.db.select().from(notificationSettings).where(eq(notificationSettings.accountId, member.accountId));
    expect(rows.map((row) => row.emailForum)).toEqual([false]);
  });

  test("settings tell whether an address is known", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    await database.db.update(identities).set({ emailLookup: `lookup-${member.accountId}` }).where(eq(identities.accountId, member.accountId));

    expect(await getNotificationSettings(database.db, member)).toEqual({ status: "found", settings: { emailForum: false, hasEmailAddress: true, emailModeration: null } });
  });

  test("peer moderator may change forum e-mail", async () => {
    const moderator = await createTestAccount(database, { roles: ["peer_moderator"] });
    expect(await setForumEmailNotifications(database.db, moderator, { enabled: true })).toEqual({ status: "saved", emailForum: true });
  });

  test.each(["provider", "administrator", "researcher"] as const)("%s cannot read or change forum e-mail", async (role) => {
    const actor = await createTestAccount(database, { roles: [role] });

    expect(await getNotificationSettings(database.db, actor)).toEqual({ status: "not_found" });
    expect(await setForumEmailNotifications(database.db, actor, { enabled: true })).toEqual({ status: "not_found" });
    expect(await database.db.select().from(notificationSettings).where(eq(notificationSettings.accountId, actor.accountId))).toEqual([]);
  });

  test("signed-out visitor cannot read forum e-mail settings", async () => {
    expect(await getNotificationSettings(database.db, anonymous)).toEqual({ status: "not_found" });
    expect(await setForumEmailNotifications(database.db, anonymous, { enabled: true })).toEqual({ status: "not_found" });
  });
});
