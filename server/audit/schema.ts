import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { accounts } from "../identity/schema";

/**
 * Append-only record of who did what to whom. The product only inserts; a
 * trigger in the migration rejects UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // NOTE: the append-only trigger rejects the UPDATE that "set null" makes, so deleting an account that acted fails.
    actorId: uuid("actor_id").references(() => accounts.id, { onDelete: "set null" }),
    /** Past-tense event name, e.g. `invitation.created`. */
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** Ids and codes only: never names, pseudonyms, e-mail addresses or text someone wrote. */
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("audit_events_created_at_idx").on(table.createdAt), index("audit_events_subject_idx").on(table.subjectType, table.subjectId)],
);
