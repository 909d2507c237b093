import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database, Executor } from "../platform/db";
import { can } from "../policy";
import { cafeHasStarted, unsafeFindCafeAccess, unsafeListOwnCommunityIds } from "./cafe-access";
import { findLinkableThread } from "./find-linkable-thread";
import { cafes } from "./schema";

/** Upcoming kaféer offered on the new-thread form, at most. */
export const LINKABLE_CAFES_SHOWN = 20;

export interface LinkableCafe {
  id: string;
  title: string;
  startsAt: Date;
}

/**
 * List the upcoming kaféer a peer moderator may link a new forum thread to:
 * not cancelled and not started, in the communities they belong to.
 */
export async function listLinkableCafes(db: Executor, actor: Actor, now: Date): Promise<LinkableCafe[]> {
  if (!can(actor, "cafes.host")) return [];
  const communityIds = await unsafeListOwnCommunityIds(db, actor.accountId);
  if (communityIds.length === 0) return [];

  return db
    .select({ id: cafes.id, title: cafes.title, startsAt: cafes.startsAt })
    .from(cafes)
    .where(and(inArray(cafes.communityId, communityIds), eq(cafes.kind, "cafe"), eq(cafes.approval, "approved"), isNull(cafes.cancelledAt), gt(cafes.startsAt, now)))
    .orderBy(asc(cafes.startsAt), asc(cafes.id))
    .limit(LINKABLE_CAFES_SHOWN);
}

export type LinkThreadToCafeResult = { status: "linked" } | { status: "invalid" } | { status: "not_found" };

/**
 * Make a forum thread the reflection exercise of an upcoming kafé. The peer
 * moderator must moderate the kafé's community and be able to read the thread.
 */
export async function linkThreadToCafe(db: Database, actor: Actor, input: { cafeId: string; threadId: string }, now: Date): Promise<LinkThreadToCafeResult> {
  if (!can(actor, "cafes.host")) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const access = await unsafeFindCafeAccess(tx, actor, input.cafeId, { forUpdate: true });
    if (!access?.moderatesCommunity) return { status: "not_found" } as const;
    if (access.cafe.cancelledAt !== null || cafeHasStarted(access.cafe, now)) return { status: "invalid" } as const;

    const thread = await findLinkableThread(tx, actor, input.threadId);
    if (thread.status !== "found") return { status: "invalid" } as const;
    if (access.cafe.forumThreadId === thread.threadId) return { status: "linked" } as const;

    await tx.update(cafes).set({ forumThreadId: thread.threadId, updatedAt: now }).where(eq(cafes.id, access.cafe.id));
    await recordAuditEvent(tx, { actorId: actor.accountId, action: "cafes.cafe_edited", subjectType: "cafe", subjectId: access.cafe.id, details: { changed: "forumThreadId", promoted: 0 } });
    return { status: "linked" } as const;
  });
}
