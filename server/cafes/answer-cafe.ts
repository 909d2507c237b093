import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "../identity/actor";
import type { Database, Executor } from "../platform/db";
import { recordUsageEvent } from "../research/record-usage-event";
import { can } from "../policy";
import { cafeHasStarted, unsafeFindCafeAccess, type CafeAnswer } from "./cafe-access";
import { countComing, unsafePromoteFromWaitingList } from "./promote-from-waiting-list";
import { unsafeScheduleCafeReminders } from "./schedule-cafe-reminders";
import { cafeRsvps } from "./schema";

export type AnswerChoice = "coming" | "maybe" | "not_coming";

export type AnswerCafeResult =
  | { status: "answered"; answer: CafeAnswer; showToRevealed: boolean }
  | { status: "closed"; reason: "cancelled" | "started" | "not_approved" }
  | { status: "invalid" }
  | { status: "not_found" };

const answerInput = z.object({ answer: z.enum(["coming", "maybe", "not_coming"]), showToRevealed: z.boolean() });

/**
 * Answer a kafé: coming, maybe or not coming, until it starts. "Coming" to a
 * full kafé becomes a place on the waiting list. Answering the same twice
 * keeps the member's place, and leaving a seat gives it to the oldest
 * request on the waiting list.
 */
export async function answerCafe(db: Database, actor: Actor, cafeId: string, input: { answer: unknown; showToRevealed: unknown }, now: Date): Promise<AnswerCafeResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const parsed = answerInput.safeParse(input);

  return db.transaction(async (tx) => {
    // The row lock makes answers to one kafé take turns, so the count of seats
    // taken is current when the last seat is given and only one member gets it.
    const access = await unsafeFindCafeAccess(tx, actor, cafeId, { forUpdate: true });
    if (!access || !access.inCommunity) return { status: "not_found" } as const;
    const { cafe } = access;
    if (cafe.approval !== "approved") return { status: "closed", reason: "not_approved" } as const;
    if (cafe.cancelledAt !== null) return { status: "closed", reason: "cancelled" } as const;
    if (cafeHasStarted(cafe, now)) return { status: "closed", reason: "started" } as const;
    if (!parsed.success) return { status: "invalid" } as const;

    const previous = access.answer;
    const { showToRevealed } = parsed.data;
    const wantsSeat = parsed.data.answer === "coming";
    const holdsOrAwaitsSeat = previous === "coming" || previous === "waitlisted";

    let answer: CafeAnswer = parsed.data.answer;
    if (wantsSeat && holdsOrAwaitsSeat) answer = previous;
    else if (wantsSeat && cafe.capacity !== null && (await countComing(tx, cafe.id)) >= cafe.capacity) answer = "waitlisted";

    // Asking for a seat again after leaving it puts the member at the back of the waiting list.
    const requestedAt = wantsSeat && !holdsOrAwaitsSeat ? now : undefined;
    await tx
      .insert(cafeRsvps)
      .values({ cafeId: cafe.id, accountId: actor.accountId, answer, requestedAt: now, answeredAt: now, showToRevealed })
      .onConflictDoUpdate({
        target: [cafeRsvps.cafeId, cafeRsvps.accountId],
        set: { answer, answeredAt: now, showToRevealed, ...(requestedAt ? { requestedAt } : {}) },
      });

    if (previous === "coming" && answer !== "coming") await unsafePromoteFromWaitingList(tx, cafe, now, null);
    if (answer !== previous) {
      await recordUsageEvent(tx, { accountId: actor.accountId, kind: "cafe_answered", subjectId: cafe.id });
      if (answer === "coming" || answer === "maybe") await unsafeScheduleCafeReminders(tx, cafe.id, actor.accountId, now);
    }
    return { status: "answered", answer, showToRevealed } as const;
  });
}

/** Return the member's place on the waiting list (1 is next to get a seat), or null when not waiting. */
export async function waitingListPosition(db: Executor, cafeId: string, accountId: string): Promise<number | null> {
  const [own] = await db
    .select({ requestedAt: cafeRsvps.requestedAt })
    .from(cafeRsvps)
    .where(and(eq(cafeRsvps.cafeId, cafeId), eq(cafeRsvps.accountId, accountId), eq(cafeRsvps.answer, "waitlisted")));
  if (!own) return null;

  // The same order as promotion: oldest request first, account id breaking ties.
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(cafeRsvps)
    .where(
      and(
        eq(cafeRsvps.cafeId, cafeId),
        eq(cafeRsvps.answer, "waitlisted"),
        sql`(${cafeRsvps.requestedAt}, ${cafeRsvps.accountId}) <= (${own.requestedAt.toISOString()}::timestamptz, ${accountId}::uuid)`,
      ),
    );
  return Number(row?.count ?? 1);
}
