import { and, asc, desc, eq, gt, inArray, isNull, lte } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { unsafeListOwnCommunityIds } from "./cafe-access";
import { cafes } from "./schema";

export interface ThreadCafeLink {
  cafeId: string;
  title: string;
  startsAt: Date;
}

/**
 * Find the kafé a forum thread is the reflection exercise for, when the
 * reader may see it: an approved, not cancelled kafé of one of the reader's
 * communities. The next one wins; otherwise the most recent.
 */
export async function findCafeForThread(db: Executor, actor: Actor, threadId: string, now: Date): Promise<ThreadCafeLink | null> {
  if (!can(actor, "cafes.read")) return null;
  const communityIds = await unsafeListOwnCommunityIds(db, actor.accountId);
  if (communityIds.length === 0) return null;

  const visible = and(eq(cafes.forumThreadId, threadId), inArray(cafes.communityId, communityIds), eq(cafes.approval, "approved"), isNull(cafes.cancelledAt));
  const columns = { cafeId: cafes.id, title: cafes.title, startsAt: cafes.startsAt };
  const [next] = await db.select(columns).from(cafes).where(and(visible, gt(cafes.endsAt, now))).orderBy(asc(cafes.startsAt)).limit(1);
  if (next) return next;
  const [latest] = await db.select(columns).from(cafes).where(and(visible, lte(cafes.endsAt, now))).orderBy(desc(cafes.startsAt)).limit(1);
  return latest ?? null;
}
