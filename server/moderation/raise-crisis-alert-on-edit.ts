import { eq } from "drizzle-orm";

import { unsafeRaiseCrisisAlert } from "./raise-crisis-alert";
import { crisisAlerts } from "./schema";
import { findCrisisLanguageInPost, type PostText } from "./screen-new-post";
import type { Executor } from "../platform/db";

/**
 * Check an edited post for crisis language and raise its first alert. A post
 * that already has an alert is not checked again: its moderators already know.
 * NOTE: an edit does not take a live post back to wait for a moderator out of
 * hours, because readers may already have replied to it. The alert still goes
 * out, and the writer still sees the crisis panel. Unsafe: call it in the
 * transaction of the writer's own edit. Returns whether an alert was raised.
 */
export async function unsafeRaiseCrisisAlertOnEdit(tx: Executor, input: { postId: string; threadId: string; writerId: string; text: PostText }): Promise<boolean> {
  const [existing] = await tx.select({ id: crisisAlerts.id }).from(crisisAlerts).where(eq(crisisAlerts.postId, input.postId));
  if (existing) return false;

  const finding = findCrisisLanguageInPost(input.text);
  if (!finding) return false;
  return unsafeRaiseCrisisAlert(tx, { postId: input.postId, threadId: input.threadId, writerId: input.writerId, finding, held: false });
}
