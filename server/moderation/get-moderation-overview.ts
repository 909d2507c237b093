import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";

import { unsafeReadModerationSettings } from "./moderation-settings";
import { crisisAlerts, forumPostReports, moderatorViews } from "./schema";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { accountRoles, memberProfiles } from "../identity/schema";
import type { Executor } from "../platform/db";
import { can } from "../policy";

/** How many posts each list of the overview shows; the counts cover them all. */
export const OVERVIEW_LIST_LIMIT = 50;
/** A moderator who has never marked posts as seen gets the posts of this many days as new. */
export const FIRST_LOOK_DAYS = 7;
const EXCERPT_LENGTH = 240;

export interface OverviewPost {
  postId: string;
  threadId: string;
  threadTitle: string;
  position: number;
  authorPseudonym: string | null;
  createdAt: Date;
  /** The start of the post's Markdown, for recognising it; the thread shows it whole. */
  excerpt: string;
}

export interface ModerationOverview {
  counts: { newPosts: number; unanswered: number; reportedPosts: number; pendingPosts: number; openCrisisAlerts: number };
  /** The start of "new": the moderator's last "seen" mark, or a week back. */
  newSince: Date;
  newPosts: OverviewPost[];
  /** Oldest first, each with the first post of the run nobody else has answered. */
  unanswered: OverviewPost[];
  unansweredAfterHours: number;
  /** The time to store when the moderator marks these posts as seen. */
  loadedAt: Date;
}

export type GetModerationOverviewResult = { status: "found"; overview: ModerationOverview } | { status: "not_found" };

/** Live: neither deleted, hidden nor waiting for a moderator. Written out for the raw subqueries below. */
const liveAlias = (alias: string) => sql.raw(`${alias}.deleted_at is null and ${alias}.hidden_at is null and ${alias}.pending_reason is null`);

/**
 * What waits for a peer moderator: new posts since they last marked them
 * seen, posts nobody has answered, and how many reports, posts for approval
 * and crisis alerts are open. Closed groups are left out: they are private
 * to their members, and moderators see their posts only when one is reported.
 */
export async function getModerationOverview(db: Executor, actor: Actor, now = new Date()): Promise<GetModerationOverviewResult> {
  if (!can(actor, "moderation.view")) return { status: "not_found" };

  const settings = await unsafeReadModerationSettings(db);
  const [view] = await db.select({ lastViewedAt: moderatorViews.lastViewedAt }).from(moderatorViews).where(eq(moderatorViews.accountId, actor.accountId));
  const newSince = view?.lastViewedAt ?? new Date(now.getTime() - FIRST_LOOK_DAYS * 24 * 60 * 60 * 1000);

  const [newPosts, newPostCount, unanswered, counts] = await Promise.all([
    listNewPosts(db, actor.accountId, newSince),
    countNewPosts(db, actor.accountId, newSince),
    listUnanswered(db, settings.unansweredAfterHours, now),
    countOpenItems(db),
  ]);

  return {
    status: "found",
    overview: {
      counts: { newPosts: newPostCount, unanswered: unanswered.length, ...counts },
      newSince,
      newPosts,
      unanswered: unanswered.slice(0, OVERVIEW_LIST_LIMIT),
      unansweredAfterHours: settings.unansweredAfterHours,
      loadedAt: now,
    },
  };
}

/** Remember that the moderator has seen the posts up to `seenUntil` (the time the overview was loaded), never later than now. */
export async function markModerationSeen(db: Executor, actor: Actor, seenUntil: unknown, now = new Date()): Promise<{ status: "saved" } | { status: "not_found" }> {
  if (!can(actor, "moderation.view")) return { status: "not_found" };
  const parsed = typeof seenUntil === "string" ? new Date(seenUntil) : null;
  const until = parsed && !Number.isNaN(parsed.getTime()) && parsed < now ? parsed : now;
  await db
    .insert(moderatorViews)
    .values({ accountId: actor.accountId, lastViewedAt: until })
    // A second tab's older "seen" never moves the mark back.
    .onConflictDoUpdate({ target: moderatorViews.accountId, set: { lastViewedAt: sql`greatest(${moderatorViews.lastViewedAt}, excluded.last_viewed_at)` } });
  return { status: "saved" };
}

const postColumns = {
  postId: forumPosts.id,
  threadId: forumPosts.threadId,
  threadTitle: forumThreads.title,
  position: forumPosts.position,
  authorPseudonym: memberProfiles.pseudonym,
  createdAt: forumPosts.createdAt,
  excerpt: sql<string>`left(${forumPosts.body}, ${EXCERPT_LENGTH})`,
};

