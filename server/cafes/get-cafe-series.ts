import { asc, eq } from "drizzle-orm";
import { z } from "zod";

import { communities } from "../communities/schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeFindCafeAccess } from "./cafe-access";
import { cafes, cafeSeries } from "./schema";

export interface CafeSeriesView {
  id: string;
  title: string;
  communityName: string;
  weekday: number;
  weekOfMonth: number;
  startTime: string;
  durationMinutes: number;
  startsOn: string;
  endsOn: string | null;
  cancelled: boolean;
  occurrences: { id: string; startsAt: Date; cancelled: boolean }[];
}

export type GetCafeSeriesResult = { status: "found"; series: CafeSeriesView } | { status: "not_found" };

/** Load a monthly series with all its occurrences, for the peer moderators of its community. */
export async function getCafeSeries(db: Database, actor: Actor, seriesId: string): Promise<GetCafeSeriesResult> {
  if (!can(actor, "cafes.host") || !z.uuid().safeParse(seriesId).success) return { status: "not_found" };
  const [series] = await db
    .select({ series: cafeSeries, communityName: communities.name })
    .from(cafeSeries)
    .innerJoin(communities, eq(communities.id, cafeSeries.communityId))
    .where(eq(cafeSeries.id, seriesId));
  if (!series) return { status: "not_found" };

  const occurrences = await db
    .select({ id: cafes.id, title: cafes.title, startsAt: cafes.startsAt, cancelledAt: cafes.cancelledAt })
    .from(cafes)
    .where(eq(cafes.seriesId, seriesId))
    .orderBy(asc(cafes.startsAt));
  if (occurrences.length === 0) return { status: "not_found" };

  // The same access rule as each kafé: a peer moderator of the series' community.
  const access = await unsafeFindCafeAccess(db, actor, occurrences[0]!.id);
  if (!access?.moderatesCommunity) return { status: "not_found" };

  const { series: row } = series;
  return {
    status: "found",
    series: {
      id: row.id,
      title: occurrences.at(-1)!.title,
      communityName: series.communityName,
      weekday: row.weekday,
      weekOfMonth: row.weekOfMonth,
      startTime: row.startTime,
      durationMinutes: row.durationMinutes,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      cancelled: row.cancelledAt !== null,
      occurrences: occurrences.map((occurrence) => ({ id: occurrence.id, startsAt: occurrence.startsAt, cancelled: occurrence.cancelledAt !== null })),
    },
  };
}
