import { and, asc, between, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";

import { POSTS_PER_PAGE } from "./thread-pages";
import { categoryNameColumns } from "./category-columns";
import { authorIsModerator, authorPseudonym, lastReadPosition } from "./forum-read-model";
import { notBlockedBetween, threadVisibleTo } from "./forum-visibility";
import { closedGroups, forumCategories, forumPosts, forumReactions, forumThreads, forumThreadSubscriptions, type reactionKindEnum } from "./schema";
import type { Locale } from "../identity/roles";
import { isPendingReason, type PendingReason } from "../moderation/reason-codes";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { AUTOMATIC_HIDE_REASON } from "../moderation/reason-codes";
import { can } from "../policy";

export type ReactionKind = (typeof reactionKindEnum.enumValues)[number];
export const REACTION_KINDS: readonly ReactionKind[] = ["cheer", "thanks", "hug"];

export type ThreadPlaceView = { kind: "category"; slug: string; name: string } | { kind: "group"; groupId: string; name: string };

export interface PostView {
  id: string;
  position: number;
  author: { pseudonym: string; isModerator: boolean } | null;
  isOwn: boolean;
  createdAt: Date;
  editedAt: Date | null;
  /**
   * Deleted and hidden posts keep their place in the thread, without their
   * text. A pending post waits for a moderator: only its author sees it.
   */
  state: "published" | "deleted" | "hidden" | "pending";
  /** The reason the reader's own pending post waits; null for every other post. */
  pendingReason: PendingReason | null;
  bodyHtml: string | null;
  /** The Markdown source, for quoting; null unless published or the reader's own pending post. */
  body: string | null;
  contentWarning: string | null;
  /** A moderator's note about their edit, shown under the post to everyone; null unless published. */
  moderatorNote: string | null;
  reactions: { kind: ReactionKind; count: number; mine: boolean }[];
  /**
   * Why a hidden post is hidden: a reason code and the moderator's note to
   * the author. Set only for the post's author and for peer moderators;
   * other readers see that the post is hidden and nothing more.
   */
  hidden: { reason: string | null; note: string | null } | null;
  /** The hidden post's text, for peer moderators only, so they can judge it where it stands. */
  hiddenBodyHtml: string | null;
}

export interface ThreadPageView {
  thread: {
    id: string;
    title: string;
    place: ThreadPlaceView;
    locked: boolean;
    pinned: boolean;
    subscribed: boolean;
    lastPosition: number;
    pageCount: number;
    lastReadPosition: number;
  };
  page: number;
  posts: PostView[];
}

export type GetThreadPageResult = ({ status: "found" } & ThreadPageView) | { status: "not_found" };

/**
 * Load one page of a thread as a reader sees it: 30 positions per page, so a
 * link to a post's page stays right when later posts arrive. Posts by a
 * member on either side of a block are left out for this reader.
 */
export async function getThreadPage(db: Executor, actor: Actor, threadId: string, page: number, locale: Locale): Promise<GetThreadPageResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };
  if (!z.uuid().safeParse(threadId).success) return { status: "not_found" };

  const [thread] = await db
    .select({
      id: forumThreads.id,
      title: forumThreads.title,
      lockedAt: forumThreads.lockedAt,
      pinnedAt: forumThreads.pinnedAt,
      lastPosition: forumThreads.lastPosition,
      categorySlug: forumCategories.slug,
      categoryName: categoryNameColumns[locale],
      groupId: closedGroups.id,
      groupName: closedGroups.name,
      subscribed: sql<boolean>`exists (select 1 from ${forumThreadSubscriptions} where ${forumThreadSubscriptions.threadId} = ${forumThreads.id} and ${forumThreadSubscriptions.accountId} = ${actor.accountId})`,
      lastReadPosition: lastReadPosition(actor.accountId),
    })
    .from(forumThreads)
    .leftJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .leftJoin(closedGroups, eq(closedGroups.id, forumThreads.closedGroupId))
    .where(and(eq(forumThreads.id, threadId), threadVisibleTo(actor.accountId), notBlockedBetween(actor.accountId, forumThreads.authorId)));
  if (!thread) return { status: "not_found" };

  const pageCount = Math.max(1, Math.ceil(thread.lastPosition / POSTS_PER_PAGE));
  const currentPage = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const posts = await loadPosts(db, actor.accountId, threadId, currentPage, can(actor, "moderation.view"));

  const place: ThreadPlaceView =
    thread.groupId !== null ? { kind: "group", groupId: thread.groupId, name: thread.groupName ?? "" } : { kind: "category", slug: thread.categorySlug ?? "", name: thread.categoryName ?? "" };
  return {
    status: "found",
    thread: {
      id: thread.id,
      title: thread.title,
      place,
      locked: thread.lockedAt !== null,
      pinned: thread.pinnedAt !== null,
      subscribed: thread.subscribed,
      lastPosition: thread.lastPosition,
      pageCount,
      lastReadPosition: Number(thread.lastReadPosition),
    },
    page: currentPage,
    posts,
  };
}

