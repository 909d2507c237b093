import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database } from "../platform/db";
import { portalLocalTimeToInstant } from "../platform/portal-time";
import { can } from "../policy";
import { suspensionActive, unsafeFindActiveSuspension } from "./find-active-suspension";
import { mayActOnMember, unsafeFindModeratedMember } from "./find-moderated-member";
import { moderatorReasonSchema } from "./reason-codes";
import { memberSuspensions } from "./schema";
import { memberActionErrors, moderatorMessageSchema, type MemberActionErrors } from "./warn-member";

/** The longest suspension with an end date; longer ones are "until a moderator lifts it", which someone must then look at again. */
export const SUSPENSION_MAX_DAYS = 365;

export type SuspendMemberResult =
  | { status: "suspended"; suspensionId: string; endsAt: Date | null; replacedSuspensionId: string | null }
  | { status: "invalid"; errors: MemberActionErrors }
  | { status: "not_allowed" }
  | { status: "not_found" };

const suspensionInput = z.object({
  reason: moderatorReasonSchema,
  message: moderatorMessageSchema,
  until: z.enum(["date", "lifted"], { message: "until_missing" }),
  endsAt: z.string().optional(),
});

/**
 * Suspend a member from writing in the forum, until a time (typed as
 * Europe/Oslo time) or until a moderator lifts it. The member can still read.
 * A member has at most one suspension in force: suspending again replaces
 * the one in force, which is closed as lifted by this moderator, so the new
 * terms apply whether they are shorter or longer, and the history keeps both.
 */
export async function suspendMember(
  db: Database,
  actor: Actor,
  pseudonym: string,
  input: { reason: unknown; message: unknown; until: unknown; endsAt?: unknown },
  now: Date = new Date(),
): Promise<SuspendMemberResult> {
  if (!can(actor, "forum.moderate")) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const member = await unsafeFindModeratedMember(tx, pseudonym);
    if (!member) return { status: "not_found" } as const;
    if (!mayActOnMember(actor, member)) return { status: "not_allowed" } as const;

    const parsed = suspensionInput.safeParse(input);
    if (!parsed.success) return { status: "invalid", errors: memberActionErrors(parsed.error) } as const;
    const { reason, message, until } = parsed.data;
    const endsAt = until === "date" ? parseEnd(parsed.data.endsAt ?? "", now) : null;
    if (typeof endsAt === "string") return { status: "invalid", errors: { endsAt } } as const;

    // Suspensions of one member are decided one at a time, so two moderators cannot both leave one in force.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('member_suspension'), hashtext(${member.accountId}))`);
    const current = await unsafeFindActiveSuspension(tx, member.accountId);
    // The same terms sent again are a resubmitted form: the suspension in force stays, with no second audit row.
    if (current && current.reason === reason && current.message === message && current.endsAt?.getTime() === endsAt?.getTime()) {
      return { status: "suspended", suspensionId: current.id, endsAt, replacedSuspensionId: null } as const;
    }
    const [replaced] = await tx
      .update(memberSuspensions)
      .set({ liftedAt: sql`now()`, liftedBy: actor.accountId })
      .where(and(eq(memberSuspensions.accountId, member.accountId), suspensionActive()))
      .returning({ id: memberSuspensions.id });

    const [suspension] = await tx
      .insert(memberSuspensions)
      .values({ accountId: member.accountId, reason, message, endsAt, createdBy: actor.accountId })
      .returning({ id: memberSuspensions.id });
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.member_suspended",
      subjectType: "account",
      subjectId: member.accountId,
      details: { reason, endsAt: endsAt?.toISOString() ?? null, suspensionId: suspension!.id, replacedSuspensionId: replaced?.id ?? null },
    });
    await unsafeRecordNotifications(tx, [{ recipientId: member.accountId, kind: "moderation_suspension", actorId: actor.accountId }]);
    return { status: "suspended", suspensionId: suspension!.id, endsAt, replacedSuspensionId: replaced?.id ?? null } as const;
  });
}

/** The end instant, or the error code that explains why the typed time cannot be one. */
function parseEnd(value: string, now: Date): Date | string {
  if (value.trim() === "") return "ends_at_missing";
  const endsAt = portalLocalTimeToInstant(value);
  if (!endsAt) return "ends_at_invalid";
  if (endsAt.getTime() <= now.getTime()) return "ends_at_past";
  if (endsAt.getTime() > now.getTime() + SUSPENSION_MAX_DAYS * 86_400_000) return "ends_at_too_far";
  return endsAt;
}
