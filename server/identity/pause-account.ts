import { eq } from "drizzle-orm";

import type { Actor } from "./actor";
import { accounts } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { unsafeEndModeratorDuty } from "../moderation/end-moderator-duty";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { endAllSessions } from "../sessions";

export type PauseAccountResult = { status: "paused" } | { status: "unchanged" } | { status: "not_found" };

/**
 * Pause the actor's own account so they can take a break. In one transaction
 * the account is marked paused, every session it has ends (the person is
 * signed out on every device), a peer moderator goes off duty, and the audit
 * log records it. Nothing the person wrote is hidden or deleted. While paused
 * the person is not mentioned, notified of forum posts or e-mailed, because
 * those senders filter with `accountReachable`. Pausing again changes nothing
 * but signs out any session left, so a double submit is harmless.
 */
export async function pauseAccount(db: Database, actor: Actor, now = new Date()): Promise<PauseAccountResult> {
  if (!can(actor, "account.pause")) return { status: "not_found" };
  const accountId = actor.accountId;

  return db.transaction(async (tx) => {
    const [account] = await tx.select({ pausedAt: accounts.pausedAt }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account) return { status: "not_found" };
    if (account.pausedAt) {
      await endAllSessions(tx, accountId);
      return { status: "unchanged" };
    }

    await tx.update(accounts).set({ pausedAt: now }).where(eq(accounts.id, accountId));
    const sessionsEnded = await endAllSessions(tx, accountId);
    await unsafeEndModeratorDuty(tx, { accountId, actorId: accountId, trigger: "account_paused" });

    await recordAuditEvent(tx, { actorId: accountId, action: "account.paused", subjectType: "account", subjectId: accountId, details: { sessionsEnded } });
    return { status: "paused" };
  });
}
