import { randomUUID } from "node:crypto";

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { commitWhileBlocked } from "../../tests/support/commit-while-blocked";
import { createTestAccount } from "../../tests/support/account-factory";
import { createForumMember, createNonForumActors, everythingVisibleTo, pseudonymOf } from "../../tests/support/forum-people-fixtures";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import type { PersonActor } from "../identity/actor";
import { answerClosedGroupInvitation } from "./answer-closed-group-invitation";
import { blockMember } from "./block-member";
import { createClosedGroup } from "./create-closed-group";
import { getClosedGroup } from "./get-closed-group";
import { getMemberProfile } from "./get-member-profile";
import { inviteToClosedGroup } from "./invite-to-closed-group";
import { leaveClosedGroup } from "./leave-closed-group";
import { listClosedGroups } from "./list-closed-groups";
import { CLOSED_GROUP_MAX_INVITEES, CLOSED_GROUP_NAME_MAX_LENGTH } from "./people-limits";
import { revealToMember } from "./reveal-to-member";
import { revokeReveal } from "./revoke-reveal";
import { closedGroupMembers, closedGroups, forumPosts, forumThreads } from "./schema";

describe.each(testEngines())("closed groups on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function revealMutually(first: PersonActor, second: PersonActor, names = ["Eva", "Ola"]) {
    await revealToMember(database.db, database.keys, first, { pseudonym: pseudonymOf(second), shownName: names[0] });
    await revealToMember(database.db, database.keys, second, { pseudonym: pseudonymOf(first), shownName: names[1] });
  }

  async function create(creator: PersonActor, name: string, invitees: PersonActor[] = []) {
    const result = await createClosedGroup(database.db, creator, { name, invitees: invitees.map(pseudonymOf) });
    if (result.status !== "created") throw new Error(`Expected the group to be created, got ${JSON.stringify(result)}.`);
    return result.group.id;
  }

  const invite = (inviter: PersonActor, groupId: string, invitee: PersonActor) => inviteToClosedGroup(database.db, inviter, { groupId, pseudonym: pseudonymOf(invitee) });
  const accept = (actor: PersonActor, groupId: string) => answerClosedGroupInvitation(database.db, actor, { groupId, answer: "accept" });
  const decline = (actor: PersonActor, groupId: string) => answerClosedGroupInvitation(database.db, actor, { groupId, answer: "decline" });
  const view = (actor: PersonActor, groupId: string) => getClosedGroup(database.db, database.keys, actor, groupId);
  const overview = async (actor: PersonActor) => {
    const result = await listClosedGroups(database.db, database.keys, actor);
    if (result.status !== "listed") throw new Error("Expected the groups to be listed.");
    return result.overview;
  };
  const membershipRows = (groupId: string) => database.db.select({ accountId: closedGroupMembers.accountId, status: closedGroupMembers.status }).from(closedGroupMembers).where(eq(closedGroupMembers.groupId, groupId));

  /** Create a group whose creator invited two mutually revealed members, who have both joined. */
  async function groupOfThree(name = "Kaffegjengen") {
    const creator = await createForumMember(database, "Skaper");
    const friend = await createForumMember(database, "Venn");
    const other = await createForumMember(database, "Annen");
    await revealMutually(creator, friend);
    await revealMutually(creator, other);
    const groupId = await create(creator, name, [friend, other]);
    await accept(friend, groupId);
    await accept(other, groupId);
    return { creator, friend, other, groupId };
  }

  describe("create", () => {
    test("creator joins and invitees are invited", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);

      const result = await createClosedGroup(database.db, creator, { name: "  Turgruppa  ", invitees: [pseudonymOf(friend)] });

      expect(result).toEqual({ status: "created", group: { id: expect.any(String), name: "Turgruppa" } });
      const groupId = result.status === "created" ? result.group.id : "";
      expect(await membershipRows(groupId)).toEqual(
        expect.arrayContaining([
          { accountId: creator.accountId, status: "joined" },
          { accountId: friend.accountId, status: "invited" },
        ]),
      );
      expect(await membershipRows(groupId)).toHaveLength(2);
    });

    test("without invitees leaves the creator alone", async () => {
      const creator = await createForumMember(database);
      const groupId = await create(creator, "Bare meg");
      expect(await membershipRows(groupId)).toEqual([{ accountId: creator.accountId, status: "joined" }]);
    });

    test("the same invitee twice is invited once", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);

      const result = await createClosedGroup(database.db, creator, { name: "Dobbelt", invitees: [pseudonymOf(friend), pseudonymOf(friend).toLowerCase()] });
      expect(result.status).toBe("created");
      expect(await membershipRows(result.status === "created" ? result.group.id : "")).toHaveLength(2);
    });

    test.each([
      ["", "group_name_missing"],
      ["   ", "group_name_missing"],
      [undefined, "group_name_missing"],
      ["x".repeat(CLOSED_GROUP_NAME_MAX_LENGTH + 1), "group_name_too_long"],
      ["Linje\nto", "group_name_invalid_characters"],
    ])("name %j is rejected with %s", async (name, code) => {
      const creator = await createForumMember(database);
      expect(await createClosedGroup(database.db, creator, { name, invitees: [] })).toEqual({ status: "invalid", errors: { name: code } });
    });

    test("name of maximum length is accepted", async () => {
      const creator = await createForumMember(database);
      const result = await createClosedGroup(database.db, creator, { name: "ø".repeat(CLOSED_GROUP_NAME_MAX_LENGTH), invitees: [] });
      expect(result.status).toBe("created");
    });

    test("too many invitees are rejected", async () => {
      const creator = await createForumMember(database);
      const invitees = Array.from({ length: CLOSED_GROUP_MAX_INVITEES + 1 }, (_, index) => `Person${index}`);
      expect(await createClosedGroup(database.db, creator, { name: "Stor", invitees })).toEqual({ status: "invalid", errors: { invitees: "too_many_invitees" } });
    });

    test("name and invitee errors come together", async () => {
      const creator = await createForumMember(database);
      expect(await createClosedGroup(database.db, creator, { name: "", invitees: "not a list" })).toEqual({
        status: "invalid",
        errors: { name: "group_name_missing", invitees: "too_many_invitees" },
      });
    });

    test.each([
      ["a one-way reveal", "one-way"],
      ["no reveal", "none"],
      ["yourself", "self"],
      ["an unknown pseudonym", "unknown"],
    ])("inviting %s creates nothing", async (_label, kind) => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      const stranger = await createForumMember(database);
      await revealMutually(creator, friend);
      if (kind === "one-way") await revealToMember(database.db, database.keys, stranger, { pseudonym: pseudonymOf(creator), shownName: "Enveis" });
      const invalid = { "one-way": pseudonymOf(stranger), none: pseudonymOf(stranger), self: pseudonymOf(creator), unknown: "Finnes ikke 404" }[kind]!;

      const name = `Aldri laget ${randomUUID()}`;
      expect(await createClosedGroup(database.db, creator, { name, invitees: [pseudonymOf(friend), invalid] })).toEqual({
        status: "invalid",
        errors: { invitees: "invitee_not_mutually_revealed" },
      });
      expect(await database.db.select().from(closedGroups).where(eq(closedGroups.name, name))).toEqual([]);
    });

    test("blocked member cannot be invited", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);
      await blockMember(database.db, friend, { pseudonym: pseudonymOf(creator) });

      expect(await createClosedGroup(database.db, creator, { name: "Blokkert", invitees: [pseudonymOf(friend)] })).toEqual({
        status: "invalid",
        errors: { invitees: "invitee_not_mutually_revealed" },
      });
    });

    test("people outside the forum cannot create", async () => {
      for (const actor of await createNonForumActors(database)) {
        expect(await createClosedGroup(database.db, actor, { name: "Forbudt", invitees: [] })).toEqual({ status: "not_found" });
      }
      const withoutProfile = await createTestAccount(database, { roles: ["member"], pseudonym: null });
      expect(await createClosedGroup(database.db, withoutProfile, { name: "Forbudt", invitees: [] })).toEqual({ status: "not_found" });
      expect(await database.db.select().from(closedGroups).where(eq(closedGroups.name, "Forbudt"))).toEqual([]);
    });
  });

  describe("view and list", () => {
    test("joined member sees name, members and pending invitees", async () => {
      const { creator, friend, other, groupId } = await groupOfThree("Synlig gruppe");
      const pending = await createForumMember(database, "Venter");
      await revealMutually(friend, pending);
      await invite(friend, groupId, pending);

      const result = await view(creator, groupId);
      expect(result.status).toBe("joined");
      if (result.status !== "joined") return;
      expect(result.group.name).toBe("Synlig gruppe");
      expect(result.group.members.map((member) => member.pseudonym).sort()).toEqual([creator, friend, other].map(pseudonymOf).sort());
      expect(result.group.members.find((member) => member.isSelf)?.pseudonym).toBe(pseudonymOf(creator));
      expect(result.group.pendingInvitees).toEqual([{ pseudonym: pseudonymOf(pending), invitedAt: expect.any(Date) }]);
      expect(result.group.viewerIsLastMember).toBe(false);
    });

    test("members see only the names shown to them", async () => {
      const { creator, friend, groupId } = await groupOfThree();
      await revealToMember(database.db, database.keys, friend, { pseudonym: pseudonymOf(creator), shownName: "Bare for skaperen" });

      const forCreator = await view(creator, groupId);
      const forOther = await view(friend, groupId);
      expect(forCreator.status === "joined" && forCreator.group.members.find((member) => member.pseudonym === pseudonymOf(friend))?.shownName).toBe("Bare for skaperen");
      expect(JSON.stringify(forOther)).not.toContain("Bare for skaperen");
    });

    test("blocking hides a member's shown name in the group", async () => {
      const { creator, friend, groupId } = await groupOfThree();
      await revealToMember(database.db, database.keys, friend, { pseudonym: pseudonymOf(creator), shownName: "Skjules ved blokkering" });
      await blockMember(database.db, creator, { pseudonym: pseudonymOf(friend) });

      const result = await view(creator, groupId);
      expect(result.status).toBe("joined");
      expect(result.status === "joined" && result.group.members.map((member) => member.pseudonym)).toContain(pseudonymOf(friend));
      expect(JSON.stringify(result)).not.toContain("Skjules ved blokkering");
    });

    test("invited member sees only the invitation", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      const joined = await createForumMember(database, "Innenfor");
      await revealMutually(creator, friend);
      await revealMutually(creator, joined);
      const groupId = await create(creator, "Invitert hit", [friend, joined]);
      await accept(joined, groupId);

      const result = await view(friend, groupId);
      expect(result).toEqual({ status: "invited", invitation: { id: groupId, name: "Invitert hit", invitedBy: pseudonymOf(creator), invitedAt: expect.any(Date) } });
      expect(JSON.stringify(result)).not.toContain(pseudonymOf(joined));
    });

    test("non-member gets not found", async () => {
      const { groupId } = await groupOfThree();
      const outsider = await createForumMember(database);
      expect(await view(outsider, groupId)).toEqual({ status: "not_found" });
      expect(await view(outsider, randomUUID())).toEqual({ status: "not_found" });
      expect(await view(outsider, "not-a-uuid")).toEqual({ status: "not_found" });
    });

    test("people outside the forum get not found", async () => {
      const { groupId } = await groupOfThree();
      for (const actor of await createNonForumActors(database)) {
        expect(await getClosedGroup(database.db, database.keys, actor, groupId)).toEqual({ status: "not_found" });
        expect(await listClosedGroups(database.db, database.keys, actor)).toEqual({ status: "not_found" });
      }
    });

    test("list shows joined groups and invitations", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend, ["Eva", "Ola"]);
      const joinedGroup = await create(creator, "Aaa første");
      const invitedGroup = await create(friend, "Bbb invitasjon", [creator]);

      const listed = await overview(creator);
      expect(listed.groups).toEqual([{ id: joinedGroup, name: "Aaa første", joinedMemberCount: 1, joinedAt: expect.any(Date) }]);
      expect(listed.invitations).toEqual([{ groupId: invitedGroup, name: "Bbb invitasjon", invitedBy: pseudonymOf(friend), invitedAt: expect.any(Date) }]);
      expect(listed.invitableMembers).toEqual([{ pseudonym: pseudonymOf(friend), shownName: "Ola" }]);
      expect(listed.mayCreate).toBe(true);
    });

    test("reader without a pseudonym may not create", async () => {
      const withoutProfile = await createTestAccount(database, { roles: ["member"], pseudonym: null });
      const listed = await overview(withoutProfile);
      expect(listed.mayCreate).toBe(false);
      expect(listed.invitableMembers).toEqual([]);
    });

    test("list counts joined members only", async () => {
      const { creator, groupId } = await groupOfThree("Telling");
      const pending = await createForumMember(database);
      await revealMutually(creator, pending);
      await invite(creator, groupId, pending);

      expect((await overview(creator)).groups.find((group) => group.id === groupId)?.joinedMemberCount).toBe(3);
    });

    test("invitable members leave out the group's people", async () => {
      const { creator, friend, groupId } = await groupOfThree();
      const candidate = await createForumMember(database, "Kandidat");
      const invited = await createForumMember(database, "Invitert");
      await revealMutually(creator, candidate);
      await revealMutually(creator, invited);
      await invite(creator, groupId, invited);

      const result = await view(creator, groupId);
      const invitable = result.status === "joined" ? result.group.invitableMembers.map((member) => member.pseudonym) : [];
      expect(invitable).toEqual([pseudonymOf(candidate)]);
      expect(invitable).not.toContain(pseudonymOf(friend));
    });

    test("member profile offers groups to invite to", async () => {
      const { creator, groupId } = await groupOfThree("Tilbudt gruppe");
      const candidate = await createForumMember(database);
      await revealMutually(creator, candidate);

      const profile = await getMemberProfile(database.db, database.keys, creator, pseudonymOf(candidate));
      expect(profile).toMatchObject({ status: "found", profile: { mutuallyRevealed: true, invitableGroups: [{ id: groupId, name: "Tilbudt gruppe" }] } });

      await invite(creator, groupId, candidate);
      const afterInvite = await getMemberProfile(database.db, database.keys, creator, pseudonymOf(candidate));
      expect(afterInvite).toMatchObject({ status: "found", profile: { invitableGroups: [] } });
    });

    test("group name never reaches a non-member", async () => {
      const { creator, friend, other, groupId } = await groupOfThree("Hemmelig kanarigruppe");
      const outsider = await createForumMember(database, "Utenfor");
      const declined = await createForumMember(database, "Takket nei");
      const moderator = await createTestAccount(database, { roles: ["member", "peer_moderator"], pseudonym: `Ordstyrer${Date.now()}` });
      await revealMutually(outsider, creator);
      await revealMutually(declined, creator);
      await revealMutually(moderator, creator);
      await invite(creator, groupId, declined);
      await decline(declined, groupId);
      const about = { pseudonyms: [creator, friend, other, outsider, declined, moderator].map(pseudonymOf), groupIds: [groupId] };

      for (const viewer of [outsider, declined, moderator, ...(await createNonForumActors(database))]) {
        expect(await everythingVisibleTo(database, viewer, about)).not.toContain("Hemmelig kanarigruppe");
      }
      expect(await everythingVisibleTo(database, friend, about)).toContain("Hemmelig kanarigruppe");
    });
  });

  describe("invite", () => {
    test("any joined member may invite a mutual reveal", async () => {
      const { friend, groupId } = await groupOfThree();
      const newcomer = await createForumMember(database);
      await revealMutually(friend, newcomer);

      expect(await invite(friend, groupId, newcomer)).toEqual({ status: "invited", pseudonym: pseudonymOf(newcomer) });
      expect(await membershipRows(groupId)).toContainEqual({ accountId: newcomer.accountId, status: "invited" });
    });

    test("needs a mutual reveal", async () => {
      const { creator, groupId } = await groupOfThree();
      const oneWay = await createForumMember(database);
      await revealToMember(database.db, database.keys, creator, { pseudonym: pseudonymOf(oneWay), shownName: "Eva" });

      expect(await invite(creator, groupId, oneWay)).toEqual({ status: "rejected", code: "not_mutually_revealed" });
    });

    test("revoked reveal allows no new invitation", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);
      const groupId = await create(creator, "Tilbaketrukket", [friend]);
      await accept(friend, groupId);
      const later = await createForumMember(database);
      await revealMutually(creator, later);
      await revokeReveal(database.db, creator, { pseudonym: pseudonymOf(friend) });
      await revokeReveal(database.db, creator, { pseudonym: pseudonymOf(later) });

      expect(await membershipRows(groupId)).toContainEqual({ accountId: friend.accountId, status: "joined" });
      expect(await invite(creator, groupId, later)).toEqual({ status: "rejected", code: "not_mutually_revealed" });
    });

    test("already joined or invited is rejected", async () => {
      const { creator, friend, groupId } = await groupOfThree();
      const invited = await createForumMember(database);
      await revealMutually(creator, invited);
      await invite(creator, groupId, invited);

      expect(await invite(creator, groupId, friend)).toEqual({ status: "rejected", code: "already_joined" });
      expect(await invite(creator, groupId, invited)).toEqual({ status: "rejected", code: "already_invited" });
    });

    test("cannot invite yourself", async () => {
      const { creator, groupId } = await groupOfThree();
      expect(await invite(creator, groupId, creator)).toEqual({ status: "rejected", code: "self" });
    });

    test("member who blocks you reads as not found", async () => {
      const { creator, groupId } = await groupOfThree();
      const blocker = await createForumMember(database);
      await revealMutually(creator, blocker);
      await blockMember(database.db, blocker, { pseudonym: pseudonymOf(creator) });

      expect(await invite(creator, groupId, blocker)).toEqual({ status: "not_found" });
    });

    test("member you block is not mutually revealed", async () => {
      const { creator, groupId } = await groupOfThree();
      const blocked = await createForumMember(database);
      await revealMutually(creator, blocked);
      await blockMember(database.db, creator, { pseudonym: pseudonymOf(blocked) });

      expect(await invite(creator, groupId, blocked)).toEqual({ status: "rejected", code: "not_mutually_revealed" });
    });

    test("invited or outside members cannot invite", async () => {
      const creator = await createForumMember(database);
      const invited = await createForumMember(database);
      const outsider = await createForumMember(database);
      const target = await createForumMember(database);
      await revealMutually(creator, invited);
      await revealMutually(invited, target);
      await revealMutually(outsider, target);
      const groupId = await create(creator, "Lukket dør", [invited]);

      expect(await invite(invited, groupId, target)).toEqual({ status: "not_found" });
      expect(await invite(outsider, groupId, target)).toEqual({ status: "not_found" });
      expect(await inviteToClosedGroup(database.db, outsider, { groupId: "not-a-uuid", pseudonym: pseudonymOf(target) })).toEqual({ status: "not_found" });
      expect(await membershipRows(groupId)).not.toContainEqual(expect.objectContaining({ accountId: target.accountId }));
    });

    test("people outside the forum cannot invite", async () => {
      const { groupId, friend } = await groupOfThree();
      for (const actor of await createNonForumActors(database)) {
        expect(await inviteToClosedGroup(database.db, actor, { groupId, pseudonym: pseudonymOf(friend) })).toEqual({ status: "not_found" });
      }
    });
  });

  describe("answer", () => {
    test("accepting joins the group", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);
      const groupId = await create(creator, "Ja takk", [friend]);

      expect(await accept(friend, groupId)).toEqual({ status: "joined", groupId });
      expect(await membershipRows(groupId)).toContainEqual({ accountId: friend.accountId, status: "joined" });
      expect((await view(friend, groupId)).status).toBe("joined");
    });

    test("accepting stands after the inviter revokes", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);
      const groupId = await create(creator, "Står seg", [friend]);
      await revokeReveal(database.db, creator, { pseudonym: pseudonymOf(friend) });

      expect(await accept(friend, groupId)).toEqual({ status: "joined", groupId });
    });

    test("declining deletes the invitation", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);
      const groupId = await create(creator, "Nei takk", [friend]);

      expect(await decline(friend, groupId)).toEqual({ status: "declined" });
      expect(await membershipRows(groupId)).toEqual([{ accountId: creator.accountId, status: "joined" }]);
      expect(await view(friend, groupId)).toEqual({ status: "not_found" });
      expect((await overview(friend)).invitations).toEqual([]);
    });

    test("answering without an invitation reads as not found", async () => {
      const { creator, groupId } = await groupOfThree();
      const outsider = await createForumMember(database);

      expect(await accept(outsider, groupId)).toEqual({ status: "not_found" });
      expect(await decline(outsider, groupId)).toEqual({ status: "not_found" });
      expect(await decline(creator, groupId)).toEqual({ status: "not_found" });
      expect(await accept(creator, groupId)).toEqual({ status: "not_found" });
      expect(await accept(outsider, "not-a-uuid")).toEqual({ status: "not_found" });
      expect(await membershipRows(groupId)).toContainEqual({ accountId: creator.accountId, status: "joined" });
    });

    test("accepting twice reads as not found the second time", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);
      const groupId = await create(creator, "To ganger", [friend]);
      await accept(friend, groupId);

      expect(await accept(friend, groupId)).toEqual({ status: "not_found" });
    });

    test("people outside the forum cannot answer", async () => {
      const creator = await createForumMember(database);
      const groupId = await create(creator, "Ingen svar");
      for (const actor of await createNonForumActors(database)) {
        expect(await answerClosedGroupInvitation(database.db, actor, { groupId, answer: "accept" })).toEqual({ status: "not_found" });
        expect(await answerClosedGroupInvitation(database.db, actor, { groupId, answer: "decline" })).toEqual({ status: "not_found" });
      }
    });
  });

  describe("leave", () => {
    test("leaving keeps the group for the others", async () => {
      const { creator, friend, groupId } = await groupOfThree();

      expect(await leaveClosedGroup(database.db, friend, { groupId })).toEqual({ status: "left", groupDeleted: false });
      expect(await view(friend, groupId)).toEqual({ status: "not_found" });
      expect((await view(creator, groupId)).status).toBe("joined");
    });

    test("last member leaving deletes the group and its threads", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      const invited = await createForumMember(database);
      await revealMutually(creator, friend);
      await revealMutually(creator, invited);
      const groupId = await create(creator, "Siste ut", [friend, invited]);
      await accept(friend, groupId);
      const [thread] = await database.db.insert(forumThreads).values({ closedGroupId: groupId, title: "Gruppetråd", authorId: creator.accountId }).returning({ id: forumThreads.id });
      await database.db.insert(forumPosts).values({ threadId: thread!.id, position: 1, authorId: creator.accountId, body: "Hei", bodyHtml: "<p>Hei</p>", idempotencyKey: randomUUID() });

      expect(await leaveClosedGroup(database.db, friend, { groupId })).toEqual({ status: "left", groupDeleted: false });
      expect(await leaveClosedGroup(database.db, creator, { groupId })).toEqual({ status: "left", groupDeleted: true });

      expect(await database.db.select().from(closedGroups).where(eq(closedGroups.id, groupId))).toEqual([]);
      expect(await database.db.select().from(forumThreads).where(eq(forumThreads.id, thread!.id))).toEqual([]);
      expect(await database.db.select().from(forumPosts).where(eq(forumPosts.threadId, thread!.id))).toEqual([]);
      expect(await membershipRows(groupId)).toEqual([]);
      expect((await overview(invited)).invitations).toEqual([]);
    });

    test("invited or outside members cannot leave", async () => {
      const creator = await createForumMember(database);
      const invited = await createForumMember(database);
      const outsider = await createForumMember(database);
      await revealMutually(creator, invited);
      const groupId = await create(creator, "Ikke ut", [invited]);

      expect(await leaveClosedGroup(database.db, invited, { groupId })).toEqual({ status: "not_found" });
      expect(await leaveClosedGroup(database.db, outsider, { groupId })).toEqual({ status: "not_found" });
      expect(await leaveClosedGroup(database.db, outsider, { groupId: "not-a-uuid" })).toEqual({ status: "not_found" });
      expect(await membershipRows(groupId)).toHaveLength(2);
    });

    test("people outside the forum cannot leave", async () => {
      const creator = await createForumMember(database);
      const groupId = await create(creator, "Bli her");
      for (const actor of await createNonForumActors(database)) {
        expect(await leaveClosedGroup(database.db, actor, { groupId })).toEqual({ status: "not_found" });
      }
      expect(await membershipRows(groupId)).toHaveLength(1);
    });

    test.runIf(engine === "postgres")("two last members leaving at once delete the group", async () => {
      const creator = await createForumMember(database);
      const friend = await createForumMember(database);
      await revealMutually(creator, friend);
      const groupId = await create(creator, "Samtidig", [friend]);
      await accept(friend, groupId);

      // The friend's leave holds the group's lock and has removed their row when the creator's leave starts.
      const result = await commitWhileBlocked(
        database.db,
        async (tx) => {
          await tx.select({ id: closedGroups.id }).from(closedGroups).where(eq(closedGroups.id, groupId)).for("update");
          await tx.delete(closedGroupMembers).where(and(eq(closedGroupMembers.groupId, groupId), eq(closedGroupMembers.accountId, friend.accountId)));
        },
        () => leaveClosedGroup(database.db, creator, { groupId }),
      );

      expect(result).toEqual({ status: "left", groupDeleted: true });
      expect(await database.db.select().from(closedGroups).where(eq(closedGroups.id, groupId))).toEqual([]);
    });
  });

  test("group changes write no audit events", async () => {
    const { creator, friend, groupId } = await groupOfThree();
    await leaveClosedGroup(database.db, friend, { groupId });

    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, creator.accountId))).toEqual([]);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, friend.accountId))).toEqual([]);
  });
});
