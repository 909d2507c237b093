import { eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { cafeSettings } from "./schema";

export type RevokeCalendarLinkResult = { status: "revoked" } | { status: "not_found" };

/** Delete the member's calendar subscription link: the feed answers "not found" from now on. Revoking when there is no link does nothing. */
export async function revokeCalendarLink(executor: Executor, actor: Actor): Promise<RevokeCalendarLinkResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  await executor
    .update(cafeSettings)
    .set({ calendarTokenEncrypted: null, calendarTokenLookup: null, calendarTokenCreatedAt: null })
    .where(eq(cafeSettings.accountId, actor.accountId));
  return { status: "revoked" };
}
