import { eq } from "drizzle-orm";

import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { accounts, identities } from "./schema";

/**
 * The e-mail address and language of an active account, for a notification
 * e-mail. Unsafe: it checks no policy, so only the notification sender, which
 * mails a person about their own notifications, may call it.
 */
export async function unsafeFindEmailRecipient(db: Executor, keys: KeyRing, accountId: string): Promise<{ address: string; locale: "nb" | "nn" | "en" | null } | null> {
  const [row] = await db
    .select({ emailEncrypted: identities.emailEncrypted, locale: accounts.locale, status: accounts.status })
    .from(accounts)
    .innerJoin(identities, eq(identities.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  if (!row || row.status !== "active" || !row.emailEncrypted) return null;
  return { address: decryptText(keys, row.emailEncrypted), locale: row.locale };
}
