import { boolean, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
