import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { auditEvents } from "../audit/schema";
import { anonymous, type PersonActor } from "../identity/actor";
import { archiveForumCategory } from "./archive-forum-category";
import { createForumCategory } from "./create-forum-category";
import { forumCategoryNameKey, slugFromForumCategoryName } from "./forum-category-fields";
import { listForumCategories } from "./list-forum-categories";
import { listForumCategoriesForAdmin } from "./list-forum-categories-for-admin";
import { restoreForumCategory } from "./restore-forum-category";
import { closedGroups, forumCategories, forumMutedCategories, forumThreads } from "./schema";
import { updateForumCategory } from "./update-forum-category";

describe("slugFromForumCategoryName", () => {
  test.each([
    ["Angst og uro", "angst-og-uro"],
    ["Sjølvhjelp", "sjolvhjelp"],
    ["Ærlige samtaler", "aerlige-samtaler"],
    ["Hverdag på godt og vondt", "hverdag-pa-godt-og-vondt"],
    ["Café & prat", "cafe-prat"],
    ["  Søvn, mat – og trening! ", "sovn-mat-og-trening"],
    ["Guovdageaidnu: čállit", "guovdageaidnu-callit"],
    ["ÅPENT FORUM", "apent-forum"],
    ["Москва", "category"],
  ])("%s becomes %s", (name, slug) => {
    expect(slugFromForumCategoryName(name)).toBe(slug);
  });

  test("long names are cut without a trailing hyphen", () => {
    expect(slugFromForumCategoryName(`${"a".repeat(59)} b`)).toBe("a".repeat(59));
    expect(slugFromForumCategoryName("x".repeat(100))).toHaveLength(60);
  });
});

describe("forumCategoryNameKey", () => {
  test.each([
    ["Angst og uro", "angst, og URO"],
    ["Søvn", "sovn"],
    ["Ærlig prat", "aerlig-prat"],
  ])("%s matches %s", (first, second) => {
    expect(forumCategoryNameKey(first)).toBe(forumCategoryNameKey(second));
  });

  test.each([
    ["Angst", "Angst og uro"],
    ["Москва", "Киев"],
  ])("%s differs from %s", (first, second) => {
    expect(forumCategoryNameKey(first)).not.toBe(forumCategoryNameKey(second));
  });
});

let nameCounter = 0;

/** Three names no other test uses, so each test starts without clashes. */
function uniqueNames(base = "Kategori") {
  nameCounter += 1;
  return { nameNb: `${base} ${nameCounter} bokmål`, nameNn: `${base} ${nameCounter} nynorsk`, nameEn: `${base} ${nameCounter} English` };
}

