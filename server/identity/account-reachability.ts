import { and, eq, isNull, type SQL } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { accounts } from "./schema";

/**
 * SQL condition on a query that includes `accounts`: the account is active
 * and not taking a break, so it may be mentioned, notified or e-mailed.
 * Mentions, forum notifications, notification e-mail and closed-group
 * invitation lists filter with it, and any new sender of mail should too.
 */
export function accountReachable(): SQL {
  return and(eq(accounts.status, "active"), isNull(accounts.pausedAt))!;
}

/**
 * True when the account is active and not taking a break. Unsafe: it checks
 * no policy and reveals a person's break, so only a sender deciding whether
 * to notify or mail that person may call it, and must not show the result.
 */
export async function unsafeIsAccountReachable(db: Executor, accountId: string): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, accountId), accountReachable()));
  return row !== undefined;
}
