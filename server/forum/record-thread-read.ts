import { sql } from "drizzle-orm";
import { z } from "zod";

import { forumThreadReads, forumVisits } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { recordThreadView } from "../research/record-usage-event";

/** Away from the forum longer than this, the next page view starts a new visit. */
export const FORUM_VISIT_GAP_MINUTES = 30;

/**
 * Note that the reader has seen a thread up to a position, and count the view
 * for research. Reading bookkeeping is the one write a page view makes; it
 * changes nothing another person sees. The read position only moves forward.
 */
export async function recordThreadRead(db: Executor, actor: Actor, threadId: string, position: number) {
  if (!can(actor, "forum.read") || !z.uuid().safeParse(threadId).success) return;

  await db
    .insert(forumThreadReads)
    .values({ accountId: actor.accountId, threadId, lastReadPosition: position })
    .onConflictDoUpdate({
      target: [forumThreadReads.accountId, forumThreadReads.threadId],
      set: { lastReadPosition: sql`greatest(${forumThreadReads.lastReadPosition}, excluded.last_read_position)`, readAt: sql`now()` },
    });
  await recordThreadView(db, actor.accountId, threadId);
}

/**
 * Record a forum page view and return when the reader's previous visit
 * began, or null on their first visit. "New since last visit" lists what
 * came after that moment.
 */
export async function recordForumVisit(db: Executor, actor: Actor): Promise<Date | null> {
  if (!can(actor, "forum.read")) return null;

  const gap = sql`now() - make_interval(mins => ${FORUM_VISIT_GAP_MINUTES})`;
  const [visit] = await db
    .insert(forumVisits)
    .values({ accountId: actor.accountId, previousVisitAt: null, currentVisitAt: sql`now()`, lastSeenAt: sql`now()` })
    .onConflictDoUpdate({
      target: forumVisits.accountId,
      set: {
        previousVisitAt: sql`case when ${forumVisits.lastSeenAt} < ${gap} then ${forumVisits.currentVisitAt} else ${forumVisits.previousVisitAt} end`,
        currentVisitAt: sql`case when ${forumVisits.lastSeenAt} < ${gap} then now() else ${forumVisits.currentVisitAt} end`,
        lastSeenAt: sql`now()`,
      },
    })
    .returning({ previousVisitAt: forumVisits.previousVisitAt });
  return visit?.previousVisitAt ?? null;
}
