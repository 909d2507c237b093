import { createHash } from "node:crypto";

import { renderPostMarkdown } from "../server/forum/render-markdown";
import {
  closedGroupMembers,
  closedGroups,
  forumCategories,
  forumPosts,
  forumReactions,
  forumThreadReads,
  forumThreads,
  forumThreadSubscriptions,
  memberReveals,
} from "../server/forum/schema";
import { notifications } from "../server/notifications/schema";
import { encryptText, type KeyRing } from "../server/platform/crypto";
import type { Executor } from "../server/platform/db";
import { usageEvents } from "../server/research/schema";
import { demoClosedGroups, demoForumCategories, demoForumThreads, demoReveals, postedAt, type DemoThread, type ForumPersonKey } from "./demo-forum-content";

/** Threads quiet for longer than this count as read by every demo member, so only recent ones show as new. */
const READ_AFTER_HOURS = 48;

/**
 * Make a stable id for a demo row, so journeys and links can name a seeded thread
 * across fresh databases. Shaped as a version 4 UUID.
 */
export function demoForumId(kind: string, key: string): string {
  const hex = createHash("sha256").update(`reconnect-demo:${kind}:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Insert the demo forum: categories, threads with posts, reactions and
 * subscriptions, a closed group, reveals, and notifications of recent
 * replies. Runs inside the caller's transaction, after the demo people exist.
 */
export async function seedDemoForum(tx: Executor, keys: KeyRing, accountIds: ReadonlyMap<string, string>, now = new Date()) {
  const idOf = (key: ForumPersonKey) => {
    const id = accountIds.get(key);
    if (!id) throw new Error(`The demo forum names ${key}, who is not a demo person.`);
    return id;
  };

  const categoryIds = new Map<string, string>();
  for (const [position, category] of demoForumCategories.entries()) {
    const id = demoForumId("category", category.slug);
    categoryIds.set(category.slug, id);
    await tx.insert(forumCategories).values({
      id,
      slug: category.slug,
      nameNb: category.name.nb,
      nameNn: category.name.nn,
      nameEn: category.name.en,
      descriptionNb: category.description.nb,
      descriptionNn: category.description.nn,
      descriptionEn: category.description.en,
      position,
    });
  }

  for (const thread of demoForumThreads) {
    await insertThread(tx, thread, { categoryId: categoryIds.get(thread.categorySlug)!, closedGroupId: null }, idOf, now);
  }

  for (const group of demoClosedGroups) {
    const groupId = demoForumId("group", group.key);
    const createdAt = postedAt({ daysAgo: group.daysAgo }, now);
    await tx.insert(closedGroups).values({ id: groupId, name: group.name, createdBy: idOf(group.creatorKey), createdAt });
    await tx.insert(closedGroupMembers).values(group.memberKeys.map((key) => ({ groupId, accountId: idOf(key), status: "joined" as const, invitedBy: idOf(group.creatorKey), invitedAt: createdAt, joinedAt: createdAt })));
    for (const thread of group.threads) await insertThread(tx, thread, { categoryId: null, closedGroupId: groupId }, idOf, now);
  }

  for (const reveal of demoReveals) {
    await tx.insert(memberReveals).values({
      giverId: idOf(reveal.giverKey),
      receiverId: idOf(reveal.receiverKey),
      shownNameEncrypted: encryptText(keys, reveal.shownName),
      createdAt: postedAt({ daysAgo: reveal.daysAgo }, now),
    });
  }
}

async function insertThread(
  tx: Executor,
  thread: DemoThread,
  place: { categoryId: string | null; closedGroupId: string | null },
  idOf: (key: ForumPersonKey) => string,
  now: Date,
) {
  const threadId = demoForumId("thread", thread.key);
  const times = thread.posts.map((post) => postedAt(post, now));
  const lastPostedAt = times.at(-1)!;

  await tx.insert(forumThreads).values({
    id: threadId,
    ...place,
    title: thread.title,
    authorId: idOf(thread.posts[0]!.authorKey),
    createdAt: times[0]!,
    lastPostedAt,
    lastPosition: thread.posts.length,
    replyCount: thread.posts.length - 1,
    pinnedAt: thread.pinned ? times[0]! : null,
  });

  const postIds = thread.posts.map((_, index) => demoForumId("post", `${thread.key}:${index}`));
  await tx.insert(forumPosts).values(
    thread.posts.map((post, index) => ({
      id: postIds[index]!,
      threadId,
      position: index + 1,
      authorId: idOf(post.authorKey),
      body: post.body,
      bodyHtml: renderPostMarkdown(post.body),
      contentWarning: post.contentWarning ?? null,
      quotedPostId: post.quotesPostIndex === undefined ? null : postIds[post.quotesPostIndex]!,
      idempotencyKey: `demo-seed-${postIds[index]}`,
      createdAt: times[index]!,
    })),
  );

  const reactions = thread.posts.flatMap((post, index) => (post.reactions ?? []).map((reaction) => ({ postId: postIds[index]!, accountId: idOf(reaction.authorKey), kind: reaction.kind, createdAt: times[index]! })));
  if (reactions.length > 0) await tx.insert(forumReactions).values(reactions).onConflictDoNothing();

  const writers = [...new Set(thread.posts.map((post) => idOf(post.authorKey)))];
  await tx.insert(forumThreadSubscriptions).values(writers.map((accountId) => ({ accountId, threadId })));
  await tx.insert(usageEvents).values(thread.posts.map((post, index) => ({ accountId: idOf(post.authorKey), kind: "forum_post_written", subjectId: postIds[index]!, occurredAt: times[index]! })));

  // Writers have read the thread up to their last post; a quiet thread counts as read by them all.
  const quiet = now.getTime() - lastPostedAt.getTime() > READ_AFTER_HOURS * 60 * 60 * 1000;
  const reads = writers.map((accountId) => {
    const lastOwn = thread.posts.findLastIndex((post) => idOf(post.authorKey) === accountId) + 1;
    return { accountId, threadId, lastReadPosition: quiet ? thread.posts.length : lastOwn, readAt: lastPostedAt };
  });
  await tx.insert(forumThreadReads).values(reads);

  // Recent replies notify the thread's earlier writers, so the demo has notifications to open. No e-mail is owed for them.
  const recent = thread.posts.map((post, index) => ({ post, index })).filter(({ index }) => index > 0 && now.getTime() - times[index]!.getTime() <= READ_AFTER_HOURS * 60 * 60 * 1000);
  const rows = recent.flatMap(({ post, index }) => {
    const earlier = new Set(thread.posts.slice(0, index).map((earlierPost) => idOf(earlierPost.authorKey)));
    earlier.delete(idOf(post.authorKey));
    return [...earlier].map((recipientId) => ({ recipientId, kind: "forum_reply", actorId: idOf(post.authorKey), threadId, postId: postIds[index]!, createdAt: times[index]!, emailHandledAt: times[index]! }));
  });
  if (rows.length > 0) await tx.insert(notifications).values(rows);
}
