import { eq } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "./actor";
import { accounts } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { endAllSessions } from "../sessions";

/** Reason codes for enabling an account again, kept in the audit log. The UI owns the words. */
export const enableReasons = ["returned_to_service", "disabled_by_mistake", "other"] as const;
export type EnableReason = (typeof enableReasons)[number];

export type EnableAccountResult = { status: "enabled" } | { status: "unchanged" } | { status: "not_found" } | { status: "invalid_reason" };

const enableInput = z.object({
  accountId: z.uuid(),
  reason: z.preprocess((value) => (value === "" ? undefined : value), z.enum(enableReasons).optional()),
});

/**
 * Enable a disabled account so the person can sign in again. Any session row
 * left from before is ended in the same transaction, so the person starts
 * with a fresh sign-in.
 */
export async function enableAccount(db: Database, actor: Actor, input: { accountId: unknown; reason?: unknown }): Promise<EnableAccountResult> {
  if (!can(actor, "accounts.disable")) return { status: "not_found" };

  const parsed = enableInput.safeParse(input);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "reason") ? { status: "invalid_reason" } : { status: "not_found" };
  const { accountId, reason } = parsed.data;

  return db.transaction(async (tx) => {
    const [target] = await tx.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!target) return { status: "not_found" };
    if (target.status === "active") return { status: "unchanged" };

    await tx.update(accounts).set({ status: "active", disabledAt: null }).where(eq(accounts.id, accountId));
    await endAllSessions(tx, accountId);
    await recordAuditEvent(tx, { actorId: actor.accountId, action: "account.enabled", subjectType: "account", subjectId: accountId, details: { reason: reason ?? null } });
    return { status: "enabled" };
  });
}
