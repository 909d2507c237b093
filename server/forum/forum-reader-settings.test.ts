import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { anonymous, type PersonActor } from "../identity/actor";
import { listMutedWords } from "./list-muted-words";
import { muteForumCategory } from "./mute-forum-category";
import { muteWord } from "./mute-word";
import { MUTED_WORDS_MAX_PER_MEMBER } from "./muted-word-limits";
import { forumCategories, forumMutedCategories, forumMutedWords } from "./schema";
import { setMutedForumCategories } from "./set-muted-forum-categories";
import { unmuteForumCategory } from "./unmute-forum-category";
import { unmuteWord } from "./unmute-word";

describe.each(testEngines())("muted words on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function wordsOf(reader: PersonActor) {
    const result = await listMutedWords(database.db, reader);
    if (result.status !== "listed") throw new Error(result.status);
    return result.words;
  }

  test("mute stores the word trimmed and in lower case", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });

    expect(await muteWord(database.db, member, { word: "  Ta   LIVET av meg " })).toEqual({ status: "muted", word: "ta livet av meg" });

    const rows = await database.db.select({ word: forumMutedWords.word }).from(forumMutedWords).where(eq(forumMutedWords.accountId, member.accountId));
    expect(rows).toEqual([{ word: "ta livet av meg" }]);
  });

  test("list shows the reader's words in Norwegian order", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    for (const word of ["åpen", "zebra", "ærlig", "angst", "øl"]) await muteWord(database.db, member, { word });
    expect(await wordsOf(member)).toEqual(["angst", "zebra", "ærlig", "øl", "åpen"]);
  });

  test("list shows only the reader's own words", async () => {
    const first = await createTestAccount(database, { roles: ["member"] });
    const second = await createTestAccount(database, { roles: ["member"] });
    await muteWord(database.db, first, { word: "hemmelig" });
    expect(await wordsOf(second)).toEqual([]);
  });

  test.each([
    ["Angst", "angst"],
    ["ANGST", "angst"],
    ["ångst", "angst"],
    ["Covid 19", "covid-19"],
  ])("muting %s after %s changes nothing", async (again, first) => {
    const member = await createTestAccount(database, { roles: ["member"] });
    await muteWord(database.db, member, { word: first });

    expect(await muteWord(database.db, member, { word: again })).toEqual({ status: "unchanged", word: first });
    expect(await wordsOf(member)).toEqual([first]);
  });

  test.each([
    ["", "word_missing"],
    ["   ", "word_missing"],
    [undefined, "word_missing"],
    [42, "word_missing"],
    ["a", "word_too_short"],
    [" b ", "word_too_short"],
    ["x".repeat(41), "word_too_long"],
    ["!!", "word_without_letters"],
    ["-- ..", "word_without_letters"],
  ])("mute rejects %j", async (word, error) => {
    const member = await createTestAccount(database, { roles: ["member"] });
    expect(await muteWord(database.db, member, { word })).toEqual({ status: "invalid", error });
    expect(await wordsOf(member)).toEqual([]);
  });

  test("words of 2 and 40 characters are accepted", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    expect((await muteWord(database.db, member, { word: "øl" })).status).toBe("muted");
    expect((await muteWord(database.db, member, { word: "y".repeat(40) })).status).toBe("muted");
  });

  test(`a reader may mute at most ${MUTED_WORDS_MAX_PER_MEMBER} words`, async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    await database.db.insert(forumMutedWords).values(Array.from({ length: MUTED_WORDS_MAX_PER_MEMBER - 1 }, (_, index) => ({ accountId: member.accountId, word: `ord${index}` })));

    expect(await muteWord(database.db, member, { word: "det femtiende" })).toEqual({ status: "muted", word: "det femtiende" });
    expect(await muteWord(database.db, member, { word: "ett for mye" })).toEqual({ status: "invalid", error: "too_many_words" });
    // A word already in the list is still "unchanged", not an error, when the list is full.
    expect(await muteWord(database.db, member, { word: "ORD7" })).toEqual({ status: "unchanged", word: "ord7" });
    expect(await wordsOf(member)).toHaveLength(MUTED_WORDS_MAX_PER_MEMBER);

    await unmuteWord(database.db, member, { word: "ord0" });
    expect((await muteWord(database.db, member, { word: "ett for mye" })).status).toBe("muted");
  });

  test("concurrent mutes do not pass the limit", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    await database.db.insert(forumMutedWords).values(Array.from({ length: MUTED_WORDS_MAX_PER_MEMBER - 2 }, (_, index) => ({ accountId: member.accountId, word: `ord${index}` })));

    const results = await Promise.all(["første", "andre", "tredje", "fjerde"].map((word) => muteWord(database.db, member, { word })));

    expect(results.filter((result) => result.status === "muted")).toHaveLength(2);
    expect(results.filter((result) => result.status === "invalid")).toHaveLength(2);
    expect(await wordsOf(member)).toHaveLength(MUTED_WORDS_MAX_PER_MEMBER);
  });

  test("unmute removes the word, typed in any case", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    await muteWord(database.db, member, { word: "angst" });
    await muteWord(database.db, member, { word: "uro" });

    expect(await unmuteWord(database.db, member, { word: " ANGST " })).toEqual({ status: "unmuted", word: "angst" });
    expect(await wordsOf(member)).toEqual(["uro"]);
    expect(await unmuteWord(database.db, member, { word: "angst" })).toEqual({ status: "unchanged" });
    expect(await unmuteWord(database.db, member, { word: 7 })).toEqual({ status: "unchanged" });
  });

  test("unmute leaves another reader's word alone", async () => {
    const owner = await createTestAccount(database, { roles: ["member"] });
    const other = await createTestAccount(database, { roles: ["member"] });
    await muteWord(database.db, owner, { word: "egen" });

    expect(await unmuteWord(database.db, other, { word: "egen" })).toEqual({ status: "unchanged" });
    expect(await wordsOf(owner)).toEqual(["egen"]);
  });

  test("peer moderator may mute words", async () => {
    const moderator = await createTestAccount(database, { roles: ["peer_moderator"] });
    expect((await muteWord(database.db, moderator, { word: "angst" })).status).toBe("muted");
    expect(await wordsOf(moderator)).toEqual(["angst"]);
  });

  test.each(["provider", "administrator", "researcher"] as const)("%s cannot use muted words", async (role) => {
    const actor = await createTestAccount(database, { roles: [role] });

    expect(await listMutedWords(database.db, actor)).toEqual({ status: "not_found" });
    expect(await muteWord(database.db, actor, { word: "angst" })).toEqual({ status: "not_found" });
    expect(await unmuteWord(database.db, actor, { word: "angst" })).toEqual({ status: "not_found" });
    expect(await database.db.select().from(forumMutedWords).where(eq(forumMutedWords.accountId, actor.accountId))).toEqual([]);
  });

  test("signed-out visitor cannot use muted words", async () => {
    expect(await listMutedWords(database.db, anonymous)).toEqual({ status: "not_found" });
    expect(await muteWord(database.db, anonymous, { word: "angst" })).toEqual({ status: "not_found" });
    expect(await unmuteWord(database.db, anonymous, { word: "angst" })).toEqual({ status: "not_found" });
  });
});

