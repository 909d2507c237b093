import { and, eq } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "./actor";
import { lockActiveAdministrators } from "./lock-active-administrators";
import { roles } from "./roles";
import { accountRoles, accounts } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type RevokeRoleResult =
  | { status: "revoked" }
  | { status: "unchanged" }
  | { status: "not_found" }
  | { status: "invalid_role" }
  | { status: "last_administrator" }
  | { status: "last_role" };

const revokeInput = z.object({ accountId: z.uuid(), role: z.enum(roles) });

/**
 * Take a role away from an account. The last active administrator keeps the
 * role, so the deployment always has someone who can manage it. An account
 * keeps at least one role: to stop someone using the portal, disable the account.
 */
export async function revokeRole(db: Database, actor: Actor, input: { accountId: unknown; role: unknown }): Promise<RevokeRoleResult> {
  if (!can(actor, "roles.manage")) return { status: "not_found" };

  const parsed = revokeInput.safeParse(input);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "role") ? { status: "invalid_role" } : { status: "not_found" };
  const { accountId, role } = parsed.data;

  return db.transaction(async (tx) => {
    // The administrator lock comes first in every transaction that takes it, so two of them cannot deadlock.
    const administrators = role === "administrator" ? await lockActiveAdministrators(tx) : [];
    const [target] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!target) return { status: "not_found" };

    const held = await tx.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountId));
    if (!held.some((row) => row.role === role)) return { status: "unchanged" };
    if (role === "administrator" && administrators.includes(accountId) && administrators.length === 1) return { status: "last_administrator" };
    if (held.length === 1) return { status: "last_role" };

    await tx.delete(accountRoles).where(and(eq(accountRoles.accountId, accountId), eq(accountRoles.role, role)));
    await recordAuditEvent(tx, { actorId: actor.accountId, action: "role.revoked", subjectType: "account", subjectId: accountId, details: { role } });
    return { status: "revoked" };
  });
}
