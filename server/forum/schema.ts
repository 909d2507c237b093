import { sql, type SQL } from "drizzle-orm";
import { check, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { accounts } from "../identity/schema";

/**
 * Search vectors use `reconnect_norwegian`, made by the forum migration: the
 * built-in Norwegian Snowball stemmer without its stop-word list. The built-in
 * `norwegian` configuration drops words such as "ikke", "jeg" and "hvordan",
 * and their Nynorsk forms, so a search for them could never match.
 */
const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

/** The supportive reactions a post can receive. Counts only: no scores, no rankings. */
export const reactionKindEnum = pgEnum("forum_reaction_kind", ["cheer", "thanks", "hug"]);

export const closedGroupMemberStatusEnum = pgEnum("closed_group_member_status", ["invited", "joined"]);

/** A forum category, named and described in every language of the portal. */
export const forumCategories = pgTable(
  "forum_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    nameNb: text("name_nb").notNull(),
    nameNn: text("name_nn").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionNb: text("description_nb").notNull().default(""),
    descriptionNn: text("description_nn").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("forum_categories_slug_key").on(table.slug)],
);

/**
 * A closed group: members who have revealed themselves to each other talk
 * here. Nobody outside it can see or find that it exists.
 */
export const closedGroups = pgTable("closed_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const closedGroupMembers = pgTable(
  "closed_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => closedGroups.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    status: closedGroupMemberStatusEnum("status").notNull(),
    invitedBy: uuid("invited_by").references(() => accounts.id, { onDelete: "set null" }),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.accountId] }), index("closed_group_members_account_id_idx").on(table.accountId)],
);

/** A thread lives either in a category or in a closed group, never both. */
export const forumThreads = pgTable(
  "forum_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    categoryId: uuid("category_id").references(() => forumCategories.id, { onDelete: "restrict" }),
    closedGroupId: uuid("closed_group_id").references(() => closedGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Time of the newest visible post: the order of every thread list. */
    lastPostedAt: timestamp("last_posted_at", { withTimezone: true }).notNull().defaultNow(),
    /** Highest post position handed out; positions are never reused, so links to a page stay stable. */
    lastPosition: integer("last_position").notNull().default(0),
    replyCount: integer("reply_count").notNull().default(0),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    /** Set while the opening post waits for a moderator; only the author sees the thread until then. */
    pendingAt: timestamp("pending_at", { withTimezone: true }),
    titleSearch: tsvector("title_search")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('reconnect_norwegian'::regconfig, ${forumThreads.title})`),
  },
  (table) => [
    check("forum_threads_one_place", sql`(${table.categoryId} is null) <> (${table.closedGroupId} is null)`),
    index("forum_threads_category_activity_idx").on(table.categoryId, table.lastPostedAt.desc(), table.id.desc()),
    index("forum_threads_group_activity_idx").on(table.closedGroupId, table.lastPostedAt.desc(), table.id.desc()),
    index("forum_threads_activity_idx").on(table.lastPostedAt.desc(), table.id.desc()),
    index("forum_threads_category_pinned_idx").on(table.categoryId, table.pinnedAt.desc()).where(sql`${table.pinnedAt} is not null`),
    index("forum_threads_title_search_idx").using("gin", table.titleSearch),
  ],
);

export const forumPosts = pgTable(
  "forum_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    /** 1 for the opening post; pages of a thread are ranges of positions. */
    position: integer("position").notNull(),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    /** The Markdown the member wrote. */
    body: text("body").notNull(),
    /** `body` rendered and sanitised at write time, so reading never runs the renderer. */
    bodyHtml: text("body_html").notNull(),
    contentWarning: text("content_warning"),
    quotedPostId: uuid("quoted_post_id"),
    /** From the form that created the post: a resubmitted form finds the post it already made. */
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    /** A reason code from the moderation domain, shown translated to the author. */
    hiddenReason: text("hidden_reason"),
    /** Why the post waits for a moderator (`first_posts`, `crisis_out_of_hours`); null once it is live. */
    pendingReason: text("pending_reason"),
    /** A moderator's note about their edit, shown under the post. */
    moderatorNote: text("moderator_note"),
    moderatorEditedAt: timestamp("moderator_edited_at", { withTimezone: true }),
    bodySearch: tsvector("body_search")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('reconnect_norwegian'::regconfig, ${forumPosts.body})`),
  },
  (table) => [
    uniqueIndex("forum_posts_thread_position_key").on(table.threadId, table.position),
    uniqueIndex("forum_posts_author_idempotency_key").on(table.authorId, table.idempotencyKey),
    index("forum_posts_author_id_idx").on(table.authorId),
    index("forum_posts_created_at_idx").on(table.createdAt),
    index("forum_posts_body_search_idx").using("gin", table.bodySearch),
    index("forum_posts_pending_idx").on(table.createdAt).where(sql`${table.pendingReason} is not null`),
  ],
);

