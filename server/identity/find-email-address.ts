import { and, eq } from "drizzle-orm";

import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { accountReachable } from "./account-reachability";
import { accounts, identities } from "./schema";

/**
 * The e-mail address and language of an active account that is not taking a
 * break, for a notification e-mail. Returns null for any other account, so
 * the sender marks its notifications handled and mails nothing. Unsafe: it
 * checks no policy, so only the notification sender, which mails a person
 * about their own notifications, may call it.
 */
export async function unsafeFindEmailRecipient(db: Executor, keys: KeyRing, accountId: string): Promise<{ address: string; locale: "nb" | "nn" | "en" | null } | null> {
  const [row] = await db
    .select({ emailEncrypted: identities.emailEncrypted, locale: accounts.locale })
    .from(accounts)
    .innerJoin(identities, eq(identities.accountId, accounts.id))
    .where(and(eq(accounts.id, accountId), accountReachable()));
  if (!row || !row.emailEncrypted) return null;
  return { address: decryptText(keys, row.emailEncrypted), locale: row.locale };
}
