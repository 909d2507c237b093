import { eq, sql, type SQL } from "drizzle-orm";

import { renderPostMarkdown } from "./render-markdown";
import { forumPostRevisions, forumPosts } from "./schema";
import type { Transaction } from "../platform/db";

/** When the post's current text was written: its last edit, or its creation. */
export function postWrittenAt(): SQL<Date> {
  return sql<Date>`coalesce(${forumPosts.editedAt}, ${forumPosts.createdAt})`.mapWith(forumPosts.createdAt);
}

/**
 * Replace a post's text and keep the version it replaces in
 * `forum_post_revisions`, so moderators can see what a post said before any
 * edit. A moderator's edit also sets the note shown under the post. Unsafe:
 * the caller has decided who may edit, and holds the post row locked.
 */
export async function unsafeRevisePost(
  tx: Transaction,
  current: { id: string; body: string; contentWarning: string | null; writtenAt: Date },
  next: { body: string; contentWarning: string | null; moderatorNote?: string },
) {
  await tx.insert(forumPostRevisions).values({ postId: current.id, body: current.body, contentWarning: current.contentWarning, writtenAt: current.writtenAt });
  await tx
    .update(forumPosts)
    .set({
      body: next.body,
      bodyHtml: renderPostMarkdown(next.body),
      contentWarning: next.contentWarning,
      editedAt: sql`now()`,
      ...(next.moderatorNote === undefined ? {} : { moderatorNote: next.moderatorNote, moderatorEditedAt: sql`now()` }),
    })
    .where(eq(forumPosts.id, current.id));
}