async function loadPosts(db: Executor, readerId: string, threadId: string, page: number, readerModerates: boolean): Promise<PostView[]> {
  const first = (page - 1) * POSTS_PER_PAGE + 1;
  const rows = await db
    .select({
      id: forumPosts.id,
      position: forumPosts.position,
      authorId: forumPosts.authorId,
      pseudonym: authorPseudonym(forumPosts.authorId),
      isModerator: authorIsModerator(forumPosts.authorId),
      createdAt: forumPosts.createdAt,
      editedAt: forumPosts.editedAt,
      deletedAt: forumPosts.deletedAt,
      hiddenAt: forumPosts.hiddenAt,
      hiddenReason: forumPosts.hiddenReason,
      moderatorNote: forumPosts.moderatorNote,
      pendingReason: forumPosts.pendingReason,
      body: forumPosts.body,
      bodyHtml: forumPosts.bodyHtml,
      contentWarning: forumPosts.contentWarning,
    })
    .from(forumPosts)
    .where(
      and(
        eq(forumPosts.threadId, threadId),
        between(forumPosts.position, first, first + POSTS_PER_PAGE - 1),
        notBlockedBetween(readerId, forumPosts.authorId),
        // A post waiting for a moderator leaves no trace for other readers, not even a placeholder.
        or(isNull(forumPosts.pendingReason), eq(forumPosts.authorId, readerId)),
      ),
    )
    .orderBy(asc(forumPosts.position));

  const reactions = await loadReactions(
    db,
    readerId,
    rows.filter((row) => postState(row) === "published").map((row) => row.id),
  );

  return rows.map((row) => {
    const state = postState(row);
    const published = state === "published";
    const isOwn = row.authorId === readerId;
    const explained = state === "hidden" && (isOwn || readerModerates);
    // The author reads their own waiting post; nobody else gets it from this query.
    const readable = published || state === "pending";
    return {
      id: row.id,
      position: row.position,
      author: row.pseudonym === null ? null : { pseudonym: row.pseudonym, isModerator: Boolean(row.isModerator) },
      isOwn,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      state,
      pendingReason: state === "pending" && isPendingReason(row.pendingReason) ? row.pendingReason : null,
      bodyHtml: readable ? row.bodyHtml : null,
      body: readable ? row.body : null,
      contentWarning: readable ? row.contentWarning : null,
      moderatorNote: published ? row.moderatorNote : null,
      reactions: published ? (reactions.get(row.id) ?? emptyReactions()) : [],
      hidden: explained ? { reason: row.hiddenReason, note: hideNote(row.hiddenReason, row.moderatorNote) } : null,
      hiddenBodyHtml: state === "hidden" && readerModerates ? row.bodyHtml : null,
    };
  });
}

/** Return the moderator's note to show with a hidden post: none when reports hid it, because its `moderator_note` can then only be an older edit note. */
function hideNote(reason: string | null, moderatorNote: string | null): string | null {
  return reason === AUTOMATIC_HIDE_REASON ? null : moderatorNote;
}

function postState(row: { deletedAt: Date | null; hiddenAt: Date | null; pendingReason: string | null }): PostView["state"] {
  if (row.deletedAt !== null) return "deleted";
  if (row.hiddenAt !== null) return "hidden";
  if (row.pendingReason !== null) return "pending";
  return "published";
}

function emptyReactions() {
  return REACTION_KINDS.map((kind) => ({ kind, count: 0, mine: false }));
}

async function loadReactions(db: Executor, readerId: string, postIds: string[]) {
  const byPost = new Map<string, PostView["reactions"]>();
  if (postIds.length === 0) return byPost;

  // Reactions from members on either side of a block are not counted for this reader.
  const rows = await db
    .select({
      postId: forumReactions.postId,
      kind: forumReactions.kind,
      count: sql<number>`count(*)::int`,
      mine: sql<boolean>`bool_or(${forumReactions.accountId} = ${readerId})`,
    })
    .from(forumReactions)
    .where(and(inArray(forumReactions.postId, postIds), notBlockedBetween(readerId, forumReactions.accountId)))
    .groupBy(forumReactions.postId, forumReactions.kind);

  for (const row of rows) {
    const reactions = byPost.get(row.postId) ?? emptyReactions();
    const entry = reactions.find((reaction) => reaction.kind === row.kind)!;
    entry.count = Number(row.count);
    entry.mine = Boolean(row.mine);
    byPost.set(row.postId, reactions);
  }
  return byPost;
}
