import { and, desc, eq, isNull, sql } from "drizzle-orm";

import { forumPosts } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { suspensionActive } from "./find-active-suspension";
import { mayActOnMember, unsafeFindModeratedMember } from "./find-moderated-member";
import { forumPostReports, memberSuspensions, memberWarnings } from "./schema";

export interface MemberForModeration {
  pseudonym: string;
  joinedAt: Date;
  isModerator: boolean;
  /** False for the moderator themself and for other peer moderators. */
  mayActOn: boolean;
  counts: { posts: number; hiddenPosts: number; openReports: number };
  warnings: { id: string; reason: string; message: string | null; postId: string | null; createdAt: Date; seenAt: Date | null }[];
  suspensions: { id: string; reason: string; message: string | null; createdAt: Date; endsAt: Date | null; liftedAt: Date | null; active: boolean }[];
}

export type GetMemberForModerationResult = ({ status: "found" } & MemberForModeration) | { status: "not_found" };

/** Load what a moderator needs before warning or suspending a member: counts and the member's earlier warnings and suspensions. */
export async function getMemberForModeration(db: Executor, actor: Actor, pseudonym: string): Promise<GetMemberForModerationResult> {
  if (!can(actor, "moderation.view")) return { status: "not_found" };
  const member = await unsafeFindModeratedMember(db, pseudonym);
  if (!member) return { status: "not_found" };

  const [counts] = await db
    .select({
      posts: sql<number>`count(*) filter (where ${forumPosts.deletedAt} is null)::int`,
      hiddenPosts: sql<number>`count(*) filter (where ${forumPosts.deletedAt} is null and ${forumPosts.hiddenAt} is not null)::int`,
    })
    .from(forumPosts)
    .where(eq(forumPosts.authorId, member.accountId));
  const [reports] = await db
    .select({ open: sql<number>`count(*)::int` })
    .from(forumPostReports)
    .innerJoin(forumPosts, eq(forumPosts.id, forumPostReports.postId))
    .where(and(eq(forumPosts.authorId, member.accountId), isNull(forumPostReports.resolvedAt)));

  const warnings = await db
    .select({ id: memberWarnings.id, reason: memberWarnings.reason, message: memberWarnings.message, postId: memberWarnings.postId, createdAt: memberWarnings.createdAt, seenAt: memberWarnings.seenAt })
    .from(memberWarnings)
    .where(eq(memberWarnings.accountId, member.accountId))
    .orderBy(desc(memberWarnings.createdAt));
  const suspensions = await db
    .select({
      id: memberSuspensions.id,
      reason: memberSuspensions.reason,
      message: memberSuspensions.message,
      createdAt: memberSuspensions.createdAt,
      endsAt: memberSuspensions.endsAt,
      liftedAt: memberSuspensions.liftedAt,
      active: sql<boolean>`(${suspensionActive()})`,
    })
    .from(memberSuspensions)
    .where(eq(memberSuspensions.accountId, member.accountId))
    .orderBy(desc(memberSuspensions.createdAt));

  return {
    status: "found",
    pseudonym: member.pseudonym,
    joinedAt: member.joinedAt,
    isModerator: member.isModerator,
    mayActOn: can(actor, "forum.moderate") && mayActOnMember(actor, member),
    counts: { posts: Number(counts?.posts ?? 0), hiddenPosts: Number(counts?.hiddenPosts ?? 0), openReports: Number(reports?.open ?? 0) },
    warnings,
    suspensions: suspensions.map((suspension) => ({ ...suspension, active: Boolean(suspension.active) })),
  };
}

