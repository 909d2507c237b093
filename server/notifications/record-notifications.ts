import type { Executor } from "../platform/db";
import { notifications } from "./schema";

export type NotificationKind =
  | "forum_reply"
  | "forum_mention"
  | "forum_new_thread"
  // To peer moderators: something waits in the moderation view.
  | "moderation_report"
  | "moderation_crisis_alert"
  | "moderation_pending_post"
  // To a member: the outcome of a moderator's decision that concerns them.
  | "moderation_post_hidden"
  | "moderation_post_restored"
  | "moderation_post_approved"
  | "moderation_post_edited"
  | "moderation_warning"
  | "moderation_suspension";

export interface NotificationInput {
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  threadId?: string;
  postId?: string;
}

/**
 * Insert notifications. Unsafe: the calling use case has already decided
 * that each recipient may see the subject. Call it in the transaction of the
 * change, so a post and its notifications land together.
 */
export async function unsafeRecordNotifications(db: Executor, inputs: readonly NotificationInput[]) {
  if (inputs.length === 0) return;
  await db.insert(notifications).values(inputs.map((input) => ({ ...input })));
}
