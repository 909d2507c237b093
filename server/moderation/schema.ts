import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { forumPosts } from "../forum/schema";
import { accounts } from "../identity/schema";

/**
 * A member's report of one post. While a report is open it counts towards
 * hiding the post; a moderator's decision closes every open report on it.
 * Reporters are never shown to the author.
 */
export const forumPostReports = pgTable(
  "forum_post_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** A code from the short list the form offers (`hurtful`, `identifying`, `at_risk`, `spam`, `other`). */
    reason: text("reason").notNull(),
    /** The reporter's own words, for moderators only. */
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => accounts.id, { onDelete: "set null" }),
    /** `kept` or `hidden`: what the moderator decided. */
    resolution: text("resolution"),
  },
  (table) => [
    // One open report per member and post: reporting again while it is open changes nothing.
    uniqueIndex("forum_post_reports_open_key").on(table.postId, table.reporterId).where(sql`${table.resolvedAt} is null`),
    index("forum_post_reports_open_idx").on(table.createdAt).where(sql`${table.resolvedAt} is null`),
    index("forum_post_reports_reporter_id_idx").on(table.reporterId),
  ],
);

/**
 * Raised when a post's text suggests crisis, suicide or self-harm. Holds the
 * matched rule ids, never the text; the post itself is what moderators read.
 */
export const crisisAlerts = pgTable(
  "crisis_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    writerId: uuid("writer_id").references(() => accounts.id, { onDelete: "cascade" }),
    /** `suicide`, `self_harm` or `crisis`, most serious first. */
    categories: text("categories").array().notNull(),
    ruleIds: text("rule_ids").array().notNull(),
    /** True when the post waited for a moderator because it came outside moderated hours. */
    heldForModerator: boolean("held_for_moderator").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledBy: uuid("handled_by").references(() => accounts.id, { onDelete: "set null" }),
  },
  (table) => [
    uniqueIndex("crisis_alerts_post_id_key").on(table.postId),
    index("crisis_alerts_open_idx").on(table.createdAt).where(sql`${table.handledAt} is null`),
  ],
);

/** One weekly window of moderated hours, in Europe/Oslo local time. */
export interface ModeratedHoursWindow {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  /** Local time "HH:MM". */
  start: string;
  /** Local time "HH:MM", after start. */
  end: string;
}

/** The deployment's moderation settings: exactly one row, id 1. */
export const moderationSettings = pgTable(
  "moderation_settings",
  {
    id: integer("id").primaryKey().default(1),
    /** A new member's first posts wait for approval; 0 switches approval off. */
    approvalPostCount: integer("approval_post_count").notNull().default(0),
    /** A post with no reply from anyone else after this many hours is listed as unanswered. */
    unansweredAfterHours: integer("unanswered_after_hours").notNull().default(24),
    /** Open reports from this many different members hide a post until a moderator decides. */
    reportsToHide: integer("reports_to_hide").notNull().default(3),
    moderatedHours: jsonb("moderated_hours").$type<ModeratedHoursWindow[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => accounts.id, { onDelete: "set null" }),
  },
  (table) => [
    check("moderation_settings_single_row", sql`${table.id} = 1`),
    check("moderation_settings_approval_post_count", sql`${table.approvalPostCount} between 0 and 50`),
    check("moderation_settings_unanswered_after_hours", sql`${table.unansweredAfterHours} between 1 and 720`),
    check("moderation_settings_reports_to_hide", sql`${table.reportsToHide} between 1 and 50`),
  ],
);

/** A peer moderator who is on duty now. No row means off duty. */
export const moderatorDuty = pgTable("moderator_duty", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  onDutySince: timestamp("on_duty_since", { withTimezone: true }).notNull().defaultNow(),
});

/** When a peer moderator last opened the moderation view: "new posts" are those after it. */
export const moderatorViews = pgTable("moderator_views", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A suspension from writing in the forum: the member can still read. `endsAt` null means until lifted. */
export const memberSuspensions = pgTable(
  "member_suspensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** A reason code the member sees translated. */
    reason: text("reason").notNull(),
    /** The moderator's words to the member, shown with the reason. */
    message: text("message"),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
    liftedBy: uuid("lifted_by").references(() => accounts.id, { onDelete: "set null" }),
  },
  (table) => [index("member_suspensions_account_id_idx").on(table.accountId, table.createdAt.desc())],
);

/** A moderator's warning to a member, shown to them until they have read it. */
export const memberWarnings = pgTable(
  "member_warnings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    message: text("message"),
    /** The post the warning is about, when there is one. */
    postId: uuid("post_id").references(() => forumPosts.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp("seen_at", { withTimezone: true }),
  },
  (table) => [index("member_warnings_account_id_idx").on(table.accountId, table.createdAt.desc())],
);
