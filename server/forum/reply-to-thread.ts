import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";

import { postReadableBy, threadVisibleTo } from "./forum-visibility";
import { contentWarningSchema, idempotencyKeySchema, postBodySchema, postFieldErrors, type PostFieldErrors } from "./post-input";
import { findRepeatedPost, publishOnce, unsafePublishPost, type PublishedPostRef } from "./publish-post";
import { forumPosts, forumThreads } from "./schema";
import type { Actor } from "../identity/actor";
import { unsafeFindActiveSuspension, type SuspendedResult } from "../moderation/find-active-suspension";
import type { Database, Executor } from "../platform/db";
import { can } from "../policy";

export type ReplyToThreadResult = ({ status: "created" } & PublishedPostRef) | { status: "invalid"; errors: PostFieldErrors } | { status: "locked" } | SuspendedResult | { status: "not_found" };

const replyInput = z.object({
  body: postBodySchema,
  contentWarning: contentWarningSchema,
  quotedPostId: z.uuid().optional().catch(undefined),
  idempotencyKey: idempotencyKeySchema,
});

export function draftKeyForReply(threadId: string): string {
  return `thread:${threadId}`;
}

/** Reply in a thread the writer can see. Submitting the same form twice returns the reply the first submit created. */
export async function replyToThread(
  db: Database,
  actor: Actor,
  threadId: string,
  input: { body: unknown; contentWarning?: unknown; quotedPostId?: unknown; idempotencyKey: unknown },
): Promise<ReplyToThreadResult> {
  if (!can(actor, "forum.write") || !actor.hasMemberProfile) return { status: "not_found" };
  if (!z.uuid().safeParse(threadId).success) return { status: "not_found" };
  const suspension = await unsafeFindActiveSuspension(db, actor.accountId);
  if (suspension) return { status: "suspended", endsAt: suspension.endsAt };

  const parsed = replyInput.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: postFieldErrors(parsed.error) };
  const { body, contentWarning, quotedPostId, idempotencyKey } = parsed.data;

  return publishOnce(db, actor.accountId, idempotencyKey, () =>
    db.transaction(async (tx) => {
      // The row lock orders concurrent replies, so each takes the next position.
      const [thread] = await tx
        .select({ id: forumThreads.id, lockedAt: forumThreads.lockedAt })
        .from(forumThreads)
        .where(and(eq(forumThreads.id, threadId), threadVisibleTo(actor.accountId)))
        .for("update");
      if (!thread) return { status: "not_found" } as const;
      if (thread.lockedAt) return { status: "locked" } as const;
      const repeated = await findRepeatedPost(tx, actor.accountId, threadId, body);
      if (repeated) return { status: "created", ...repeated } as const;

      const published = await unsafePublishPost(tx, {
        threadId,
        authorId: actor.accountId,
        authorIsModerator: can(actor, "forum.moderate"),
        body,
        contentWarning,
        quotedPostId: quotedPostId && (await isQuotable(tx, actor.accountId, threadId, quotedPostId)) ? quotedPostId : null,
        idempotencyKey,
        draftKey: draftKeyForReply(threadId),
      });
      return { status: "created", ...published } as const;
    }),
  );
}

async function isQuotable(db: Executor, readerId: string, threadId: string, postId: string): Promise<boolean> {
  const [post] = await db
    .select({ id: forumPosts.id })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(and(eq(forumPosts.id, postId), eq(forumPosts.threadId, threadId), sql`${postReadableBy(readerId)}`));
  return Boolean(post);
}
