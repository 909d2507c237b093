import { and, eq, ne } from "drizzle-orm";

import { communityMemberships } from "../communities/schema";
import { accountRoles, accounts } from "../identity/schema";
import type { Executor } from "../platform/db";
import { cafeMeetupKindEnum } from "./schema";

/** Limits of a member's meet-up proposal, shared by the use case and the form. */
export const MEETUP_TITLE_MIN_LENGTH = 3;
export const MEETUP_TITLE_MAX_LENGTH = 120;
export const MEETUP_PLACE_MAX_LENGTH = 120;
export const MEETUP_ADDRESS_MAX_LENGTH = 200;
export const MEETUP_DIRECTIONS_MAX_LENGTH = 500;
export const MEETUP_TOPIC_MAX_LENGTH = 500;
export const MEETUP_CAPACITY_MAX = 500;
export const MEETUP_DURATIONS = [30, 60, 90, 120, 180, 240] as const;
/** The kinds of meet-up: a coffee, a walk or something else. */
export const MEETUP_KINDS = cafeMeetupKindEnum.enumValues;
export type MeetupKind = (typeof MEETUP_KINDS)[number];
/** The moderator's words to the proposer when declining. */
export const MEETUP_DECISION_NOTE_MAX_LENGTH = 500;
/** How far ahead a meet-up may be proposed. */
export const MEETUP_MAX_DAYS_AHEAD = 365;

/**
 * The active peer moderators of a community, who approve its meet-ups;
 * `exceptId` leaves out the person who caused the notice. Unsafe: it checks no policy.
 */
export async function unsafeListCommunityModerators(executor: Executor, communityId: string, exceptId: string | null): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ accountId: accounts.id })
    .from(accounts)
    .innerJoin(accountRoles, and(eq(accountRoles.accountId, accounts.id), eq(accountRoles.role, "peer_moderator")))
    .innerJoin(communityMemberships, and(eq(communityMemberships.accountId, accounts.id), eq(communityMemberships.communityId, communityId)))
    .where(and(eq(accounts.status, "active"), exceptId ? ne(accounts.id, exceptId) : undefined));
  return rows.map((row) => row.accountId);
}
