import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount, createTestCommunity } from "../../tests/support/account-factory";
import { commitWhileBlocked } from "../../tests/support/commit-while-blocked";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { anonymous, type PersonActor } from "../identity/actor";
import { communityNameKey, slugFromCommunityName } from "./community-name";
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

describe("communityNameKey", () => {
  test.each([
    ["Bjørkelia kommune", "Bjørkelia"],
    ["Bjørkelia", "bjorkelia"],
    ["BJØRKELIA  KOMMUNE", "Bjørkelia"],
    ["Ålesund", "alesund"],
    ["Bærum", "Baerum kommune"],
    ["Deatnu – Tana", "Deatnu-Tana"],
    ["Unjárga-Nesseby", "Unjarga Nesseby"],
    [" Herøy (Nordland) ", "Herøy (Nordland) kommune"],
  ])("%s matches %s", (first, second) => {
    expect(communityNameKey(first)).toBe(communityNameKey(second));
  });

  test.each([
    ["Herøy (Nordland)", "Herøy (Møre og Romsdal)"],
    ["Bø", "Bø i Telemark"],
    ["Москва", "Киев"],
    ["Kommunevik", "Vik"],
  ])("%s differs from %s", (first, second) => {
    expect(communityNameKey(first)).not.toBe(communityNameKey(second));
  });

  test("a name that is only kommune keeps it", () => {
    expect(communityNameKey("Kommune")).toBe("kommune");
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
    // Slugs can clash while names differ, for instance when long names share their first 60 characters.
    await database.db.insert(communities).values([
      { name: "Eldre Herøy", slug: "heroy" },
      { name: "Enda eldre Herøy", slug: "heroy-2" },
    ]);

    const result = await createCommunity(database.db, administrator, { name: "Herøy kommune" });

    if (result.status !== "created") throw new Error(result.status);
    expect(result.community.slug).toBe("heroy-3");
  });

  test("long names sharing a slug prefix get distinct slugs", async () => {
    const prefix = "Interkommunalt samarbeid om psykisk helse og rus i Midt-Fjord";
    const first = await createCommunity(database.db, administrator, { name: `${prefix} nord` });
    const second = await createCommunity(database.db, administrator, { name: `${prefix} sør` });

    if (first.status !== "created" || second.status !== "created") throw new Error(`${first.status} ${second.status}`);
    expect(second.community.slug).toBe(`${first.community.slug}-2`);
  });

  test("concurrent creates with one name create one community", async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => createCommunity(database.db, administrator, { name: "Samtidig kommune" })));

    expect(results.filter((result) => result.status === "created")).toHaveLength(1);
    expect(results.filter((result) => result.status === "invalid")).toEqual(
      Array.from({ length: 3 }, () => ({ status: "invalid", errors: { name: "name_taken" }, takenBy: { name: "Samtidig kommune" } })),
    );
  });

  test.each([
    ["Dobbelvik kommune", "Dobbelvik kommune"],
    ["Dobbelvik kommune", "dobbelvik"],
    ["Dobbelvik kommune", "  DOBBELVIK   Kommune "],
    ["Dobbelvik kommune", "Döbbelvik"],
  ])("create rejects %s again as %s", async (existing, typed) => {
    await createTestCommunity(database, existing);
    const before = await database.db.select({ id: communities.id }).from(communities);

    const result = await createCommunity(database.db, administrator, { name: typed, municipalityNumber: "1101" });

    expect(result).toEqual({ status: "invalid", errors: { name: "name_taken" }, takenBy: { name: existing } });
    expect(await database.db.select({ id: communities.id }).from(communities)).toHaveLength(before.length);
    await database.db.delete(communities).where(eq(communities.name, existing));
  });

  test("create allows a name that only resembles another", async () => {
    await createTestCommunity(database, "Herøy (Møre og Romsdal)");
    const result = await createCommunity(database.db, administrator, { name: "Herøy (Nordland)" });
    expect(result.status).toBe("created");
  });

  test("create rejects a municipality number in use", async () => {
    const first = await createCommunity(database.db, administrator, { name: "Nummervik", municipalityNumber: "1103" });
    expect(first.status).toBe("created");

    const second = await createCommunity(database.db, administrator, { name: "Annenvik", municipalityNumber: " 1103 " });

    expect(second).toEqual({ status: "invalid", errors: { municipalityNumber: "municipality_number_taken" }, takenBy: { municipalityNumber: "Nummervik" } });
    const names = (await database.db.select({ name: communities.name }).from(communities)).map((row) => row.name);
    expect(names).not.toContain("Annenvik");
  });

  test("create reports a taken name and number together", async () => {
    await createCommunity(database.db, administrator, { name: "Tvillingvik", municipalityNumber: "1106" });
    const result = await createCommunity(database.db, administrator, { name: "tvillingvik kommune", municipalityNumber: "1106" });
    expect(result).toEqual({
      status: "invalid",
      errors: { name: "name_taken", municipalityNumber: "municipality_number_taken" },
      takenBy: { name: "Tvillingvik", municipalityNumber: "Tvillingvik" },
    });
  });

  test("communities without a number may be many", async () => {
    const first = await createCommunity(database.db, administrator, { name: "Utenvik en", municipalityNumber: "" });
    const second = await createCommunity(database.db, administrator, { name: "Utenvik to" });
    expect(first.status).toBe("created");
    expect(second.status).toBe("created");
  });

  test.each(["0101", "0301", "5699"])("create accepts municipality number %s", async (municipalityNumber) => {
    const result = await createCommunity(database.db, administrator, { name: `Grensevik ${municipalityNumber}`, municipalityNumber });
    expect(result.status).toBe("created");
  });

  test.runIf(engine === "postgres")("number taken during the create is rejected", async () => {
    const result = await commitWhileBlocked(
      database.db,
      async (tx) => {
        await tx.insert(communities).values({ name: "Førstevik", slug: "forstevik", municipalityNumber: "1108" });
      },
      () => createCommunity(database.db, administrator, { name: "Sistevik", municipalityNumber: "1108" }),
    );

    expect(result).toEqual({ status: "invalid", errors: { municipalityNumber: "municipality_number_taken" }, takenBy: { municipalityNumber: "Førstevik" } });
    const names = (await database.db.select({ name: communities.name }).from(communities)).map((row) => row.name);
    expect(names).not.toContain("Sistevik");
  });

  test("database rejects a second row with one number", async () => {
    await database.db.insert(communities).values({ name: "Indeksvik", slug: "indeksvik", municipalityNumber: "1111" });
    await expect(database.db.insert(communities).values({ name: "Indeksvik to", slug: "indeksvik-to", municipalityNumber: "1111" })).rejects.toThrow();
  });

  test.each([
    [{ name: "" }, { name: "name_missing" }],
    [{ name: "   " }, { name: "name_missing" }],
    [{ name: "A" }, { name: "name_too_short" }],
    [{ name: "x".repeat(101) }, { name: "name_too_long" }],
    [{ name: "1234" }, { name: "name_without_letters" }],
    [{}, { name: "name_missing" }],
    [{ name: "Gyldig", municipalityNumber: "301" }, { municipalityNumber: "municipality_number_invalid" }],
    [{ name: "Gyldig", municipalityNumber: "03O1" }, { municipalityNumber: "municipality_number_invalid" }],
    [{ name: "", municipalityNumber: "12345" }, { name: "name_missing", municipalityNumber: "municipality_number_invalid" }],
    [{ name: "Gyldig", municipalityNumber: "0000" }, { municipalityNumber: "municipality_number_out_of_range" }],
    [{ name: "Gyldig", municipalityNumber: "0100" }, { municipalityNumber: "municipality_number_out_of_range" }],
    [{ name: "Gyldig", municipalityNumber: "5700" }, { municipalityNumber: "municipality_number_out_of_range" }],
    [{ name: "Gyldig", municipalityNumber: "9999" }, { municipalityNumber: "municipality_number_out_of_range" }],
    [{ name: "Gyldig", municipalityNumber: 301 }, { municipalityNumber: "municipality_number_invalid" }],
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

  test("rename rejects another community's name", async () => {
    await createTestCommunity(database, "Opptattvik kommune");
    const communityId = await createTestCommunity(database, "Ledigvik");

    const result = await renameCommunity(database.db, administrator, { communityId, name: "opptattvik" });

    expect(result).toEqual({ status: "invalid", errors: { name: "name_taken" }, takenBy: { name: "Opptattvik kommune" } });
    const [row] = await database.db.select({ name: communities.name }).from(communities).where(eq(communities.id, communityId));
    expect(row?.name).toBe("Ledigvik");
    expect(await auditFor(communityId)).toEqual([]);
  });

  test("rename may change the form of its own name", async () => {
    const communityId = await createTestCommunity(database, "Egenvik");

    expect(await renameCommunity(database.db, administrator, { communityId, name: "Egenvik kommune" })).toEqual({ status: "renamed" });
  });

  test("rename to the same name is unchanged", async () => {
    const communityId = await createTestCommunity(database, "Samme navn");
    expect(await renameCommunity(database.db, administrator, { communityId, name: " Samme navn " })).toEqual({ status: "unchanged" });
    expect(await auditFor(communityId)).toEqual([]);
  });

  test("rename validates the name and finds the community", async () => {
    const communityId = await createTestCommunity(database);
    expect(await renameCommunity(database.db, administrator, { communityId, name: "" })).toEqual({ status: "invalid", errors: { name: "name_missing" } });
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
