import { and, eq, isNull, sql } from "drizzle-orm";

import { detectCrisisLanguage, type CrisisLanguageFinding } from "./crisis-language/detect-crisis-language";
import { isModeratedNow } from "./moderated-hours";
import { unsafeReadModerationSettings } from "./moderation-settings";
import { unsafeNotifyModerators } from "./notify-moderators";
import { unsafeRaiseCrisisAlert } from "./raise-crisis-alert";
import type { PendingReason } from "./reason-codes";
import { forumPosts } from "../forum/schema";
import type { Executor } from "../platform/db";

export interface PostScreening {
  /** The reason the post waits for a moderator, or null when it goes live at once. */
  pendingReason: PendingReason | null;
  /** Crisis language found in the post; an alert is raised once the post exists. */
  crisis: CrisisLanguageFinding | null;
}

export interface PostText {
  title: string;
  body: string;
  contentWarning: string;
}

/**
 * Check the writer's own words for crisis language: title, body and content
 * warning. Quoted lines (Markdown `>`) are left out, so a kind reply that
 * quotes someone in crisis does not raise a second alert in the replier's name.
 */
export function findCrisisLanguageInPost(text: PostText): CrisisLanguageFinding | null {
  const ownWords = text.body
    .split("\n")
    .filter((line) => !/^\s{0,3}>/.test(line))
    .join("\n");
  return detectCrisisLanguage([text.title, ownWords, text.contentWarning].filter((part) => part.trim() !== "").join("\n\n"));
}

/**
 * Decide what happens to a new post before it is inserted. Crisis language is
 * never blocked. Inside moderated hours, or with a moderator on duty, the post
 * goes live and the moderators are alerted. Outside them it waits for a
 * moderator. A new member's first posts wait while the member has fewer live
 * posts than the deployment's approval count. Peer moderators' posts never
 * wait and raise no alert, since quoting and answering crisis language is
 * part of their role. Unsafe: it reads the author's posts without a policy
 * check, on behalf of the publishing use case.
 */
export async function unsafeScreenNewPost(tx: Executor, post: { authorId: string; authorIsModerator: boolean; inClosedGroup: boolean } & PostText): Promise<PostScreening> {
  if (post.authorIsModerator) return { pendingReason: null, crisis: null };

  const crisis = findCrisisLanguageInPost(post);
  if (crisis && !(await isModeratedNow(tx))) return { pendingReason: "crisis_out_of_hours", crisis };
  // Closed groups hold only members who have revealed themselves to each other, so their posts are not queued for strangers to read first.
  if (!post.inClosedGroup && (await isAmongFirstPosts(tx, post.authorId))) return { pendingReason: "first_posts", crisis };
  return { pendingReason: null, crisis };
}

/**
 * Check whether the author has fewer approved posts than the approval count. A post
 * counts when it is neither waiting nor hidden by a moderator. A post its
 * author deleted still counts: it was live before they removed it.
 */
async function isAmongFirstPosts(tx: Executor, authorId: string): Promise<boolean> {
  const { approvalPostCount } = await unsafeReadModerationSettings(tx);
  if (approvalPostCount === 0) return false;

  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(
      tx
        .select({ id: forumPosts.id })
        .from(forumPosts)
        .where(and(eq(forumPosts.authorId, authorId), isNull(forumPosts.pendingReason), isNull(forumPosts.hiddenAt)))
        .limit(approvalPostCount)
        .as("approved_posts"),
    );
  return Number(row?.count ?? 0) < approvalPostCount;
}

/**
 * Tell the moderators about a post the screening flagged: a crisis alert,
 * or else a post waiting for approval. A post with both gets the crisis alert
 * only, which links to its approval. Call it in the transaction that inserted
 * the post. Returns whether a crisis alert was raised.
 */
export async function unsafeFollowUpScreening(tx: Executor, input: { postId: string; threadId: string; authorId: string; screening: PostScreening }): Promise<boolean> {
  const { screening } = input;
  if (screening.crisis) {
    return unsafeRaiseCrisisAlert(tx, {
      postId: input.postId,
      threadId: input.threadId,
      writerId: input.authorId,
      finding: screening.crisis,
      held: screening.pendingReason === "crisis_out_of_hours",
    });
  }
  if (screening.pendingReason === "first_posts") {
    await unsafeNotifyModerators(tx, { kind: "moderation_pending_post", actorId: input.authorId, threadId: input.threadId, postId: input.postId });
  }
  return false;
}
