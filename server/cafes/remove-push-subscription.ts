import { and, eq } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { pushSubscriptions } from "./schema";

export type RemovePushSubscriptionResult = { status: "removed" } | { status: "not_found" };

/** Stop web push to one of the member's own devices. Someone else's device, or one already gone, is `not_found`. */
export async function removePushSubscription(db: Executor, actor: Actor, input: { subscriptionId: unknown }): Promise<RemovePushSubscriptionResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const parsed = z.uuid().safeParse(input.subscriptionId);
  if (!parsed.success) return { status: "not_found" };

  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, parsed.data), eq(pushSubscriptions.accountId, actor.accountId)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0 ? { status: "removed" } : { status: "not_found" };
}
