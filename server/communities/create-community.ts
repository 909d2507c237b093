import { eq, like, or } from "drizzle-orm";
import { z } from "zod";

import { communityFieldErrors, communityNameSchema, municipalityNumberSchema, slugFromCommunityName, type CommunityFieldErrors } from "./community-name";
import { lockCommunityNames, unsafeFindCommunityConflicts, unsafeFindCommunityNameByMunicipalityNumber, type CommunityTakenBy } from "./find-community-conflicts";
import { communities } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor, PersonActor } from "../identity/actor";
import type { Database, Transaction } from "../platform/db";
import { isUniqueViolation } from "../platform/unique-violation";
import { can } from "../policy";

export type CreateCommunityResult =
  | { status: "created"; community: { id: string; slug: string; name: string; municipalityNumber: string | null } }
  | { status: "invalid"; errors: CommunityFieldErrors; takenBy?: CommunityTakenBy }
  | { status: "not_found" };

const createInput = z.object({ name: communityNameSchema, municipalityNumber: municipalityNumberSchema });

// A writer that skips the name lock may take the same slug between the lookup and the insert, so the insert is retried a few times.
const SLUG_ATTEMPTS = 5;

/**
 * Create a community with a slug made from its name, numbered (`-2`, `-3`, …)
 * when the slug is taken. A name or municipality number that another community
 * already has is rejected, with that community's name.
 */
export async function createCommunity(db: Database, actor: Actor, input: { name: unknown; municipalityNumber?: unknown }): Promise<CreateCommunityResult> {
  if (!can(actor, "communities.manage")) return { status: "not_found" };

  const parsed = createInput.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: communityFieldErrors(parsed.error) };
  const { name, municipalityNumber = null } = parsed.data;
  const baseSlug = slugFromCommunityName(name);

  try {
    return await db.transaction(async (tx) => {
      await lockCommunityNames(tx);
      const conflicts = await unsafeFindCommunityConflicts(tx, { name, municipalityNumber });
      if (conflicts) return { status: "invalid", ...conflicts };

      return insertCommunity(tx, actor, { name, municipalityNumber, baseSlug });
    });
  } catch (error) {
    // A writer that skips the lock took the number between the check and the insert; the unique index stopped it.
    if (municipalityNumber === null || !isUniqueViolation(error, "communities_municipality_number_key")) throw error;
    const holder = await unsafeFindCommunityNameByMunicipalityNumber(db, municipalityNumber);
    return { status: "invalid", errors: { municipalityNumber: "municipality_number_taken" }, takenBy: holder ? { municipalityNumber: holder } : {} };
  }
}

async function insertCommunity(
  tx: Transaction,
  actor: PersonActor,
  community: { name: string; municipalityNumber: string | null; baseSlug: string },
): Promise<CreateCommunityResult> {
  const { name, municipalityNumber, baseSlug } = community;

  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const slug = await findFreeSlug(tx, baseSlug);
    const [created] = await tx
      .insert(communities)
      .values({ name, slug, municipalityNumber })
      .onConflictDoNothing({ target: communities.slug })
      .returning({ id: communities.id, slug: communities.slug, name: communities.name, municipalityNumber: communities.municipalityNumber });
    if (!created) continue;

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "community.created", subjectType: "community", subjectId: created.id, details: { slug } });
    return { status: "created", community: created };
  }
  throw new Error(`No free slug for "${baseSlug}" after ${SLUG_ATTEMPTS} attempts.`);
}

async function findFreeSlug(tx: Transaction, baseSlug: string): Promise<string> {
  // The slug holds only a-z, 0-9 and hyphens, so it contains no LIKE wildcard.
  const taken = new Set(
    (await tx.select({ slug: communities.slug }).from(communities).where(or(eq(communities.slug, baseSlug), like(communities.slug, `${baseSlug}-%`)))).map((row) => row.slug),
  );
  if (!taken.has(baseSlug)) return baseSlug;

  for (let number = 2; ; number++) {
    const candidate = `${baseSlug}-${number}`;
    if (!taken.has(candidate)) return candidate;
  }
}
