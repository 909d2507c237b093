import { and, eq, getTableName, inArray, or, SQL, sql, type AnyColumn } from "drizzle-orm";
import { z } from "zod";

import { notBlockedBetween } from "../forum/forum-visibility";
import { memberBlocks } from "../forum/schema";
import type { Actor } from "../identity/actor";
import { accounts } from "../identity/schema";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { cafeHasEnded, unsafeFindCafeAccess, type CafeAccess } from "./cafe-access";
import { cafeCompanyAcceptances, cafeCompanyMessages, cafeCompanyOffers } from "./schema";

/**
 * Shared rules of going together: who may see a kafé's offers and asks, who
 * may take part, and how the people in them are shown. Every company use
 * case asks these, so the rules cannot drift between the list, the offer
 * page and the notices.
 */

export type CompanyOfferRow = typeof cafeCompanyOffers.$inferSelect;

/** Answers that let a member see and use the kafé's offers. */
export const COMPANY_ANSWERS = ["coming", "maybe"] as const;

export const COMPANY_PLACE_MAX_LENGTH = 120;
export const COMPANY_NOTE_MAX_LENGTH = 300;
export const COMPANY_MESSAGE_MAX_LENGTH = 1000;
export const COMPANY_SEATS_MAX = 8;

export const companyIdSchema = z.uuid();

/** A member of the kafé's community who answered coming or maybe: sees offers, may offer, ask and accept. */
export function takesPartInCompany(access: CafeAccess): boolean {
  return access.inCommunity && access.answer !== null && (COMPANY_ANSWERS as readonly string[]).includes(access.answer);
}

/** Sees the kafé's offers: members who take part, and the community's peer moderators, who help match. */
export function seesCompany(access: CafeAccess): boolean {
  return takesPartInCompany(access) || access.moderatesCommunity;
}

export type CompanyAccess = { status: "open" | "cancelled"; access: CafeAccess } | { status: "ended"; access: CafeAccess } | { status: "not_found" };

/**
 * Find the actor's access to a kafé's going-together pages. The status is
 * "not_found" for everyone who may not see the offers, and "ended" once the
 * kafé is over, when nothing may be shown to anyone. It is "cancelled" when
 * the kafé is cancelled, which closes its offers.
 */
export async function unsafeFindCompanyAccess(executor: Executor, actor: Actor, cafeId: string, now: Date, options: { forUpdate?: boolean } = {}): Promise<CompanyAccess> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const access = await unsafeFindCafeAccess(executor, actor, cafeId, options);
  if (!access || access.cafe.approval !== "approved" || !seesCompany(access)) return { status: "not_found" };
  if (cafeHasEnded(access.cafe, now)) return { status: "ended", access };
  return { status: access.cafe.cancelledAt ? "cancelled" : "open", access };
}

/** Load an offer row by id, so the caller can check its kafé's rules. Unsafe: it checks no policy. */
export async function unsafeFindOffer(executor: Executor, offerId: string, options: { forUpdate?: boolean } = {}): Promise<CompanyOfferRow | null> {
  if (!companyIdSchema.safeParse(offerId).success) return null;
  const query = executor.select().from(cafeCompanyOffers).where(eq(cafeCompanyOffers.id, offerId));
  const [offer] = options.forUpdate ? await query.for("update") : await query;
  return offer ?? null;
}

/**
 * SQL condition: the viewer may see what the account in `accountColumn`
 * wrote. Peer moderators of the community see everything, so they can help
 * match. Members never see someone on either side of a block.
 */
export function companyAuthorVisible(access: CafeAccess, accountColumn: AnyColumn | SQL): SQL {
  return access.moderatesCommunity ? sql`true` : notBlockedBetween(access.actor.accountId, qualified(accountColumn));
}

/** True when neither account has blocked the other. */
export async function unsafeNotBlockedBetween(executor: Executor, viewerId: string, otherId: string): Promise<boolean> {
  const [block] = await executor
    .select({ blockerId: memberBlocks.blockerId })
    .from(memberBlocks)
    .where(
      or(and(eq(memberBlocks.blockerId, viewerId), eq(memberBlocks.blockedId, otherId)), and(eq(memberBlocks.blockerId, otherId), eq(memberBlocks.blockedId, viewerId))),
    )
    .limit(1);
  return block === undefined;
}

