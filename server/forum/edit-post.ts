import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { threadVisibleTo } from "./forum-visibility";
import { contentWarningSchema, postBodySchema, postFieldErrors, threadTitleSchema, type PostFieldErrors } from "./post-input";
import { postWrittenAt, unsafeRevisePost } from "./revise-post";
import { forumDrafts, forumPosts, forumThreads } from "./schema";
import type { Actor } from "../identity/actor";
import { unsafeFindActiveSuspension, type SuspendedResult } from "../moderation/find-active-suspension";
import { unsafeRaiseCrisisAlertOnEdit } from "../moderation/raise-crisis-alert-on-edit";
import type { Database, Executor } from "../platform/db";
import { can } from "../policy";

export interface EditablePost {
  id: string;
  threadId: string;
  position: number;
  /** Set for the opening post, whose edit form also changes the thread's title. */
  threadTitle: string | null;
  body: string;
  contentWarning: string | null;
}

export type GetEditablePostResult = ({ status: "found" } & EditablePost) | { status: "not_found" };
export type EditPostResult =
  | { status: "saved"; threadId: string; postId: string; position: number; crisisAlert: boolean }
  | { status: "invalid"; errors: PostFieldErrors }
  | SuspendedResult
  | { status: "not_found" };

const editInput = z.object({ body: postBodySchema, contentWarning: contentWarningSchema, title: threadTitleSchema.optional() });

/** Load the writer's own post, as they wrote it, for the edit form. Deleted and hidden posts cannot be edited. */
export async function getEditablePost(db: Executor, actor: Actor, postId: string): Promise<GetEditablePostResult> {
  if (!can(actor, "forum.write") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  const post = await findOwnLivePost(db, actor.accountId, postId);
  if (!post) return { status: "not_found" };
  return { status: "found", ...post };
}

/**
 * Change the writer's own post. The version it replaces is kept, so
 * moderators can see what a post said before an edit. An edit that adds
 * crisis language raises the post's first crisis alert.
 */
export async function editPost(db: Database, actor: Actor, postId: string, input: { body: unknown; contentWarning?: unknown; title?: unknown }): Promise<EditPostResult> {
  if (!can(actor, "forum.write") || !z.uuid().safeParse(postId).success) return { status: "not_found" };
  const suspension = await unsafeFindActiveSuspension(db, actor.accountId);
  if (suspension) return { status: "suspended", endsAt: suspension.endsAt };
  const writerId = actor.accountId;
  const writerIsModerator = can(actor, "forum.moderate");

  return db.transaction(async (tx) => {
    const post = await findOwnLivePost(tx, actor.accountId, postId, { lock: true });
    if (!post) return { status: "not_found" } as const;

    const parsed = editInput.safeParse({ ...input, title: post.threadTitle === null ? undefined : input.title });
    if (!parsed.success) return { status: "invalid", errors: postFieldErrors(parsed.error) } as const;
    const { body, contentWarning, title } = parsed.data;

    await unsafeRevisePost(tx, post, { body, contentWarning });
    if (title !== undefined) await tx.update(forumThreads).set({ title }).where(eq(forumThreads.id, post.threadId));
    await tx.delete(forumDrafts).where(and(eq(forumDrafts.accountId, actor.accountId), eq(forumDrafts.draftKey, `post:${postId}`)));
    // Peer moderators' posts raise no alert, as when they publish.
    const crisisAlert = writerIsModerator
      ? false
      : await unsafeRaiseCrisisAlertOnEdit(tx, { postId, threadId: post.threadId, writerId, text: { title: title ?? "", body, contentWarning: contentWarning ?? "" } });

    return { status: "saved", threadId: post.threadId, postId, position: post.position, crisisAlert } as const;
  });
}

async function findOwnLivePost(db: Executor, authorId: string, postId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      position: forumPosts.position,
      body: forumPosts.body,
      contentWarning: forumPosts.contentWarning,
      writtenAt: postWrittenAt(),
      title: forumThreads.title,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), eq(forumPosts.authorId, authorId), isNull(forumPosts.deletedAt), isNull(forumPosts.hiddenAt), threadVisibleTo(authorId)));
  const [post] = options.lock ? await query.for("update", { of: forumPosts }) : await query;
  if (!post) return undefined;

  return { ...post, threadTitle: post.position === 1 ? post.title : null };
}
