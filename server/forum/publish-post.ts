import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";

import { notifyAboutPost } from "./notify-about-post";
import { renderPostMarkdown } from "./render-markdown";
import { forumDrafts, forumPosts, forumThreadReads, forumThreads, forumThreadSubscriptions } from "./schema";
import type { Executor, Transaction } from "../platform/db";
import { isUniqueViolation } from "../platform/unique-violation";
import { unsafeFollowUpScreening, unsafeScreenNewPost } from "../moderation/screen-new-post";
import { recordUsageEvent } from "../research/record-usage-event";

export interface PublishedPostRef {
  threadId: string;
  postId: string;
  position: number;
  /** True when this submit raised a crisis alert on the post; absent otherwise, also when an earlier submit of the same form made it. */
  crisisAlert?: true;
}

/** Find the post an earlier submit of the same form created, if any. */
export async function findPostByIdempotencyKey(db: Executor, authorId: string, idempotencyKey: string): Promise<PublishedPostRef | undefined> {
  const [existing] = await db
    .select({ threadId: forumPosts.threadId, postId: forumPosts.id, position: forumPosts.position })
    .from(forumPosts)
    .where(and(eq(forumPosts.authorId, authorId), eq(forumPosts.idempotencyKey, idempotencyKey)));
  return existing;
}

/** A form sent again with the same text this soon, even with a new form key, returns the post it already made. */
export const REPEATED_POST_WINDOW_MINUTES = 10;

/**
 * Find the writer's own recent post with exactly this text in the thread.
 * Going back in the browser and sending a reply again loads a fresh form key,
 * so the key alone cannot tell that it is the same reply.
 */
export async function findRepeatedPost(db: Executor, authorId: string, threadId: string, body: string): Promise<PublishedPostRef | undefined> {
  const [repeated] = await db
    .select({ threadId: forumPosts.threadId, postId: forumPosts.id, position: forumPosts.position })
    .from(forumPosts)
    .where(
      and(
        eq(forumPosts.authorId, authorId),
        eq(forumPosts.threadId, threadId),
        eq(forumPosts.body, body),
        isNull(forumPosts.deletedAt),
        gt(forumPosts.createdAt, sql`now() - make_interval(mins => ${REPEATED_POST_WINDOW_MINUTES})`),
      ),
    )
    .orderBy(desc(forumPosts.createdAt))
    .limit(1);
  return repeated;
}

/**
 * Run a publishing use case once per form: return the post an earlier submit
 * of the same form made, and when two submits race, the one that lost the
 * unique index returns the winner's post.
 */
export async function publishOnce<Result extends { status: string }>(
  db: Executor,
  authorId: string,
  idempotencyKey: string,
  publish: () => Promise<Result>,
): Promise<Result | ({ status: "created" } & PublishedPostRef)> {
  const earlier = await findPostByIdempotencyKey(db, authorId, idempotencyKey);
  if (earlier) return { status: "created", ...earlier };

  try {
    return await publish();
  } catch (error) {
    if (!isUniqueViolation(error, "forum_posts_author_idempotency_key")) throw error;
    const winner = await findPostByIdempotencyKey(db, authorId, idempotencyKey);
    if (!winner) throw error;
    return { status: "created", ...winner };
  }
}

/**
 * Insert a post at the thread's next position and do what publishing
 * implies: bump the thread, subscribe the author, count it for research,
 * notify, and drop the draft. A post that must wait for a moderator (see
 * `unsafeScreenNewPost`) takes its position but leaves the thread's activity,
 * reply count and notifications until a moderator approves it. Unsafe: the
 * caller has checked that the author may write in this thread, and holds the
 * thread row locked (`for update`), so two replies cannot take the same position.
 */
export async function unsafePublishPost(
  tx: Transaction,
  post: {
    threadId: string;
    authorId: string;
    /** Peer moderators' posts never wait. */
    authorIsModerator: boolean;
    /** The thread's title, for the opening post only: it is screened with the text. */
    title?: string;
    body: string;
    contentWarning: string | null;
    quotedPostId: string | null;
    idempotencyKey: string;
    draftKey: string;
    /** Set for a new thread's opening post. */
    newThread?: { categoryId: string | null };
  },
): Promise<PublishedPostRef> {
  const screening = await unsafeScreenNewPost(tx, {
    authorId: post.authorId,
    authorIsModerator: post.authorIsModerator,
    inClosedGroup: post.newThread ? post.newThread.categoryId === null : await isInClosedGroup(tx, post.threadId),
    title: post.title ?? "",
    body: post.body,
    contentWarning: post.contentWarning ?? "",
  });
  const pending = screening.pendingReason !== null;

  const [thread] = await tx
    .update(forumThreads)
    .set(
      pending
        ? { lastPosition: sql`${forumThreads.lastPosition} + 1`, pendingAt: post.newThread ? sql`now()` : undefined }
        : {
            lastPosition: sql`${forumThreads.lastPosition} + 1`,
            lastPostedAt: sql`now()`,
            // The opening post is not a reply.
            replyCount: sql`${forumThreads.replyCount} + case when ${forumThreads.lastPosition} = 0 then 0 else 1 end`,
          },
    )
    .where(eq(forumThreads.id, post.threadId))
    .returning({ position: forumThreads.lastPosition });
  if (!thread) throw new Error(`Thread ${post.threadId} vanished while a post was published in it.`);

  const [created] = await tx
    .insert(forumPosts)
    .values({
      threadId: post.threadId,
      position: thread.position,
      authorId: post.authorId,
      body: post.body,
      bodyHtml: renderPostMarkdown(post.body),
      contentWarning: post.contentWarning,
      quotedPostId: post.quotedPostId,
      idempotencyKey: post.idempotencyKey,
      pendingReason: screening.pendingReason,
    })
    .returning({ id: forumPosts.id });
  const postId = created!.id;

  await tx.insert(forumThreadSubscriptions).values({ accountId: post.authorId, threadId: post.threadId }).onConflictDoNothing();
  // The writer has read everything up to their own post.
  await tx
    .insert(forumThreadReads)
    .values({ accountId: post.authorId, threadId: post.threadId, lastReadPosition: thread.position })
    .onConflictDoUpdate({ target: [forumThreadReads.accountId, forumThreadReads.threadId], set: { lastReadPosition: sql`greatest(${forumThreadReads.lastReadPosition}, excluded.last_read_position)` } });
  // Research counts what members write, so a post that waits for a moderator counts when it is written, not when it is approved.
  await recordUsageEvent(tx, { accountId: post.authorId, kind: "forum_post_written", subjectId: postId });
  const crisisAlert = await unsafeFollowUpScreening(tx, { postId, threadId: post.threadId, authorId: post.authorId, screening });
  if (!pending) {
    await notifyAboutPost(tx, { postId, threadId: post.threadId, authorId: post.authorId, body: post.body, newThreadInCategory: post.newThread?.categoryId ?? undefined });
  }
  await tx.delete(forumDrafts).where(and(eq(forumDrafts.accountId, post.authorId), eq(forumDrafts.draftKey, post.draftKey)));

  // Only a raised alert is reported, so a resubmitted form returns the same shape as the first submit of an ordinary post.
  return { threadId: post.threadId, postId, position: thread.position, ...(crisisAlert ? { crisisAlert } : {}) };
}

async function isInClosedGroup(db: Executor, threadId: string): Promise<boolean> {
  const [thread] = await db.select({ closedGroupId: forumThreads.closedGroupId }).from(forumThreads).where(eq(forumThreads.id, threadId));
  return thread?.closedGroupId != null;
}