/** Earlier versions of an edited post, kept for moderators. */
export const forumPostRevisions = pgTable(
  "forum_post_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    contentWarning: text("content_warning"),
    /** When this version was written: the post's creation or its previous edit. */
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("forum_post_revisions_post_id_idx").on(table.postId)],
);

/**
 * A member's unpublished text, saved as they type. `draftKey` names the place:
 * `thread:<id>` for a reply, `category:<id>` or `group:<id>` for a new thread,
 * `post:<id>` for an edit.
 */
export const forumDrafts = pgTable(
  "forum_drafts",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    draftKey: text("draft_key").notNull(),
    title: text("title").notNull().default(""),
    body: text("body").notNull().default(""),
    contentWarning: text("content_warning").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.draftKey] })],
);

export const forumReactions = pgTable(
  "forum_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: reactionKindEnum("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.postId, table.accountId, table.kind] }), index("forum_reactions_account_id_idx").on(table.accountId)],
);

/** How far a member has read each thread, for unread markers. */
export const forumThreadReads = pgTable(
  "forum_thread_reads",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    lastReadPosition: integer("last_read_position").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.threadId] }), index("forum_thread_reads_thread_id_idx").on(table.threadId)],
);

/**
 * A member's visits to the forum: "new since last visit" shows what came
 * after `previousVisitAt`. A visit starts after 30 minutes away.
 */
export const forumVisits = pgTable("forum_visits", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  previousVisitAt: timestamp("previous_visit_at", { withTimezone: true }),
  currentVisitAt: timestamp("current_visit_at", { withTimezone: true }).notNull(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
});

export const forumThreadSubscriptions = pgTable(
  "forum_thread_subscriptions",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.threadId] }), index("forum_thread_subscriptions_thread_id_idx").on(table.threadId)],
);

export const forumCategorySubscriptions = pgTable(
  "forum_category_subscriptions",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => forumCategories.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.categoryId] }), index("forum_category_subscriptions_category_id_idx").on(table.categoryId)],
);

/** A word a reader does not want to see: posts containing it stay folded for them. */
export const forumMutedWords = pgTable(
  "forum_muted_words",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    word: text("word").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.word] })],
);

export const forumMutedCategories = pgTable(
  "forum_muted_categories",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => forumCategories.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.categoryId] })],
);

/** A block works both ways: neither member sees the other's posts, and no notifications flow between them. */
export const memberBlocks = pgTable(
  "member_blocks",
  {
    blockerId: uuid("blocker_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    blockedId: uuid("blocked_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.blockerId, table.blockedId] }), index("member_blocks_blocked_id_idx").on(table.blockedId)],
);

/**
 * A member shows a name of their choosing to one peer. Only the receiver
 * sees it; the giver can take it back at any time by deleting the row. The
 * name is often a real first name, so it is encrypted like other identity data.
 */
export const memberReveals = pgTable(
  "member_reveals",
  {
    giverId: uuid("giver_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    receiverId: uuid("receiver_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    shownNameEncrypted: text("shown_name_encrypted").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.giverId, table.receiverId] }), index("member_reveals_receiver_id_idx").on(table.receiverId)],
);
