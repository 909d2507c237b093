import { asc, inArray } from "drizzle-orm";

import { communities } from "../communities/schema";
import type { Actor } from "../identity/actor";
import { instantToPortalLocalTime } from "../platform/portal-time";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { cafeHasStarted, unsafeFindCafeAccess, unsafeListOwnCommunityIds } from "./cafe-access";

export type ListHostingCommunitiesResult = { status: "listed"; communities: { id: string; name: string }[] } | { status: "not_found" };

/** List the communities a peer moderator may host kaféer in, which are those they belong to. */
export async function listHostingCommunities(db: Database, actor: Actor): Promise<ListHostingCommunitiesResult> {
  if (!can(actor, "cafes.host")) return { status: "not_found" };
  const ids = await unsafeListOwnCommunityIds(db, actor.accountId);
  if (ids.length === 0) return { status: "listed", communities: [] };
  const rows = await db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, ids)).orderBy(asc(communities.name));
  return { status: "listed", communities: rows };
}

/** The editable fields of one kafé as form values, in Oslo local time. */
export interface CafeFormValues {
  title: string;
  topic: string;
  placeName: string;
  address: string;
  directions: string;
  accessibilityNotes: string;
  capacity: string;
  forumThread: string;
  date: string;
  startTime: string;
  durationMinutes: string;
}

export type GetCafeEditFormResult = { status: "found"; cafe: { id: string; title: string; seriesId: string | null }; values: CafeFormValues } | { status: "closed" } | { status: "not_found" };

/** Load the edit form of one kafé for the peer moderators of its community, until the kafé starts. */
export async function getCafeEditForm(db: Database, actor: Actor, cafeId: string, now: Date): Promise<GetCafeEditFormResult> {
  if (!can(actor, "cafes.host")) return { status: "not_found" };
  const access = await unsafeFindCafeAccess(db, actor, cafeId);
  if (!access?.moderatesCommunity) return { status: "not_found" };
  const { cafe } = access;
  if (cafe.cancelledAt !== null || cafeHasStarted(cafe, now)) return { status: "closed" };

  const [date, startTime] = instantToPortalLocalTime(cafe.startsAt).split("T") as [string, string];
  return {
    status: "found",
    cafe: { id: cafe.id, title: cafe.title, seriesId: cafe.seriesId },
    values: {
      title: cafe.title,
      topic: cafe.topic ?? "",
      placeName: cafe.placeName,
      address: cafe.address,
      directions: cafe.directions ?? "",
      accessibilityNotes: cafe.accessibilityNotes ?? "",
      capacity: cafe.capacity === null ? "" : String(cafe.capacity),
      forumThread: cafe.forumThreadId ?? "",
      date,
      startTime,
      durationMinutes: String(Math.round((cafe.endsAt.getTime() - cafe.startsAt.getTime()) / 60_000)),
    },
  };
}
