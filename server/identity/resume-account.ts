import { eq } from "drizzle-orm";

import type { Actor } from "./actor";
import { accounts } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type ResumeAccountResult = { status: "resumed" } | { status: "unchanged" } | { status: "not_found" };

/**
 * End the actor's break: the account is reachable again for mentions,
 * notifications and e-mail from now on. The session the person signed in
 * with stays, and the audit log records the return. Resuming an account that
 * is not paused changes nothing, so a double submit is harmless.
 */
export async function resumeAccount(db: Database, actor: Actor): Promise<ResumeAccountResult> {
  if (!can(actor, "account.pause")) return { status: "not_found" };
  const accountId = actor.accountId;

  return db.transaction(async (tx) => {
    const [account] = await tx.select({ pausedAt: accounts.pausedAt }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!account) return { status: "not_found" };
    if (!account.pausedAt) return { status: "unchanged" };

    await tx.update(accounts).set({ pausedAt: null }).where(eq(accounts.id, accountId));

    // NOTE: forum replies and mentions from the break are not delivered afterwards, because none were recorded for a paused account.
    await recordAuditEvent(tx, { actorId: accountId, action: "account.resumed", subjectType: "account", subjectId: accountId, details: { pausedAt: account.pausedAt.toISOString() } });
    return { status: "resumed" };
  });
}
