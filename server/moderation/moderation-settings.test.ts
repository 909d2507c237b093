import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import type { PersonActor } from "../identity/actor";
import { getModerationPresence } from "./get-moderation-presence";
import { getModerationSettings } from "./get-moderation-settings";
import { getModeratorDuty } from "./get-moderator-duty";
import { isModeratedNow } from "./moderated-hours";
import { validateModerationSettings, type ModeratedHoursWindowInput } from "./moderation-settings-fields";
import { setModeratorDuty } from "./set-moderator-duty";
import { updateModerationSettings } from "./update-moderation-settings";

const noWindows: ModeratedHoursWindowInput[] = [];
const valid = { approvalPostCount: "2", unansweredAfterHours: "24", reportsToHide: "3", moderatedHours: noWindows };

describe("validateModerationSettings", () => {
  test("accepts numbers and windows, sorted", () => {
    const result = validateModerationSettings({
      ...valid,
      moderatedHours: [
        { weekday: "2", start: "18:00", end: "20:00" },
        { weekday: "1", start: "9.00", end: "15:00" },
        { weekday: "2", start: "", end: "" },
        { weekday: "5", start: "18:00", end: "24:00" },
      ],
    });

    expect(result).toEqual({
      valid: true,
      settings: {
        approvalPostCount: 2,
        unansweredAfterHours: 24,
        reportsToHide: 3,
        moderatedHours: [
          { weekday: 1, start: "09:00", end: "15:00" },
          { weekday: 2, start: "18:00", end: "20:00" },
          { weekday: 5, start: "18:00", end: "24:00" },
        ],
      },
    });
  });

  test.each([
    ["approvalPostCount", "", "number_missing"],
    ["approvalPostCount", "1.5", "number_invalid"],
    ["approvalPostCount", "to", "number_invalid"],
    ["approvalPostCount", "51", "number_out_of_range"],
    ["approvalPostCount", "-1", "number_invalid"],
    ["unansweredAfterHours", "0", "number_out_of_range"],
    ["unansweredAfterHours", "721", "number_out_of_range"],
    ["reportsToHide", "0", "number_out_of_range"],
    ["reportsToHide", "51", "number_out_of_range"],
  ])("%s %j is %s", (field, value, code) => {
    const result = validateModerationSettings({ ...valid, [field]: value });

    expect(result).toEqual({ valid: false, errors: { [field]: code } });
  });

  test("limits are inclusive", () => {
    expect(validateModerationSettings({ ...valid, approvalPostCount: "0", unansweredAfterHours: "720", reportsToHide: "50" }).valid).toBe(true);
    expect(validateModerationSettings({ ...valid, approvalPostCount: "50", unansweredAfterHours: "1", reportsToHide: "1" }).valid).toBe(true);
  });

  test("window errors point at their entry", () => {
    const result = validateModerationSettings({
      ...valid,
      moderatedHours: [
        { weekday: 1, start: "09:00", end: "" },
        { weekday: 2, start: "25:00", end: "26:00" },
        { weekday: 3, start: "15:00", end: "09:00" },
        { weekday: 4, start: "09:00", end: "09:00" },
        { weekday: 8, start: "09:00", end: "10:00" },
        { weekday: 6, start: "24:00", end: "24:00" },
      ],
    });

    expect(result).toEqual({
      valid: false,
      errors: {
        windows: {
          0: { end: "time_missing" },
          1: { start: "time_invalid", end: "time_invalid" },
          2: { end: "end_not_after_start" },
          3: { end: "end_not_after_start" },
          4: { weekday: "weekday_invalid" },
          5: { start: "time_invalid" },
        },
      },
    });
  });

  test("more than 14 windows is rejected", () => {
    const windows = Array.from({ length: 15 }, (_, index) => ({ weekday: (index % 7) + 1, start: `${String(index).padStart(2, "0")}:00`, end: `${String(index).padStart(2, "0")}:30` }));

    expect(validateModerationSettings({ ...valid, moderatedHours: windows })).toEqual({ valid: false, errors: { form: "too_many_windows" } });
  });
});