describe.each(testEngines())("muted categories on %s", (engine) => {
  let database: TestDatabase;
  let categoryCounter = 0;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function createCategory(options: { archived?: boolean } = {}) {
    categoryCounter += 1;
    const [category] = await database.db
      .insert(forumCategories)
      .values({
        slug: `kategori-${categoryCounter}`,
        nameNb: `Kategori ${categoryCounter}`,
        nameNn: `Kategori ${categoryCounter}`,
        nameEn: `Category ${categoryCounter}`,
        archivedAt: options.archived ? new Date() : null,
      })
      .returning({ id: forumCategories.id });
    return category!.id;
  }

  async function mutedBy(reader: PersonActor) {
    const rows = await database.db.select({ categoryId: forumMutedCategories.categoryId }).from(forumMutedCategories).where(eq(forumMutedCategories.accountId, reader.accountId));
    return rows.map((row) => row.categoryId).sort();
  }

  test("mute and unmute one category", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    const categoryId = await createCategory();

    expect(await muteForumCategory(database.db, member, { categoryId })).toEqual({ status: "muted" });
    expect(await muteForumCategory(database.db, member, { categoryId })).toEqual({ status: "unchanged" });
    expect(await mutedBy(member)).toEqual([categoryId]);

    expect(await unmuteForumCategory(database.db, member, { categoryId })).toEqual({ status: "unmuted" });
    expect(await unmuteForumCategory(database.db, member, { categoryId })).toEqual({ status: "unchanged" });
    expect(await mutedBy(member)).toEqual([]);
  });

  test("an archived or missing category cannot be muted", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    const archivedId = await createCategory({ archived: true });

    expect(await muteForumCategory(database.db, member, { categoryId: archivedId })).toEqual({ status: "not_found" });
    expect(await muteForumCategory(database.db, member, { categoryId: "00000000-0000-4000-8000-000000000000" })).toEqual({ status: "not_found" });
    expect(await muteForumCategory(database.db, member, { categoryId: "nope" })).toEqual({ status: "not_found" });
    expect(await unmuteForumCategory(database.db, member, { categoryId: "nope" })).toEqual({ status: "not_found" });
    expect(await mutedBy(member)).toEqual([]);
  });

  test("an archived category can still be unmuted", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    const categoryId = await createCategory();
    await muteForumCategory(database.db, member, { categoryId });
    await database.db.update(forumCategories).set({ archivedAt: new Date() }).where(eq(forumCategories.id, categoryId));

    expect(await unmuteForumCategory(database.db, member, { categoryId })).toEqual({ status: "unmuted" });
  });

  test("set makes the muted categories exactly the ticked ones", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    const [first, second, third] = [await createCategory(), await createCategory(), await createCategory()];
    await muteForumCategory(database.db, member, { categoryId: first });

    const result = await setMutedForumCategories(database.db, member, { categoryIds: [second, third, second] });

    expect(result.status).toBe("saved");
    expect(await mutedBy(member)).toEqual([second!, third!].sort());
    expect(await setMutedForumCategories(database.db, member, { categoryIds: [] })).toEqual({ status: "saved", mutedCategoryIds: [] });
    expect(await mutedBy(member)).toEqual([]);
  });

  test("set ignores unknown ids and keeps archived mutes", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    const active = await createCategory();
    const laterArchived = await createCategory();
    await muteForumCategory(database.db, member, { categoryId: laterArchived });
    await database.db.update(forumCategories).set({ archivedAt: new Date() }).where(eq(forumCategories.id, laterArchived));
    const archived = await createCategory({ archived: true });

    const result = await setMutedForumCategories(database.db, member, { categoryIds: [active, archived, "nope", 12, "00000000-0000-4000-8000-000000000000"] });

    expect(result).toEqual({ status: "saved", mutedCategoryIds: [active] });
    expect(await mutedBy(member)).toEqual([active, laterArchived].sort());
  });

  test("set leaves other readers' mutes alone", async () => {
    const member = await createTestAccount(database, { roles: ["member"] });
    const other = await createTestAccount(database, { roles: ["member"] });
    const categoryId = await createCategory();
    await muteForumCategory(database.db, other, { categoryId });

    await setMutedForumCategories(database.db, member, { categoryIds: [] });

    expect(await mutedBy(other)).toEqual([categoryId]);
  });

  test.each(["provider", "administrator", "researcher"] as const)("%s cannot mute categories", async (role) => {
    const actor = await createTestAccount(database, { roles: [role] });
    const categoryId = await createCategory();

    expect(await muteForumCategory(database.db, actor, { categoryId })).toEqual({ status: "not_found" });
    expect(await unmuteForumCategory(database.db, actor, { categoryId })).toEqual({ status: "not_found" });
    expect(await setMutedForumCategories(database.db, actor, { categoryIds: [categoryId] })).toEqual({ status: "not_found" });
    const rows = await database.db.select().from(forumMutedCategories).where(eq(forumMutedCategories.accountId, actor.accountId));
    expect(rows).toEqual([]);
  });
});
