import { and, asc, eq } from "drizzle-orm";

import { accountRoles, accounts } from "./schema";
import type { Transaction } from "../platform/db";

/**
 * Lock and return the ids of every active administrator, in id order.
 *
 * Concurrency: every change that could leave the deployment without an
 * administrator (disabling an account, revoking the administrator role) takes
 * this lock first. Two administrators removing each other at the same moment
 * then run one after the other, and the second reads the first change. Taking
 * the rows in id order keeps the lock order the same in every transaction.
 */
export async function lockActiveAdministrators(tx: Transaction): Promise<string[]> {
  const rows = await tx
    .select({ accountId: accounts.id })
    .from(accounts)
    .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
    .where(and(eq(accountRoles.role, "administrator"), eq(accounts.status, "active")))
    .orderBy(asc(accounts.id))
    .for("update");
  return rows.map((row) => row.accountId);
}