describe.each(testEngines())("moderation settings on %s", (engine) => {
  let database: TestDatabase;
  let moderator: PersonActor;
  let administrator: PersonActor;
  let member: PersonActor;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykt" });
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    member = await createTestAccount(database, { roles: ["member"] });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function auditsOf(action: string, subjectId?: string) {
    return database.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(subjectId ? and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)) : eq(auditEvents.action, action));
  }

  test("update names changed fields in the audit log", async () => {
    const result = await updateModerationSettings(database.db, administrator, {
      ...valid,
      approvalPostCount: "4",
      moderatedHours: [{ weekday: 1, start: "09:00", end: "15:00" }],
    });

    expect(result).toEqual({ status: "updated", changed: ["approvalPostCount", "moderatedHours"] });
    const settings = await getModerationSettings(database.db, moderator);
    expect(settings).toMatchObject({ status: "found", approvalPostCount: 4, moderatedHours: [{ weekday: 1, start: "09:00", end: "15:00" }] });
    expect(await auditsOf("moderation.settings_changed")).toEqual([{ actorId: administrator.accountId, details: { changed: "approvalPostCount,moderatedHours" } }]);
  });

  test("saving the same values writes nothing", async () => {
    const before = (await auditsOf("moderation.settings_changed")).length;

    const result = await updateModerationSettings(database.db, moderator, { ...valid, approvalPostCount: "4", moderatedHours: [{ weekday: 1, start: "9:00", end: "15:00" }] });

    expect(result).toEqual({ status: "unchanged" });
    expect(await auditsOf("moderation.settings_changed")).toHaveLength(before);
  });

  test("invalid input changes nothing", async () => {
    const result = await updateModerationSettings(database.db, moderator, { ...valid, reportsToHide: "0" });

    expect(result).toEqual({ status: "invalid", errors: { reportsToHide: "number_out_of_range" } });
    expect(await getModerationSettings(database.db, moderator)).toMatchObject({ reportsToHide: 3 });
  });

  test("members cannot read or change settings", async () => {
    expect(await getModerationSettings(database.db, member)).toEqual({ status: "not_found" });
    expect(await updateModerationSettings(database.db, member, valid)).toEqual({ status: "not_found" });
  });

  test("duty toggles once and is audited", async () => {
    expect(await setModeratorDuty(database.db, moderator, true)).toEqual({ status: "started", onDuty: true });
    expect(await setModeratorDuty(database.db, moderator, true)).toEqual({ status: "unchanged", onDuty: true });
    expect(await getModeratorDuty(database.db, moderator)).toMatchObject({ status: "found", onDuty: true });
    expect(await isModeratedNow(database.db, new Date("2026-01-17T12:00:00Z"))).toBe(true);

    expect(await setModeratorDuty(database.db, moderator, false)).toEqual({ status: "ended", onDuty: false });
    expect(await setModeratorDuty(database.db, moderator, false)).toEqual({ status: "unchanged", onDuty: false });
    expect(await auditsOf("moderation.duty_started", moderator.accountId)).toHaveLength(1);
    expect(await auditsOf("moderation.duty_ended", moderator.accountId)).toHaveLength(1);
  });

  test("only peer moderators go on duty", async () => {
    expect(await setModeratorDuty(database.db, administrator, true)).toEqual({ status: "not_found" });
    expect(await setModeratorDuty(database.db, member, true)).toEqual({ status: "not_found" });
    expect(await getModeratorDuty(database.db, member)).toEqual({ status: "not_found" });
  });

  test("moderated now follows the windows in Oslo time", async () => {
    // Monday 2026-01-12: 08:30 UTC is 09:30 in Oslo, inside 09:00–15:00; Saturday has no window.
    expect(await isModeratedNow(database.db, new Date("2026-01-12T08:30:00Z"))).toBe(true);
    expect(await isModeratedNow(database.db, new Date("2026-01-12T14:30:00Z"))).toBe(false);
    expect(await isModeratedNow(database.db, new Date("2026-01-17T12:00:00Z"))).toBe(false);
  });

  test("presence tells members about duty and hours", async () => {
    const inHours = await getModerationPresence(database.db, member, new Date("2026-01-12T08:30:00Z"));
    expect(inHours).toEqual({ status: "found", moderatorOnDuty: false, withinModeratedHours: true, moderatedHours: [{ weekday: 1, start: "09:00", end: "15:00" }] });

    await setModeratorDuty(database.db, moderator, true);
    expect(await getModerationPresence(database.db, member)).toMatchObject({ moderatorOnDuty: true });
    await setModeratorDuty(database.db, moderator, false);

    expect(await getModerationPresence(database.db, administrator)).toEqual({ status: "not_found" });
  });
});
