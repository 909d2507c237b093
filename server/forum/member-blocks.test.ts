import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createForumMember, createNonForumActors, everythingVisibleTo, pseudonymOf } from "../../tests/support/forum-people-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import type { PersonActor } from "../identity/actor";
import { accounts } from "../identity/schema";
import { blockMember } from "./block-member";
import { getMemberProfile } from "./get-member-profile";
import { listBlockedMembers } from "./list-blocked-members";
import { listReveals } from "./list-reveals";
import { revealToMember } from "./reveal-to-member";
import { memberBlocks, memberReveals } from "./schema";
import { unblockMember } from "./unblock-member";

describe.each(testEngines())("member blocks on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const block = (blocker: PersonActor, blocked: PersonActor) => blockMember(database.db, blocker, { pseudonym: pseudonymOf(blocked) });
  const unblock = (blocker: PersonActor, blocked: PersonActor) => unblockMember(database.db, blocker, { pseudonym: pseudonymOf(blocked) });
  const reveal = (giver: PersonActor, receiver: PersonActor, shownName: string) => revealToMember(database.db, database.keys, giver, { pseudonym: pseudonymOf(receiver), shownName });
  const blockedList = async (viewer: PersonActor) => {
    const result = await listBlockedMembers(database.db, viewer);
    if (result.status !== "listed") throw new Error("Expected the blocked members to be listed.");
    return result.members;
  };
  const reveals = async (viewer: PersonActor) => {
    const result = await listReveals(database.db, database.keys, viewer);
    if (result.status !== "listed") throw new Error("Expected the reveals to be listed.");
    return result.reveals;
  };
  const revealRow = async (giver: PersonActor, receiver: PersonActor) =>
    (await database.db.select().from(memberReveals).where(and(eq(memberReveals.giverId, giver.accountId), eq(memberReveals.receiverId, receiver.accountId))))[0];

  test("blocked member is listed by pseudonym", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);

    expect(await block(blocker, blocked)).toEqual({ status: "blocked", pseudonym: pseudonymOf(blocked) });
    expect(await blockedList(blocker)).toEqual([{ pseudonym: pseudonymOf(blocked), blockedAt: expect.any(Date) }]);
  });

  test("blocking twice is not an error", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await block(blocker, blocked);

    expect(await block(blocker, blocked)).toEqual({ status: "blocked", pseudonym: pseudonymOf(blocked) });
    expect(await blockedList(blocker)).toHaveLength(1);
  });

  test("cannot block yourself", async () => {
    const member = await createForumMember(database);
    expect(await block(member, member)).toEqual({ status: "rejected", code: "self" });
    expect(await blockedList(member)).toEqual([]);
  });

  test("unknown pseudonym reads as not found", async () => {
    const member = await createForumMember(database);
    expect(await blockMember(database.db, member, { pseudonym: "Finnes ikke 404" })).toEqual({ status: "not_found" });
    expect(await unblockMember(database.db, member, { pseudonym: "Finnes ikke 404" })).toEqual({ status: "not_found" });
  });

  test("people outside the forum cannot block", async () => {
    const member = await createForumMember(database);
    for (const actor of await createNonForumActors(database)) {
      expect(await blockMember(database.db, actor, { pseudonym: pseudonymOf(member) })).toEqual({ status: "not_found" });
      expect(await unblockMember(database.db, actor, { pseudonym: pseudonymOf(member) })).toEqual({ status: "not_found" });
      expect(await listBlockedMembers(database.db, actor)).toEqual({ status: "not_found" });
    }
    expect(await database.db.select().from(memberBlocks).where(eq(memberBlocks.blockedId, member.accountId))).toEqual([]);
  });

  test("blocked member is never told", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await reveal(blocked, blocker, "Fortsatt min");
    const before = await everythingVisibleTo(database, blocked, { pseudonyms: [pseudonymOf(blocked)], groupIds: [] });

    await block(blocker, blocked);

    expect(await everythingVisibleTo(database, blocked, { pseudonyms: [pseudonymOf(blocked)], groupIds: [] })).toBe(before);
    expect(await blockedList(blocked)).toEqual([]);
    // Their own reveal to the blocker stays in their list, as if nothing happened.
    expect((await reveals(blocked)).given).toEqual([{ pseudonym: pseudonymOf(blocker), shownName: "Fortsatt min", revealedAt: expect.any(Date), mutual: false }]);
  });

  test("member who blocks you reads as not found", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await block(blocker, blocked);

    expect(await getMemberProfile(database.db, database.keys, blocked, pseudonymOf(blocker))).toEqual({ status: "not_found" });
    expect(await block(blocked, blocker)).toEqual({ status: "not_found" });
  });

  test("blocking withdraws your own reveal", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await reveal(blocker, blocked, "Trukket");
    await reveal(blocked, blocker, "Beholdt");

    await block(blocker, blocked);

    expect(await revealRow(blocker, blocked)).toBeUndefined();
    expect((await reveals(blocked)).received).toEqual([]);
    expect(JSON.stringify(await reveals(blocked))).not.toContain("Trukket");
  });

  test("blocking hides their reveal but keeps it", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await reveal(blocked, blocker, "Skjult navn");

    await block(blocker, blocked);

    expect(await revealRow(blocked, blocker)).toBeDefined();
    expect((await reveals(blocker)).received).toEqual([]);
    const seen = await everythingVisibleTo(database, blocker, { pseudonyms: [pseudonymOf(blocked)], groupIds: [] });
    expect(seen).not.toContain("Skjult navn");
  });

  test("unblocking shows their reveal again", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await reveal(blocked, blocker, "Tilbake igjen");
    await reveal(blocker, blocked, "Borte for godt");
    await block(blocker, blocked);

    expect(await unblock(blocker, blocked)).toEqual({ status: "unblocked" });

    expect(await blockedList(blocker)).toEqual([]);
    expect((await reveals(blocker)).received.map((entry) => entry.shownName)).toEqual(["Tilbake igjen"]);
    expect(await revealRow(blocker, blocked)).toBeUndefined();
    const profile = await getMemberProfile(database.db, database.keys, blocked, pseudonymOf(blocker));
    expect(profile.status).toBe("found");
  });

  test("unblocking twice is not an error", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await block(blocker, blocked);
    await unblock(blocker, blocked);

    expect(await unblock(blocker, blocked)).toEqual({ status: "unblocked" });
  });

  test("unblocking lifts only your own block", async () => {
    const first = await createForumMember(database);
    const second = await createForumMember(database);
    expect(await block(first, second)).toMatchObject({ status: "blocked" });
    // The second member cannot find the first through the use case any more, so their block goes in directly.
    await database.db.insert(memberBlocks).values({ blockerId: second.accountId, blockedId: first.accountId });

    await unblock(first, second);

    expect(await blockedList(first)).toEqual([]);
    expect(await blockedList(second)).toEqual([{ pseudonym: pseudonymOf(first), blockedAt: expect.any(Date) }]);
  });

  test("block of a disabled member can be lifted", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await block(blocker, blocked);
    await database.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, blocked.accountId));

    expect(await unblock(blocker, blocked)).toEqual({ status: "unblocked" });
    expect(await blockedList(blocker)).toEqual([]);
  });

  test("mutual reveal ends while either blocks", async () => {
    const first = await createForumMember(database);
    const second = await createForumMember(database);
    await reveal(first, second, "Eva");
    await reveal(second, first, "Ola");

    await block(first, second);

    const profile = await getMemberProfile(database.db, database.keys, first, pseudonymOf(second));
    expect(profile).toMatchObject({ status: "found", profile: { blockedByViewer: true, mutuallyRevealed: false, may: { inviteToGroup: false } } });
    expect((await reveals(second)).given).toEqual([{ pseudonym: pseudonymOf(first), shownName: "Ola", revealedAt: expect.any(Date), mutual: false }]);
  });

  test("blocks write no audit events", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await block(blocker, blocked);
    await unblock(blocker, blocked);

    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, blocker.accountId))).toEqual([]);
  });
});
