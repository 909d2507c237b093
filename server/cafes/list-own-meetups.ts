import { and, asc, eq, gt, inArray } from "drizzle-orm";

import { communities } from "../communities/schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeListOwnCommunityIds } from "./cafe-access";
import type { MeetupKind } from "./meetup-rules";
import { cafes } from "./schema";

export interface OwnMeetup {
  id: string;
  title: string;
  /** Null for a meet-up stored without one; the proposal form always asks. */
  meetupKind: MeetupKind | null;
  communityName: string;
  startsAt: Date;
  endsAt: Date;
  approval: "pending" | "approved" | "declined";
  cancelled: boolean;
  /** The moderator's words when declining; only ever shown to the proposer. */
  decisionNote: string | null;
}

export type ListOwnMeetupsResult = { status: "listed"; communities: { id: string; name: string }[]; meetups: OwnMeetup[] } | { status: "not_found" };

/**
 * List what the proposal page shows: the communities the member may propose
 * a meet-up for, and their own meet-ups that have not ended, each with its
 * approval (waiting, approved or declined) and, when declined, the
 * moderator's note to them.
 */
export async function listOwnMeetups(db: Database, actor: Actor, now: Date): Promise<ListOwnMeetupsResult> {
  if (!can(actor, "cafes.propose") || !actor.hasMemberProfile) return { status: "not_found" };
  const communityIds = await unsafeListOwnCommunityIds(db, actor.accountId);
  if (communityIds.length === 0) return { status: "not_found" };

  const [ownCommunities, meetups] = await Promise.all([
    db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, communityIds)).orderBy(asc(communities.name)),
    db
      .select({
        id: cafes.id,
        title: cafes.title,
        meetupKind: cafes.meetupKind,
        communityName: communities.name,
        startsAt: cafes.startsAt,
        endsAt: cafes.endsAt,
        approval: cafes.approval,
        cancelledAt: cafes.cancelledAt,
        decisionNote: cafes.decisionNote,
      })
      .from(cafes)
      .innerJoin(communities, eq(communities.id, cafes.communityId))
      .where(and(eq(cafes.kind, "meetup"), eq(cafes.hostId, actor.accountId), gt(cafes.endsAt, now)))
      .orderBy(asc(cafes.startsAt), asc(cafes.id)),
  ]);

  return {
    status: "listed",
    communities: ownCommunities,
    meetups: meetups.map(({ cancelledAt, decisionNote, ...meetup }) => ({
      ...meetup,
      cancelled: cancelledAt !== null,
      decisionNote: meetup.approval === "declined" ? decisionNote : null,
    })),
  };
}
