import { eq } from "drizzle-orm";
import { type data, RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestCategory, formKey } from "../../tests/support/forum-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { createThread } from "../../server/forum/create-thread";
import { replyToThread } from "../../server/forum/reply-to-thread";
import type { Actor, PersonActor } from "../../server/identity/actor";
import { moderationSettings } from "../../server/moderation/schema";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import * as forumThread from "./forum-thread";
import * as moderationApprovals from "./moderation-approvals";
import * as moderationCrisisAlerts from "./moderation-crisis-alerts";
import * as moderationDuty from "./moderation-duty";
import * as moderationSettingsRoute from "./moderation-settings";

/**
 * Route-level checks of the approval, crisis-alert, settings and duty pages:
 * loaders and actions run against a real database with a request context
 * like the Express layer builds.
 */
describe.each(testEngines())("moderation safety routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let moderator: PersonActor;
  let administrator: PersonActor;
  let member: PersonActor;
  let reader: PersonActor;
  let threadId: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: "Fyrlykt" });
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    member = await createTestAccount(database, { roles: ["member"], pseudonym: "Skriver" });
    reader = await createTestAccount(database, { roles: ["member"], pseudonym: "Leser" });
    const category = await createTestCategory(database);
    const thread = await createThread(database.db, reader, { kind: "category", categoryId: category.id }, { title: "Ukas tråd", body: "Hei.", idempotencyKey: formKey() });
    if (thread.status !== "created") throw new Error(thread.status);
    threadId = thread.threadId;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  function contextFor(actor: Actor) {
    const context = new RouterContextProvider();
    context.set(requestContext, { portal, actor, sessionExpired: false, locale: "nb", nonce: "test", csrfToken: "test", requestId: "test", clientAddress: "127.0.0.1", log: portal.log });
    return context;
  }

  async function statusOf(run: () => Promise<unknown> | unknown): Promise<number | "ok"> {
    try {
      const result = await run();
      if (result instanceof Response) return result.status;
      return "ok";
    } catch (error) {
      if (error instanceof Response) return error.status;
      if (typeof error === "object" && error !== null && "init" in error) return (error as ReturnType<typeof data>).init?.status ?? 500;
      throw error;
    }
  }

  function loaderArgs(path: string, actor: Actor, params: Record<string, string> = {}) {
    return { request: new Request(`http://localhost${path}`), context: contextFor(actor), params } as never;
  }

  function actionArgs(path: string, actor: Actor, fields: Record<string, string>) {
    const request = new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });
    return { request, context: contextFor(actor), params: {} } as never;
  }

  test("members and administrators get not found on moderator pages", async () => {
    for (const actor of [member, administrator]) {
      expect(await statusOf(() => moderationApprovals.loader(loaderArgs("/moderation/approvals", actor)))).toBe(404);
      expect(await statusOf(() => moderationCrisisAlerts.loader(loaderArgs("/moderation/crisis-alerts", actor)))).toBe(404);
      expect(await statusOf(() => moderationApprovals.action(actionArgs("/moderation/approvals", actor, { intent: "approve", postId: threadId })))).toBe(404);
      expect(await statusOf(() => moderationCrisisAlerts.action(actionArgs("/moderation/crisis-alerts", actor, { intent: "handle", alertId: threadId })))).toBe(404);
      expect(await statusOf(() => moderationDuty.action(actionArgs("/moderation/duty", actor, { onDuty: "on", returnTo: "/" })))).toBe(404);
    }
    expect(await statusOf(() => moderationSettingsRoute.loader(loaderArgs("/moderation/settings", member)))).toBe(404);
    expect(await statusOf(() => moderationApprovals.loader(loaderArgs("/moderation/approvals", moderator)))).toBe("ok");
    expect(await statusOf(() => moderationCrisisAlerts.loader(loaderArgs("/moderation/crisis-alerts", moderator)))).toBe("ok");
  });

  test("settings page serves administrators without the duty toggle", async () => {
    const forAdministrator = await moderationSettingsRoute.loader(loaderArgs("/moderation/settings", administrator));
    const forModerator = await moderationSettingsRoute.loader(loaderArgs("/moderation/settings", moderator));

    expect(forAdministrator.onDuty).toBeNull();
    expect(forModerator.onDuty).toBe(false);
    expect(forModerator.weekdays[0]).toEqual({ weekday: 1, name: "Mandag" });
  });

  test("settings errors keep what was typed", async () => {
    const result = (await moderationSettingsRoute.action(
      actionArgs("/moderation/settings", administrator, { approvalPostCount: "mange", unansweredAfterHours: "24", reportsToHide: "3", "hours-3-2-start": "18:00", "hours-3-2-end": "17:00" }),
    )) as unknown as { data: { values: Record<string, string>; errors: { approvalPostCount?: string; windows?: Record<number, unknown> } }; init: { status: number } };

    expect(result.init.status).toBe(400);
    expect(result.data.values).toMatchObject({ approvalPostCount: "mange", "hours-3-2-start": "18:00", "hours-3-2-end": "17:00" });
    expect(result.data.errors.approvalPostCount).toBe("number_invalid");
    // Wednesday's second slot is entry (3 − 1) × 2 + 1 = 5 of the submitted list.
    expect(result.data.errors.windows).toEqual({ 5: { end: "end_not_after_start" } });
  });

  test("settings save redirects with a notice", async () => {
    const response = (await moderationSettingsRoute.action(
      actionArgs("/moderation/settings", administrator, { approvalPostCount: "1", unansweredAfterHours: "24", reportsToHide: "3", "hours-1-1-start": "09:00", "hours-1-1-end": "15:00" }),
    )) as Response;

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/moderation/settings?notice=saved");
    const [row] = await database.db.select({ moderatedHours: moderationSettings.moderatedHours }).from(moderationSettings).where(eq(moderationSettings.id, 1));
    expect(row?.moderatedHours).toEqual([{ weekday: 1, start: "09:00", end: "15:00" }]);
    await database.db.update(moderationSettings).set({ approvalPostCount: 0 }).where(eq(moderationSettings.id, 1));
  });

  test("duty redirects only to local paths", async () => {
    const local = (await moderationDuty.action(actionArgs("/moderation/duty", moderator, { onDuty: "on", returnTo: "/moderation/settings" }))) as Response;
    const external = (await moderationDuty.action(actionArgs("/moderation/duty", moderator, { onDuty: "off", returnTo: "https://example.com/" }))) as Response;

    expect(local.headers.get("Location")).toBe("/moderation/settings");
    expect(external.headers.get("Location")).toBe("/moderation");
    expect(await statusOf(() => moderationDuty.loader())).toBe(404);
    expect(await statusOf(() => moderationDuty.action(actionArgs("/moderation/duty", moderator, { onDuty: "maybe" })))).toBe(400);
  });

  test("crisis panel shows only to the writer", async () => {
    await database.db.update(moderationSettings).set({ moderatedHours: [] }).where(eq(moderationSettings.id, 1));
    const reply = await replyToThread(database.db, member, threadId, { body: "Jeg vil ikke leve lenger.", idempotencyKey: formKey() });
    if (reply.status !== "created") throw new Error(reply.status);

    const own = await forumThread.loader(loaderArgs(`/forum/threads/${threadId}?written=${reply.postId}`, member, { threadId }));
    const other = await forumThread.loader(loaderArgs(`/forum/threads/${threadId}?written=${reply.postId}`, reader, { threadId }));

    expect(own.crisisPanel?.postId).toBe(reply.postId);
    expect(own.crisisPanel?.text.outcome).toContain("publisert når");
    expect(own.crisisPanel?.text.entries.map((entry) => entry.number)).toContain("113");
    expect(own.posts.find((post) => post.id === reply.postId)?.pendingNote?.label).toBe("Venter på godkjenning fra en erfaringskonsulent");
    expect(other.crisisPanel).toBeNull();
    expect(other.posts.map((post) => post.id)).not.toContain(reply.postId);
  });

  test("identity guard stop still shows crisis help", async () => {
    const args = actionArgs(`/forum/threads/${threadId}`, member, { intent: "publish", body: "Jeg vil ikke leve lenger. Ring meg på 912 34 567.", idempotencyKey: formKey(), draftKey: `thread:${threadId}` }) as { params: Record<string, string> };
    args.params = { threadId };
    const result = (await forumThread.action(args as never)) as { editor: { crisisHelp?: { outcome: string }; findings?: unknown[] } };

    expect(result.editor.findings?.length).toBeGreaterThan(0);
    expect(result.editor.crisisHelp?.outcome).toContain("Når du publiserer");
  });
});
