import { and, eq, isNull, type SQL } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { accounts } from "./schema";

/**
 * SQL condition on a query that includes `accounts`: the account is active
 * and not taking a break. Only such accounts may be mentioned, notified or
 * e-mailed. Every sender of notifications and mail filters with this
 * condition, so a paused person receives nothing from any of them.
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
