import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["member", "peer_moderator", "provider", "administrator", "researcher"]);
export const accountStatusEnum = pgEnum("account_status", ["active", "disabled"]);
export const localeEnum = pgEnum("locale", ["nb", "nn", "en"]);

/** A person's account: roles, language and status, but nothing that identifies them. */
export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  status: accountStatusEnum("status").notNull().default("active"),
  locale: localeEnum("locale"),
  termsAcceptedAt: timestamp("terms_accepted_at", { withTimezone: true }),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  /** Set while the person takes a break: signed out, hidden from mentions, sent nothing, until they sign in and confirm. */
  pausedAt: timestamp("paused_at", { withTimezone: true }),
});

export const accountRoles = pgTable(
  "account_roles",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.role] })],
);

/**
 * Who a person really is. Every value is AES-256-GCM ciphertext ("keyId.iv.tag.data");
 * sign-in finds a row by the HMAC lookup columns, never by decrypting.
 */
export const identities = pgTable(
  "identities",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    fullNameEncrypted: text("full_name_encrypted"),
    nationalIdEncrypted: text("national_id_encrypted"),
    nationalIdLookup: text("national_id_lookup"),
    emailEncrypted: text("email_encrypted"),
    emailLookup: text("email_lookup"),
    hprNumberEncrypted: text("hpr_number_encrypted"),
    hprNumberLookup: text("hpr_number_lookup"),
  },
  (table) => [
    uniqueIndex("identities_national_id_lookup_key").on(table.nationalIdLookup),
    uniqueIndex("identities_email_lookup_key").on(table.emailLookup),
    uniqueIndex("identities_hpr_number_lookup_key").on(table.hprNumberLookup),
  ],
);

/** The forum-facing side of a member. Lives apart from `identities` so no query joins them by accident. */
export const memberProfiles = pgTable(
  "member_profiles",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    pseudonym: text("pseudonym").notNull(),
    /** Lower-cased, accent-free form of the pseudonym; unique so "Måke" and "make" cannot both exist. */
    pseudonymKey: text("pseudonym_key").notNull(),
    showCommunity: boolean("show_community").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("member_profiles_pseudonym_key_key").on(table.pseudonymKey)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token, hex. The token itself is never stored. */
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    idleTimeoutSeconds: integer("idle_timeout_seconds").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    signInMethod: text("sign_in_method").notNull(),
  },
  (table) => [index("sessions_account_id_idx").on(table.accountId)],
);

/** One-time sign-in codes sent by e-mail. A row exists for unknown addresses too, so timing and responses match. */
export const emailCodes = pgTable(
  "email_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailLookup: text("email_lookup").notNull(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    invitationId: uuid("invitation_id"),
    codeHash: text("code_hash").notNull(),
    /**
     * The address as typed, encrypted. Set only when the code may create an
     * invited account, which needs the address itself; otherwise null.
     */
    emailEncrypted: text("email_encrypted"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("email_codes_email_lookup_idx").on(table.emailLookup)],
);
