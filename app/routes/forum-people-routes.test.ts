import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createForumMember, pseudonymOf } from "../../tests/support/forum-people-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { createTestPortal } from "../../tests/support/test-portal";
import { createClosedGroup } from "../../server/forum/create-closed-group";
import { revealToMember } from "../../server/forum/reveal-to-member";
import { anonymous, type Actor, type PersonActor } from "../../server/identity/actor";
import type { Portal } from "../../server/platform/portal";
import { requestContext } from "../../server/platform/request-context";
import * as forumGroup from "./forum-group";
import * as forumGroups from "./forum-groups";
import * as forumMember from "./forum-member";
import * as forumReveals from "./forum-reveals";

/**
 * Route-level checks of the forum's people pages: loaders and actions run
 * against a real database with a request context like the Express layer
 * builds, so status codes, redirects and form errors are what a browser gets.
 */
describe.each(testEngines())("forum people routes on %s", (engine) => {
  let database: TestDatabase;
  let portal: Portal;
  let provider: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    portal = createTestPortal(database);
    provider = await createTestAccount(database, { roles: ["provider"] });
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

  function loaderArgs(path: string, actor: Actor, params: Record<string, string> = {}) {
    return { request: new Request(`http://localhost${path}`), context: contextFor(actor), params } as never;
  }

  function actionArgs(path: string, actor: Actor, fields: [string, string][], params: Record<string, string> = {}) {
    const request = new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) });
    return { request, context: contextFor(actor), params } as never;
  }

  async function thrown(run: () => Promise<unknown>): Promise<{ status?: number; init?: { status?: number }; data?: unknown; headers?: Headers }> {
    try {
      await run();
    } catch (error) {
      return error as never;
    }
    throw new Error("Expected the route to throw.");
  }

  async function revealMutually(first: PersonActor, second: PersonActor) {
    await revealToMember(database.db, database.keys, first, { pseudonym: pseudonymOf(second), shownName: "Eva" });
    await revealToMember(database.db, database.keys, second, { pseudonym: pseudonymOf(first), shownName: "Ola" });
  }

  test.each([
    ["/forum/reveals", () => forumReveals.loader, {}],
    ["/forum/groups", () => forumGroups.loader, {}],
    ["/forum/members/Noen", () => forumMember.loader, { pseudonym: "Noen" }],
    ["/forum/groups/5d0f3a4e-8d6b-4a51-9b4f-3c7c1f6f2a10", () => forumGroup.loader, { groupId: "5d0f3a4e-8d6b-4a51-9b4f-3c7c1f6f2a10" }],
  ])("signed out %s goes to sign-in", async (path, loader, params) => {
    const response = (await thrown(() => loader()(loaderArgs(path, anonymous, params)))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}`);
  });

  test("provider reads not found everywhere", async () => {
    const member = await createForumMember(database);
    const loaders: [string, (args: never) => Promise<unknown>, Record<string, string>][] = [
      ["/forum/reveals", forumReveals.loader, {}],
      ["/forum/groups", forumGroups.loader, {}],
      [`/forum/members/${pseudonymOf(member)}`, forumMember.loader, { pseudonym: pseudonymOf(member) }],
    ];
    for (const [path, loader, params] of loaders) {
      const error = await thrown(() => loader(loaderArgs(path, provider, params)));
      expect(error.init?.status, path).toBe(404);
      expect(error.data, path).toEqual({ code: "not_found" });
    }
  });

  test("member page shows the profile by pseudonym only", async () => {
    const viewer = await createForumMember(database);
    const other = await createForumMember(database);

    const result = await forumMember.loader(loaderArgs(`/forum/members/${pseudonymOf(other)}`, viewer, { pseudonym: pseudonymOf(other) }));
    expect(result.profile.pseudonym).toBe(pseudonymOf(other));
    expect(result.notice).toBeNull();
    expect(result.confirmBlock).toBe(false);
    expect(JSON.stringify(result)).not.toContain(other.accountId);
  });

  test("reveal with an empty name keeps the page and says why", async () => {
    const viewer = await createForumMember(database);
    const other = await createForumMember(database);
    const path = `/forum/members/${pseudonymOf(other)}`;

    const result = (await forumMember.action(actionArgs(path, viewer, [["intent", "reveal"], ["shownName", "   "]], { pseudonym: pseudonymOf(other) }))) as { init: { status: number }; data: unknown };
    expect(result.init.status).toBe(400);
    expect(result.data).toEqual({ intent: "reveal", error: "shown_name_missing", values: { shownName: "   " } });
  });

  test("reveal redirects with a notice", async () => {
    const viewer = await createForumMember(database);
    const other = await createForumMember(database);
    const path = `/forum/members/${encodeURIComponent(pseudonymOf(other))}`;

    const response = (await forumMember.action(actionArgs(path, viewer, [["intent", "reveal"], ["shownName", "Eva"]], { pseudonym: pseudonymOf(other) }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${path}?notice=revealed`);

    const page = await forumMember.loader(loaderArgs(`${path}?notice=revealed`, viewer, { pseudonym: pseudonymOf(other) }));
    expect(page.notice).toBe("revealed");
    expect(page.profile.shownByViewer).toBe("Eva");
  });

  test("block confirmation opens by link and blocks by post", async () => {
    const viewer = await createForumMember(database);
    const other = await createForumMember(database);
    const path = `/forum/members/${pseudonymOf(other)}`;

    const confirming = await forumMember.loader(loaderArgs(`${path}?confirm=block`, viewer, { pseudonym: pseudonymOf(other) }));
    expect(confirming.confirmBlock).toBe(true);
    expect(confirming.profile.blockedByViewer).toBe(false);

    const response = (await forumMember.action(actionArgs(path, viewer, [["intent", "block"]], { pseudonym: pseudonymOf(other) }))) as Response;
    expect(response.headers.get("Location")).toBe(`${path}?notice=blocked`);

    const blockedView = await thrown(() => forumMember.loader(loaderArgs(`/forum/members/${pseudonymOf(viewer)}`, other, { pseudonym: pseudonymOf(viewer) })));
    expect(blockedView.init?.status).toBe(404);
  });

  test("unknown intent is a bad request", async () => {
    const viewer = await createForumMember(database);
    const other = await createForumMember(database);

    const error = await thrown(() => forumMember.action(actionArgs("/forum/members/x", viewer, [["intent", "explode"]], { pseudonym: pseudonymOf(other) })));
    expect(error.init?.status).toBe(400);
  });

  test("reveals page revokes and unblocks by pseudonym", async () => {
    const viewer = await createForumMember(database);
    const other = await createForumMember(database);
    await revealMutually(viewer, other);

    const listed = await forumReveals.loader(loaderArgs("/forum/reveals", viewer));
    expect(listed.reveals.given.map((reveal) => reveal.pseudonym)).toEqual([pseudonymOf(other)]);

    const revoked = (await forumReveals.action(actionArgs("/forum/reveals", viewer, [["intent", "revoke-reveal"], ["pseudonym", pseudonymOf(other)]]))) as Response;
    expect(revoked.headers.get("Location")).toBe("/forum/reveals?notice=revoked");
    expect((await forumReveals.loader(loaderArgs("/forum/reveals?notice=revoked", viewer))).reveals.given).toEqual([]);

    const missing = await thrown(() => forumReveals.action(actionArgs("/forum/reveals", viewer, [["intent", "unblock"]])));
    expect(missing.init?.status).toBe(400);
  });

  test("create group with errors keeps the typed values", async () => {
    const creator = await createForumMember(database);
    const friend = await createForumMember(database);
    await revealMutually(creator, friend);

    const result = (await forumGroups.action(
      actionArgs("/forum/groups", creator, [
        ["intent", "create-group"],
        ["name", "   "],
        ["invitee", pseudonymOf(friend)],
      ]),
    )) as { init: { status: number }; data: unknown };
    expect(result.init.status).toBe(400);
    expect(result.data).toEqual({ intent: "create-group", errors: { name: "group_name_missing" }, values: { name: "   ", invitees: [pseudonymOf(friend)] } });
  });

  test("create, accept and leave move between the pages", async () => {
    const creator = await createForumMember(database);
    const friend = await createForumMember(database);
    await revealMutually(creator, friend);

    const created = (await forumGroups.action(
      actionArgs("/forum/groups", creator, [
        ["intent", "create-group"],
        ["name", "Rutegruppa"],
        ["invitee", pseudonymOf(friend)],
      ]),
    )) as Response;
    const location = created.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/forum\/groups\/[0-9a-f-]{36}\?notice=created$/);
    const groupId = location.slice("/forum/groups/".length, location.indexOf("?"));

    const invitation = await forumGroup.loader(loaderArgs(`/forum/groups/${groupId}`, friend, { groupId }));
    expect(invitation.view.status).toBe("invited");

    const accepted = (await forumGroups.action(actionArgs("/forum/groups", friend, [["intent", "accept"], ["groupId", groupId]]))) as Response;
    expect(accepted.headers.get("Location")).toBe(`/forum/groups/${groupId}?notice=joined`);

    const confirming = await forumGroup.loader(loaderArgs(`/forum/groups/${groupId}?confirm=leave`, friend, { groupId }));
    expect(confirming.confirmLeave).toBe(true);
    const left = (await forumGroup.action(actionArgs(`/forum/groups/${groupId}`, friend, [["intent", "leave"]], { groupId }))) as Response;
    expect(left.headers.get("Location")).toBe("/forum/groups?notice=left");
    const lastOut = (await forumGroup.action(actionArgs(`/forum/groups/${groupId}`, creator, [["intent", "leave"]], { groupId }))) as Response;
    expect(lastOut.headers.get("Location")).toBe("/forum/groups?notice=group_deleted");
  });

  test("group page reads not found for a non-member", async () => {
    const creator = await createForumMember(database);
    const outsider = await createForumMember(database);
    const created = await createClosedGroup(database.db, creator, { name: "Rutehemmelighet", invitees: [] });
    const groupId = created.status === "created" ? created.group.id : "";

    const error = await thrown(() => forumGroup.loader(loaderArgs(`/forum/groups/${groupId}`, outsider, { groupId })));
    expect(error.init?.status).toBe(404);
    expect(JSON.stringify(error.data)).not.toContain("Rutehemmelighet");
    const invite = await thrown(() => forumGroup.action(actionArgs(`/forum/groups/${groupId}`, outsider, [["intent", "invite"], ["pseudonym", pseudonymOf(creator)]], { groupId })));
    expect(invite.init?.status).toBe(404);
  });

  test("invite rejection is shown next to the form", async () => {
    const creator = await createForumMember(database);
    const oneWay = await createForumMember(database);
    await revealToMember(database.db, database.keys, creator, { pseudonym: pseudonymOf(oneWay), shownName: "Eva" });
    const created = await createClosedGroup(database.db, creator, { name: "Avvist", invitees: [] });
    const groupId = created.status === "created" ? created.group.id : "";

    const result = (await forumGroup.action(actionArgs(`/forum/groups/${groupId}`, creator, [["intent", "invite"], ["pseudonym", pseudonymOf(oneWay)]], { groupId }))) as {
      init: { status: number };
      data: unknown;
    };
    expect(result.init.status).toBe(409);
    expect(result.data).toEqual({ intent: "invite", formError: "not_mutually_revealed", values: { pseudonym: pseudonymOf(oneWay) } });
  });
});
