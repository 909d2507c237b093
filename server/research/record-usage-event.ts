import { and, eq, gt, sql } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { usageEvents } from "./schema";

export type UsageEventKind = "forum_post_written" | "forum_thread_viewed" | "cafe_answered" | "cafe_attended";

/** Views of one thread by one member count once per this window, so reloading a page does not inflate the figures. */
export const THREAD_VIEW_WINDOW_MINUTES = 30;

/** Record that a member did something countable. Call it inside the transaction of the action it counts. */
export async function recordUsageEvent(db: Executor, event: { accountId: string; kind: UsageEventKind; subjectId: string | null }) {
  await db.insert(usageEvents).values(event);
}

/**
 * Record a thread view unless the member viewed the same thread within the
 * window. Two requests at the same instant may both record one; the research
 * counts tolerate that rare double.
 */
export async function recordThreadView(db: Executor, accountId: string, threadId: string) {
  const windowStart = sql`now() - make_interval(mins => ${THREAD_VIEW_WINDOW_MINUTES})`;
  const [recent] = await db
    .select({ id: usageEvents.id })
    .from(usageEvents)
    .where(and(eq(usageEvents.accountId, accountId), eq(usageEvents.kind, "forum_thread_viewed"), eq(usageEvents.subjectId, threadId), gt(usageEvents.occurredAt, windowStart)))
    .limit(1);
  if (recent) return;

  await recordUsageEvent(db, { accountId, kind: "forum_thread_viewed", subjectId: threadId });
}
