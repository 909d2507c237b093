import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { accounts } from "../identity/schema";

/**
 * Something new for one person, shown in the portal. `kind` names what
 * happened (`forum_reply`, `forum_mention`); the subject columns point at it,
 * and the page that lists notifications checks access again before showing it.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** The account that caused it, so a later block can hide it. E-mails never name it. */
    actorId: uuid("actor_id").references(() => accounts.id, { onDelete: "set null" }),
    threadId: uuid("thread_id"),
    postId: uuid("post_id"),
    /** The kafé or meet-up a kafé notification is about. */
    cafeId: uuid("cafe_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Null while an e-mail may still be owed; set when sent or when none is wanted. */
    emailHandledAt: timestamp("email_handled_at", { withTimezone: true }),
  },
  (table) => [
    index("notifications_recipient_created_idx").on(table.recipientId, table.createdAt.desc()),
    index("notifications_email_pending_idx").on(table.createdAt).where(sql`${table.emailHandledAt} is null`),
  ],
);

/** A person's choice of channels for news. E-mail is off until they turn it on. */
export const notificationSettings = pgTable("notification_settings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  emailForum: boolean("email_forum").notNull().default(false),
  /** Peer moderators only: a content-free e-mail about new reports and crisis alerts. On unless they turn it off. */
  emailModeration: boolean("email_moderation").notNull().default(true),
  lastEmailedAt: timestamp("last_emailed_at", { withTimezone: true }),
});