/**
 * Render a column with its table name, so it keeps pointing at the outer row
 * inside a subquery. Drizzle 0.45 leaves the table off in the select list of a one-table query.
 */
function qualified(column: AnyColumn | SQL): SQL {
  if (column instanceof SQL) return column;
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** SQL condition: the account in `accountColumn` still answers coming or maybe to the kafé. */
export function stillComing(cafeId: string, accountColumn: AnyColumn | SQL): SQL {
  return sql`exists (select 1 from cafe_rsvps as rsvp where rsvp.cafe_id = ${cafeId} and rsvp.account_id = ${qualified(accountColumn)} and rsvp.answer in ('coming', 'maybe'))`;
}

/** SQL expression: the account in `accountColumn` is a peer moderator of the community. */
export function moderatesCommunitySql(communityId: string, accountColumn: AnyColumn | SQL): SQL<boolean> {
  const account = qualified(accountColumn);
  return sql<boolean>`(exists (select 1 from account_roles as moderator_role where moderator_role.account_id = ${account} and moderator_role.role = 'peer_moderator')
    and exists (select 1 from community_memberships as moderator_membership where moderator_membership.account_id = ${account} and moderator_membership.community_id = ${communityId}))`;
}

/** SQL expression: the pseudonym of the account in `accountColumn`, or null for a former member. */
export function pseudonymOf(accountColumn: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select profile.pseudonym from member_profiles as profile inner join accounts as profile_account on profile_account.id = profile.account_id
    where profile.account_id = ${qualified(accountColumn)} and profile_account.status = 'active')`;
}

/** Acceptances that still count: from members who still answer coming or maybe. */
export async function unsafeCountLiveAcceptances(executor: Executor, offer: Pick<CompanyOfferRow, "id" | "cafeId">): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number | string>`count(*)` })
    .from(cafeCompanyAcceptances)
    .where(and(eq(cafeCompanyAcceptances.offerId, offer.id), stillComing(offer.cafeId, cafeCompanyAcceptances.accountId)));
  return Number(row?.count ?? 0);
}

/** Seats still free in a ride offered; null when the offer has no seat limit (a walk, or an ask). */
export function seatsLeft(offer: Pick<CompanyOfferRow, "kind" | "direction" | "seats">, accepted: number): number | null {
  if (offer.kind !== "ride" || offer.direction !== "offer" || offer.seats === null) return null;
  return Math.max(0, offer.seats - accepted);
}

/**
 * List who gets a notice about something new in an offer: its author,
 * everyone who accepted it and everyone who wrote in it. Only those who may
 * still see it are kept, and the actor and anyone on either side of a block
 * with the actor are left out.
 */
export async function unsafeListOfferParticipants(executor: Executor, access: CafeAccess, offer: CompanyOfferRow): Promise<string[]> {
  const [accepted, wrote] = await Promise.all([
    executor.select({ accountId: cafeCompanyAcceptances.accountId }).from(cafeCompanyAcceptances).where(eq(cafeCompanyAcceptances.offerId, offer.id)),
    executor.selectDistinct({ accountId: cafeCompanyMessages.authorId }).from(cafeCompanyMessages).where(eq(cafeCompanyMessages.offerId, offer.id)),
  ]);
  const candidates = [...new Set([offer.authorId, ...accepted.map((row) => row.accountId), ...wrote.map((row) => row.accountId)])].filter(
    (id): id is string => id !== null && id !== access.actor.accountId,
  );
  if (candidates.length === 0) return [];

  const visible = await executor
    .select({ accountId: accounts.id })
    .from(accounts)
    .where(
      and(
        inArray(accounts.id, candidates),
        eq(accounts.status, "active"),
        sql`(${stillComing(offer.cafeId, accounts.id)} or ${moderatesCommunitySql(access.cafe.communityId, accounts.id)})`,
        notBlockedBetween(access.actor.accountId, accounts.id),
      ),
    );
  return visible.map((row) => row.accountId);
}
