import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";

import { communities } from "../communities/schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { unsafeListOwnCommunityIds, type CafeAnswer } from "./cafe-access";
import { cafeRsvps, cafes } from "./schema";

/** Upcoming kaféer shown at most; a community has about one a month, so this reaches well past a year. */
export const UPCOMING_CAFES_SHOWN = 60;
/** How far back moderators see past kaféer, to register attendance. */
export const PAST_MONTHS_SHOWN = 3;

export interface CafeListItem {
  id: string;
  kind: "cafe" | "meetup";
  title: string;
  communityName: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  answer: CafeAnswer | null;
  comingCount: number;
  /** For past kaféer: whether the host has registered who came. */
  attendanceRegistered: boolean;
}

export type ListCafesResult = { status: "listed"; upcoming: CafeListItem[]; past: CafeListItem[]; mayHost: boolean } | { status: "not_found" };

/**
 * Kaféer and approved meet-ups of the person's own communities that have not
 * ended, soonest first, with the person's own answer. Members see a cancelled
 * one only when they had answered it. Peer moderators also
 * get the last three months' kaféer, to register attendance.
 */
export async function listCafes(db: Executor, actor: Actor, now: Date): Promise<ListCafesResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const communityIds = await unsafeListOwnCommunityIds(db, actor.accountId);
  const mayHost = can(actor, "cafes.host");
  if (communityIds.length === 0) return { status: "listed", upcoming: [], past: [], mayHost };

  const columns = {
    id: cafes.id,
    kind: cafes.kind,
    title: cafes.title,
    communityName: communities.name,
    startsAt: cafes.startsAt,
    endsAt: cafes.endsAt,
    cancelledAt: cafes.cancelledAt,
    attendanceRegisteredAt: cafes.attendanceRegisteredAt,
    answer: cafeRsvps.answer,
    comingCount: sql<number>`(select count(*)::int from ${cafeRsvps} as seats where seats.cafe_id = ${cafes.id} and seats.answer = 'coming')`,
  };
  const base = () =>
    db
      .select(columns)
      .from(cafes)
      .innerJoin(communities, eq(communities.id, cafes.communityId))
      .leftJoin(cafeRsvps, and(eq(cafeRsvps.cafeId, cafes.id), eq(cafeRsvps.accountId, actor.accountId)));

  const upcoming = await base()
    .where(
      and(
        inArray(cafes.communityId, communityIds),
        eq(cafes.approval, "approved"),
        gt(cafes.endsAt, now),
        // A cancelled series would fill a member's list; they see the cancellations of kaféer they answered.
        mayHost ? undefined : or(isNull(cafes.cancelledAt), isNotNull(cafeRsvps.accountId)),
      ),
    )
    .orderBy(asc(cafes.startsAt), asc(cafes.id))
    .limit(UPCOMING_CAFES_SHOWN);

  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - PAST_MONTHS_SHOWN);
  const past = mayHost
    ? await base()
        .where(and(inArray(cafes.communityId, communityIds), eq(cafes.approval, "approved"), lte(cafes.endsAt, now), gt(cafes.startsAt, since), isNull(cafes.cancelledAt)))
        .orderBy(desc(cafes.startsAt), asc(cafes.id))
        .limit(UPCOMING_CAFES_SHOWN)
    : [];

  const present = (row: (typeof upcoming)[number]): CafeListItem => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    communityName: row.communityName,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    cancelled: row.cancelledAt !== null,
    answer: row.answer,
    comingCount: Number(row.comingCount),
    attendanceRegistered: row.attendanceRegisteredAt !== null,
  });
  return { status: "listed", upcoming: upcoming.map(present), past: past.map(present), mayHost };
}