describe.each(testEngines())("forum categories on %s", (engine) => {
  let database: TestDatabase;
  let administrator: PersonActor;
  let member: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    member = await createTestAccount(database, { roles: ["member"] });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function auditFor(categoryId: string) {
    return database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, categoryId));
  }

  async function create(input: Parameters<typeof createForumCategory>[2]) {
    const result = await createForumCategory(database.db, administrator, input);
    if (result.status !== "created") throw new Error(`Expected created, got ${JSON.stringify(result)}`);
    return result.category;
  }

  async function addThread(categoryId: string, values: { lastPostedAt?: Date; hiddenAt?: Date | null } = {}) {
    await database.db.insert(forumThreads).values({ categoryId, title: "Tråd", ...values });
  }

  async function readerListing(reader: PersonActor, locale: "nb" | "nn" | "en", categoryId: string) {
    const result = await listForumCategories(database.db, reader, { locale });
    if (result.status !== "listed") throw new Error(result.status);
    return result.categories.find((category) => category.id === categoryId);
  }

  test("create stores names, descriptions and slug and audits", async () => {
    const result = await createForumCategory(database.db, administrator, {
      nameNb: "  Hverdagen  ",
      nameNn: "Kvardagen",
      nameEn: "Everyday life",
      descriptionNb: " Om det som  skjer hver dag. ",
      descriptionNn: "Om det som skjer kvar dag.",
      descriptionEn: "",
      position: "5",
    });

    if (result.status !== "created") throw new Error(JSON.stringify(result));
    expect(result.category).toMatchObject({ slug: "hverdagen", position: 5 });
    const [row] = await database.db.select().from(forumCategories).where(eq(forumCategories.id, result.category.id));
    expect(row).toMatchObject({
      nameNb: "Hverdagen",
      nameNn: "Kvardagen",
      nameEn: "Everyday life",
      descriptionNb: "Om det som skjer hver dag.",
      descriptionNn: "Om det som skjer kvar dag.",
      descriptionEn: "",
      archivedAt: null,
    });
    const events = await auditFor(result.category.id);
    expect(events.map((event) => [event.action, event.actorId, event.subjectType, event.details])).toEqual([
      ["forum_category.created", administrator.accountId, "forum_category", { slug: "hverdagen" }],
    ]);
  });

  test("missing descriptions are stored empty", async () => {
    const category = await create(uniqueNames());
    const [row] = await database.db.select().from(forumCategories).where(eq(forumCategories.id, category.id));
    expect([row?.descriptionNb, row?.descriptionNn, row?.descriptionEn]).toEqual(["", "", ""]);
  });

  test("one name in all three languages is allowed", async () => {
    const result = await createForumCategory(database.db, administrator, { nameNb: "Musikk", nameNn: "Musikk", nameEn: "Musikk" });
    expect(result.status).toBe("created");
  });

  test("a new category without a position goes last", async () => {
    const first = await create({ ...uniqueNames(), position: "9000" });
    const second = await create(uniqueNames());
    expect(second.position).toBe(first.position + 10);
  });

  test("position stops at the maximum", async () => {
    await create({ ...uniqueNames(), position: "9999" });
    const next = await create(uniqueNames());
    expect(next.position).toBe(9999);
  });

  test("taken slug gets the next free number", async () => {
    // Slugs can clash while names differ, for instance when names have no Latin letters.
    await database.db.insert(forumCategories).values([
      { slug: "samtaler", nameNb: "Eldre samtaler", nameNn: "Eldre samtalar", nameEn: "Older talks" },
      { slug: "samtaler-2", nameNb: "Enda eldre samtaler", nameNn: "Enda eldre samtalar", nameEn: "Even older talks" },
    ]);

    const category = await create({ nameNb: "Samtaler", nameNn: "Samtalar", nameEn: "Talks" });

    expect(category.slug).toBe("samtaler-3");
  });

  test("names without Latin letters get numbered slugs", async () => {
    const first = await create({ nameNb: "Москва", nameNn: "Москва нн", nameEn: "Moscow" });
    const second = await create({ nameNb: "Киев", nameNn: "Киев нн", nameEn: "Kyiv" });
    expect(first.slug).toBe("category");
    expect(second.slug).toBe("category-2");
  });

  test.each([
    ["nameNb", { nameNb: "angst, og URO" }],
    ["nameNn", { nameNn: "Angst og uro NN" }],
    ["nameEn", { nameEn: "ANXIETY" }],
  ] as const)("create rejects a %s another category has", async (field, clash) => {
    const existing = { nameNb: "Angst og uro", nameNn: "Angst og uro nn", nameEn: "Anxiety" };
    if (!(await database.db.select().from(forumCategories).where(eq(forumCategories.nameNb, existing.nameNb))).length) await create(existing);
    const before = await database.db.select({ id: forumCategories.id }).from(forumCategories);

    const result = await createForumCategory(database.db, administrator, { ...uniqueNames(), ...clash });

    expect(result).toEqual({ status: "invalid", errors: { [field]: "name_taken" }, takenBy: { [field]: { name: existing[field], archived: false } } });
    expect(await database.db.select({ id: forumCategories.id }).from(forumCategories)).toHaveLength(before.length);
  });

  test("a name in another language's column is no clash", async () => {
    await create({ nameNb: "Søvnvansker", nameNn: "Søvnvanskar", nameEn: "Sleep problems" });
    const result = await createForumCategory(database.db, administrator, { nameNb: "Søvn bm", nameNn: "Søvnvansker", nameEn: "Sleep" });
    expect(result.status).toBe("created");
  });

  test("an archived category's name is still taken and says so", async () => {
    const archived = await create({ nameNb: "Gammel prat", nameNn: "Gamal prat", nameEn: "Old talk" });
    await archiveForumCategory(database.db, administrator, { categoryId: archived.id });

    const result = await createForumCategory(database.db, administrator, { nameNb: "gammel prat", nameNn: "Gamal prat", nameEn: "New talk" });

    expect(result).toEqual({
      status: "invalid",
      errors: { nameNb: "name_taken", nameNn: "name_taken" },
      takenBy: { nameNb: { name: "Gammel prat", archived: true }, nameNn: { name: "Gamal prat", archived: true } },
    });
  });

  test("concurrent creates with one name create one category", async () => {
    const names = { nameNb: "Samtidig", nameNn: "Samstundes", nameEn: "Simultaneous" };
    const results = await Promise.all([1, 2, 3, 4].map(() => createForumCategory(database.db, administrator, names)));

    expect(results.filter((result) => result.status === "created")).toHaveLength(1);
    expect(results.filter((result) => result.status === "invalid")).toHaveLength(3);
  });

  test.each([
    [{}, { nameNb: "name_missing", nameNn: "name_missing", nameEn: "name_missing" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig" }, { nameEn: "name_missing" }],
    [{ nameNb: "   ", nameNn: "Gyldig", nameEn: "Valid" }, { nameNb: "name_missing" }],
    [{ nameNb: "A", nameNn: "Gyldig", nameEn: "Valid" }, { nameNb: "name_too_short" }],
    [{ nameNb: "x".repeat(61), nameNn: "Gyldig", nameEn: "Valid" }, { nameNb: "name_too_long" }],
    [{ nameNb: "Gyldig", nameNn: "1234", nameEn: "Valid" }, { nameNn: "name_without_letters" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig", nameEn: 42 }, { nameEn: "name_missing" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig", nameEn: "Valid", descriptionNb: "x".repeat(301) }, { descriptionNb: "description_too_long" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig", nameEn: "Valid", descriptionEn: ["a"] }, { descriptionEn: "description_invalid" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig", nameEn: "Valid", position: "først" }, { position: "position_invalid" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig", nameEn: "Valid", position: "1.5" }, { position: "position_invalid" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig", nameEn: "Valid", position: "-1" }, { position: "position_out_of_range" }],
    [{ nameNb: "Gyldig", nameNn: "Gyldig", nameEn: "Valid", position: "10000" }, { position: "position_out_of_range" }],
  ])("create rejects %j", async (input, errors) => {
    const before = await database.db.select({ id: forumCategories.id }).from(forumCategories);
    expect(await createForumCategory(database.db, administrator, input)).toEqual({ status: "invalid", errors });
    expect(await database.db.select({ id: forumCategories.id }).from(forumCategories)).toHaveLength(before.length);
  });

  test("a description of 300 characters and a name of 60 are accepted", async () => {
    const result = await createForumCategory(database.db, administrator, { ...uniqueNames(), nameEn: "y".repeat(60), descriptionNb: "x".repeat(300) });
    expect(result.status).toBe("created");
  });

  test.each(["member", "peer_moderator", "provider", "researcher"] as const)("%s cannot manage categories", async (role) => {
    const actor = await createTestAccount(database, { roles: [role] });
    const category = await create(uniqueNames());

    expect(await createForumCategory(database.db, actor, uniqueNames(`Laget av ${role}`))).toEqual({ status: "not_found" });
    expect(await updateForumCategory(database.db, actor, { categoryId: category.id, ...uniqueNames(), position: "1" })).toEqual({ status: "not_found" });
    expect(await archiveForumCategory(database.db, actor, { categoryId: category.id })).toEqual({ status: "not_found" });
    expect(await restoreForumCategory(database.db, actor, { categoryId: category.id })).toEqual({ status: "not_found" });
    expect(await listForumCategoriesForAdmin(database.db, actor)).toEqual({ status: "not_found" });

    const [row] = await database.db.select().from(forumCategories).where(eq(forumCategories.id, category.id));
    expect(row?.archivedAt).toBeNull();
    expect((await auditFor(category.id)).map((event) => event.action)).toEqual(["forum_category.created"]);
  });

  test("signed-out visitor cannot manage categories", async () => {
    expect(await createForumCategory(database.db, anonymous, uniqueNames())).toEqual({ status: "not_found" });
    expect(await listForumCategoriesForAdmin(database.db, anonymous)).toEqual({ status: "not_found" });
  });

  test("update changes texts and position, keeps the slug and audits", async () => {
    const category = await create({ nameNb: "Før endring", nameNn: "Før endring nn", nameEn: "Before" });

    const result = await updateForumCategory(database.db, administrator, {
      categoryId: category.id,
      nameNb: "Etter endring",
      nameNn: "Før endring nn",
      nameEn: "Before",
      descriptionNb: "",
      descriptionNn: "Ny skildring",
      descriptionEn: "",
      position: "3",
    });

    expect(result).toEqual({ status: "updated" });
    const [row] = await database.db.select().from(forumCategories).where(eq(forumCategories.id, category.id));
    expect(row).toMatchObject({ slug: "for-endring", nameNb: "Etter endring", descriptionNn: "Ny skildring", position: 3 });
    const updates = (await auditFor(category.id)).filter((event) => event.action === "forum_category.updated");
    expect(updates.map((event) => event.details)).toEqual([{ fields: "nameNb,descriptionNn,position" }]);
  });

  test("update with the same values is unchanged", async () => {
    const names = uniqueNames();
    const category = await create({ ...names, position: "7" });

    const result = await updateForumCategory(database.db, administrator, { categoryId: category.id, ...names, nameNb: ` ${names.nameNb} `, position: "7" });

    expect(result).toEqual({ status: "unchanged" });
    expect((await auditFor(category.id)).map((event) => event.action)).toEqual(["forum_category.created"]);
  });

  test("update may change the spelling of its own name", async () => {
    const category = await create({ nameNb: "Egen kategori", nameNn: "Eigen kategori", nameEn: "Own category" });
    const result = await updateForumCategory(database.db, administrator, {
      categoryId: category.id,
      nameNb: "EGEN kategori",
      nameNn: "Eigen kategori",
      nameEn: "Own category",
      position: String(category.position),
    });
    expect(result).toEqual({ status: "updated" });
  });

  test("update rejects another category's name", async () => {
    await create({ nameNb: "Opptatt", nameNn: "Oppteken", nameEn: "Taken" });
    const category = await create(uniqueNames());

    const result = await updateForumCategory(database.db, administrator, { categoryId: category.id, ...uniqueNames(), nameEn: "taken", position: "1" });

    expect(result).toEqual({ status: "invalid", errors: { nameEn: "name_taken" }, takenBy: { nameEn: { name: "Taken", archived: false } } });
    expect((await auditFor(category.id)).map((event) => event.action)).toEqual(["forum_category.created"]);
  });

  test("update validates fields and finds the category", async () => {
    const category = await create(uniqueNames());
    expect(await updateForumCategory(database.db, administrator, { categoryId: category.id, ...uniqueNames(), position: "" })).toEqual({
      status: "invalid",
      errors: { position: "position_missing" },
    });
    expect(await updateForumCategory(database.db, administrator, { categoryId: "00000000-0000-4000-8000-000000000000", ...uniqueNames(), position: "1" })).toEqual({
      status: "not_found",
    });
    expect(await updateForumCategory(database.db, administrator, { categoryId: "nope", ...uniqueNames(), position: "1" })).toEqual({ status: "not_found" });
  });

  test("archive hides the category from readers and keeps its threads", async () => {
    const category = await create(uniqueNames("Arkiv"));
    await addThread(category.id);
    expect(await readerListing(member, "nb", category.id)).toBeDefined();

    expect(await archiveForumCategory(database.db, administrator, { categoryId: category.id })).toEqual({ status: "archived" });

    expect(await readerListing(member, "nb", category.id)).toBeUndefined();
    expect(await database.db.select().from(forumThreads).where(eq(forumThreads.categoryId, category.id))).toHaveLength(1);
    expect(await archiveForumCategory(database.db, administrator, { categoryId: category.id })).toEqual({ status: "unchanged" });
    expect((await auditFor(category.id)).map((event) => event.action)).toEqual(["forum_category.created", "forum_category.archived"]);
  });

  test("restore brings the category back with its threads", async () => {
    const category = await create(uniqueNames("Tilbake"));
    await addThread(category.id);
    await archiveForumCategory(database.db, administrator, { categoryId: category.id });

    expect(await restoreForumCategory(database.db, administrator, { categoryId: category.id })).toEqual({ status: "restored" });

    expect((await readerListing(member, "nb", category.id))?.threadCount).toBe(1);
    expect(await restoreForumCategory(database.db, administrator, { categoryId: category.id })).toEqual({ status: "unchanged" });
    expect((await auditFor(category.id)).map((event) => event.action)).toEqual(["forum_category.created", "forum_category.archived", "forum_category.restored"]);
  });

  test("archive and restore of a missing category are not found", async () => {
    for (const categoryId of ["00000000-0000-4000-8000-000000000000", "nope", undefined]) {
      expect(await archiveForumCategory(database.db, administrator, { categoryId })).toEqual({ status: "not_found" });
      expect(await restoreForumCategory(database.db, administrator, { categoryId })).toEqual({ status: "not_found" });
    }
  });

  test("admin list shows archived categories last with thread counts", async () => {
    const archived = await create({ ...uniqueNames("Listet arkivert"), position: "0" });
    const active = await create({ ...uniqueNames("Listet aktiv"), position: "9999" });
    await addThread(archived.id);
    await addThread(archived.id, { hiddenAt: new Date() });
    await archiveForumCategory(database.db, administrator, { categoryId: archived.id });

    const result = await listForumCategoriesForAdmin(database.db, administrator);
    if (result.status !== "listed") throw new Error(result.status);
    const ids = result.categories.map((category) => category.id);

    expect(ids.indexOf(active.id)).toBeLessThan(ids.indexOf(archived.id));
    const archivedListing = result.categories.find((category) => category.id === archived.id);
    expect(archivedListing?.threadCount).toBe(2);
    expect(archivedListing?.archivedAt).toBeInstanceOf(Date);
    expect(result.categories.slice(ids.indexOf(archived.id)).every((category) => category.archivedAt !== null)).toBe(true);
  });
});

