import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";

import { unsafeFindMentionedAccounts } from "./find-mentions";
import { notBlockedBetween, threadVisibleTo } from "./forum-visibility";
import { forumCategorySubscriptions, forumThreads, forumThreadSubscriptions } from "./schema";
import { accountReachable } from "../identity/account-reachability";
import { accountRoles, accounts } from "../identity/schema";
import { unsafeRecordNotifications, type NotificationInput } from "../notifications/record-notifications";
import type { Executor } from "../platform/db";

interface PublishedPost {
  postId: string;
  threadId: string;
  authorId: string;
  body: string;
  /** Set when the post opens a new thread in a category, to notify the category's subscribers. */
  newThreadInCategory?: string;
}

/**
 * Active accounts that are not taking a break, may read the forum at all and
 * may see this thread, with no block between them and the author.
 */
function recipientConditions(recipient: typeof accounts.id, authorId: string) {
  return and(
    ne(recipient, authorId),
    accountReachable(),
    sql`exists (select 1 from ${accountRoles} where ${accountRoles.accountId} = ${recipient} and ${accountRoles.role} in ('member', 'peer_moderator'))`,
    threadVisibleTo(recipient),
    notBlockedBetween(recipient, sql`${authorId}::uuid`),
  );
}

/**
 * Notify the people a new post concerns: those it mentions, the thread's
 * subscribers, and for a new thread the category's subscribers. Each person
 * gets at most one notification per post, a mention before a reply.
 */
export async function notifyAboutPost(tx: Executor, post: PublishedPost) {
  const { postId, threadId, authorId } = post;
  const inThread = eq(forumThreads.id, threadId);

  const mentionedIds = await unsafeFindMentionedAccounts(tx, post.body);
  const mentioned =
    mentionedIds.length === 0
      ? []
      : await tx
          .select({ id: accounts.id })
          .from(accounts)
          .innerJoin(forumThreads, inThread)
          .where(and(inArray(accounts.id, mentionedIds), recipientConditions(accounts.id, authorId)));
  const notified = new Set(mentioned.map((row) => row.id));

  const subscribers = await tx
    .select({ id: accounts.id })
    .from(forumThreadSubscriptions)
    .innerJoin(accounts, eq(accounts.id, forumThreadSubscriptions.accountId))
    .innerJoin(forumThreads, inThread)
    .where(and(eq(forumThreadSubscriptions.threadId, threadId), recipientConditions(accounts.id, authorId), notified.size > 0 ? notInArray(accounts.id, [...notified]) : undefined));
  for (const row of subscribers) notified.add(row.id);

  const categoryFollowers = post.newThreadInCategory
    ? await tx
        .select({ id: accounts.id })
        .from(forumCategorySubscriptions)
        .innerJoin(accounts, eq(accounts.id, forumCategorySubscriptions.accountId))
        .innerJoin(forumThreads, inThread)
        .where(and(eq(forumCategorySubscriptions.categoryId, post.newThreadInCategory), recipientConditions(accounts.id, authorId)))
    : [];

  const inputs: NotificationInput[] = [
    ...mentioned.map((row) => ({ recipientId: row.id, kind: "forum_mention" as const, actorId: authorId, threadId, postId })),
    ...subscribers.map((row) => ({ recipientId: row.id, kind: "forum_reply" as const, actorId: authorId, threadId, postId })),
    ...categoryFollowers.filter((row) => !notified.has(row.id)).map((row) => ({ recipientId: row.id, kind: "forum_new_thread" as const, actorId: authorId, threadId, postId })),
  ];
  await unsafeRecordNotifications(tx, inputs);
  return inputs.length;
}
