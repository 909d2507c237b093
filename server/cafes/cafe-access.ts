import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { communityMemberships } from "../communities/schema";
import type { Actor, PersonActor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { cafeRsvps, cafes } from "./schema";

export type CafeRow = typeof cafes.$inferSelect;
export type CafeAnswer = (typeof cafeRsvps.$inferSelect)["answer"];

/** What one person may do with one kafé, and their own answer to it. */
export interface CafeAccess {
  actor: PersonActor;
  cafe: CafeRow;
  /** The person belongs to the kafé's community: they see the address and may answer. */
  inCommunity: boolean;
  /** The kafé's host (a peer moderator), or the member who proposed a meet-up. */
  isHost: boolean;
  /** A peer moderator of the kafé's community: sees pseudonyms, helps match company, approves meet-ups. */
  moderatesCommunity: boolean;
  answer: CafeAnswer | null;
}

const cafeIdSchema = z.uuid();

/**
 * Load a kafé with the actor's relation to it, or null when the actor may not
 * see it at all. Providers, administrators and researchers never see one. A
 * meet-up that waits for approval or was declined is seen only by its
 * proposer and the community's peer moderators. Members of other communities get the kafé
 * (a forum thread may link to it) but must not be shown its place details:
 * callers check `inCommunity` before presenting address, directions or
 * accessibility notes.
 */
export async function unsafeFindCafeAccess(executor: Executor, actor: Actor, cafeId: string, options: { forUpdate?: boolean } = {}): Promise<CafeAccess | null> {
  if (!can(actor, "cafes.read") || !cafeIdSchema.safeParse(cafeId).success) return null;

  const query = executor.select().from(cafes).where(eq(cafes.id, cafeId));
  const [cafe] = options.forUpdate ? await query.for("update") : await query;
  if (!cafe) return null;

  const [membership] = await executor
    .select({ accountId: communityMemberships.accountId })
    .from(communityMemberships)
    .where(and(eq(communityMemberships.accountId, actor.accountId), eq(communityMemberships.communityId, cafe.communityId)));
  const inCommunity = membership !== undefined;
  const moderatesCommunity = inCommunity && can(actor, "cafes.host");
  const isHost = cafe.hostId === actor.accountId;

  if (cafe.approval !== "approved" && !isHost && !moderatesCommunity) return null;

  const [rsvp] = await executor
    .select({ answer: cafeRsvps.answer })
    .from(cafeRsvps)
    .where(and(eq(cafeRsvps.cafeId, cafe.id), eq(cafeRsvps.accountId, actor.accountId)));

  return { actor, cafe, inCommunity, isHost, moderatesCommunity, answer: rsvp?.answer ?? null };
}

/** List the communities the person belongs to, for lists of "my community's kaféer". */
export async function unsafeListOwnCommunityIds(executor: Executor, accountId: string): Promise<string[]> {
  const rows = await executor.select({ communityId: communityMemberships.communityId }).from(communityMemberships).where(eq(communityMemberships.accountId, accountId));
  return rows.map((row) => row.communityId);
}

/** True once the kafé has started: answers can no longer change. */
export function cafeHasStarted(cafe: Pick<CafeRow, "startsAt">, now: Date): boolean {
  return cafe.startsAt.getTime() <= now.getTime();
}

/** True once the kafé has ended: company offers disappear and attendance can be registered. */
export function cafeHasEnded(cafe: Pick<CafeRow, "endsAt">, now: Date): boolean {
  return cafe.endsAt.getTime() <= now.getTime();
}
