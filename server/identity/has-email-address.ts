import { and, eq, isNotNull } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { identities } from "./schema";

/**
 * True when the portal holds an e-mail address for the account, checked by
 * the lookup column without decrypting anything. Unsafe: it checks no policy,
 * so only a use case that has already authorized the actor may call it.
 */
export async function unsafeHasEmailAddress(db: Executor, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ accountId: identities.accountId })
    .from(identities)
    .where(and(eq(identities.accountId, accountId), isNotNull(identities.emailLookup)));
  return row !== undefined;
}
