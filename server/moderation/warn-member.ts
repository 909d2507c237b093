import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { forumPosts } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { mayActOnMember, unsafeFindModeratedMember } from "./find-moderated-member";
import { moderatorReasonSchema } from "./reason-codes";
import { memberWarnings } from "./schema";

export const MODERATOR_MESSAGE_MAX_LENGTH = 1000;

/** The moderator's words to a member, shown with the translated reason. */
export const moderatorMessageSchema = z
  .string({ message: "message_missing" })
  .trim()
  .min(1, { message: "message_missing" })
  .max(MODERATOR_MESSAGE_MAX_LENGTH, { message: "message_too_long" });

export type MemberActionErrors = Partial<Record<"reason" | "message" | "until" | "endsAt", string>>;

export type WarnMemberResult = { status: "warned"; warningId: string } | { status: "invalid"; errors: MemberActionErrors } | { status: "not_allowed" } | { status: "not_found" };

const warningInput = z.object({ reason: moderatorReasonSchema, message: moderatorMessageSchema, postId: z.uuid().optional().catch(undefined) });

/**
 * Warn a member, with a reason code and the moderator's own words. The
 * member sees it on the forum pages until they mark it as read. A post id
 * that is not one of the member's own posts is dropped rather than linked.
 */
export async function warnMember(db: Database, actor: Actor, pseudonym: string, input: { reason: unknown; message: unknown; postId?: unknown }): Promise<WarnMemberResult> {
  if (!can(actor, "forum.moderate")) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const member = await unsafeFindModeratedMember(tx, pseudonym);
    if (!member) return { status: "not_found" } as const;
    if (!mayActOnMember(actor, member)) return { status: "not_allowed" } as const;

    const parsed = warningInput.safeParse({ ...input, postId: input.postId || undefined });
    if (!parsed.success) return { status: "invalid", errors: memberActionErrors(parsed.error) } as const;
    const { reason, message } = parsed.data;

    const [post] = parsed.data.postId
      ? await tx.select({ id: forumPosts.id, threadId: forumPosts.threadId }).from(forumPosts).where(and(eq(forumPosts.id, parsed.data.postId), eq(forumPosts.authorId, member.accountId)))
      : [];

    // The same warning sent again within minutes is a resubmitted form, not a second warning.
    const [repeated] = await tx
      .select({ id: memberWarnings.id })
      .from(memberWarnings)
      .where(
        and(
          eq(memberWarnings.accountId, member.accountId),
          eq(memberWarnings.createdBy, actor.accountId),
          eq(memberWarnings.reason, reason),
          eq(memberWarnings.message, message),
          gt(memberWarnings.createdAt, sql`now() - interval '10 minutes'`),
        ),
      );
    if (repeated) return { status: "warned", warningId: repeated.id } as const;

    const [warning] = await tx
      .insert(memberWarnings)
      .values({ accountId: member.accountId, reason, message, postId: post?.id ?? null, createdBy: actor.accountId })
      .returning({ id: memberWarnings.id });
    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "moderation.member_warned",
      subjectType: "account",
      subjectId: member.accountId,
      details: { reason, warningId: warning!.id, postId: post?.id ?? null },
    });
    await unsafeRecordNotifications(tx, [{ recipientId: member.accountId, kind: "moderation_warning", actorId: actor.accountId, threadId: post?.threadId, postId: post?.id }]);
    return { status: "warned", warningId: warning!.id } as const;
  });
}

/** Map Zod issues to one stable error code per field; the UI owns the words. */
export function memberActionErrors(error: z.ZodError): MemberActionErrors {
  const errors: MemberActionErrors = {};
  for (const issue of error.issues) errors[issue.path[0] as keyof MemberActionErrors] ??= issue.message;
  return errors;
}
