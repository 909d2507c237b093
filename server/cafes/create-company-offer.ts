import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "../identity/actor";
import { unsafeFindActiveSuspension } from "../moderation/find-active-suspension";
import type { Database } from "../platform/db";
import { portalLocalTimeToInstant } from "../platform/portal-time";
import { can } from "../policy";
import { COMPANY_NOTE_MAX_LENGTH, COMPANY_PLACE_MAX_LENGTH, COMPANY_SEATS_MAX, takesPartInCompany, unsafeFindCompanyAccess } from "./company-access";
import { cafeCompanyOffers } from "./schema";

export type CompanyOfferField = "direction" | "kind" | "place" | "meetAt" | "seats" | "note";
export type CompanyOfferErrors = Partial<Record<CompanyOfferField, string>>;

export type CreateCompanyOfferResult =
  | { status: "created" | "exists"; offerId: string }
  | { status: "invalid"; errors: CompanyOfferErrors }
  | { status: "closed" }
  | { status: "suspended" }
  | { status: "not_found" };

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .pipe(z.string().max(max, { message: tooLong }).nullable());

const offerInput = z.object({
  direction: z.enum(["offer", "ask"], { message: "direction_missing" }),
  kind: z.enum(["walk", "ride"], { message: "kind_missing" }),
  place: z
    .string({ message: "place_missing" })
    .trim()
    .min(1, { message: "place_missing" })
    .max(COMPANY_PLACE_MAX_LENGTH, { message: "place_too_long" }),
  meetAt: z.string().optional(),
  seats: z.string().optional(),
  note: optionalText(COMPANY_NOTE_MAX_LENGTH, "note_too_long"),
});

/**
 * Offer or ask for company to a kafé: to meet before and walk in together,
 * or a ride. Only members of the community who answered coming or maybe may,
 * while the kafé is neither over nor cancelled. A member has one open offer
 * or ask of each kind and direction per kafé, so a resubmitted form finds the
 * one it already made; the kafé row is locked so two submits cannot both make one.
 */
export async function createCompanyOffer(
  db: Database,
  actor: Actor,
  cafeId: string,
  input: { direction?: unknown; kind?: unknown; place?: unknown; meetAt?: unknown; seats?: unknown; note?: unknown },
  now: Date,
): Promise<CreateCompanyOfferResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  return db.transaction(async (tx): Promise<CreateCompanyOfferResult> => {
    const found = await unsafeFindCompanyAccess(tx, actor, cafeId, now, { forUpdate: true });
    if (found.status === "not_found") return found;
    if (!takesPartInCompany(found.access) || !actor.hasMemberProfile) return { status: "not_found" };
    if (found.status !== "open") return { status: "closed" };
    if (await unsafeFindActiveSuspension(tx, actor.accountId)) return { status: "suspended" };

    const parsed = parseOfferInput(input, found.access.cafe.endsAt, now);
    if (parsed.status === "invalid") return parsed;
    const values = parsed.values;

    const [existing] = await tx
      .select({ id: cafeCompanyOffers.id })
      .from(cafeCompanyOffers)
      .where(
        and(
          eq(cafeCompanyOffers.cafeId, cafeId),
          eq(cafeCompanyOffers.authorId, actor.accountId),
          eq(cafeCompanyOffers.kind, values.kind),
          eq(cafeCompanyOffers.direction, values.direction),
          isNull(cafeCompanyOffers.closedAt),
        ),
      );
    if (existing) return { status: "exists", offerId: existing.id };

    const [offer] = await tx
      .insert(cafeCompanyOffers)
      .values({ cafeId, authorId: actor.accountId, ...values })
      .returning({ id: cafeCompanyOffers.id });
    return { status: "created", offerId: offer!.id };
  });
}

type ParsedOffer =
  | { status: "valid"; values: { direction: "offer" | "ask"; kind: "walk" | "ride"; place: string; meetAt: Date | null; seats: number | null; note: string | null } }
  | { status: "invalid"; errors: CompanyOfferErrors };

/** Check the form. A ride needs seats (1–8), and a meeting time is optional but must fall between now and the kafé's end. */
function parseOfferInput(input: Record<string, unknown>, cafeEndsAt: Date, now: Date): ParsedOffer {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const parsed = offerInput.safeParse({
    direction: text(input.direction),
    kind: text(input.kind),
    place: text(input.place),
    meetAt: text(input.meetAt),
    seats: text(input.seats),
    note: text(input.note),
  });
  const errors: CompanyOfferErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as CompanyOfferField] ??= issue.message;

  let meetAt: Date | null = null;
  const meetAtText = text(input.meetAt)?.trim() ?? "";
  if (meetAtText !== "") {
    meetAt = portalLocalTimeToInstant(meetAtText);
    if (!meetAt) errors.meetAt = "meet_at_invalid";
    else if (meetAt.getTime() <= now.getTime()) errors.meetAt = "meet_at_past";
    else if (meetAt.getTime() >= cafeEndsAt.getTime()) errors.meetAt = "meet_at_after_cafe";
  }

  let seats: number | null = null;
  const kind = parsed.success ? parsed.data.kind : text(input.kind);
  if (kind === "ride") {
    const seatsText = text(input.seats)?.trim() ?? "";
    seats = /^\d{1,2}$/.test(seatsText) ? Number(seatsText) : null;
    if (seatsText === "") errors.seats = "seats_missing";
    else if (seats === null || seats < 1 || seats > COMPANY_SEATS_MAX) errors.seats = "seats_invalid";
  }

  if (!parsed.success || Object.keys(errors).length > 0) return { status: "invalid", errors };
  const { direction, kind: validKind, place, note } = parsed.data;
  return { status: "valid", values: { direction, kind: validKind, place, meetAt, seats, note } };
}
