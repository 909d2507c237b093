import { and, count, eq, ne } from "drizzle-orm";
import { isIP } from "node:net";
import { z } from "zod";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { PUSH_DEVICES_MAX_PER_MEMBER } from "./reminder-offset-choices";
import { pushSubscriptions } from "./schema";

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

const inputSchema = z.object({
  endpoint: z.string().max(2048).pipe(z.url({ protocol: /^https$/ })),
  // An uncompressed P-256 public key is 65 bytes (88 characters of base64url with padding at most).
  p256dh: z.string().min(86).max(88).regex(base64url),
  // The authentication secret is 16 bytes.
  auth: z.string().min(22).max(24).regex(base64url),
});

export type SavePushSubscriptionInput = { endpoint: unknown; p256dh: unknown; auth: unknown };
export type SavePushSubscriptionResult = { status: "saved" } | { status: "invalid" } | { status: "too_many_devices" } | { status: "not_found" };

/**
 * Store one browser's web push subscription for the member, or refresh it:
 * the endpoint is unique, so subscribing again on the same browser updates
 * its keys, and a browser last used by someone else now belongs to this
 * member. The portal will post to the endpoint, so only https:// URLs to a
 * named host are accepted. `allowAddressHosts` also accepts IP addresses and
 * localhost, for tests on 127.0.0.1, and must stay off in production.
 */
export async function savePushSubscription(db: Database, actor: Actor, input: SavePushSubscriptionInput, options: { allowAddressHosts: boolean }): Promise<SavePushSubscriptionResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { endpoint, p256dh, auth } = parsed.data;

  const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, "");
  const namedHost = isIP(host) === 0 && host !== "localhost" && !host.endsWith(".localhost") && host.includes(".");
  if (!namedHost && !options.allowAddressHosts) return { status: "invalid" };
  if (Buffer.from(p256dh, "base64url").length !== 65 || Buffer.from(auth, "base64url").length !== 16) return { status: "invalid" };

  return db.transaction(async (tx) => {
    const [others] = await tx
      .select({ value: count() })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.accountId, actor.accountId), ne(pushSubscriptions.endpoint, endpoint)));
    if (Number(others?.value ?? 0) >= PUSH_DEVICES_MAX_PER_MEMBER) return { status: "too_many_devices" };

    await tx
      .insert(pushSubscriptions)
      .values({ accountId: actor.accountId, endpoint, p256dh, auth })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { accountId: actor.accountId, p256dh, auth } });
    return { status: "saved" };
  });
}
