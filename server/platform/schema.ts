import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** One row of deployment-wide state that must survive restarts. */
export const deploymentSettings = pgTable("deployment_settings", {
  id: integer("id").primaryKey().default(1),
  /** Set when the demo seed ran; demo sign-in is offered only then (and never in production). */
  demo: boolean("demo").notNull().default(false),
  seededAt: timestamp("seeded_at", { withTimezone: true }),
});

/** Fixed-window counters shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.bucket, table.windowStart] })],
);

export const jobStateEnum = pgEnum("job_state", ["pending", "done", "failed"]);

/**
 * Durable background jobs on the portal's own database, so they run the same
 * on PGlite and on the PostgreSQL server, survive a restart, and are claimed
 * by one instance at a time (FOR UPDATE SKIP LOCKED). `singletonKey` makes
 * scheduling the same job twice a no-op. See docs/decisions/0009.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    queue: text("queue").notNull(),
    payload: jsonb("payload").notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    singletonKey: text("singleton_key"),
    state: jobStateEnum("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** What the handler reported, such as "sent" or "skipped_cancelled"; never content. */
    outcome: text("outcome"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [
    index("jobs_pending_idx").on(table.queue, table.runAt).where(sql`${table.state} = 'pending'`),
    uniqueIndex("jobs_singleton_key_key").on(table.singletonKey),
  ],
);
