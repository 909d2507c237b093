import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { communities } from "../communities/schema";
import { accounts, roleEnum } from "../identity/schema";

/** A single-use, expiring invitation to a role (and for members, a community). */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the link token, hex. The link itself is shown once to the inviter. */
    tokenHash: text("token_hash").notNull(),
    role: roleEnum("role").notNull(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The invitee's name and e-mail, encrypted like identities; both optional. */
    fullNameEncrypted: text("full_name_encrypted"),
    emailEncrypted: text("email_encrypted"),
    emailLookup: text("email_lookup"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => accounts.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("invitations_token_hash_key").on(table.tokenHash),
    index("invitations_invited_by_idx").on(table.invitedBy),
    index("invitations_email_lookup_idx").on(table.emailLookup),
  ],
);
