import { eq, sql } from "drizzle-orm";

import { communityNameKey, type CommunityFieldErrors } from "./community-name";
import { communities } from "./schema";
import type { Executor, Transaction } from "../platform/db";

/** Any fixed number, distinct from the migration lock: create and rename take it before checking for duplicates. */
const COMMUNITY_NAMES_LOCK_ID = 4_207_312;

/** For each field that clashes, the name of the community that already has the value. */
export type CommunityTakenBy = Partial<Record<keyof CommunityFieldErrors, string>>;

export interface CommunityConflicts {
  errors: CommunityFieldErrors;
  takenBy: CommunityTakenBy;
}

/**
 * Serialise community writes until the transaction ends. Two names that clash
 * may differ in their text ("Bjørkelia" and "bjorkelia kommune"), so no unique
 * index can catch them, and without this lock two administrators could each
 * check, find nothing and insert.
 */
export async function lockCommunityNames(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${COMMUNITY_NAMES_LOCK_ID})`);
}

/**
 * Find another community with the same name (compared by `communityNameKey`)
 * or the same municipality number. Unsafe: it checks no policy, so only a use
 * case that has already authorized the actor may call it, after `lockCommunityNames`.
 */
export async function unsafeFindCommunityConflicts(
  tx: Transaction,
  candidate: { name: string; municipalityNumber?: string | null; exceptId?: string },
): Promise<CommunityConflicts | null> {
  // A deployment serves a few hundred municipalities at most, so comparing every name in code is cheap.
  const others = (await tx.select({ id: communities.id, name: communities.name, municipalityNumber: communities.municipalityNumber }).from(communities)).filter(
    (row) => row.id !== candidate.exceptId,
  );
  const conflicts: CommunityConflicts = { errors: {}, takenBy: {} };

  const key = communityNameKey(candidate.name);
  const sameName = others.find((row) => communityNameKey(row.name) === key);
  if (sameName) {
    conflicts.errors.name = "name_taken";
    conflicts.takenBy.name = sameName.name;
  }

  const sameNumber = candidate.municipalityNumber ? others.find((row) => row.municipalityNumber === candidate.municipalityNumber) : undefined;
  if (sameNumber) {
    conflicts.errors.municipalityNumber = "municipality_number_taken";
    conflicts.takenBy.municipalityNumber = sameNumber.name;
  }

  return sameName || sameNumber ? conflicts : null;
}

/** Load the name of the community with a municipality number, after a unique violation rolled back the transaction that looked. */
export async function unsafeFindCommunityNameByMunicipalityNumber(db: Executor, municipalityNumber: string): Promise<string | null> {
  const [row] = await db.select({ name: communities.name }).from(communities).where(eq(communities.municipalityNumber, municipalityNumber));
  return row?.name ?? null;
}
