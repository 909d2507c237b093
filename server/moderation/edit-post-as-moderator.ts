import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { authorPseudonym } from "../forum/forum-read-model";
import { contentWarningSchema, postBodySchema } from "../forum/post-input";
import { postWrittenAt, unsafeRevisePost } from "../forum/revise-post";
import { forumPosts, forumThreads } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { unsafeRecordNotifications } from "../notifications/record-notifications";
import type { Database, Executor } from "../platform/db";
import { can } from "../policy";

export const MODERATOR_NOTE_MAX_LENGTH = 500;

export interface PostForModeratorEdit {
  id: string;
  threadId: string;
  threadTitle: string;
  position: number;
  authorPseudonym: string | null;
  body: string;
  contentWarning: string | null;
  moderatorNote: string | null;
}

export type GetPostForModeratorEditResult = ({ status: "found" } & PostForModeratorEdit) | { status: "not_found" };

export type ModeratorEditErrors = Partial<Record<"body" | "contentWarning" | "note", string>>;

export type EditPostAsModeratorResult = { status: "saved"; threadId: string; postId: string; position: number } | { status: "invalid"; errors: ModeratorEditErrors } | { status: "not_found" };

const moderatorEditInput = z.object({
  body: postBodySchema,
  contentWarning: contentWarningSchema,
  note: z
    .string({ message: "note_missing" })
    .trim()
    .min(1, { message: "note_missing" })
    .max(MODERATOR_NOTE_MAX_LENGTH, { message: "note_too_long" }),
});

/** Load someone's post as they wrote it, for the moderator's edit form. Deleted posts cannot be edited. */
export async function getPostForModeratorEdit(db: Executor, actor: Actor, postId: string): Promise<GetPostForModeratorEditResult> {
  if (!can(actor, "moderation.view") || !z.uuid().safeParse(postId).success) return { status: "not_found" };

  const [post] = await db
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      threadTitle: forumThreads.title,
      position: forumPosts.position,
      authorPseudonym: authorPseudonym(forumPosts.authorId),
      body: forumPosts.body,
      contentWarning: forumPosts.contentWarning,
      moderatorNote: forumPosts.moderatorNote,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), isNull(forumPosts.deletedAt)));
  return post ? { status: "found", ...post } : { status: "not_found" };
}

/**
 * Change the text of someone's post, with a note everyone sees under it. The
 * version it replaces is kept exactly as the member's own edit keeps it, and
 * the author is notified. Hidden and waiting posts can be edited too, so a
 * moderator can take out a detail before restoring or approving the post.
 */
export async function editPostAsModerator(db: Database, actor: Actor, postId: string, input: { body: unknown; contentWarning?: unknown; note: unknown }): Promise<EditPostAsModeratorResult> {
  if (!can(actor, "forum.moderate") || !z.uuid().safeParse(postId).success) return { status: "not_found" };
  const parsed = moderatorEditInput.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error) };
  const { body, contentWarning, note } = parsed.data;

  return db.transaction(async (tx) => {
    const [post] = await tx
      .select({ id: forumPosts.id, threadId: forumPosts.threadId, position: forumPosts.position, authorId: forumPosts.authorId, body: forumPosts.body, contentWarning: forumPosts.contentWarning, moderatorNote: forumPosts.moderatorNote, writtenAt: postWrittenAt() })
      .from(forumPosts)
      .where(and(eq(forumPosts.id, postId), isNull(forumPosts.deletedAt)))
      .for("update");
    if (!post) return { status: "not_found" } as const;
    const saved = { status: "saved", threadId: post.threadId, postId, position: post.position } as const;
    // A form sent twice finds its edit already made, and does not keep a second copy or notify again.
    if (post.body === body && post.contentWarning === contentWarning && post.moderatorNote === note) return saved;

    await unsafeRevisePost(tx, post, { body, contentWarning, moderatorNote: note });
    // The note lives on the post; the audit row carries ids only.
    await recordAuditEvent(tx, { actorId: actor.accountId, action: "moderation.post_edited", subjectType: "forum_post", subjectId: postId, details: { threadId: post.threadId } });
    if (post.authorId && post.authorId !== actor.accountId) {
      await unsafeRecordNotifications(tx, [{ recipientId: post.authorId, kind: "moderation_post_edited", actorId: actor.accountId, threadId: post.threadId, postId }]);
    }
    return saved;
  });
}

function fieldErrors(error: z.ZodError): ModeratorEditErrors {
  const errors: ModeratorEditErrors = {};
  for (const issue of error.issues) errors[issue.path[0] as keyof ModeratorEditErrors] ??= issue.message;
  return errors;
}
