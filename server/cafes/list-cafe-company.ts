import { and, asc, eq, sql } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Database, Executor } from "../platform/db";
import type { CafeAccess } from "./cafe-access";
import { companyAuthorVisible, pseudonymOf, seatsLeft, seesCompany, stillComing, takesPartInCompany, unsafeFindCompanyAccess, type CompanyOfferRow } from "./company-access";
import { cafeCompanyAcceptances, cafeCompanyOffers } from "./schema";

/** One offer or ask as a list shows it: the author by pseudonym only. */
export interface CompanyOfferSummary {
  id: string;
  kind: CompanyOfferRow["kind"];
  direction: CompanyOfferRow["direction"];
  place: string;
  meetAt: Date | null;
  seats: number | null;
  note: string | null;
  /** Null when the author's account is gone. */
  author: string | null;
  isOwn: boolean;
  acceptedCount: number;
  /** Free seats in a ride offered; null for walks and asks. */
  seatsLeft: number | null;
  acceptedByViewer: boolean;
  closed: boolean;
  createdAt: Date;
}

/** The kafé as the going-together pages name it. */
export interface CompanyCafe {
  id: string;
  title: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
}

export type ListCafeCompanyResult =
  | {
      status: "listed";
      cafe: CompanyCafe;
      offers: CompanyOfferSummary[];
      /** The viewer answered coming or maybe and may offer, ask and accept. */
      takesPart: boolean;
      /** The viewer is a peer moderator of the community, who sees every offer and helps match. */
      moderates: boolean;
      cancelled: boolean;
    }
  | { status: "ended"; cafe: Pick<CompanyCafe, "id" | "title"> }
  | { status: "not_found" };

/**
 * The offers and asks of one kafé, for the members of its community who
 * answered coming or maybe and for its peer moderators. Once the kafé has
 * ended nothing is listed to anyone.
 */
export async function listCafeCompany(db: Database, actor: Actor, cafeId: string, now: Date): Promise<ListCafeCompanyResult> {
  const found = await unsafeFindCompanyAccess(db, actor, cafeId, now);
  if (found.status === "not_found") return found;
  const { access } = found;
  if (found.status === "ended") return { status: "ended", cafe: { id: access.cafe.id, title: access.cafe.title } };

  const offers = await unsafeListVisibleOffers(db, access);
  return {
    status: "listed",
    cafe: presentCompanyCafe(access),
    offers,
    takesPart: takesPartInCompany(access),
    moderates: access.moderatesCommunity,
    cancelled: found.status === "cancelled",
  };
}

export function presentCompanyCafe(access: CafeAccess): CompanyCafe {
  const { cafe } = access;
  return { id: cafe.id, title: cafe.title, placeName: cafe.placeName, startsAt: cafe.startsAt, endsAt: cafe.endsAt };
}

/**
 * Offers the viewer may see, open ones first and then by when they were made.
 * A member sees an offer only while its author still answers coming or maybe,
 * and never one from someone on either side of a block. Unsafe: the caller
 * has checked `seesCompany`.
 */
export async function unsafeListVisibleOffers(db: Executor, access: CafeAccess, offerId?: string): Promise<CompanyOfferSummary[]> {
  if (!seesCompany(access)) return [];
  const viewerId = access.actor.accountId;
  const rows = await db
    .select({
      offer: cafeCompanyOffers,
      author: pseudonymOf(cafeCompanyOffers.authorId),
      acceptedCount: sql<number | string>`(select count(*) from ${cafeCompanyAcceptances} where ${cafeCompanyAcceptances.offerId} = ${cafeCompanyOffers.id} and ${stillComing(access.cafe.id, cafeCompanyAcceptances.accountId)})`,
      acceptedByViewer: sql<boolean>`exists (select 1 from ${cafeCompanyAcceptances} where ${cafeCompanyAcceptances.offerId} = ${cafeCompanyOffers.id} and ${cafeCompanyAcceptances.accountId} = ${viewerId})`,
    })
    .from(cafeCompanyOffers)
    .where(
      and(
        eq(cafeCompanyOffers.cafeId, access.cafe.id),
        offerId ? eq(cafeCompanyOffers.id, offerId) : undefined,
        sql`(${cafeCompanyOffers.authorId} = ${viewerId} or ${stillComing(access.cafe.id, cafeCompanyOffers.authorId)})`,
        companyAuthorVisible(access, cafeCompanyOffers.authorId),
      ),
    )
    .orderBy(sql`${cafeCompanyOffers.closedAt} is not null`, asc(cafeCompanyOffers.createdAt), asc(cafeCompanyOffers.id));

  return rows.map(({ offer, author, acceptedCount, acceptedByViewer }) => {
    const accepted = Number(acceptedCount);
    return {
      id: offer.id,
      kind: offer.kind,
      direction: offer.direction,
      place: offer.place,
      meetAt: offer.meetAt,
      seats: offer.seats,
      note: offer.note,
      author,
      isOwn: offer.authorId === viewerId,
      acceptedCount: accepted,
      seatsLeft: seatsLeft(offer, accepted),
      acceptedByViewer: acceptedByViewer === true || (acceptedByViewer as unknown) === "t",
      closed: offer.closedAt !== null,
      createdAt: offer.createdAt,
    };
  });
}
