import { eq } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "./actor";
import { lockActiveAdministrators } from "./lock-active-administrators";
import { accounts } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { endAllSessions } from "../sessions";

/** Reason codes for disabling an account, kept in the audit log. The UI owns the words. */
export const disableReasons = ["requested_by_person", "left_service", "security_concern", "duplicate_account", "other"] as const;
export type DisableReason = (typeof disableReasons)[number];

export type DisableAccountResult =
  | { status: "disabled" }
  | { status: "unchanged" }
  | { status: "not_found" }
  | { status: "cannot_disable_self" }
  | { status: "last_administrator" }
  | { status: "invalid_reason" };

const disableInput = z.object({
  accountId: z.uuid(),
  // An empty select means no reason was given.
  reason: z.preprocess((value) => (value === "" ? undefined : value), z.enum(disableReasons).optional()),
});

/**
 * Disable an account: it can no longer sign in, and every session it has ends
 * in the same transaction, so the person is signed out everywhere at once.
 */
export async function disableAccount(db: Database, actor: Actor, input: { accountId: unknown; reason?: unknown }, now = new Date()): Promise<DisableAccountResult> {
  if (!can(actor, "accounts.disable")) return { status: "not_found" };

  const parsed = disableInput.safeParse(input);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "reason") ? { status: "invalid_reason" } : { status: "not_found" };
  const { accountId, reason } = parsed.data;
  if (accountId === actor.accountId) return { status: "cannot_disable_self" };

  return db.transaction(async (tx) => {
    // The administrator lock comes first in every transaction that takes it, so two of them cannot deadlock.
    const administrators = await lockActiveAdministrators(tx);
    const [target] = await tx.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!target) return { status: "not_found" };
    if (target.status === "disabled") return { status: "unchanged" };
    if (administrators.includes(accountId) && administrators.length === 1) return { status: "last_administrator" };

    await tx.update(accounts).set({ status: "disabled", disabledAt: now }).where(eq(accounts.id, accountId));
    await endAllSessions(tx, accountId);
    await recordAuditEvent(tx, { actorId: actor.accountId, action: "account.disabled", subjectType: "account", subjectId: accountId, details: { reason: reason ?? null } });
    return { status: "disabled" };
  });
}
