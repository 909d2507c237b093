import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { communities } from "../communities/schema";
import { forumThreads } from "../forum/schema";
import { accounts } from "../identity/schema";

/** A kafé hosted by a peer moderator, or a meet-up a member proposed (coffee, a walk). */
export const cafeKindEnum = pgEnum("cafe_kind", ["cafe", "meetup"]);
/** Meet-ups wait for a peer moderator; kaféer are approved when created. */
export const cafeApprovalEnum = pgEnum("cafe_approval", ["pending", "approved", "declined"]);
/**
 * One answer per member and kafé. `waitlisted` is an answer of "coming" that
 * found no free seat; it moves to `coming`, oldest first, when one frees.
 */
export const cafeAnswerEnum = pgEnum("cafe_answer", ["coming", "waitlisted", "maybe", "not_coming"]);
/** What a member's meet-up is, so the list can say "coffee" or "a walk" beside the title. */
export const cafeMeetupKindEnum = pgEnum("cafe_meetup_kind", ["coffee", "walk", "other"]);
export const cafeCompanyKindEnum = pgEnum("cafe_company_kind", ["walk", "ride"]);
export const cafeCompanyDirectionEnum = pgEnum("cafe_company_direction", ["offer", "ask"]);

/**
 * A recurring kafé, such as the first Tuesday of each month at 18:00. The rule
 * is kept in local time (weekday, week of the month, "HH:MM") so each
 * occurrence keeps its wall-clock time across daylight-saving changes. The
 * occurrences themselves are rows in `cafes`, made ahead of time, so answers,
 * capacity and cancellation work the same for one-off kaféer and series.
 */
export const cafeSeries = pgTable(
  "cafe_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    hostId: uuid("host_id").references(() => accounts.id, { onDelete: "set null" }),
    /** ISO weekday, 1 Monday to 7 Sunday. */
    weekday: integer("weekday").notNull(),
    /** 1–4 for the first to fourth such weekday of the month; -1 for the last. */
    weekOfMonth: integer("week_of_month").notNull(),
    /** Local start time in Europe/Oslo, "HH:MM". */
    startTime: text("start_time").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    /** First local date ("YYYY-MM-DD") an occurrence may fall on. */
    startsOn: text("starts_on").notNull(),
    /** Last local date an occurrence may fall on; null for an open-ended series. */
    endsOn: text("ends_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (table) => [
    check("cafe_series_weekday_check", sql`${table.weekday} between 1 and 7`),
    check("cafe_series_week_of_month_check", sql`${table.weekOfMonth} in (-1, 1, 2, 3, 4)`),
    check("cafe_series_duration_check", sql`${table.durationMinutes} between 15 and 720`),
  ],
);

/**
 * One kafé or meet-up at one time. Times are instants; pages show them in
 * Europe/Oslo. The address, directions and accessibility notes are for the
 * community's own members only.
 */
