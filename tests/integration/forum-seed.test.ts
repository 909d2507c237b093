import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { benchmarkThreadQuery, biggestCategorySlug, forumSeedStatements, readerAccountsQuery } from "../../bench/forum-seed.mjs";
import type { Transaction } from "../../server/platform/db";
import { createTestDatabase, testEngines, type TestDatabase } from "../support/test-database";

const posts = 3000;
const threads = 150;
const members = 200;
const readers = 4;

type Row = Record<string, unknown>;

async function rows(executor: TestDatabase["db"] | Transaction, text: string): Promise<Row[]> {
  // Both drivers return the rows in `rows`.
  const result = (await executor.execute(sql.raw(text))) as unknown as { rows: Row[] };
  return result.rows;
}

async function single(database: TestDatabase, text: string): Promise<Row> {
  const [row] = await rows(database.db, text);
  if (!row) throw new Error(`The query returned no row: ${text}`);
  return row;
}

describe("forumSeedStatements", () => {
  test.each([
    [{ posts: 10, threads: 0, members, readers }, /threads at least 1/],
    [{ posts: 5, threads: 10, members, readers }, /posts \(5\) must be at least threads \(10\)/],
    [{ posts, threads, members: 201, readers }, /members must be from 1 to 200/],
    [{ posts, threads, members: 3, readers: 4 }, /readers \(4\) cannot exceed members \(3\)/],
    [{ posts: 1.5, threads, members, readers }, /posts must be a whole number/],
  ])("rejects %o", (sizes, message) => {
    expect(() => forumSeedStatements(sizes)).toThrow(message);
  });
});

describe.each(testEngines())("forum benchmark seed on %s", (engine) => {
  let database: TestDatabase;
  let benchmarkThreadId: string;
  let readerIds: string[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // The statements share temporary tables, and a transaction keeps them on one connection.
    await database.db.transaction(async (tx) => {
      for (const statement of forumSeedStatements({ posts, threads, members, readers })) await rows(tx, statement);
      const [thread] = await rows(tx, benchmarkThreadQuery);
      benchmarkThreadId = String(thread?.id);
      readerIds = (await rows(tx, readerAccountsQuery(readers))).map((row) => String(row.account_id));
    });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  test("seeds exactly the requested sizes", async () => {
    expect(Number((await single(database, "select count(*) as count from forum_posts")).count)).toBe(posts);
    expect(Number((await single(database, "select count(*) as count from forum_threads")).count)).toBe(threads);
    expect(Number((await single(database, "select count(*) as count from member_profiles")).count)).toBe(members);
  });

  test("thread counters match their posts", async () => {
    const mismatched = await rows(
      database.db,
      `select t.id from forum_threads t
       join (select thread_id, count(*) as total, max(position) as last,
                    count(*) filter (where position > 1 and deleted_at is null) as replies,
                    max(created_at) as newest
             from forum_posts group by thread_id) as p on p.thread_id = t.id
       where t.last_position <> p.last or p.total <> p.last or t.reply_count <> p.replies
          or abs(extract(epoch from t.last_posted_at - p.newest)) > 0.001`,
    );
    expect(mismatched).toEqual([]);
  });

  test("opening posts belong to the thread's author", async () => {
    const row = await single(
      database,
      "select count(*) as count from forum_threads t join forum_posts p on p.thread_id = t.id and p.position = 1 where p.author_id is distinct from t.author_id",
    );
    expect(Number(row.count)).toBe(0);
  });

  test("benchmark thread has a full first page", async () => {
    const row = await single(
      database,
      `select t.hidden_at, t.last_position, (select count(*) from forum_posts p where p.thread_id = t.id and p.position <= 30) as first_page
       from forum_threads t where t.id = '${benchmarkThreadId}'`,
    );
    expect(row.hidden_at).toBeNull();
    expect(Number(row.last_position)).toBeGreaterThanOrEqual(30);
    expect(Number(row.first_page)).toBe(30);
  });

  test("biggest category has the most threads and two pinned", async () => {
    const [biggest] = await rows(
      database.db,
      "select c.slug, count(t.pinned_at) as pinned from forum_categories c join forum_threads t on t.category_id = c.id group by c.slug order by count(*) desc limit 1",
    );
    expect(biggest?.slug).toBe(biggestCategorySlug);
    expect(Number(biggest?.pinned)).toBe(2);
  });

  test("search word is in about one post in six", async () => {
    const row = await single(database, "select count(*) as count from forum_posts where body_search @@ to_tsquery('norwegian', 'søvn')");
    const share = Number(row.count) / posts;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.25);
  });

  test("readers are members who have read threads", async () => {
    expect(readerIds).toHaveLength(readers);
    for (const readerId of readerIds) {
      const roles = await single(database, `select count(*) as count from account_roles where account_id = '${readerId}' and role = 'member'`);
      expect(Number(roles.count)).toBe(1);
      const reads = await single(database, `select count(*) as count from forum_thread_reads where account_id = '${readerId}'`);
      expect(Number(reads.count)).toBe(threads / 10);
    }
  });

  test("reactions reach about one post in twenty", async () => {
    const row = await single(database, "select count(distinct post_id) as count from forum_reactions");
    const share = Number(row.count) / posts;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.1);
  });
});
