import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { anonymous, type PersonActor } from "../identity/actor";
import { slugFromCommunityName } from "./community-name";
import { createCommunity } from "./create-community";
import { listCommunities } from "./list-communities";
import { renameCommunity } from "./rename-community";
import { communities } from "./schema";

describe("slugFromCommunityName", () => {
  test.each([
    ["Bjørkelia kommune", "bjorkelia"],
    ["Ålesund", "alesund"],
    ["Bærum kommune", "baerum"],
    ["Guovdageainnu suohkan", "guovdageainnu-suohkan"],
    ["Deatnu – Tana", "deatnu-tana"],
    ["Unjárga-Nesseby", "unjarga-nesseby"],
    ["Kommune", "kommune"],
    ["  Oslo  bydel Grünerløkka ", "oslo-bydel-grunerlokka"],
    ["Москва", "community"],
  ])("%s becomes %s", (name, slug) => {
    expect(slugFromCommunityName(name)).toBe(slug);
  });

  test("long names are cut without a trailing hyphen", () => {
    const slug = slugFromCommunityName(`${"a".repeat(59)} b`);
    expect(slug).toBe("a".repeat(59));
    expect(slugFromCommunityName("x".repeat(100))).toHaveLength(60);
  });
});

describe.each(testEngines())("communities on %s", (engine) => {
  let database: TestDatabase;
  let administrator: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    administrator = await createTestAccount(database, { roles: ["administrator"] });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function auditFor(communityId: string) {
    return database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, communityId));
  }

  test("create stores name, slug and municipality number and audits", async () => {
    const result = await createCommunity(database.db, administrator, { name: "  Fjordvik kommune ", municipalityNumber: " 4601 " });

    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    expect(result.community).toMatchObject({ name: "Fjordvik kommune", slug: "fjordvik", municipalityNumber: "4601" });
    const events = await auditFor(result.community.id);
    expect(events.map((event) => [event.action, event.actorId, event.subjectType, event.details])).toEqual([
      ["community.created", administrator.accountId, "community", { slug: "fjordvik" }],
    ]);
  });

  test("empty municipality number is stored as none", async () => {
    const result = await createCommunity(database.db, administrator, { name: "Uten nummer", municipalityNumber: "" });
    if (result.status !== "created") throw new Error(result.status);
    expect(result.community.municipalityNumber).toBeNull();
  });

  test("taken slug gets the next free number", async () => {
    const slugs: string[] = [];
    for (let index = 0; index < 3; index++) {
      const result = await createCommunity(database.db, administrator, { name: "Herøy kommune" });
      if (result.status !== "created") throw new Error(result.status);
      slugs.push(result.community.slug);
    }
    expect(slugs).toEqual(["heroy", "heroy-2", "heroy-3"]);
  });

  test("concurrent creates with one name get distinct slugs", async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => createCommunity(database.db, administrator, { name: "Samtidig kommune" })));
    const slugs = results.map((result) => (result.status === "created" ? result.community.slug : result.status));
    expect([...slugs].sort()).toEqual(["samtidig", "samtidig-2", "samtidig-3", "samtidig-4"]);
  });

  test.each([
    [{ name: "" }, { name: "name_too_short" }],
    [{ name: "A" }, { name: "name_too_short" }],
    [{ name: "x".repeat(101) }, { name: "name_too_long" }],
    [{ name: "1234" }, { name: "name_without_letters" }],
    [{}, { name: "name_missing" }],
    [{ name: "Gyldig", municipalityNumber: "301" }, { municipalityNumber: "municipality_number_invalid" }],
    [{ name: "Gyldig", municipalityNumber: "03O1" }, { municipalityNumber: "municipality_number_invalid" }],
    [{ name: "", municipalityNumber: "12345" }, { name: "name_too_short", municipalityNumber: "municipality_number_invalid" }],
  ])("create rejects %j", async (input, errors) => {
    const before = await database.db.select({ id: communities.id }).from(communities);
    expect(await createCommunity(database.db, administrator, input as { name: unknown })).toEqual({ status: "invalid", errors });
    expect(await database.db.select({ id: communities.id }).from(communities)).toHaveLength(before.length);
  });

  test.each(["member", "peer_moderator", "provider", "researcher"] as const)("%s may not create or rename", async (role) => {
    const actor = await createTestAccount(database, { roles: [role] });
    const communityId = await createTestCommunity(database, "Uendret kommune");

    expect(await createCommunity(database.db, actor, { name: `Laget av ${role}` })).toEqual({ status: "not_found" });
    expect(await renameCommunity(database.db, actor, { communityId, name: "Nytt navn" })).toEqual({ status: "not_found" });
    expect(await createCommunity(database.db, anonymous, { name: "Anonym" })).toEqual({ status: "not_found" });

    const names = (await database.db.select({ name: communities.name }).from(communities)).map((row) => row.name);
    expect(names).not.toContain(`Laget av ${role}`);
    expect(names).not.toContain("Nytt navn");
  });

  test("rename keeps the slug and audits", async () => {
    const created = await createCommunity(database.db, administrator, { name: "Gamlevik" });
    if (created.status !== "created") throw new Error(created.status);

    expect(await renameCommunity(database.db, administrator, { communityId: created.community.id, name: "Nyvik" })).toEqual({ status: "renamed" });

    const [row] = await database.db.select().from(communities).where(eq(communities.id, created.community.id));
    expect(row).toMatchObject({ name: "Nyvik", slug: "gamlevik" });
    expect((await auditFor(created.community.id)).map((event) => event.action).sort()).toEqual(["community.created", "community.renamed"]);
  });

  test("rename to the same name is unchanged", async () => {
    const communityId = await createTestCommunity(database, "Samme navn");
    expect(await renameCommunity(database.db, administrator, { communityId, name: " Samme navn " })).toEqual({ status: "unchanged" });
    expect(await auditFor(communityId)).toEqual([]);
  });

  test("rename validates the name and finds the community", async () => {
    const communityId = await createTestCommunity(database);
    expect(await renameCommunity(database.db, administrator, { communityId, name: "" })).toEqual({ status: "invalid", errors: { name: "name_too_short" } });
    expect(await renameCommunity(database.db, administrator, { communityId: "00000000-0000-4000-8000-000000000000", name: "Ny" })).toEqual({ status: "not_found" });
    expect(await renameCommunity(database.db, administrator, { communityId: "nope", name: "Ny" })).toEqual({ status: "not_found" });
  });

  test("list counts active people per role", async () => {
    const communityId = await createTestCommunity(database, "Tellevik kommune");
    await createTestAccount(database, { roles: ["member"], communityIds: [communityId] });
    await createTestAccount(database, { roles: ["member", "peer_moderator"], communityIds: [communityId] });
    await createTestAccount(database, { roles: ["provider"], communityIds: [communityId] });
    await createTestAccount(database, { roles: ["member"], communityIds: [communityId], status: "disabled" });

    const result = await listCommunities(database.db, administrator);
    if (result.status !== "listed") throw new Error(result.status);
    const listing = result.communities.find((community) => community.id === communityId);

    expect(listing?.peopleCount).toBe(3);
    expect(listing?.countsByRole).toEqual({ member: 2, peer_moderator: 1, provider: 1, administrator: 0, researcher: 0 });
  });

  test("list sorts names in Norwegian order", async () => {
    await createTestCommunity(database, "Øvre kommune");
    await createTestCommunity(database, "Åsen kommune");
    await createTestCommunity(database, "Ærvik kommune");
    await createTestCommunity(database, "Zeta kommune");

    const result = await listCommunities(database.db, administrator);
    if (result.status !== "listed") throw new Error(result.status);
    const names = result.communities.map((community) => community.name).filter((name) => /^(Øvre|Åsen|Ærvik|Zeta) kommune$/.test(name));
    expect(names).toEqual(["Zeta kommune", "Ærvik kommune", "Øvre kommune", "Åsen kommune"]);
  });

  test("list is not found for anyone but administrators", async () => {
    const provider = await createTestAccount(database, { roles: ["provider"] });
    expect(await listCommunities(database.db, provider)).toEqual({ status: "not_found" });
    expect(await listCommunities(database.db, anonymous)).toEqual({ status: "not_found" });
  });
});
