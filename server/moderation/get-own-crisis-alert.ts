import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { crisisAlerts } from "./schema";
import { forumPosts } from "../forum/schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type GetOwnCrisisAlertResult = { status: "found"; postId: string; held: boolean } | { status: "none" };

/**
 * Whether the reader's own post has a crisis alert, so the page can show them
 * the crisis panel after they publish. Only the writer gets a result, so a
 * link carrying someone else's post id shows nothing. `held` is true while
 * the post waits for a moderator because nobody followed the forum.
 */
export async function getOwnCrisisAlert(db: Executor, actor: Actor, postId: unknown): Promise<GetOwnCrisisAlertResult> {
  if (!can(actor, "forum.write") || !z.uuid().safeParse(postId).success) return { status: "none" };

  const [row] = await db
    .select({ postId: forumPosts.id, pendingReason: forumPosts.pendingReason })
    .from(crisisAlerts)
    .innerJoin(forumPosts, eq(forumPosts.id, crisisAlerts.postId))
    .where(and(eq(crisisAlerts.postId, postId as string), eq(forumPosts.authorId, actor.accountId)));
  if (!row) return { status: "none" };

  return { status: "found", postId: row.postId, held: row.pendingReason === "crisis_out_of_hours" };
}
