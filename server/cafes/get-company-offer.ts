import { and, asc, eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { companyAuthorVisible, moderatesCommunitySql, pseudonymOf, stillComing, takesPartInCompany, unsafeFindCompanyAccess, unsafeFindOffer } from "./company-access";
import { presentCompanyCafe, unsafeListVisibleOffers, type CompanyCafe, type CompanyOfferSummary } from "./list-cafe-company";
import { cafeCompanyAcceptances, cafeCompanyMessages } from "./schema";

export interface CompanyMessage {
  id: string;
  /** Null when the writer's account is gone. */
  author: string | null;
  isOwn: boolean;
  /** Written by a peer moderator of the community, helping to match. */
  fromModerator: boolean;
  body: string;
  createdAt: Date;
}

export type GetCompanyOfferResult =
  | {
      status: "found";
      cafe: CompanyCafe;
      offer: CompanyOfferSummary;
      messages: CompanyMessage[];
      /** Pseudonyms of those who accepted, for the offer's author and the peer moderators; null for everyone else. */
      acceptedBy: string[] | null;
      moderates: boolean;
      cancelled: boolean;
      mayWrite: boolean;
      mayAccept: boolean;
      mayWithdraw: boolean;
      mayClose: boolean;
    }
  | { status: "ended"; cafe: Pick<CompanyCafe, "id" | "title"> }
  | { status: "not_found" };

/**
 * One offer or ask with its short conversation. Seen by the same people as
 * the kafé's list; messages from someone on either side of a block are left
 * out for members. Nothing is shown once the kafé has ended.
 */
export async function getCompanyOffer(db: Database, actor: Actor, offerId: string, now: Date): Promise<GetCompanyOfferResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const row = await unsafeFindOffer(db, offerId);
  if (!row) return { status: "not_found" };

  const found = await unsafeFindCompanyAccess(db, actor, row.cafeId, now);
  if (found.status === "not_found") return found;
  const { access } = found;
  if (found.status === "ended") return { status: "ended", cafe: { id: access.cafe.id, title: access.cafe.title } };

  const [offer] = await unsafeListVisibleOffers(db, access, row.id);
  if (!offer) return { status: "not_found" };

  const messageRows = await db
    .select({
      id: cafeCompanyMessages.id,
      authorId: cafeCompanyMessages.authorId,
      author: pseudonymOf(cafeCompanyMessages.authorId),
      fromModerator: moderatesCommunitySql(access.cafe.communityId, cafeCompanyMessages.authorId),
      body: cafeCompanyMessages.body,
      createdAt: cafeCompanyMessages.createdAt,
    })
    .from(cafeCompanyMessages)
    .where(and(eq(cafeCompanyMessages.offerId, row.id), companyAuthorVisible(access, cafeCompanyMessages.authorId)))
    .orderBy(asc(cafeCompanyMessages.createdAt), asc(cafeCompanyMessages.id));

  const seesWhoAccepted = offer.isOwn || access.moderatesCommunity;
  const acceptedBy = seesWhoAccepted
    ? (
        await db
          .select({ author: pseudonymOf(cafeCompanyAcceptances.accountId) })
          .from(cafeCompanyAcceptances)
          .where(
            and(
              eq(cafeCompanyAcceptances.offerId, row.id),
              stillComing(access.cafe.id, cafeCompanyAcceptances.accountId),
              companyAuthorVisible(access, cafeCompanyAcceptances.accountId),
            ),
          )
          .orderBy(asc(cafeCompanyAcceptances.createdAt))
      )
        .map((acceptance) => acceptance.author)
        .filter((pseudonym): pseudonym is string => pseudonym !== null)
    : null;

  const open = found.status === "open";
  const takesPart = takesPartInCompany(access) && actor.kind === "person" && actor.hasMemberProfile;
  return {
    status: "found",
    cafe: presentCompanyCafe(access),
    offer,
    messages: messageRows.map((message) => ({
      id: message.id,
      author: message.author,
      isOwn: message.authorId === access.actor.accountId,
      fromModerator: message.fromModerator === true || (message.fromModerator as unknown) === "t",
      body: message.body,
      createdAt: message.createdAt,
    })),
    acceptedBy,
    moderates: access.moderatesCommunity,
    cancelled: found.status === "cancelled",
    mayWrite: open && (takesPart || access.moderatesCommunity) && access.actor.hasMemberProfile,
    mayAccept: open && takesPart && !offer.isOwn && !offer.closed && !offer.acceptedByViewer && offer.seatsLeft !== 0,
    mayWithdraw: open && offer.acceptedByViewer,
    mayClose: open && offer.isOwn && !offer.closed,
  };
}
