import { eq, like, or } from "drizzle-orm";
import { z } from "zod";

import { communityFieldErrors, communityNameSchema, municipalityNumberSchema, slugFromCommunityName, type CommunityFieldErrors } from "./community-name";
import { communities } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import type { Database, Transaction } from "../platform/db";
import { can } from "../policy";

export type CreateCommunityResult =
  | { status: "created"; community: { id: string; slug: string; name: string; municipalityNumber: string | null } }
  | { status: "invalid"; errors: CommunityFieldErrors }
  | { status: "not_found" };

const createInput = z.object({ name: communityNameSchema, municipalityNumber: municipalityNumberSchema });

// Another administrator may take the same slug between the lookup and the insert, so the insert is retried a few times.
const SLUG_ATTEMPTS = 5;

/** Create a community with a slug made from its name, numbered (`-2`, `-3`, …) when the slug is taken. */
export async function createCommunity(db: Database, actor: Actor, input: { name: unknown; municipalityNumber?: unknown }): Promise<CreateCommunityResult> {
  if (!can(actor, "communities.manage")) return { status: "not_found" };

  const parsed = createInput.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: communityFieldErrors(parsed.error) };
  const { name, municipalityNumber = null } = parsed.data;
  const baseSlug = slugFromCommunityName(name);

  return db.transaction(async (tx) => {
    for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
      const slug = await findFreeSlug(tx, baseSlug);
      const [community] = await tx
        .insert(communities)
        .values({ name, slug, municipalityNumber })
        .onConflictDoNothing({ target: communities.slug })
        .returning({ id: communities.id, slug: communities.slug, name: communities.name, municipalityNumber: communities.municipalityNumber });
      if (!community) continue;

      await recordAuditEvent(tx, { actorId: actor.accountId, action: "community.created", subjectType: "community", subjectId: community.id, details: { slug } });
      return { status: "created", community };
    }
    throw new Error(`No free slug for "${baseSlug}" after ${SLUG_ATTEMPTS} attempts.`);
  });
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
