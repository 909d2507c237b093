import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { accounts } from "../identity/schema";

/**
 * Usage counted for research: who did what, when. `kind` is a past-tense
 * event name (`forum_post_written`, `forum_thread_viewed`); `subjectId` names
 * the thing without its content. A later research module decides which
 * members consented before anything leaves the database.
 */
export const usageEvents = pgTable(
  "usage_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    subjectId: uuid("subject_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("usage_events_account_kind_subject_idx").on(table.accountId, table.kind, table.subjectId, table.occurredAt.desc()), index("usage_events_occurred_at_idx").on(table.occurredAt)],
);
