import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";

import { authorPseudonym } from "./forum-read-model";
import { threadVisibleTo } from "./forum-visibility";
import { forumPostRevisions, forumPosts, forumThreads } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export interface PostHistory {
  post: { id: string; threadId: string; threadTitle: string; position: number; author: string | null; body: string; contentWarning: string | null; editedAt: Date | null; deleted: boolean };
  /** Earlier versions, newest first. */
  revisions: { body: string; contentWarning: string | null; writtenAt: Date; replacedAt: Date }[];
}

export type ListPostRevisionsResult = ({ status: "found" } & PostHistory) | { status: "not_found" };

/**
 * Load a post as it reads now and every version an edit replaced, for peer
 * moderators. Members never see earlier versions. Posts in closed groups
 * stay out of reach unless the moderator has joined the group.
 */
export async function listPostRevisions(db: Executor, actor: Actor, postId: string): Promise<ListPostRevisionsResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  const [post] = await db
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      threadTitle: forumThreads.title,
      position: forumPosts.position,
      author: authorPseudonym(forumPosts.authorId),
      body: forumPosts.body,
      contentWarning: forumPosts.contentWarning,
      editedAt: forumPosts.editedAt,
      deletedAt: forumPosts.deletedAt,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), threadVisibleTo(actor.accountId)));
  if (!post) return { status: "not_found" };

  const revisions = await db
    .select({ body: forumPostRevisions.body, contentWarning: forumPostRevisions.contentWarning, writtenAt: forumPostRevisions.writtenAt, replacedAt: forumPostRevisions.replacedAt })
    .from(forumPostRevisions)
    .where(eq(forumPostRevisions.postId, postId))
    .orderBy(desc(forumPostRevisions.replacedAt));

  const { deletedAt, ...rest } = post;
  return { status: "found", post: { ...rest, deleted: deletedAt !== null }, revisions };
}