export const cafes = pgTable(
  "cafes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").references(() => cafeSeries.id, { onDelete: "set null" }),
    kind: cafeKindEnum("kind").notNull().default("cafe"),
    /** Set for meet-ups only. */
    meetupKind: cafeMeetupKindEnum("meetup_kind"),
    /** The peer moderator who hosts a kafé, or the member who proposed a meet-up. */
    hostId: uuid("host_id").references(() => accounts.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    topic: text("topic"),
    placeName: text("place_name").notNull(),
    address: text("address").notNull(),
    directions: text("directions"),
    accessibilityNotes: text("accessibility_notes"),
    /** Seats; null means no limit. */
    capacity: integer("capacity"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** A forum thread with a reflection exercise for this kafé. */
    forumThreadId: uuid("forum_thread_id").references(() => forumThreads.id, { onDelete: "set null" }),
    approval: cafeApprovalEnum("approval").notNull().default("approved"),
    approvedBy: uuid("approved_by").references(() => accounts.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    /** The moderator's words to the proposer when a meet-up is declined. */
    decisionNote: text("decision_note"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Set when the host has registered who came. */
    attendanceRegisteredAt: timestamp("attendance_registered_at", { withTimezone: true }),
    /** A form's one-time key, so a double submit of "create" makes one kafé. */
    idempotencyKey: text("idempotency_key"),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("cafes_community_starts_at_idx").on(table.communityId, table.startsAt),
    index("cafes_series_id_idx").on(table.seriesId),
    uniqueIndex("cafes_series_starts_at_key").on(table.seriesId, table.startsAt).where(sql`${table.seriesId} is not null`),
    uniqueIndex("cafes_idempotency_key_key").on(table.idempotencyKey),
    check("cafes_capacity_check", sql`${table.capacity} is null or ${table.capacity} between 1 and 500`),
    check("cafes_times_check", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

/**
 * A member's answer to one kafé. Other members see only counts; the host sees
 * pseudonyms. `showToRevealed` lets the member appear by name to the people
 * they have revealed themselves to.
 */
export const cafeRsvps = pgTable(
  "cafe_rsvps",
  {
    cafeId: uuid("cafe_id")
      .notNull()
      .references(() => cafes.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    answer: cafeAnswerEnum("answer").notNull(),
    /** When the member last asked for a seat; orders the waiting list. */
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
    showToRevealed: boolean("show_to_revealed").notNull().default(false),
    /** Registered by the host after the kafé; null until then. */
    attended: boolean("attended"),
  },
  (table) => [primaryKey({ columns: [table.cafeId, table.accountId] }), index("cafe_rsvps_account_id_idx").on(table.accountId)],
);

/**
 * A member's choices for kafé reminders and calendars. Reminder texts are
 * neutral unless `showDetails` is on. The calendar token is the secret part
 * of the member's subscription URL: kept encrypted so the settings page can
 * show the URL again, and found by its SHA-256 lookup hash.
 */
export const cafeSettings = pgTable(
  "cafe_settings",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    remindByEmail: boolean("remind_by_email").notNull().default(true),
    remindByPush: boolean("remind_by_push").notNull().default(true),
    remindInPortal: boolean("remind_in_portal").notNull().default(true),
    /** Minutes before the start; the default is the day before and two hours before. */
    reminderOffsets: integer("reminder_offsets").array().notNull().default(sql`'{1440,120}'::integer[]`),
    /** Name the kafé, topic and place in e-mail and push; off by default. */
    showDetails: boolean("show_details").notNull().default(false),
    /** "Avtale" instead of the kafé's title, and no description, in calendar files and feeds. */
    calendarNeutral: boolean("calendar_neutral").notNull().default(true),
    calendarTokenEncrypted: text("calendar_token_encrypted"),
    calendarTokenLookup: text("calendar_token_lookup"),
    calendarTokenCreatedAt: timestamp("calendar_token_created_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("cafe_settings_calendar_token_lookup_key").on(table.calendarTokenLookup)],
);

/** One browser's web push subscription. Removed when the push service answers that it is gone. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("push_subscriptions_endpoint_key").on(table.endpoint), index("push_subscriptions_account_id_idx").on(table.accountId)],
);

/**
 * An offer of, or a request for, company to a kafé: meeting before to walk
 * in together, or a ride. Seen only by the community's members who answered
 * coming or maybe, and by peer moderators of the community; hidden once the
 * kafé has ended.
 */
export const cafeCompanyOffers = pgTable(
  "cafe_company_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cafeId: uuid("cafe_id")
      .notNull()
      .references(() => cafes.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: cafeCompanyKindEnum("kind").notNull(),
    direction: cafeCompanyDirectionEnum("direction").notNull(),
    /** The meeting place (walk) or the area the ride leaves from. */
    place: text("place").notNull(),
    /** When to meet; null when the author leaves it to the conversation. */
    meetAt: timestamp("meet_at", { withTimezone: true }),
    /** Free seats in a ride offered, or seats wanted. */
    seats: integer("seats"),
    note: text("note"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("cafe_company_offers_cafe_id_idx").on(table.cafeId),
    check("cafe_company_offers_seats_check", sql`${table.seats} is null or ${table.seats} between 1 and 8`),
  ],
);

/** A member who accepted an offer or answered a request: the match. */
export const cafeCompanyAcceptances = pgTable(
  "cafe_company_acceptances",
  {
    offerId: uuid("offer_id")
      .notNull()
      .references(() => cafeCompanyOffers.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.offerId, table.accountId] })],
);

/** The short conversation inside an offer, where members agree on the details. */
export const cafeCompanyMessages = pgTable(
  "cafe_company_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => cafeCompanyOffers.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("cafe_company_messages_offer_created_idx").on(table.offerId, table.createdAt), uniqueIndex("cafe_company_messages_idempotency_key_key").on(table.idempotencyKey)],
);
