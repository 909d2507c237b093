import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";

import { crisisAlerts } from "./schema";
import { authorPseudonym } from "../forum/forum-read-model";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

/** Open alerts shown at once; there should never be near this many. */
export const OPEN_CRISIS_ALERTS_SHOWN = 100;
/** Followed-up alerts stay listed this long, so a moderator can see what a colleague already did. */
export const HANDLED_CRISIS_ALERTS_DAYS = 14;
export const HANDLED_CRISIS_ALERTS_SHOWN = 20;

export interface CrisisAlertView {
  id: string;
  createdAt: Date;
  categories: string[];
  /** The post waited because nobody followed the forum when it was written. */
  heldForModerator: boolean;
  writerPseudonym: string | null;
  post: {
    id: string;
    threadId: string;
    threadTitle: string;
    position: number;
    bodyHtml: string;
    contentWarning: string | null;
    /** `waiting` while the post is still pending a moderator's decision. */
    state: "live" | "waiting" | "hidden" | "deleted";
  };
  handled: { at: Date; byPseudonym: string | null } | null;
}

export type ListCrisisAlertsResult = { status: "listed"; open: CrisisAlertView[]; recentlyHandled: CrisisAlertView[] } | { status: "not_found" };

/**
 * Crisis alerts for moderators: open ones newest first, with the post's full
 * text even when its writer has since deleted it, and those followed up in
 * the last two weeks.
 */
export async function listCrisisAlerts(db: Executor, actor: Actor): Promise<ListCrisisAlertsResult> {
  if (!can(actor, "moderation.view")) return { status: "not_found" };

  const open = await selectAlerts(db).where(isNull(crisisAlerts.handledAt)).orderBy(desc(crisisAlerts.createdAt), desc(crisisAlerts.id)).limit(OPEN_CRISIS_ALERTS_SHOWN);
  const handled = await selectAlerts(db)
    .where(and(isNotNull(crisisAlerts.handledAt), gt(crisisAlerts.handledAt, sql`now() - make_interval(days => ${HANDLED_CRISIS_ALERTS_DAYS})`)))
    .orderBy(desc(crisisAlerts.handledAt), desc(crisisAlerts.id))
    .limit(HANDLED_CRISIS_ALERTS_SHOWN);

  return { status: "listed", open: open.map(presentAlert), recentlyHandled: handled.map(presentAlert) };
}

/** Count the crisis alerts nobody has followed up yet, for the moderation overview. Returns zero for anyone who may not see them. */
export async function countOpenCrisisAlerts(db: Executor, actor: Actor): Promise<number> {
  if (!can(actor, "moderation.view")) return 0;

  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(crisisAlerts).where(isNull(crisisAlerts.handledAt));
  return Number(row?.count ?? 0);
}

function selectAlerts(db: Executor) {
  return db
    .select({
      id: crisisAlerts.id,
      createdAt: crisisAlerts.createdAt,
      categories: crisisAlerts.categories,
      heldForModerator: crisisAlerts.heldForModerator,
      writerPseudonym: authorPseudonym(crisisAlerts.writerId),
      handledAt: crisisAlerts.handledAt,
      handledByPseudonym: authorPseudonym(crisisAlerts.handledBy),
      postId: forumPosts.id,
      threadId: forumPosts.threadId,
      threadTitle: forumThreads.title,
      position: forumPosts.position,
      bodyHtml: forumPosts.bodyHtml,
      contentWarning: forumPosts.contentWarning,
      deletedAt: forumPosts.deletedAt,
      hiddenAt: forumPosts.hiddenAt,
      pendingReason: forumPosts.pendingReason,
    })
    .from(crisisAlerts)
    .innerJoin(forumPosts, eq(forumPosts.id, crisisAlerts.postId))
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .$dynamic();
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof selectAlerts>["execute"]>>[number];

function presentAlert(row: AlertRow): CrisisAlertView {
  let state: CrisisAlertView["post"]["state"] = "live";
  if (row.deletedAt !== null) state = "deleted";
  else if (row.hiddenAt !== null) state = "hidden";
  else if (row.pendingReason !== null) state = "waiting";

  return {
    id: row.id,
    createdAt: row.createdAt,
    categories: row.categories,
    heldForModerator: row.heldForModerator,
    writerPseudonym: row.writerPseudonym,
    post: { id: row.postId, threadId: row.threadId, threadTitle: row.threadTitle, position: row.position, bodyHtml: row.bodyHtml, contentWarning: row.contentWarning, state },
    handled: row.handledAt ? { at: row.handledAt, byPseudonym: row.handledByPseudonym } : null,
  };
}
