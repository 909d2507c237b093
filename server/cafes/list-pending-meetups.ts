import { and, asc, eq, inArray, sql } from "drizzle-orm";

import { communities } from "../communities/schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeListOwnCommunityIds } from "./cafe-access";
import { pseudonymOf } from "./company-access";
import type { MeetupKind } from "./meetup-rules";
import { cafes } from "./schema";

export interface PendingMeetup {
  id: string;
  title: string;
  /** Null for a meet-up stored without one; the proposal form always asks. */
  meetupKind: MeetupKind | null;
  topic: string | null;
  communityName: string;
  /** The proposer's pseudonym; null when the account is gone. */
  proposer: string | null;
  placeName: string;
  address: string;
  directions: string | null;
  capacity: number | null;
  startsAt: Date;
  endsAt: Date;
  /** The time has passed: it can only be declined. */
  past: boolean;
  createdAt: Date;
}

export type ListPendingMeetupsResult = { status: "listed"; meetups: PendingMeetup[] } | { status: "not_found" };

/** Meet-ups waiting for approval in the communities the peer moderator belongs to, oldest proposal first. */
export async function listPendingMeetups(db: Database, actor: Actor, now: Date): Promise<ListPendingMeetupsResult> {
  if (!can(actor, "cafes.approve")) return { status: "not_found" };
  const communityIds = await unsafeListOwnCommunityIds(db, actor.accountId);
  if (communityIds.length === 0) return { status: "listed", meetups: [] };

  const rows = await db
    .select({
      id: cafes.id,
      title: cafes.title,
      meetupKind: cafes.meetupKind,
      topic: cafes.topic,
      communityName: communities.name,
      proposer: pseudonymOf(cafes.hostId),
      placeName: cafes.placeName,
      address: cafes.address,
      directions: cafes.directions,
      capacity: cafes.capacity,
      startsAt: cafes.startsAt,
      endsAt: cafes.endsAt,
      createdAt: cafes.createdAt,
    })
    .from(cafes)
    .innerJoin(communities, eq(communities.id, cafes.communityId))
    .where(and(eq(cafes.kind, "meetup"), eq(cafes.approval, "pending"), sql`${cafes.cancelledAt} is null`, inArray(cafes.communityId, communityIds)))
    .orderBy(asc(cafes.createdAt), asc(cafes.id));

  return { status: "listed", meetups: rows.map((row) => ({ ...row, past: row.startsAt.getTime() <= now.getTime() })) };
}

/** Count the meet-ups waiting in this peer moderator's communities, for the moderation overview. */
export async function countPendingMeetups(db: Database, actor: Actor): Promise<{ status: "counted"; count: number } | { status: "not_found" }> {
  if (!can(actor, "cafes.approve")) return { status: "not_found" };
  const communityIds = await unsafeListOwnCommunityIds(db, actor.accountId);
  if (communityIds.length === 0) return { status: "counted", count: 0 };
  const [row] = await db
    .select({ count: sql<number | string>`count(*)` })
    .from(cafes)
    .where(and(eq(cafes.kind, "meetup"), eq(cafes.approval, "pending"), sql`${cafes.cancelledAt} is null`, inArray(cafes.communityId, communityIds)));
  return { status: "counted", count: Number(row?.count ?? 0) };
}
