import { and, eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { auditEvents } from "../../server/audit/schema";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import { accounts } from "../../server/identity/schema";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import * as adminAuditLog from "./admin-audit-log";
import * as adminPeople from "./admin-people";
import * as admin from "./admin";

/**
 * Route-level checks of the administrator pages: the loaders and actions run
 * against a real database with a request context like the Express layer
 * builds, so status codes, redirects and form errors are what a browser gets.
 */
describe.each(testEngines())("administrator routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let administrator: PersonActor;
  let member: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    member = await createTestAccount(database, { roles: ["member"], pseudonym: "Rutetest" });
  });
  afterAll(async () => {
    await database?.close();
  });

  function contextFor(actor: Actor) {
    const context = new RouterContextProvider();
    context.set(requestContext, {
      portal,
      actor,
      sessionExpired: false,
      locale: "nb",
      nonce: "test",
      csrfToken: "test",
      requestId: "test",
      clientAddress: "127.0.0.1",
      log: portal.log,
    });
    return context;
  }

  function post(path: string, fields: Record<string, string>) {
    return new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });
  }

  async function thrown(run: () => Promise<unknown>): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error("Expected the route to throw.");
  }

  function loaderArgs(path: string, actor: Actor) {
    return { request: new Request(`http://localhost${path}`), context: contextFor(actor), params: {} } as never;
  }

  function actionArgs(path: string, actor: Actor, fields: Record<string, string>) {
    return { request: post(path, fields), context: contextFor(actor), params: {} } as never;
  }

  test.each([
    ["/admin", () => admin.loader],
    ["/admin/people?role=member", () => adminPeople.loader],
    ["/admin/audit-log", () => adminAuditLog.loader],
  ])("signed out %s goes to sign-in", async (path, loader) => {
    const response = (await thrown(() => loader()(loaderArgs(path, anonymous)))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}`);
  });

  test.each([
    ["/admin", () => admin.loader],
    ["/admin/people", () => adminPeople.loader],
    ["/admin/audit-log", () => adminAuditLog.loader],
  ])("member opening %s reads not found", async (path, loader) => {
    const error = (await thrown(() => loader()(loaderArgs(path, member)))) as { init?: { status?: number }; data?: unknown };
    expect(error.init?.status).toBe(404);
    expect(error.data).toEqual({ code: "not_found" });
  });

  test("member cannot post to the admin actions", async () => {
    const error = (await thrown(() => admin.action(actionArgs("/admin", member, { intent: "create-community", name: "Snikvik" })))) as { init?: { status?: number } };
    expect(error.init?.status).toBe(404);
    const peopleError = (await thrown(() => adminPeople.action(actionArgs("/admin/people", member, { intent: "disable", accountId: administrator.accountId })))) as {
      init?: { status?: number };
    };
    expect(peopleError.init?.status).toBe(404);
    const [row] = await database.db.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, administrator.accountId));
    expect(row?.status).toBe("active");
  });

  test("create with errors keeps what was typed", async () => {
    const result = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: " x ", municipalityNumber: "12a" }))) as {
      init: { status: number };
      data: unknown;
    };
    expect(result.init.status).toBe(400);
    expect(result.data).toEqual({
      intent: "create-community",
      errors: { name: "name_too_short", municipalityNumber: "municipality_number_invalid" },
      values: { name: " x ", municipalityNumber: "12a" },
    });
  });

  test("create with empty fields is explained by the server", async () => {
    const result = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: "  ", municipalityNumber: "" }))) as {
      init: { status: number };
      data: unknown;
    };
    expect(result.init.status).toBe(400);
    expect(result.data).toEqual({ intent: "create-community", errors: { name: "name_missing" }, values: { name: "  ", municipalityNumber: "" } });
  });

  test("create rejects a number outside the range and keeps it", async () => {
    const result = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: "Nullvik", municipalityNumber: "0000" }))) as {
      init: { status: number };
      data: unknown;
    };
    expect(result.init.status).toBe(400);
    expect(result.data).toEqual({
      intent: "create-community",
      errors: { municipalityNumber: "municipality_number_out_of_range" },
      values: { name: "Nullvik", municipalityNumber: "0000" },
    });
  });

  test("create with a taken name and number names the holder", async () => {
    const first = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: "Eiervik kommune", municipalityNumber: "1804" }))) as Response;
    expect(first.status).toBe(302);

    const result = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: "eiervik", municipalityNumber: "1804" }))) as {
      init: { status: number };
      data: unknown;
    };

    expect(result.init.status).toBe(400);
    expect(result.data).toEqual({
      intent: "create-community",
      errors: { name: "name_taken", municipalityNumber: "municipality_number_taken" },
      takenBy: { name: "Eiervik kommune", municipalityNumber: "Eiervik kommune" },
      values: { name: "eiervik", municipalityNumber: "1804" },
    });
  });

  test("rename to a taken name names the holder", async () => {
    await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: "Holdervik" }));
    const renamed = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: "Flyttevik" }))) as Response;
    const communityId = new URL(renamed.headers.get("Location")!, "http://localhost").searchParams.get("community")!;

    const result = (await admin.action(actionArgs("/admin", administrator, { intent: "rename-community", communityId, name: "Holdervik kommune" }))) as {
      init: { status: number };
      data: unknown;
    };

    expect(result.init.status).toBe(400);
    expect(result.data).toEqual({
      intent: "rename-community",
      communityId,
      errors: { name: "name_taken" },
      takenBy: { name: "Holdervik" },
      values: { name: "Holdervik kommune" },
    });
  });

  test("each create gives the form a new key", async () => {
    const created: (string | null)[] = [];
    for (const name of ["Første nyvik", "Andre nyvik"]) {
      const response = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name }))) as Response;
      const page = await admin.loader(loaderArgs(response.headers.get("Location")!, administrator));
      created.push(page.createdCommunityId);
    }

    expect(created[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(created[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(created[1]).not.toBe(created[0]);
    expect((await admin.loader(loaderArgs("/admin", administrator))).createdCommunityId).toBeNull();
  });

  test("create redirects to the list with a notice", async () => {
    const response = (await admin.action(actionArgs("/admin", administrator, { intent: "create-community", name: "Rutevik kommune", municipalityNumber: "" }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/admin\?notice=community_created&community=[0-9a-f-]{36}$/);

    const page = await admin.loader(loaderArgs(response.headers.get("Location")!, administrator));
    expect(page.notice).toEqual({ kind: "community_created", communityName: "Rutevik kommune" });
    expect(page.communities.map((community) => community.slug)).toContain("rutevik");
  });

  test("disabling oneself is explained and the reason kept", async () => {
    const result = (await adminPeople.action(
      actionArgs(`/admin/people?confirm=disable&account=${administrator.accountId}`, administrator, { intent: "disable", accountId: administrator.accountId, reason: "other" }),
    )) as { init: { status: number }; data: unknown };
    expect(result.init.status).toBe(409);
    expect(result.data).toEqual({ intent: "disable", accountId: administrator.accountId, error: "cannot_disable_self", values: { reason: "other", role: "" } });
  });

  test("disable keeps the filters and page in the redirect", async () => {
    const target = await createTestAccount(database, { roles: ["member"] });
    const path = `/admin/people?role=member&status=active&cursor=abc&confirm=disable&account=${target.accountId}`;

    const response = (await adminPeople.action(actionArgs(path, administrator, { intent: "disable", accountId: target.accountId, reason: "left_service" }))) as Response;

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/people?role=member&status=active&cursor=abc&notice=account_disabled");
    const events = await database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.disabled"), eq(auditEvents.subjectId, target.accountId)));
    expect(events).toEqual([{ details: { reason: "left_service" } }]);
  });

  test("confirmation panel opens only for an account on the page", async () => {
    const onPage = await adminPeople.loader(loaderArgs(`/admin/people?confirm=disable&account=${member.accountId}`, administrator));
    expect(onPage.panel?.kind).toBe("disable");
    expect(onPage.panel?.account.displayName).toEqual({ kind: "pseudonym", text: "Rutetest" });

    const elsewhere = await adminPeople.loader(loaderArgs(`/admin/people?role=provider&confirm=disable&account=${member.accountId}`, administrator));
    expect(elsewhere.panel).toBeNull();
  });

  test("revoking the last role is explained", async () => {
    const result = (await adminPeople.action(
      actionArgs(`/admin/people?roles=${member.accountId}`, administrator, { intent: "revoke-role", accountId: member.accountId, role: "member" }),
    )) as { init: { status: number }; data: { error: string } };
    expect(result.init.status).toBe(409);
    expect(result.data.error).toBe("last_role");
  });

  test("granting a role returns to the roles panel", async () => {
    const response = (await adminPeople.action(
      actionArgs(`/admin/people?roles=${member.accountId}`, administrator, { intent: "grant-role", accountId: member.accountId, role: "researcher" }),
    )) as Response;
    expect(response.headers.get("Location")).toBe(`/admin/people?roles=${member.accountId}&notice=role_granted`);
  });

  test("audit log rejects a bad prefix with status 400 and keeps it", async () => {
    const result = (await adminAuditLog.loader(loaderArgs("/admin/audit-log?action=role%25", administrator))) as { init: { status: number }; data: unknown };
    expect(result.init.status).toBe(400);
    expect(result.data).toMatchObject({ actionPrefix: "role%", prefixInvalid: true, events: [] });
  });

  test("audit log filters by prefix", async () => {
    const result = (await adminAuditLog.loader(loaderArgs("/admin/audit-log?action=account.", administrator))) as { events: { action: string }[] };
    expect(result.events.length).toBeGreaterThan(0);
    expect(result.events.every((event) => event.action.startsWith("account."))).toBe(true);
  });
});
