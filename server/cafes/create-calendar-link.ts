import { eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { decryptText, encryptText, type KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { calendarTokenLookup, newCalendarToken } from "./calendar-token";
import { cafeSettings } from "./schema";

export type CreateCalendarLinkResult = { status: "created" | "kept"; token: string } | { status: "not_found" };

/**
 * Give the member a calendar subscription link, or a new one in place of
 * the old, which stops working at once. `replacing` is the creation time
 * (ISO 8601) of the link the form showed: a link that is already gone, or
 * a create when one exists, keeps the current link, so a form sent twice
 * makes one new link.
 */
export async function createCalendarLink(db: Database, keys: KeyRing, actor: Actor, input: { replacing: unknown }, now: Date): Promise<CreateCalendarLinkResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const replacing = typeof input.replacing === "string" && input.replacing !== "" ? input.replacing : null;

  return db.transaction(async (tx) => {
    await tx.insert(cafeSettings).values({ accountId: actor.accountId }).onConflictDoNothing();
    const [current] = await tx
      .select({ tokenEncrypted: cafeSettings.calendarTokenEncrypted, createdAt: cafeSettings.calendarTokenCreatedAt })
      .from(cafeSettings)
      .where(eq(cafeSettings.accountId, actor.accountId))
      .for("update");

    const existing = current?.tokenEncrypted && current.createdAt ? { token: decryptText(keys, current.tokenEncrypted), createdAt: current.createdAt } : null;
    if (existing && existing.createdAt.toISOString() !== replacing) return { status: "kept", token: existing.token } as const;

    const token = newCalendarToken();
    await tx
      .update(cafeSettings)
      .set({ calendarTokenEncrypted: encryptText(keys, token), calendarTokenLookup: calendarTokenLookup(token), calendarTokenCreatedAt: now })
      .where(eq(cafeSettings.accountId, actor.accountId));
    return { status: "created", token } as const;
  });
}
