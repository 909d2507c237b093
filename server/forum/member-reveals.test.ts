import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { createForumMember, createNonForumActors, everythingVisibleTo, pseudonymOf, setShowCommunity } from "../../tests/support/forum-people-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import type { PersonActor } from "../identity/actor";
import { accounts } from "../identity/schema";
import { blockMember } from "./block-member";
import { getMemberProfile } from "./get-member-profile";
import { listReveals } from "./list-reveals";
import { SHOWN_NAME_MAX_LENGTH } from "./people-limits";
import { revealToMember } from "./reveal-to-member";
import { revokeReveal } from "./revoke-reveal";
import { memberReveals } from "./schema";

describe.each(testEngines())("member reveals on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const reveal = (giver: PersonActor, receiver: PersonActor, shownName: unknown) => revealToMember(database.db, database.keys, giver, { pseudonym: pseudonymOf(receiver), shownName });
  const profile = (viewer: PersonActor, other: PersonActor) => getMemberProfile(database.db, database.keys, viewer, pseudonymOf(other));
  const found = async (viewer: PersonActor, other: PersonActor) => {
    const result = await profile(viewer, other);
    if (result.status !== "found") throw new Error(`Expected ${pseudonymOf(viewer)} to see ${pseudonymOf(other)}.`);
    return result.profile;
  };
  const reveals = async (viewer: PersonActor) => {
    const result = await listReveals(database.db, database.keys, viewer);
    if (result.status !== "listed") throw new Error("Expected the reveals to be listed.");
    return result.reveals;
  };

  test("receiver sees the shown name", async () => {
    const giver = await createForumMember(database, "Giver");
    const receiver = await createForumMember(database, "Mottaker");

    expect(await reveal(giver, receiver, "  Astrid  ")).toEqual({ status: "revealed", pseudonym: pseudonymOf(receiver), shownName: "Astrid" });

    const seen = await found(receiver, giver);
    expect(seen.shownToViewer).toBe("Astrid");
    expect(seen.shownByViewer).toBeNull();
    expect(seen.mutuallyRevealed).toBe(false);
    const received = (await reveals(receiver)).received;
    expect(received).toEqual([{ pseudonym: pseudonymOf(giver), shownName: "Astrid", revealedAt: expect.any(Date), mutual: false }]);
  });

  test("giver sees the name they show", async () => {
    const giver = await createForumMember(database, "Giver");
    const receiver = await createForumMember(database, "Mottaker");
    await reveal(giver, receiver, "Hei, det er Bjørn");

    const seen = await found(giver, receiver);
    expect(seen.shownByViewer).toBe("Hei, det er Bjørn");
    expect(seen.shownToViewer).toBeNull();
    expect((await reveals(giver)).given).toEqual([{ pseudonym: pseudonymOf(receiver), shownName: "Hei, det er Bjørn", revealedAt: expect.any(Date), mutual: false }]);
    expect((await reveals(giver)).received).toEqual([]);
  });

  test("shown name is stored encrypted", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Krypteringskanari");

    const [row] = await database.db.select({ stored: memberReveals.shownNameEncrypted }).from(memberReveals).where(eq(memberReveals.giverId, giver.accountId));
    expect(row?.stored).toBeDefined();
    expect(row?.stored).not.toContain("Krypteringskanari");
    expect(row?.stored.startsWith("test1.")).toBe(true);
  });

  test.each([
    ["", "shown_name_missing"],
    ["    ", "shown_name_missing"],
    [undefined, "shown_name_missing"],
    [42, "shown_name_missing"],
    ["x".repeat(SHOWN_NAME_MAX_LENGTH + 1), "shown_name_too_long"],
    ["Astrid\nHansen", "shown_name_invalid_characters"],
    ["Astrid\u0007", "shown_name_invalid_characters"],
    ["Astrid\u2028Hansen", "shown_name_invalid_characters"],
  ])("shown name %j is rejected with %s", async (shownName, code) => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);

    expect(await reveal(giver, receiver, shownName)).toEqual({ status: "invalid", code });
    expect(await database.db.select().from(memberReveals).where(eq(memberReveals.giverId, giver.accountId))).toEqual([]);
  });

  test("shown name of maximum length is accepted", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    const longest = `  ${"å".repeat(SHOWN_NAME_MAX_LENGTH)}  `;

    expect(await reveal(giver, receiver, longest)).toMatchObject({ status: "revealed", shownName: "å".repeat(SHOWN_NAME_MAX_LENGTH) });
  });

  test("revealing again replaces the name", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Første");
    await reveal(giver, receiver, "Andre");

    expect((await found(receiver, giver)).shownToViewer).toBe("Andre");
    expect(await database.db.select().from(memberReveals).where(eq(memberReveals.giverId, giver.accountId))).toHaveLength(1);
  });

  test("pseudonym is found regardless of case and accents", async () => {
    const giver = await createForumMember(database);
    const receiver = await createTestAccount(database, { roles: ["member"], pseudonym: `Måke ${Date.now()}` });

    const result = await revealToMember(database.db, database.keys, giver, { pseudonym: pseudonymOf(receiver).toUpperCase().replace("Å", "A"), shownName: "Eva" });
    expect(result).toEqual({ status: "revealed", pseudonym: pseudonymOf(receiver), shownName: "Eva" });
  });

  test("cannot reveal to yourself", async () => {
    const member = await createForumMember(database);
    expect(await reveal(member, member, "Meg")).toEqual({ status: "rejected", code: "self" });
  });

  test("unknown pseudonym reads as not found", async () => {
    const member = await createForumMember(database);
    expect(await revealToMember(database.db, database.keys, member, { pseudonym: "Finnes ikke 404", shownName: "Eva" })).toEqual({ status: "not_found" });
    expect(await revealToMember(database.db, database.keys, member, { pseudonym: "", shownName: "Eva" })).toEqual({ status: "not_found" });
  });

  test("disabled member reads as not found", async () => {
    const member = await createForumMember(database);
    const disabled = await createForumMember(database);
    await database.db.update(accounts).set({ status: "disabled" }).where(eq(accounts.id, disabled.accountId));

    expect(await reveal(member, disabled, "Eva")).toEqual({ status: "not_found" });
    expect(await profile(member, disabled)).toEqual({ status: "not_found" });
  });

  test("cannot reveal to someone you block", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await blockMember(database.db, blocker, { pseudonym: pseudonymOf(blocked) });

    expect(await reveal(blocker, blocked, "Eva")).toEqual({ status: "rejected", code: "blocked_by_you" });
    expect(await database.db.select().from(memberReveals).where(eq(memberReveals.giverId, blocker.accountId))).toEqual([]);
  });

  test("cannot reveal to someone who blocks you", async () => {
    const blocker = await createForumMember(database);
    const blocked = await createForumMember(database);
    await blockMember(database.db, blocker, { pseudonym: pseudonymOf(blocked) });

    expect(await reveal(blocked, blocker, "Eva")).toEqual({ status: "not_found" });
    expect(await database.db.select().from(memberReveals).where(eq(memberReveals.giverId, blocked.accountId))).toEqual([]);
  });

  test("people outside the forum cannot reveal", async () => {
    const receiver = await createForumMember(database);
    for (const actor of await createNonForumActors(database)) {
      expect(await revealToMember(database.db, database.keys, actor, { pseudonym: pseudonymOf(receiver), shownName: "Eva" })).toEqual({ status: "not_found" });
    }
    expect(await database.db.select().from(memberReveals).where(eq(memberReveals.receiverId, receiver.accountId))).toEqual([]);
  });

  test("member without a pseudonym cannot reveal", async () => {
    const receiver = await createForumMember(database);
    const withoutProfile = await createTestAccount(database, { roles: ["member"], pseudonym: null });

    expect(await revealToMember(database.db, database.keys, withoutProfile, { pseudonym: pseudonymOf(receiver), shownName: "Eva" })).toEqual({ status: "not_found" });
  });

  test("peer moderator with a pseudonym can reveal", async () => {
    const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: `Moderator${Date.now()}` });
    const receiver = await createForumMember(database);

    expect(await reveal(moderator, receiver, "Siri")).toMatchObject({ status: "revealed" });
  });

  test("revoking deletes the reveal at once", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Tilbaketatt");

    expect(await revokeReveal(database.db, giver, { pseudonym: pseudonymOf(receiver) })).toEqual({ status: "revoked" });

    expect((await found(receiver, giver)).shownToViewer).toBeNull();
    expect((await reveals(receiver)).received).toEqual([]);
    expect((await reveals(giver)).given).toEqual([]);
    expect(await database.db.select().from(memberReveals).where(eq(memberReveals.giverId, giver.accountId))).toEqual([]);
  });

  test("revoking twice is not an error", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Eva");

    await revokeReveal(database.db, giver, { pseudonym: pseudonymOf(receiver) });
    expect(await revokeReveal(database.db, giver, { pseudonym: pseudonymOf(receiver) })).toEqual({ status: "revoked" });
  });

  test("revoking touches only your own reveal", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Eva");
    await reveal(receiver, giver, "Ola");

    await revokeReveal(database.db, receiver, { pseudonym: pseudonymOf(giver) });

    expect((await found(receiver, giver)).shownToViewer).toBe("Eva");
    expect((await found(giver, receiver)).shownToViewer).toBeNull();
  });

  test("revoking works when the receiver blocks you", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Eva");
    await blockMember(database.db, receiver, { pseudonym: pseudonymOf(giver) });

    expect(await revokeReveal(database.db, giver, { pseudonym: pseudonymOf(receiver) })).toEqual({ status: "revoked" });
    expect(await database.db.select().from(memberReveals).where(eq(memberReveals.giverId, giver.accountId))).toEqual([]);
  });

  test("revoking for an unknown pseudonym reads as not found", async () => {
    const member = await createForumMember(database);
    expect(await revokeReveal(database.db, member, { pseudonym: "Finnes ikke 404" })).toEqual({ status: "not_found" });
  });

  test("people outside the forum cannot revoke", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Eva");

    for (const actor of await createNonForumActors(database)) {
      expect(await revokeReveal(database.db, actor, { pseudonym: pseudonymOf(receiver) })).toEqual({ status: "not_found" });
      expect(await listReveals(database.db, database.keys, actor)).toEqual({ status: "not_found" });
    }
    expect((await found(receiver, giver)).shownToViewer).toBe("Eva");
  });

  test("mutual only when both reveal", async () => {
    const first = await createForumMember(database);
    const second = await createForumMember(database);
    await reveal(first, second, "Eva");
    expect((await found(first, second)).mutuallyRevealed).toBe(false);
    expect((await reveals(first)).given[0]?.mutual).toBe(false);

    await reveal(second, first, "Ola");

    expect((await found(first, second)).mutuallyRevealed).toBe(true);
    expect((await found(second, first)).mutuallyRevealed).toBe(true);
    expect((await reveals(first)).given[0]?.mutual).toBe(true);
    expect((await reveals(first)).received[0]?.mutual).toBe(true);
    expect((await found(first, second)).may.inviteToGroup).toBe(true);
  });

  test("shown name reaches only the receiver", async () => {
    const giver = await createForumMember(database, "Giver");
    const receiver = await createForumMember(database, "Mottaker");
    const bystander = await createForumMember(database, "Tilskuer");
    const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: `Vakt${Date.now()}` });
    await reveal(giver, receiver, "Kanari-Astrid");
    await reveal(receiver, giver, "Kanari-Ola");
    const about = { pseudonyms: [pseudonymOf(giver), pseudonymOf(receiver), pseudonymOf(bystander)], groupIds: [] };

    for (const viewer of [bystander, moderator, ...(await createNonForumActors(database))]) {
      const seen = await everythingVisibleTo(database, viewer, about);
      expect(seen).not.toContain("Kanari-Astrid");
      expect(seen).not.toContain("Kanari-Ola");
    }
    expect(await everythingVisibleTo(database, receiver, about)).toContain("Kanari-Astrid");
    expect(await everythingVisibleTo(database, giver, about)).toContain("Kanari-Ola");
  });

  test("reveals write no audit events", async () => {
    const giver = await createForumMember(database);
    const receiver = await createForumMember(database);
    await reveal(giver, receiver, "Eva");
    await revokeReveal(database.db, giver, { pseudonym: pseudonymOf(receiver) });

    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, giver.accountId))).toEqual([]);
  });

  describe("member profile", () => {
    test("shows the community only when turned on", async () => {
      const communityId = await createTestCommunity(database, `Profilvik ${Date.now()}`);
      const viewer = await createForumMember(database);
      const other = await createForumMember(database, "Synlig", [communityId]);

      expect((await found(viewer, other)).communityNames).toEqual([]);
      await setShowCommunity(database, other, true);
      expect((await found(viewer, other)).communityNames).toEqual([expect.stringMatching(/^Profilvik /)]);
    });

    test("shows the pseudonym and nothing else by default", async () => {
      const viewer = await createForumMember(database);
      const other = await createForumMember(database);

      expect(await profile(viewer, other)).toEqual({
        status: "found",
        profile: {
          pseudonym: pseudonymOf(other),
          isSelf: false,
          communityNames: [],
          shownByViewer: null,
          shownToViewer: null,
          blockedByViewer: false,
          mutuallyRevealed: false,
          may: { reveal: true, block: true, inviteToGroup: false },
          invitableGroups: [],
        },
      });
    });

    test("own profile offers nothing to do", async () => {
      const member = await createForumMember(database);
      expect((await found(member, member)).isSelf).toBe(true);
      expect((await found(member, member)).may).toEqual({ reveal: false, block: false, inviteToGroup: false });
    });

    test("reads as not found for someone blocked", async () => {
      const blocker = await createForumMember(database);
      const blocked = await createForumMember(database);
      await blockMember(database.db, blocker, { pseudonym: pseudonymOf(blocked) });

      expect(await profile(blocked, blocker)).toEqual({ status: "not_found" });
      expect((await found(blocker, blocked)).blockedByViewer).toBe(true);
      expect((await found(blocker, blocked)).may.reveal).toBe(false);
    });

    test("peer moderator reads profiles", async () => {
      const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: `Leser${Date.now()}` });
      const other = await createForumMember(database);
      expect((await profile(moderator, other)).status).toBe("found");
    });

    test("people outside the forum get not found", async () => {
      const other = await createForumMember(database);
      for (const actor of await createNonForumActors(database)) {
        expect(await getMemberProfile(database.db, database.keys, actor, pseudonymOf(other))).toEqual({ status: "not_found" });
      }
    });

    test("reader without a pseudonym may not reveal", async () => {
      const withoutProfile = await createTestAccount(database, { roles: ["member"], pseudonym: null });
      const other = await createForumMember(database);
      expect((await found(withoutProfile, other)).may).toEqual({ reveal: false, block: true, inviteToGroup: false });
    });
  });
});
