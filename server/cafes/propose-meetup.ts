import { eq } from "drizzle-orm";
import { z } from "zod";

import { idempotencyKeySchema } from "../forum/post-input";
import type { Actor } from "../identity/actor";
import { unsafeFindActiveSuspension } from "../moderation/find-active-suspension";
import type { Database } from "../platform/db";
import { portalLocalTimeToInstant } from "../platform/portal-time";
import { can } from "../policy";
import { unsafeListOwnCommunityIds } from "./cafe-access";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import {
  MEETUP_ADDRESS_MAX_LENGTH,
  MEETUP_CAPACITY_MAX,
  MEETUP_DIRECTIONS_MAX_LENGTH,
  MEETUP_DURATIONS,
  MEETUP_KINDS,
  MEETUP_MAX_DAYS_AHEAD,
  MEETUP_PLACE_MAX_LENGTH,
  MEETUP_TITLE_MAX_LENGTH,
  MEETUP_TITLE_MIN_LENGTH,
  MEETUP_TOPIC_MAX_LENGTH,
  unsafeListCommunityModerators,
} from "./meetup-rules";
import { cafes } from "./schema";

export type MeetupField = "communityId" | "meetupKind" | "title" | "startsAt" | "duration" | "placeName" | "address" | "directions" | "capacity" | "topic" | "form";
export type MeetupErrors = Partial<Record<MeetupField, string>>;

export type ProposeMeetupResult = { status: "proposed"; cafeId: string } | { status: "invalid"; errors: MeetupErrors } | { status: "suspended" } | { status: "not_found" };

const requiredText = (field: string, max: number) =>
  z
    .string({ message: `${field}_missing` })
    .trim()
    .min(1, { message: `${field}_missing` })
    .max(max, { message: `${field}_too_long` });

const optionalText = (field: string, max: number) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .pipe(z.string().max(max, { message: `${field}_too_long` }).nullable());

const meetupInput = z.object({
  communityId: z.string({ message: "community_missing" }).min(1, { message: "community_missing" }),
  meetupKind: z.enum(MEETUP_KINDS, { message: "meetup_kind_missing" }),
  title: requiredText("title", MEETUP_TITLE_MAX_LENGTH).pipe(z.string().min(MEETUP_TITLE_MIN_LENGTH, { message: "title_too_short" })),
  placeName: requiredText("place_name", MEETUP_PLACE_MAX_LENGTH),
  address: requiredText("address", MEETUP_ADDRESS_MAX_LENGTH),
  directions: optionalText("directions", MEETUP_DIRECTIONS_MAX_LENGTH),
  topic: optionalText("topic", MEETUP_TOPIC_MAX_LENGTH),
  idempotencyKey: idempotencyKeySchema,
});

export interface ProposeMeetupInput {
  communityId?: unknown;
  meetupKind?: unknown;
  title?: unknown;
  startsAt?: unknown;
  duration?: unknown;
  placeName?: unknown;
  address?: unknown;
  directions?: unknown;
  capacity?: unknown;
  topic?: unknown;
  idempotencyKey?: unknown;
}

/**
 * Propose a meet-up (a coffee, a walk or something else) for one of the
 * member's communities. It waits for a peer moderator of that community, who
 * gets a notice. Until then only the proposer and those moderators can see
 * it. The form's key makes a double submit propose once.
 */
export async function proposeMeetup(db: Database, actor: Actor, input: ProposeMeetupInput, now: Date): Promise<ProposeMeetupResult> {
  if (!can(actor, "cafes.propose") || !actor.hasMemberProfile) return { status: "not_found" };

  return db.transaction(async (tx): Promise<ProposeMeetupResult> => {
    const communityIds = await unsafeListOwnCommunityIds(tx, actor.accountId);
    if (communityIds.length === 0) return { status: "not_found" };
    if (await unsafeFindActiveSuspension(tx, actor.accountId)) return { status: "suspended" };

    const text = (value: unknown) => (typeof value === "string" ? value : undefined);
    // With one community the form sends none; the member's own community is meant.
    const communityId = text(input.communityId) || (communityIds.length === 1 ? communityIds[0] : undefined);
    const parsed = meetupInput.safeParse({
      communityId,
      meetupKind: text(input.meetupKind),
      title: text(input.title),
      placeName: text(input.placeName),
      address: text(input.address),
      directions: text(input.directions),
      topic: text(input.topic),
      idempotencyKey: text(input.idempotencyKey),
    });
    const errors: MeetupErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "idempotencyKey" ? "form" : (issue.path[0] as MeetupField);
        errors[field] ??= issue.message;
      }
    }
    if (communityId && !communityIds.includes(communityId)) errors.communityId = "community_missing";

    const startsText = text(input.startsAt)?.trim() ?? "";
    const startsAt = startsText === "" ? null : portalLocalTimeToInstant(startsText);
    if (startsText === "") errors.startsAt = "starts_at_missing";
    else if (!startsAt) errors.startsAt = "starts_at_invalid";
    else if (startsAt.getTime() <= now.getTime()) errors.startsAt = "starts_at_past";
    else if (startsAt.getTime() > now.getTime() + MEETUP_MAX_DAYS_AHEAD * 86_400_000) errors.startsAt = "starts_at_too_far";

    const duration = Number(text(input.duration));
    if (!(MEETUP_DURATIONS as readonly number[]).includes(duration)) errors.duration = "duration_missing";

    const capacityText = text(input.capacity)?.trim() ?? "";
    const capacity = capacityText === "" ? null : /^\d{1,3}$/.test(capacityText) ? Number(capacityText) : Number.NaN;
    if (capacity !== null && (Number.isNaN(capacity) || capacity < 1 || capacity > MEETUP_CAPACITY_MAX)) errors.capacity = "capacity_invalid";

    if (!parsed.success || Object.keys(errors).length > 0 || !startsAt) return { status: "invalid", errors };
    const values = parsed.data;

    const [inserted] = await tx
      .insert(cafes)
      .values({
        communityId: values.communityId,
        kind: "meetup",
        meetupKind: values.meetupKind,
        hostId: actor.accountId,
        title: values.title,
        topic: values.topic,
        placeName: values.placeName,
        address: values.address,
        directions: values.directions,
        capacity,
        startsAt,
        endsAt: new Date(startsAt.getTime() + duration * 60_000),
        approval: "pending",
        idempotencyKey: values.idempotencyKey,
        createdBy: actor.accountId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: cafes.idempotencyKey })
      .returning({ id: cafes.id });

    if (!inserted) {
      // The same form sent again: answer with the proposal it already made.
      const [earlier] = await tx.select({ id: cafes.id, createdBy: cafes.createdBy }).from(cafes).where(eq(cafes.idempotencyKey, values.idempotencyKey));
      if (earlier && earlier.createdBy === actor.accountId) return { status: "proposed", cafeId: earlier.id };
      return { status: "invalid", errors: { form: "form_expired" } };
    }

    const moderators = await unsafeListCommunityModerators(tx, values.communityId, actor.accountId);
    await unsafeQueueCafeNotices(
      tx,
      moderators.map((recipientId) => ({ recipientId, kind: "cafe_meetup_pending" as const, cafeId: inserted.id, actorId: actor.accountId })),
      now,
    );
    return { status: "proposed", cafeId: inserted.id };
  });
}
