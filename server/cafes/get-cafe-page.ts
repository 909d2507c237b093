import { and, eq, sql } from "drizzle-orm";

import { communities } from "../communities/schema";
import { notBlockedBetween } from "../forum/forum-visibility";
import { getThreadPage } from "../forum/get-thread-page";
import { memberReveals } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import { memberProfiles } from "../identity/schema";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { cafeHasEnded, cafeHasStarted, unsafeFindCafeAccess, type CafeAnswer } from "./cafe-access";
import { mayCancelCafe, unsafeFindCancelReason, type CancelReason } from "./cancel-cafe";
import { waitingListPosition } from "./answer-cafe";
import { cafeRsvps } from "./schema";
import { localDateOf } from "./series-dates";

/** The kafé's topic and place, shown to members of its community only. */
export interface CafePlaceView {
  topic: string | null;
  placeName: string;
  address: string;
  directions: string | null;
  accessibilityNotes: string | null;
}

export interface CafePageView {
  id: string;
  kind: "cafe" | "meetup";
  title: string;
  communityName: string;
  startsAt: Date;
  endsAt: Date;
  seriesId: string | null;
  approval: "pending" | "approved" | "declined";
  cancelled: boolean;
  cancelReason: CancelReason | null;
  started: boolean;
  ended: boolean;
  /** True on the kafé's own date in Oslo, when the confidentiality reminder is shown. */
  isToday: boolean;
  place: CafePlaceView | null;
  capacity: number | null;
  seatsLeft: number | null;
  comingCount: number;
  maybeCount: number;
  waitlistedCount: number;
  thread: { id: string; title: string } | null;
}

export interface CafeViewerView {
  inCommunity: boolean;
  answer: CafeAnswer | null;
  showToRevealed: boolean;
  waitingListPosition: number | null;
  mayAnswer: boolean;
  /** Host tools: edit, cancel, attendance; for peer moderators of the community. */
  moderatesCommunity: boolean;
  mayCancel: boolean;
  /** Going together is for those who answered coming or maybe, and for the community's peer moderators. */
  seesCompany: boolean;
}

/** An attendee who chose to be shown to people they revealed themselves to, and revealed themselves to this viewer. */
export interface ShownAttendee {
  pseudonym: string;
  shownName: string;
}

export type GetCafePageResult = { status: "found"; cafe: CafePageView; viewer: CafeViewerView; shownAttendees: ShownAttendee[] } | { status: "not_found" };

/**
 * Load the kafé page as one person may see it. Members of other communities see the
 * title, time and community only. Answer counts never carry names; the only
 * names shown are those of attendees who revealed themselves to the viewer
 * and chose to be shown to such people.
 */
export async function getCafePage(db: Database, keys: KeyRing, actor: Actor, cafeId: string, now: Date, locale: Locale): Promise<GetCafePageResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const access = await unsafeFindCafeAccess(db, actor, cafeId);
  if (!access) return { status: "not_found" };
  const { cafe, inCommunity } = access;

  const [community] = await db.select({ name: communities.name }).from(communities).where(eq(communities.id, cafe.communityId));
  const counts = await countAnswers(db, cafe.id);
  const [ownRsvp] = await db
    .select({ showToRevealed: cafeRsvps.showToRevealed })
    .from(cafeRsvps)
    .where(and(eq(cafeRsvps.cafeId, cafe.id), eq(cafeRsvps.accountId, actor.accountId)));

  const cancelled = cafe.cancelledAt !== null;
  const started = cafeHasStarted(cafe, now);
  const thread = inCommunity && cafe.forumThreadId ? await getThreadPage(db, actor, cafe.forumThreadId, 1, locale) : null;

  return {
    status: "found",
    cafe: {
      id: cafe.id,
      kind: cafe.kind,
      title: cafe.title,
      communityName: community?.name ?? "",
      startsAt: cafe.startsAt,
      endsAt: cafe.endsAt,
      seriesId: cafe.seriesId,
      approval: cafe.approval,
      cancelled,
      cancelReason: cancelled ? await unsafeFindCancelReason(db, cafe.id) : null,
      started,
      ended: cafeHasEnded(cafe, now),
      isToday: localDateOf(cafe.startsAt) === localDateOf(now),
      place: inCommunity
        ? { topic: cafe.topic, placeName: cafe.placeName, address: cafe.address, directions: cafe.directions, accessibilityNotes: cafe.accessibilityNotes }
        : null,
      capacity: cafe.capacity,
      seatsLeft: cafe.capacity === null ? null : Math.max(0, cafe.capacity - counts.coming),
      comingCount: counts.coming,
      maybeCount: counts.maybe,
      waitlistedCount: counts.waitlisted,
      thread: thread?.status === "found" ? { id: thread.thread.id, title: thread.thread.title } : null,
    },
    viewer: {
      inCommunity,
      answer: access.answer,
      showToRevealed: ownRsvp?.showToRevealed ?? false,
      waitingListPosition: access.answer === "waitlisted" ? await waitingListPosition(db, cafe.id, actor.accountId) : null,
      mayAnswer: inCommunity && cafe.approval === "approved" && !cancelled && !started,
      moderatesCommunity: access.moderatesCommunity,
      mayCancel: mayCancelCafe(access) && !cancelled && !started,
      seesCompany: inCommunity && !cancelled && (access.moderatesCommunity || access.answer === "coming" || access.answer === "maybe"),
    },
    shownAttendees: inCommunity ? await listShownAttendees(db, keys, cafe.id, actor.accountId) : [],
  };
}

async function countAnswers(db: Database, cafeId: string) {
  const rows = await db
    .select({ answer: cafeRsvps.answer, count: sql<number>`count(*)::int` })
    .from(cafeRsvps)
    .where(eq(cafeRsvps.cafeId, cafeId))
    .groupBy(cafeRsvps.answer);
  const count = (answer: CafeAnswer) => Number(rows.find((row) => row.answer === answer)?.count ?? 0);
  return { coming: count("coming"), maybe: count("maybe"), waitlisted: count("waitlisted") };
}

async function listShownAttendees(db: Database, keys: KeyRing, cafeId: string, viewerId: string): Promise<ShownAttendee[]> {
  const rows = await db
    .select({ pseudonym: memberProfiles.pseudonym, shownNameEncrypted: memberReveals.shownNameEncrypted })
    .from(cafeRsvps)
    .innerJoin(memberReveals, and(eq(memberReveals.giverId, cafeRsvps.accountId), eq(memberReveals.receiverId, viewerId)))
    .innerJoin(memberProfiles, eq(memberProfiles.accountId, cafeRsvps.accountId))
    .where(and(eq(cafeRsvps.cafeId, cafeId), eq(cafeRsvps.answer, "coming"), eq(cafeRsvps.showToRevealed, true), notBlockedBetween(viewerId, cafeRsvps.accountId)))
    .orderBy(memberProfiles.pseudonymKey);
  return rows.map((row) => ({ pseudonym: row.pseudonym, shownName: decryptText(keys, row.shownNameEncrypted) }));
}