describe.each(testEngines())("reader category list on %s", (engine) => {
  let database: TestDatabase;
  let administrator: PersonActor;
  let member: PersonActor;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    administrator = await createTestAccount(database, { roles: ["administrator"] });
    member = await createTestAccount(database, { roles: ["member"] });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function create(input: Parameters<typeof createForumCategory>[2]) {
    const result = await createForumCategory(database.db, administrator, input);
    if (result.status !== "created") throw new Error(`Expected created, got ${JSON.stringify(result)}`);
    return result.category;
  }

  async function list(locale: "nb" | "nn" | "en", reader: PersonActor = member) {
    const result = await listForumCategories(database.db, reader, { locale });
    if (result.status !== "listed") throw new Error(result.status);
    return result.categories;
  }

  test.each([
    ["nb", "Hverdagen", "Om hver dag."],
    ["nn", "Kvardagen", "Om kvar dag."],
    ["en", "Everyday life", "About every day."],
  ] as const)("names and descriptions in %s", async (locale, name, description) => {
    const existing = (await list("nb")).find((category) => category.slug === "hverdagen");
    const id =
      existing?.id ??
      (
        await create({
          nameNb: "Hverdagen",
          nameNn: "Kvardagen",
          nameEn: "Everyday life",
          descriptionNb: "Om hver dag.",
          descriptionNn: "Om kvar dag.",
          descriptionEn: "About every day.",
        })
      ).id;

    const listing = (await list(locale)).find((category) => category.id === id);

    expect(listing).toMatchObject({ slug: "hverdagen", name, description });
  });

  test("ordered by position, then name in the reader's language", async () => {
    const late = await create({ nameNb: "Sen", nameNn: "Sein", nameEn: "Late", position: "500" });
    const zebra = await create({ nameNb: "Zebra", nameNn: "Sebra", nameEn: "Zebra en", position: "100" });
    const oyer = await create({ nameNb: "Øyer", nameNn: "Øyar", nameEn: "Islands", position: "100" });
    const early = await create({ nameNb: "Tidlig", nameNn: "Tidleg", nameEn: "Early", position: "50" });
    const ours = [late.id, zebra.id, oyer.id, early.id];

    const nb = (await list("nb")).filter((category) => ours.includes(category.id)).map((category) => category.name);
    const en = (await list("en")).filter((category) => ours.includes(category.id)).map((category) => category.name);

    // Norwegian order puts Ø after Z; in English "Islands" comes before "Zebra en".
    expect(nb).toEqual(["Tidlig", "Zebra", "Øyer", "Sen"]);
    expect(en).toEqual(["Early", "Islands", "Zebra en", "Late"]);
  });

  test("counts visible threads and their latest activity", async () => {
    const category = await create({ nameNb: "Aktivitet", nameNn: "Aktivitet nn", nameEn: "Activity" });
    const [group] = await database.db.insert(closedGroups).values({ name: "Lukket" }).returning({ id: closedGroups.id });
    await database.db.insert(forumThreads).values([
      { categoryId: category.id, title: "Eldre", lastPostedAt: new Date("2026-03-01T10:00:00Z") },
      { categoryId: category.id, title: "Nyere", lastPostedAt: new Date("2026-03-05T10:00:00Z") },
      { categoryId: category.id, title: "Skjult", lastPostedAt: new Date("2026-04-01T10:00:00Z"), hiddenAt: new Date() },
      { closedGroupId: group!.id, title: "Gruppe", lastPostedAt: new Date("2026-05-01T10:00:00Z") },
    ]);

    const listing = (await list("nb")).find((category_) => category_.id === category.id);

    expect(listing?.threadCount).toBe(2);
    expect(listing?.lastActivityAt).toEqual(new Date("2026-03-05T10:00:00Z"));
  });

  test("a category without threads has no activity", async () => {
    const category = await create({ nameNb: "Tom", nameNn: "Tom nn", nameEn: "Empty" });
    const listing = (await list("nb")).find((entry) => entry.id === category.id);
    expect(listing).toMatchObject({ threadCount: 0, lastActivityAt: null });
  });

  test("shows which categories the reader muted", async () => {
    const category = await create({ nameNb: "Dempet", nameNn: "Dempa", nameEn: "Muted" });
    const other = await createTestAccount(database, { roles: ["member"] });
    await database.db.insert(forumMutedCategories).values({ accountId: member.accountId, categoryId: category.id });

    expect((await list("nb")).find((entry) => entry.id === category.id)?.muted).toBe(true);
    expect((await list("nb", other)).find((entry) => entry.id === category.id)?.muted).toBe(false);
  });

  test("archived categories are left out", async () => {
    const category = await create({ nameNb: "Borte", nameNn: "Borte nn", nameEn: "Gone" });
    await archiveForumCategory(database.db, administrator, { categoryId: category.id });
    expect((await list("nb")).map((entry) => entry.id)).not.toContain(category.id);
  });

  test("peer moderator may list categories", async () => {
    const moderator = await createTestAccount(database, { roles: ["peer_moderator"] });
    expect((await listForumCategories(database.db, moderator, { locale: "nb" })).status).toBe("listed");
  });

  test.each(["provider", "administrator", "researcher"] as const)("%s cannot list the forum's categories", async (role) => {
    const actor = await createTestAccount(database, { roles: [role] });
    expect(await listForumCategories(database.db, actor, { locale: "nb" })).toEqual({ status: "not_found" });
  });

  test("signed-out visitor cannot list the forum's categories", async () => {
    expect(await listForumCategories(database.db, anonymous, { locale: "nb" })).toEqual({ status: "not_found" });
  });
});
