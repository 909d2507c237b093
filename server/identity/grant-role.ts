import { eq } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "./actor";
import { roles } from "./roles";
import { accountRoles, accounts } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type GrantRoleResult = { status: "granted" } | { status: "unchanged" } | { status: "not_found" } | { status: "invalid_role" };

const grantInput = z.object({ accountId: z.uuid(), role: z.enum(roles) });

/** Give an account one more role. The change applies from the person's next page view. */
export async function grantRole(db: Database, actor: Actor, input: { accountId: unknown; role: unknown }, now = new Date()): Promise<GrantRoleResult> {
  if (!can(actor, "roles.manage")) return { status: "not_found" };

  const parsed = grantInput.safeParse(input);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "role") ? { status: "invalid_role" } : { status: "not_found" };
  const { accountId, role } = parsed.data;

  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
    if (!target) return { status: "not_found" };

    const granted = await tx.insert(accountRoles).values({ accountId, role, grantedAt: now }).onConflictDoNothing().returning({ role: accountRoles.role });
    if (granted.length === 0) return { status: "unchanged" };

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "role.granted", subjectType: "account", subjectId: accountId, details: { role } });
    return { status: "granted" };
  });
}
