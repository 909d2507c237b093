import { z } from "zod";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { lockPostForModeration } from "./moderation-visibility";
import { unsafeResolveOpenReports } from "./resolve-open-reports";

export type KeepPostResult = { status: "kept"; threadId: string; resolvedReports: number } | { status: "post_hidden"; threadId: string } | { status: "not_found" };

/**
 * Record that a moderator looked at a reported post and it stays as it is:
 * every open report is closed as `kept`, each with its own audit row. A
 * hidden post is restored or hidden for a reason instead, so its author
 * learns the outcome. With no open reports left, nothing is written.
 */
export async function keepPost(db: Database, actor: Actor, postId: string): Promise<KeepPostResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  return db.transaction(async (tx) => {
    const post = await lockPostForModeration(tx, actor.accountId, postId);
    if (!post) return { status: "not_found" } as const;
    if (post.hiddenAt !== null) return { status: "post_hidden", threadId: post.threadId } as const;

    const resolvedReports = await unsafeResolveOpenReports(tx, { postId, moderatorId: actor.accountId, resolution: "kept" });
    return { status: "kept", threadId: post.threadId, resolvedReports } as const;
  });
}
