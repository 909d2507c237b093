import { randomUUID } from "node:crypto";

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestAccount } from "../../tests/support/account-factory";
import { createTestDatabase, testEngines, type TestDatabase } from "../../tests/support/test-database";
import { anonymous, type PersonActor } from "../identity/actor";
import type { Role } from "../identity/roles";
import { accounts } from "../identity/schema";
import { closedGroupMembers, closedGroups, forumCategories, forumMutedWords, forumPosts, forumThreads, memberBlocks } from "./schema";
import { searchForum, type ForumSearchResult, type SearchForumResult } from "./search-forum";
import { SEARCH_QUERY_MAX_LENGTH, SEARCH_RESULTS_PER_PAGE } from "./search/search-limits";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "./search/search-snippet";

type Place = { categoryId: string } | { closedGroupId: string };

interface PostOptions {
  hiddenAt?: Date;
  deletedAt?: Date;
  contentWarning?: string;
  createdAt?: Date;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Assert that the search ran and return its results. */
function found(result: SearchForumResult): ForumSearchResult[] {
  expect(result.status).toBe("searched");
  if (result.status !== "searched") throw new Error(`searchForum returned ${result.status}`);
  return result.results;
}

function postIds(result: SearchForumResult): string[] {
  return found(result).map((entry) => entry.postId);
}

function highlightedWords(entry: ForumSearchResult | undefined): string[] {
  return (entry?.snippet ?? []).filter((segment) => segment.highlighted).map((segment) => segment.text);
}

// Bokmål and Nynorsk forms that the `norwegian` stemmer alone keeps apart.
const bokmalNynorskPairs: [string, string][] = [
  ["brukere", "brukarar"],
  ["følelser", "kjenslene"],
  ["uke", "veka"],
  ["sykdommen", "sjukdom"],
  ["hjemme", "heime"],
  ["skolen", "skule"],
  ["morgen", "morgonen"],
  ["behandlingen", "handsaminga"],
  ["ensomhet", "einsemda"],
  ["venner", "vener"],
  ["sykehuset", "sjukehus"],
  ["søvnløshet", "søvnløyse"],
  ["gikk", "gjekk"],
  ["drømmer", "draumar"],
  ["kjærlighet", "kjærleiken"],
  ["bivirkninger", "biverknader"],
  ["fremtiden", "framtida"],
  ["mulighet", "moglegheit"],
  ["sammen", "saman"],
  ["hverdagen", "kvardagen"],
];

describe.each(testEngines())("forum search on %s", (engine) => {
  let database: TestDatabase;
  let category: string;
  let reader: PersonActor;
  let writer: PersonActor;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    category = await createCategory();
    reader = await createTestAccount(database, { roles: ["member"] });
    writer = await createTestAccount(database, { roles: ["member"], pseudonym: "Skrivar" });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function createCategory(options: { archivedAt?: Date } = {}): Promise<string> {
    const suffix = randomUUID().slice(0, 8);
    const [row] = await database.db
      .insert(forumCategories)
      .values({ slug: `kategori-${suffix}`, nameNb: `Hverdagsliv ${suffix}`, nameNn: `Kvardagsliv ${suffix}`, nameEn: `Everyday life ${suffix}`, archivedAt: options.archivedAt })
      .returning({ id: forumCategories.id });
    return row!.id;
  }

  async function createClosedGroup(name: string, members: { actor: PersonActor; status: "invited" | "joined" }[]): Promise<string> {
    const [group] = await database.db.insert(closedGroups).values({ name }).returning({ id: closedGroups.id });
    await database.db.insert(closedGroupMembers).values(
      members.map(({ actor, status }) => ({ groupId: group!.id, accountId: actor.accountId, status, joinedAt: status === "joined" ? new Date() : null })),
    );
    return group!.id;
  }

  async function createThread(place: Place, author: PersonActor, title: string, body: string, options: PostOptions & { threadHiddenAt?: Date } = {}) {
    const [thread] = await database.db
      .insert(forumThreads)
      .values({ ...place, title, authorId: author.accountId, lastPosition: 1, hiddenAt: options.threadHiddenAt })
      .returning({ id: forumThreads.id });
    const openingPostId = await insertPost(thread!.id, 1, author, body, options);
    return { threadId: thread!.id, openingPostId };
  }

  async function addReply(threadId: string, author: PersonActor, body: string, options: PostOptions = {}): Promise<string> {
    const [thread] = await database.db
      .update(forumThreads)
      .set({ lastPosition: sql`${forumThreads.lastPosition} + 1` })
      .where(eq(forumThreads.id, threadId))
      .returning({ position: forumThreads.lastPosition });
    return insertPost(threadId, thread!.position, author, body, options);
  }

  async function insertPost(threadId: string, position: number, author: PersonActor, body: string, options: PostOptions): Promise<string> {
    const [post] = await database.db
      .insert(forumPosts)
      .values({
        threadId,
        position,
        authorId: author.accountId,
        body,
        bodyHtml: `<p>${escapeHtml(body)}</p>`,
        idempotencyKey: randomUUID(),
        contentWarning: options.contentWarning,
        hiddenAt: options.hiddenAt,
        deletedAt: options.deletedAt,
        ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      })
      .returning({ id: forumPosts.id });
    return post!.id;
  }

  function search(actor: PersonActor, query: string, page = 1, locale: "nb" | "nn" | "en" = "nb") {
    return searchForum(database.db, actor, { query, page }, locale);
  }

  describe("Bokmål and Nynorsk", () => {
    test.each(bokmalNynorskPairs)("Bokmål %s finds Nynorsk %s", async (bokmal, nynorsk) => {
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Eit spørsmål", `Eg skriv om ${nynorsk} her.`);

      expect(postIds(await search(reader, bokmal))).toContain(openingPostId);
    });

    test.each(bokmalNynorskPairs)("Bokmål %s is found by Nynorsk %s", async (bokmal, nynorsk) => {
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Et spørsmål", `Jeg skriver om ${bokmal} her.`);

      expect(postIds(await search(reader, nynorsk))).toContain(openingPostId);
    });

    test.each(bokmalNynorskPairs)("stemmer alone keeps %s and %s apart", async (bokmal, nynorsk) => {
      // Without this, the pair tests above could pass on stemming alone and prove nothing about the expansion.
      const result = (await database.db.execute(
        sql`select to_tsvector('reconnect_norwegian', ${nynorsk}::text) @@ plainto_tsquery('reconnect_norwegian', ${bokmal}::text) as matched`,
      )) as unknown as { rows: { matched: boolean }[] };
      expect(result.rows[0]?.matched).toBe(false);
    });

    test("stemming finds angst from angsten", async () => {
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Om kvelden", "Jeg kjenner på mye angst om kvelden.");

      expect(postIds(await search(reader, "angsten"))).toContain(openingPostId);
    });

    test("every word must match", async () => {
      const both = await createThread({ categoryId: category }, writer, "Innlagt", "Brukarane på sjukehuset var snille.");
      const onlyOne = await createThread({ categoryId: category }, writer, "Innlagt igjen", "Sjukehuset var fullt.");

      const ids = postIds(await search(reader, "brukere sykehus"));

      expect(ids).toContain(both.openingPostId);
      expect(ids).not.toContain(onlyOne.openingPostId);
    });

    test("quoted phrase needs the words in order", async () => {
      const phrase = await createThread({ categoryId: category }, writer, "Natt", "Eg greier ikkje å sove om natta, og eg er trøytt.");
      const apart = await createThread({ categoryId: category }, writer, "Natt igjen", "Natta er lang. Å sove er vanskeleg når eg ikkje greier å roe meg.");

      const ids = postIds(await search(reader, '"greier ikke å sove"'));

      expect(ids).toContain(phrase.openingPostId);
      expect(ids).not.toContain(apart.openingPostId);
    });
  });

  describe("ranking and snippets", () => {
    test("title match comes first", async () => {
      const bodyMatch = await createThread({ categoryId: category }, writer, "Om netter", "Søvnløsheten min er verst i helgene. Søvnløshet, søvnløshet, alltid søvnløshet.");
      const titleMatch = await createThread({ categoryId: category }, writer, "Tips mot søvnløyse", "Her kan vi dele det som har hjulpet.");

      const ids = postIds(await search(reader, "søvnløshet"));

      expect(ids[0]).toBe(titleMatch.openingPostId);
      expect(ids).toContain(bodyMatch.openingPostId);
    });

    test("title and body match gives one result", async () => {
      const { threadId, openingPostId } = await createThread({ categoryId: category }, writer, "Tankekjør om kvelden", "Tankekjøret starter når jeg legger meg.");
      const replyId = await addReply(threadId, reader, "Jeg kjenner meg igjen.");

      const ids = postIds(await search(reader, "tankekjør"));

      expect(ids.filter((id) => id === openingPostId)).toHaveLength(1);
      expect(ids).not.toContain(replyId);
    });

    test("title match returns the opening post only", async () => {
      const { threadId, openingPostId } = await createThread({ categoryId: category }, writer, "Hjartebank om natta", "Eg vaknar og kjenner det i brystet.");
      const replyId = await addReply(threadId, reader, "Eg òg, det går over.");

      const entries = found(await search(reader, "hjertebank"));
      const ids = entries.map((entry) => entry.postId);

      expect(ids).toContain(openingPostId);
      expect(ids).not.toContain(replyId);
      expect(highlightedWords(entries.find((entry) => entry.postId === openingPostId))).toEqual([]);
    });

    test("snippet highlights the Nynorsk word that matched", async () => {
      const { openingPostId } = await createThread(
        { categoryId: category },
        writer,
        "Fellesskap",
        "Mange brukarar her seier det same. Det hjelper å høyre frå andre som har hatt det slik.",
      );

      const entry = found(await search(reader, "brukere")).find((candidate) => candidate.postId === openingPostId);

      expect(highlightedWords(entry)).toEqual(["brukarar"]);
      expect(entry?.snippet.map((segment) => segment.text).join("")).toContain("Mange brukarar her seier det same.");
    });

    test("marker characters in a post cannot fake a highlight", async () => {
      const { openingPostId } = await createThread(
        { categoryId: category },
        writer,
        "Markørar",
        `Teksten prøver ${HIGHLIGHT_START}lure${HIGHLIGHT_STOP} søket, men kjærleiken vinn.`,
      );

      const entry = found(await search(reader, "kjærlighet")).find((candidate) => candidate.postId === openingPostId);

      expect(highlightedWords(entry)).toEqual(["kjærleiken"]);
      expect(entry?.snippet.map((segment) => segment.text).join("")).toContain("prøver lure søket");
    });

    test("result carries the presented fields", async () => {
      const author = await createTestAccount(database, { roles: ["member"], pseudonym: "Fjellvatn" });
      const createdAt = new Date("2026-03-04T10:15:00Z");
      const { threadId, openingPostId } = await createThread({ categoryId: category }, author, "Spørsmål om legetime", "Åpningsinnlegget.");
      const replyId = await addReply(threadId, author, "Vekeplanen min hjelper meg å hugse legetimen.", { createdAt, contentWarning: "Medisinar" });

      const [entry] = found(await search(reader, "ukeplan hugse"));

      expect(entry).toEqual({
        threadId,
        threadTitle: "Spørsmål om legetime",
        postId: replyId,
        position: 2,
        authorPseudonym: "Fjellvatn",
        createdAt,
        snippet: expect.any(Array),
        contentWarning: "Medisinar",
        mutedWords: [],
        inClosedGroup: false,
        categoryName: expect.stringMatching(/^Hverdagsliv /),
      });
      expect(openingPostId).not.toBe(replyId);
    });

    test("category name follows the reader's language", async () => {
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Språk", "Nøkkelen til kjellaren forsvann.");

      const names = await Promise.all(
        (["nb", "nn", "en"] as const).map(async (locale) => found(await search(reader, "nøkkel kjeller", 1, locale)).find((entry) => entry.postId === openingPostId)?.categoryName),
      );

      expect(names).toEqual([expect.stringMatching(/^Hverdagsliv /), expect.stringMatching(/^Kvardagsliv /), expect.stringMatching(/^Everyday life /)]);
    });

    test("muted words are returned for folding", async () => {
      const muter = await createTestAccount(database, { roles: ["member"] });
      await database.db.insert(forumMutedWords).values([
        { accountId: muter.accountId, word: "tablettar" },
        { accountId: muter.accountId, word: "kvalme" },
      ]);
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Biverknader", "Tablettane gir meg kvalme og uro om morgonen.");

      const forMuter = found(await search(muter, "bivirkninger")).find((entry) => entry.postId === openingPostId);
      const forReader = found(await search(reader, "bivirkninger")).find((entry) => entry.postId === openingPostId);

      expect(forMuter?.mutedWords).toEqual(["kvalme"]);
      expect(forReader?.mutedWords).toEqual([]);
    });

    test("deleted account shows no pseudonym", async () => {
      const leaver = await createTestAccount(database, { roles: ["member"] });
      const { openingPostId } = await createThread({ categoryId: category }, leaver, "Takk for meg", "Takksam for alle gode råd om sjølvkjensla.");
      await database.db.delete(accounts).where(eq(accounts.id, leaver.accountId));

      const entry = found(await search(reader, "selvfølelse")).find((candidate) => candidate.postId === openingPostId);

      expect(entry).toBeDefined();
      expect(entry?.authorPseudonym).toBeNull();
    });
  });

  describe("visibility", () => {
    test("closed group is found only by its joined members", async () => {
      const joined = await createTestAccount(database, { roles: ["member"] });
      const invited = await createTestAccount(database, { roles: ["member"] });
      const group = await createClosedGroup("Kafégjengen", [
        { actor: writer, status: "joined" },
        { actor: joined, status: "joined" },
        { actor: invited, status: "invited" },
      ]);
      const { openingPostId } = await createThread({ closedGroupId: group }, writer, "Lukket kanarifugltråd", "Kanarifuglgruppa møtes på torsdag.");

      for (const outsider of [reader, invited]) {
        const result = await search(outsider, "kanarifuglgruppa");
        expect(found(result)).toEqual([]);
        expect(found(await search(outsider, "kanarifugltråd"))).toEqual([]);
      }
      const entries = found(await search(joined, "kanarifuglgruppa"));
      expect(entries.map((entry) => entry.postId)).toEqual([openingPostId]);
      expect(entries[0]?.inClosedGroup).toBe(true);
      expect(entries[0]?.categoryName).toBe("Kafégjengen");
    });

    test("hidden and deleted posts are never found", async () => {
      const { threadId, openingPostId } = await createThread({ categoryId: category }, writer, "Kanarigul tråd", "Kanariblå er synleg for alle.");
      await addReply(threadId, writer, "Kanariblå i eit skjult innlegg.", { hiddenAt: new Date() });
      await addReply(threadId, writer, "Kanariblå i eit sletta innlegg.", { deletedAt: new Date() });

      expect(postIds(await search(reader, "kanariblå"))).toEqual([openingPostId]);
      expect(postIds(await search(writer, "kanariblå"))).toEqual([openingPostId]);
    });

    test("hidden thread is never found, title included", async () => {
      await createThread({ categoryId: category }, writer, "Kanarirosa tittel", "Kanarigrønt innhald.", { threadHiddenAt: new Date() });

      expect(found(await search(reader, "kanarirosa"))).toEqual([]);
      expect(found(await search(reader, "kanarigrønt"))).toEqual([]);
    });

    test("archived category is never found", async () => {
      const archived = await createCategory({ archivedAt: new Date() });
      await createThread({ categoryId: archived }, writer, "Kanarililla tittel", "Kanarioransje innhald.");

      expect(found(await search(reader, "kanarililla"))).toEqual([]);
      expect(found(await search(reader, "kanarioransje"))).toEqual([]);
    });

    test("block hides posts both ways", async () => {
      const blocker = await createTestAccount(database, { roles: ["member"] });
      const blocked = await createTestAccount(database, { roles: ["member"] });
      const bystander = await createTestAccount(database, { roles: ["member"] });
      await database.db.insert(memberBlocks).values({ blockerId: blocker.accountId, blockedId: blocked.accountId });
      const byBlocked = await createThread({ categoryId: category }, blocked, "Kanaribrun tittel", "Kanarisvart frå den blokkerte.");
      const byBlocker = await createThread({ categoryId: category }, blocker, "Kanarikvit tittel", "Kanarigrå frå den som blokkerte.");

      expect(found(await search(blocker, "kanarisvart"))).toEqual([]);
      expect(found(await search(blocker, "kanaribrun"))).toEqual([]);
      expect(found(await search(blocked, "kanarigrå"))).toEqual([]);
      expect(found(await search(blocked, "kanarikvit"))).toEqual([]);
      expect(postIds(await search(bystander, "kanarisvart"))).toEqual([byBlocked.openingPostId]);
      expect(postIds(await search(bystander, "kanarigrå"))).toEqual([byBlocker.openingPostId]);
    });
  });

  describe("permissions", () => {
    test.each<[Role]>([["provider"], ["researcher"], ["administrator"]])("%s gets not found", async (role) => {
      const person = await createTestAccount(database, { roles: [role] });

      expect(await searchForum(database.db, person, { query: "angst", page: 1 }, "nb")).toEqual({ status: "not_found" });
    });

    test("signed-out visitor gets not found", async () => {
      expect(await searchForum(database.db, anonymous, { query: "angst", page: 1 }, "nb")).toEqual({ status: "not_found" });
    });

    test("peer moderator can search", async () => {
      const moderator = await createTestAccount(database, { roles: ["peer_moderator"] });
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Likeperson", "Erfaringskonsulentane er gode å snakke med.");

      expect(postIds(await search(moderator, "erfaringskonsulentane"))).toContain(openingPostId);
    });
  });

  describe("input", () => {
    test.each([
      ["a quote", "'"],
      ["operators", "&|!"],
      ["a prefix marker", ":*"],
      ["a word with a prefix marker", "angst:*"],
      ["an unbalanced quote", '"unbalanced quote'],
      ["two phrases, one unclosed", '"a" "b'],
      ["an expression", "a & b | !c"],
      ["open brackets", "((( angst"],
      ["a phrase operator", "angst <-> søvn"],
      ["a distance operator", "<2>"],
      ["a backslash", "\\"],
      ["SQL", "'; drop table forum_posts; --"],
      ["emoji", "🙂🙂 angst 👍🏽"],
      ["a NUL character", "\u0000angst"],
      ["a combining accent", "e\u0301"],
      ["a word of the maximum length", "x".repeat(SEARCH_QUERY_MAX_LENGTH)],
    ])("input with %s does not throw", async (_, query) => {
      const result = await search(reader, query);

      expect(["searched", "empty_query"]).toContain(result.status);
    });

    test.each([
      ["5,000 spaces", " ".repeat(5000), "empty_query"],
      ["5,000 exclamation marks", "!".repeat(5000), "query_too_long"],
      ["a 5,000-letter word", "a".repeat(5000), "query_too_long"],
      ["1,000 words", "angst ".repeat(1000), "query_too_long"],
    ])("input of %s is rejected", async (_, query, status) => {
      const result = await search(reader, query);

      expect(result.status).toBe(status);
    });

    test("emoji and punctuation around a word still find it", async () => {
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Glede", "I dag var ein god dag med kvardagsglede.");

      expect(postIds(await search(reader, "🙂 (kvardagsglede)!!"))).toContain(openingPostId);
    });

    test.each(["", "   ", "?!", "&|!:*()", "🙂👍🏽"])("no words in %j is an empty query", async (query) => {
      expect(await search(reader, query)).toEqual({ status: "empty_query" });
    });

    test("common short words are searchable", async () => {
      const { openingPostId } = await createThread({ categoryId: category }, writer, "Korleis", "Eg veit ikkje korleis eg skal seie det.");

      expect(postIds(await search(reader, "jeg vet ikke hvordan"))).toContain(openingPostId);
    });

    test.each([0, 11, 1.5, Number.NaN, -1])("page %s is invalid", async (page) => {
      expect(await search(reader, "angst", page)).toEqual({ status: "invalid_page" });
    });

    test("words past ten are counted and ignored", async () => {
      const result = await search(reader, "en to tre fire fem seks sju åtte ni ti elleve tolv");

      expect(result.status).toBe("searched");
      if (result.status === "searched") expect(result.ignoredWordCount).toBe(2);
    });
  });

  describe("pages", () => {
    test("pages split results without overlap", async () => {
      const { threadId } = await createThread({ categoryId: category }, writer, "Mange svar", "Første innlegg.");
      for (let index = 0; index < 45; index++) await addReply(threadId, writer, `Sidetesting ${index}`);

      const first = await search(reader, "sidetesting", 1);
      const second = await search(reader, "sidetesting", 2);
      const third = await search(reader, "sidetesting", 3);

      expect(found(first)).toHaveLength(SEARCH_RESULTS_PER_PAGE);
      expect(found(second)).toHaveLength(SEARCH_RESULTS_PER_PAGE);
      expect(found(third)).toHaveLength(5);
      expect(first).toMatchObject({ status: "searched", hasNextPage: true });
      expect(third).toMatchObject({ status: "searched", hasNextPage: false });
      expect(new Set([...postIds(first), ...postIds(second), ...postIds(third)]).size).toBe(45);
    });

    test("last page says more results exist", async () => {
      const [thread] = await database.db
        .insert(forumThreads)
        .values({ categoryId: category, title: "Mange treff", authorId: writer.accountId, lastPosition: 201 })
        .returning({ id: forumThreads.id });
      await database.db.insert(forumPosts).values(
        Array.from({ length: 201 }, (_, index) => ({
          threadId: thread!.id,
          position: index + 1,
          authorId: writer.accountId,
          body: `Tiandesidetreff nummer ${index}`,
          bodyHtml: `<p>Tiandesidetreff nummer ${index}</p>`,
          idempotencyKey: randomUUID(),
        })),
      );

      const last = await search(reader, "tiandesidetreff", 10);

      expect(found(last)).toHaveLength(SEARCH_RESULTS_PER_PAGE);
      expect(last).toMatchObject({ hasNextPage: false, moreResultsThanShown: true });
    });
  });
});