function newPostConditions(moderatorId: string, since: Date) {
  return and(
    gt(forumPosts.createdAt, since),
    isNull(forumPosts.deletedAt),
    isNull(forumPosts.hiddenAt),
    isNull(forumPosts.pendingReason),
    isNotNull(forumThreads.categoryId),
    isNull(forumThreads.hiddenAt),
    sql`${forumPosts.authorId} is distinct from ${moderatorId}`,
  );
}

async function listNewPosts(db: Executor, moderatorId: string, since: Date): Promise<OverviewPost[]> {
  return db
    .select(postColumns)
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .leftJoin(memberProfiles, eq(memberProfiles.accountId, forumPosts.authorId))
    .where(newPostConditions(moderatorId, since))
    .orderBy(desc(forumPosts.createdAt), desc(forumPosts.id))
    .limit(OVERVIEW_LIST_LIMIT);
}

async function countNewPosts(db: Executor, moderatorId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(newPostConditions(moderatorId, since));
  return Number(row?.count ?? 0);
}

/**
 * Threads whose newest live posts are by the member who started the thread
 * (not a peer moderator), with nobody else writing since that run of posts
 * began at least `afterHours` ago. A reply by the author themselves, or one
 * that is hidden, deleted or waiting, is no answer; a reply by anyone else
 * is. Replies by others are answers themselves and wait for nobody.
 */
interface UnansweredRow {
  post_id: string;
  thread_id: string;
  thread_title: string;
  position: number;
  author_pseudonym: string | null;
  created_at: string | Date;
  excerpt: string;
}

async function listUnanswered(db: Executor, afterHours: number, now: Date): Promise<OverviewPost[]> {
  const cutoff = new Date(now.getTime() - afterHours * 60 * 60 * 1000).toISOString();
  // Per thread: the newest live post's author, then the first post of that author's run since anyone else wrote.
  const result = await db.execute(sql`
    select post.id as post_id, post.thread_id, thread.title as thread_title, post.position,
      profile.pseudonym as author_pseudonym, post.created_at, left(post.body, ${EXCERPT_LENGTH}) as excerpt
    from ${forumThreads} thread
    cross join lateral (
      select last.author_id from ${forumPosts} last
      where last.thread_id = thread.id and ${liveAlias("last")}
      order by last.position desc limit 1
    ) newest
    cross join lateral (
      select min(run.position) as position from ${forumPosts} run
      where run.thread_id = thread.id and ${liveAlias("run")}
        and run.position > coalesce((
          select max(other.position) from ${forumPosts} other
          where other.thread_id = thread.id and ${liveAlias("other")} and other.author_id is distinct from newest.author_id
        ), 0)
    ) run_start
    join ${forumPosts} post on post.thread_id = thread.id and post.position = run_start.position
    left join ${memberProfiles} profile on profile.account_id = post.author_id
    where thread.category_id is not null and thread.hidden_at is null and thread.pending_at is null
      and newest.author_id is not null and newest.author_id = thread.author_id
      and not exists (select 1 from ${accountRoles} role where role.account_id = newest.author_id and role.role = 'peer_moderator')
      and post.created_at <= ${cutoff}
    order by post.created_at asc, post.id asc
  `);
  // Both drivers return raw SQL results as `{ rows }`, but the shared executor type does not declare it.
  const { rows } = result as unknown as { rows: UnansweredRow[] };
  return rows.map((row) => ({
    postId: row.post_id,
    threadId: row.thread_id,
    threadTitle: row.thread_title,
    position: Number(row.position),
    authorPseudonym: row.author_pseudonym,
    createdAt: new Date(row.created_at),
    excerpt: row.excerpt,
  }));
}

async function countOpenItems(db: Executor): Promise<Omit<ModerationOverview["counts"], "newPosts" | "unanswered">> {
  const [row] = await db
    .select({
      reportedPosts: sql<number>`(select count(distinct ${forumPostReports.postId})::int from ${forumPostReports} where ${forumPostReports.resolvedAt} is null)`,
      pendingPosts: sql<number>`(select count(*)::int from ${forumPosts} where ${forumPosts.pendingReason} is not null and ${forumPosts.deletedAt} is null and ${forumPosts.hiddenAt} is null)`,
      openCrisisAlerts: sql<number>`(select count(*)::int from ${crisisAlerts} where ${crisisAlerts.handledAt} is null)`,
    })
    .from(sql`(select 1) as one`);
  return { reportedPosts: Number(row?.reportedPosts ?? 0), pendingPosts: Number(row?.pendingPosts ?? 0), openCrisisAlerts: Number(row?.openCrisisAlerts ?? 0) };
}
