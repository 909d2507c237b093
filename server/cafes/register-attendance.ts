import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import { memberProfiles } from "../identity/schema";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { usageEvents } from "../research/schema";
import { recordUsageEvent } from "../research/record-usage-event";
import { cafeHasStarted, unsafeFindCafeAccess, type CafeAnswer } from "./cafe-access";
import { cafeRsvps, cafes } from "./schema";

/** Answers that may have led someone to the kafé; "not coming" is left off the list. */
const ATTENDANCE_ANSWERS: CafeAnswer[] = ["coming", "waitlisted", "maybe"];

export interface AttendanceRow {
  /** Opaque key for the form's checkbox; the account id never reaches the page. */
  key: string;
  pseudonym: string;
  answer: CafeAnswer;
  attended: boolean | null;
}

export type GetAttendanceResult =
  | { status: "found"; cafe: { id: string; title: string; startsAt: Date; cancelled: boolean; started: boolean; registeredAt: Date | null }; rows: AttendanceRow[] }
  | { status: "not_found" };

export type RegisterAttendanceResult = { status: "registered"; attended: number } | { status: "not_started" } | { status: "not_found" };

/**
 * Who answered a kafé, by pseudonym, for the peer moderators of its
 * community: before the kafé to see who is coming, after its start to tick
 * who came. People who came without answering cannot be added here.
 */
export async function getAttendance(db: Database, actor: Actor, cafeId: string, now: Date): Promise<GetAttendanceResult> {
  if (!can(actor, "cafes.host")) return { status: "not_found" };
  const access = await unsafeFindCafeAccess(db, actor, cafeId);
  if (!access || !access.moderatesCommunity) return { status: "not_found" };
  const { cafe } = access;

  const rows = await db
    .select({ key: memberProfiles.pseudonymKey, pseudonym: memberProfiles.pseudonym, answer: cafeRsvps.answer, attended: cafeRsvps.attended })
    .from(cafeRsvps)
    .innerJoin(memberProfiles, eq(memberProfiles.accountId, cafeRsvps.accountId))
    .where(and(eq(cafeRsvps.cafeId, cafe.id), inArray(cafeRsvps.answer, ATTENDANCE_ANSWERS)))
    .orderBy(asc(cafeRsvps.answer), asc(memberProfiles.pseudonymKey));

  return {
    status: "found",
    cafe: { id: cafe.id, title: cafe.title, startsAt: cafe.startsAt, cancelled: cafe.cancelledAt !== null, started: cafeHasStarted(cafe, now), registeredAt: cafe.attendanceRegisteredAt },
    rows,
  };
}

const attendanceInput = z.object({ attended: z.array(z.string().max(200)).max(1000) });

/**
 * Register who came, after the kafé has started. Saving again replaces the
 * earlier registration, and its `cafe_attended` usage events with it, so
 * every attendee counts once for research.
 */
export async function registerAttendance(db: Database, actor: Actor, cafeId: string, input: { attended: unknown }, now: Date): Promise<RegisterAttendanceResult> {
  if (!can(actor, "cafes.host")) return { status: "not_found" };
  const parsed = attendanceInput.safeParse(input);
  const attendedKeys = new Set(parsed.success ? parsed.data.attended : []);

  return db.transaction(async (tx) => {
    const access = await unsafeFindCafeAccess(tx, actor, cafeId, { forUpdate: true });
    if (!access || !access.moderatesCommunity || access.cafe.cancelledAt !== null) return { status: "not_found" } as const;
    if (!cafeHasStarted(access.cafe, now)) return { status: "not_started" } as const;

    const rows = await tx
      .select({ accountId: cafeRsvps.accountId, key: memberProfiles.pseudonymKey })
      .from(cafeRsvps)
      .innerJoin(memberProfiles, eq(memberProfiles.accountId, cafeRsvps.accountId))
      .where(and(eq(cafeRsvps.cafeId, cafeId), inArray(cafeRsvps.answer, ATTENDANCE_ANSWERS)));
    const attendees = rows.filter((row) => attendedKeys.has(row.key)).map((row) => row.accountId);
    const absent = rows.filter((row) => !attendedKeys.has(row.key)).map((row) => row.accountId);

    if (attendees.length > 0) await tx.update(cafeRsvps).set({ attended: true }).where(and(eq(cafeRsvps.cafeId, cafeId), inArray(cafeRsvps.accountId, attendees)));
    if (absent.length > 0) await tx.update(cafeRsvps).set({ attended: false }).where(and(eq(cafeRsvps.cafeId, cafeId), inArray(cafeRsvps.accountId, absent)));
    await tx.update(cafes).set({ attendanceRegisteredAt: now }).where(eq(cafes.id, cafeId));

    await tx.delete(usageEvents).where(and(eq(usageEvents.kind, "cafe_attended"), eq(usageEvents.subjectId, cafeId)));
    for (const accountId of attendees) await recordUsageEvent(tx, { accountId, kind: "cafe_attended", subjectId: cafeId });

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "cafes.attendance_registered", subjectType: "cafe", subjectId: cafeId, details: { attended: attendees.length, answered: rows.length } });
    return { status: "registered", attended: attendees.length } as const;
  });
}
