import { sql } from "drizzle-orm";
import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { accounts } from "../identity/schema";

/** A municipality served by the deployment. Kaféer and local links belong to one community. */
export const communities = pgTable(
  "communities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Statistics Norway's four-digit municipality number, when the community is a municipality. */
    municipalityNumber: text("municipality_number"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("communities_slug_key").on(table.slug),
    // One community per municipality; communities that are not municipalities have no number.
    uniqueIndex("communities_municipality_number_key").on(table.municipalityNumber).where(sql`${table.municipalityNumber} is not null`),
  ],
);

export const communityMemberships = pgTable(
  "community_memberships",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.communityId] })],
);
