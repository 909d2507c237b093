import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { createTestDatabase, testEngines, type TestDatabase } from "../tests/support/test-database";
import { getThreadPage } from "../server/forum/get-thread-page";
import { listCategoryThreads } from "../server/forum/list-category-threads";
import { closedGroups, forumPosts, forumThreads } from "../server/forum/schema";
import type { PersonActor } from "../server/identity/actor";
import { memberProfiles } from "../server/identity/schema";
import { demoClosedGroups, demoForumCategories, demoForumThreads } from "./demo-forum-content";
import { seedDemo } from "./seed-demo";
import { demoForumId } from "./seed-demo-forum";

describe.each(testEngines())("demo seed on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.db.transaction((tx) => seedDemo(tx, database.keys));
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function memberActor(pseudonym: string): Promise<PersonActor> {
    const [profile] = await database.db.select({ accountId: memberProfiles.accountId }).from(memberProfiles).where(eq(memberProfiles.pseudonym, pseudonym));
    return { kind: "person", accountId: profile!.accountId, roles: ["member"], locale: null, displayName: pseudonym, hasMemberProfile: true, termsAccepted: true, isDemo: true, sessionTokenHash: "" };
  }

  test("every demo thread and post is stored", async () => {
    const [threads] = await database.db.select({ count: sql<number>`count(*)::int` }).from(forumThreads);
    const [posts] = await database.db.select({ count: sql<number>`count(*)::int` }).from(forumPosts);
    const expectedThreads = demoForumThreads.length + demoClosedGroups.reduce((sum, group) => sum + group.threads.length, 0);
    const expectedPosts = [...demoForumThreads, ...demoClosedGroups.flatMap((group) => group.threads)].reduce((sum, thread) => sum + thread.posts.length, 0);
    expect(Number(threads!.count)).toBe(expectedThreads);
    expect(Number(posts!.count)).toBe(expectedPosts);
  });

  test("member reads a seeded category and thread", async () => {
    const reader = await memberActor("Tusenfryd");
    const category = await listCategoryThreads(database.db, reader, demoForumCategories[0]!.slug, "nn");
    expect(category.status).toBe("found");

    const thread = demoForumThreads[0]!;
    const page = await getThreadPage(database.db, reader, demoForumId("thread", thread.key), 1, "nb");
    if (page.status !== "found") throw new Error("seeded thread not found");
    expect(page.posts).toHaveLength(thread.posts.length);
  });

  test("closed group stays closed to others", async () => {
    const group = demoClosedGroups[0]!;
    const [row] = await database.db.select({ name: closedGroups.name }).from(closedGroups).where(eq(closedGroups.id, demoForumId("group", group.key)));
    expect(row?.name).toBe(group.name);

    const outsider = await memberActor("Tusenfryd");
    const page = await getThreadPage(database.db, outsider, demoForumId("thread", group.threads[0]!.key), 1, "nb");
    expect(page).toEqual({ status: "not_found" });
  });
});
