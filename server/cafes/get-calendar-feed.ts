import { and, asc, eq, gte, inArray } from "drizzle-orm";

import type { PersonActor } from "../identity/actor";
import { accountRoles, accounts } from "../identity/schema";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { unsafeListOwnCommunityIds } from "./cafe-access";
import { buildCafeCalendar, toCalendarEntry } from "./cafe-calendar";
import { calendarTokenLookup, isCalendarToken } from "./calendar-token";
import { cafeRsvps, cafes, cafeSettings } from "./schema";

/** Kaféer that ended up to this many days ago stay in the feed, so last month's kafé does not vanish from the calendar. */
export const CALENDAR_FEED_PAST_DAYS = 56;

export type GetCalendarFeedResult = { status: "found"; calendar: string } | { status: "not_found" };

/**
 * Public, unauthenticated: the token in the URL is the only credential.
 * Build the member's subscription feed: every approved kafé and meet-up in
 * their own communities that they answered coming or maybe, from
 * `CALENDAR_FEED_PAST_DAYS` back and all future ones. Cancelled ones stay,
 * with STATUS:CANCELLED, so subscribed calendars drop them. An unknown or
 * revoked token, a disabled account or a person who may not read kaféer
 * all get "not found".
 */
export async function getCalendarFeed(executor: Executor, input: { token: string; now: Date; publicUrl: URL }): Promise<GetCalendarFeedResult> {
  if (!isCalendarToken(input.token)) return { status: "not_found" };

  const [owner] = await executor
    .select({ accountId: cafeSettings.accountId, neutral: cafeSettings.calendarNeutral, locale: accounts.locale, status: accounts.status })
    .from(cafeSettings)
    .innerJoin(accounts, eq(accounts.id, cafeSettings.accountId))
    .where(eq(cafeSettings.calendarTokenLookup, calendarTokenLookup(input.token)));
  if (!owner || owner.status !== "active") return { status: "not_found" };

  const roles = await executor.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, owner.accountId));
  // The token stands in for a session: the owner is checked against the same policy as when signed in.
  const reader: PersonActor = {
    kind: "person",
    accountId: owner.accountId,
    roles: roles.map((row) => row.role),
    locale: owner.locale,
    displayName: null,
    hasMemberProfile: false,
    termsAccepted: true,
    isDemo: false,
    sessionTokenHash: "",
  };
  if (!can(reader, "cafes.read")) return { status: "not_found" };

  const entries = await unsafeListFeedCafes(executor, owner.accountId, new Date(input.now.getTime() - CALENDAR_FEED_PAST_DAYS * 86_400_000));
  const calendar = buildCafeCalendar({ entries, neutral: owner.neutral, locale: owner.locale ?? "nb", publicUrl: input.publicUrl, feed: true, now: input.now });
  return { status: "found", calendar };
}

/** Kaféer the member answered coming or maybe that end after `endedAfter`, limited to communities they still belong to. Skips the policy check: the caller made it. */
async function unsafeListFeedCafes(executor: Executor, accountId: string, endedAfter: Date) {
  const communityIds = await unsafeListOwnCommunityIds(executor, accountId);
  if (communityIds.length === 0) return [];

  const rows = await executor
    .select({
      id: cafes.id,
      title: cafes.title,
      topic: cafes.topic,
      placeName: cafes.placeName,
      address: cafes.address,
      startsAt: cafes.startsAt,
      endsAt: cafes.endsAt,
      cancelledAt: cafes.cancelledAt,
      updatedAt: cafes.updatedAt,
    })
    .from(cafeRsvps)
    .innerJoin(cafes, eq(cafes.id, cafeRsvps.cafeId))
    .where(
      and(
        eq(cafeRsvps.accountId, accountId),
        inArray(cafeRsvps.answer, ["coming", "maybe"]),
        inArray(cafes.communityId, communityIds),
        eq(cafes.approval, "approved"),
        gte(cafes.endsAt, endedAfter),
      ),
    )
    .orderBy(asc(cafes.startsAt), asc(cafes.id));
  return rows.map(toCalendarEntry);
}
