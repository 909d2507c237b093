import { crisisAlerts } from "./schema";
import type { CrisisLanguageFinding } from "./crisis-language/detect-crisis-language";
import { unsafeNotifyModerators } from "./notify-moderators";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Executor } from "../platform/db";

/**
 * Raise a crisis alert on a post, audit it and tell every peer moderator. The
 * portal raises it, not a person, so the audit event has no actor. A post gets
 * at most one alert; raising again returns false and does nothing. Unsafe:
 * call it in the transaction that wrote the post, on the writer's behalf.
 */
export async function unsafeRaiseCrisisAlert(
  tx: Executor,
  input: { postId: string; threadId: string; writerId: string; finding: CrisisLanguageFinding; held: boolean },
): Promise<boolean> {
  const [alert] = await tx
    .insert(crisisAlerts)
    .values({ postId: input.postId, writerId: input.writerId, categories: input.finding.categories, ruleIds: input.finding.ruleIds, heldForModerator: input.held })
    .onConflictDoNothing({ target: crisisAlerts.postId })
    .returning({ id: crisisAlerts.id });
  if (!alert) return false;

  await recordAuditEvent(tx, {
    actorId: null,
    action: "moderation.crisis_alert_raised",
    subjectType: "crisis_alert",
    subjectId: alert.id,
    details: { postId: input.postId, threadId: input.threadId, categories: input.finding.categories.join(","), held: input.held },
  });
  await unsafeNotifyModerators(tx, { kind: "moderation_crisis_alert", actorId: input.writerId, threadId: input.threadId, postId: input.postId });
  return true;
}
