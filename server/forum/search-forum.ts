import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import { compileMutedWords, type MutedWordMatcher } from "./find-muted-words";
import { postReadableBy } from "./forum-visibility";
import { listMutedWords } from "./list-muted-words";
import { closedGroups, forumCategories, forumPosts, forumThreads } from "./schema";
import { expandSearchTerms, parseSearchQuery } from "./search/expand-search-query";
import { SEARCH_CANDIDATES_MAX, SEARCH_PAGES_MAX, SEARCH_QUERY_MAX_LENGTH, SEARCH_RESULTS_PER_PAGE } from "./search/search-limits";
import { HIGHLIGHT_MARKERS, SNIPPET_OPTIONS, snippetSegments, type SnippetSegment } from "./search/search-snippet";
import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import { memberProfiles } from "../identity/schema";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface ForumSearchResult {
  threadId: string;
  threadTitle: string;
  postId: string;
  position: number;
  /** Null when the author's account was deleted. */
  authorPseudonym: string | null;
  createdAt: Date;
  snippet: SnippetSegment[];
  /** The author's warning; the page folds the snippet behind it. */
  contentWarning: string | null;
  /** The reader's muted words that the post contains; the page folds the snippet behind them. */
  mutedWords: string[];
  inClosedGroup: boolean;
  /** The category's name in the reader's language, or the closed group's name. */
  categoryName: string;
}

export type SearchForumResult =
  | {
      status: "searched";
      results: ForumSearchResult[];
      page: number;
      hasNextPage: boolean;
      /** True on the last page served when more results exist beyond it. */
      moreResultsThanShown: boolean;
      ignoredWordCount: number;
    }
  | { status: "empty_query" }
  | { status: "query_too_long" }
  | { status: "invalid_page" }
  | { status: "not_found" };

/**
 * Search the forum posts and thread titles the reader may see, best match
 * first, 20 a page. A post matches when its body contains every word in a
 * Bokmål or Nynorsk form. A thread whose title matches returns its opening
 * post, ranked about ten times higher than a body match.
 *
 * Posts in categories the reader muted are found, as they are when the reader
 * opens the category. Posts with muted words are found and marked for folding.
 */
export async function searchForum(db: Executor, actor: Actor, input: { query: string; page: number }, locale: Locale): Promise<SearchForumResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const query = input.query.trim();
  if (query.length > SEARCH_QUERY_MAX_LENGTH) return { status: "query_too_long" };
  if (!Number.isInteger(input.page) || input.page < 1 || input.page > SEARCH_PAGES_MAX) return { status: "invalid_page" };
  const { terms, ignoredWordCount } = parseSearchQuery(query);
  const tsqueryText = expandSearchTerms(terms);
  if (tsqueryText === null) return { status: "empty_query" };

  const rows = await findMatchingPosts(db, actor.accountId, tsqueryText, input.page);
  const muted = await listMutedWords(db, actor);
  const findMuted = compileMutedWords(muted.status === "listed" ? muted.words : []);

  const page = rows.slice(0, SEARCH_RESULTS_PER_PAGE);
  const more = rows.length > SEARCH_RESULTS_PER_PAGE;
  return {
    status: "searched",
    results: page.map((row) => presentResult(row, locale, findMuted)),
    page: input.page,
    hasNextPage: more && input.page < SEARCH_PAGES_MAX,
    moreResultsThanShown: more && input.page === SEARCH_PAGES_MAX,
    ignoredWordCount,
  };
}

function tsquery(tsqueryText: string) {
  return sql`to_tsquery('reconnect_norwegian'::regconfig, ${tsqueryText}::text)`;
}

/**
 * Load one page of matches, plus one row that tells whether another page
 * follows. Candidate posts come from the GIN indexes on post bodies and thread
 * titles, and the reader's visibility rules then filter them. Only the page's
 * rows get a snippet, because `ts_headline` parses each body again.
 */
async function findMatchingPosts(db: Executor, readerId: string, tsqueryText: string, page: number) {
  const query = tsquery(tsqueryText);

  const matchingPost = alias(forumPosts, "matching_post");
  const titledThread = alias(forumThreads, "titled_thread");
  const openingPost = alias(forumPosts, "opening_post");
  // Ranking every match of a common word ("søvn" in 170,000 of a million posts) takes seconds, so only the newest
  // matching posts and the most recently active matching titles are ranked.
  // NOTE: an older post that matches a common word can therefore be missing from the results; a narrower search finds it.
  const bodyCandidates = db
    .select({ id: matchingPost.id })
    .from(matchingPost)
    .where(sql`${matchingPost.bodySearch} @@ ${query}`)
    .orderBy(desc(matchingPost.createdAt))
    .limit(SEARCH_CANDIDATES_MAX);
  const titleCandidates = db
    .select({ id: openingPost.id })
    .from(titledThread)
    .innerJoin(openingPost, and(eq(openingPost.threadId, titledThread.id), eq(openingPost.position, 1)))
    .where(sql`${titledThread.titleSearch} @@ ${query}`)
    .orderBy(desc(titledThread.lastPostedAt))
    .limit(SEARCH_CANDIDATES_MAX);

  // Weights D (0.1) for bodies and A (1.0) for titles, PostgreSQL's defaults, put a title match about ten times above a body match.
  const titleRank = sql`case when ${forumPosts.position} = 1 and ${forumThreads.titleSearch} @@ ${query} then ts_rank(setweight(${forumThreads.titleSearch}, 'A'), ${query}) else 0 end`;
  const ranked = db
    .select({
      postId: forumPosts.id,
      threadId: forumPosts.threadId,
      position: forumPosts.position,
      authorId: forumPosts.authorId,
      createdAt: forumPosts.createdAt,
      body: forumPosts.body,
      contentWarning: forumPosts.contentWarning,
      threadTitle: forumThreads.title,
      categoryId: forumThreads.categoryId,
      closedGroupId: forumThreads.closedGroupId,
      rank: sql<number>`ts_rank(${forumPosts.bodySearch}, ${query}) + ${titleRank}`.as("search_rank"),
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    // One IN over a UNION lets PostgreSQL join the candidates; an OR of two INs made it scan every post.
    .where(and(sql`${forumPosts.id} in (select id from ${bodyCandidates.as("body_candidates")} union select id from ${titleCandidates.as("title_candidates")})`, postReadableBy(readerId)))
    .orderBy(desc(sql`search_rank`), desc(forumPosts.createdAt), desc(forumPosts.id))
    .limit(SEARCH_RESULTS_PER_PAGE + 1)
    .offset((page - 1) * SEARCH_RESULTS_PER_PAGE)
    .as("ranked");

  return db
    .select({
      postId: ranked.postId,
      threadId: ranked.threadId,
      position: ranked.position,
      createdAt: ranked.createdAt,
      body: ranked.body,
      contentWarning: ranked.contentWarning,
      threadTitle: ranked.threadTitle,
      inClosedGroup: sql<boolean>`${ranked.closedGroupId} is not null`,
      // The body loses the marker characters first, so only ts_headline's own markers reach snippetSegments.
      headline: sql<string>`ts_headline('reconnect_norwegian'::regconfig, translate(${ranked.body}, ${HIGHLIGHT_MARKERS}::text, ''), ${query}, ${SNIPPET_OPTIONS}::text)`,
      categoryNameNb: forumCategories.nameNb,
      categoryNameNn: forumCategories.nameNn,
      categoryNameEn: forumCategories.nameEn,
      closedGroupName: closedGroups.name,
      authorPseudonym: memberProfiles.pseudonym,
    })
    .from(ranked)
    .leftJoin(forumCategories, eq(forumCategories.id, ranked.categoryId))
    .leftJoin(closedGroups, eq(closedGroups.id, ranked.closedGroupId))
    .leftJoin(memberProfiles, eq(memberProfiles.accountId, ranked.authorId))
    .orderBy(desc(ranked.rank), desc(ranked.createdAt), desc(ranked.postId));
}

type MatchingPostRow = Awaited<ReturnType<typeof findMatchingPosts>>[number];

function presentResult(row: MatchingPostRow, locale: Locale, findMuted: MutedWordMatcher): ForumSearchResult {
  const categoryNames = { nb: row.categoryNameNb, nn: row.categoryNameNn, en: row.categoryNameEn };
  return {
    threadId: row.threadId,
    threadTitle: row.threadTitle,
    postId: row.postId,
    position: row.position,
    authorPseudonym: row.authorPseudonym,
    createdAt: row.createdAt,
    snippet: snippetSegments(row.headline),
    contentWarning: row.contentWarning,
    mutedWords: findMuted(row.body),
    inClosedGroup: row.inClosedGroup,
    categoryName: categoryNames[locale] ?? row.closedGroupName ?? "",
  };
}
