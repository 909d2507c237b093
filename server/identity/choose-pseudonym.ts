import { and, eq, ne } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Database, Executor } from "../platform/db";
import { isUniqueViolation } from "../platform/unique-violation";
import { can } from "../policy";
import type { PersonActor } from "./actor";
import { pseudonymKey, pseudonymResemblesName, pseudonymSchema } from "./pseudonym";
import { identities, memberProfiles } from "./schema";
import { suggestPseudonyms } from "./suggest-pseudonyms";

export type PseudonymErrorCode = "pseudonym_too_short" | "pseudonym_too_long" | "pseudonym_invalid_characters";

export type ChoosePseudonymResult =
  | { status: "saved"; pseudonym: string }
  | { status: "invalid"; code: PseudonymErrorCode }
  | { status: "taken"; suggestions: string[] }
  /** The pseudonym looks like the person's real name, so it is saved only when they confirm. */
  | { status: "resembles_name" }
  | { status: "not_found" };

const SUGGESTION_COUNT = 3;

/**
 * Set the signed-in member's pseudonym, on first choice and on every later
 * change. Pseudonyms are unique regardless of case, accents and separators
 * ("Måke" and "make" clash). One that resembles the person's real name is
 * saved only with `confirmResemblance`. The name itself never leaves this module.
 */
export async function choosePseudonym(
  db: Database,
  keys: KeyRing,
  actor: PersonActor,
  input: { pseudonym: string; confirmResemblance: boolean },
  now = new Date(),
): Promise<ChoosePseudonymResult> {
  if (!can(actor, "member_profile.edit")) return { status: "not_found" };

  const parsed = pseudonymSchema.safeParse(input.pseudonym);
  if (!parsed.success) return { status: "invalid", code: (parsed.error.issues[0]?.message ?? "pseudonym_invalid_characters") as PseudonymErrorCode };
  const pseudonym = parsed.data;
  const key = pseudonymKey(pseudonym);

  if (await isTakenByAnother(db, actor.accountId, key)) return taken(db, keys, actor);

  if (!input.confirmResemblance && pseudonymResemblesName(pseudonym, await unsafeReadOwnFullName(db, keys, actor.accountId))) {
    return { status: "resembles_name" };
  }

  try {
    await db.transaction(async (tx) => {
      const [existing] = await tx.select({ pseudonym: memberProfiles.pseudonym }).from(memberProfiles).where(eq(memberProfiles.accountId, actor.accountId));
      if (existing?.pseudonym === pseudonym) return;

      await tx
        .insert(memberProfiles)
        .values({ accountId: actor.accountId, pseudonym, pseudonymKey: key, createdAt: now })
        .onConflictDoUpdate({ target: memberProfiles.accountId, set: { pseudonym, pseudonymKey: key } });
      // Ids only, because the audit log never contains pseudonyms.
      await recordAuditEvent(tx, {
        actorId: actor.accountId,
        action: existing ? "member_profile.pseudonym_changed" : "member_profile.pseudonym_chosen",
        subjectType: "account",
        subjectId: actor.accountId,
      });
    });
  } catch (error) {
    // Another member took the same key between the check above and this write.
    if (isUniqueViolation(error, "member_profiles_pseudonym_key_key")) return taken(db, keys, actor);
    throw error;
  }
  return { status: "saved", pseudonym };
}

/** Suggest free pseudonyms for the signed-in member, none resembling their name. */
export async function suggestPseudonymsFor(db: Executor, keys: KeyRing, actor: PersonActor): Promise<string[]> {
  if (!can(actor, "member_profile.edit")) return [];
  return suggestPseudonyms(db, { count: SUGGESTION_COUNT, fullName: await unsafeReadOwnFullName(db, keys, actor.accountId) });
}

async function taken(db: Executor, keys: KeyRing, actor: PersonActor): Promise<ChoosePseudonymResult> {
  return { status: "taken", suggestions: await suggestPseudonymsFor(db, keys, actor) };
}

async function isTakenByAnother(db: Executor, accountId: string, key: string): Promise<boolean> {
  const [row] = await db
    .select({ accountId: memberProfiles.accountId })
    .from(memberProfiles)
    .where(and(eq(memberProfiles.pseudonymKey, key), ne(memberProfiles.accountId, accountId)));
  return row !== undefined;
}

/** Unsafe: decrypts a real name with no policy check. Callers pass only the actor's own account id and keep the name on the server. */
async function unsafeReadOwnFullName(db: Executor, keys: KeyRing, accountId: string): Promise<string | null> {
  const [identity] = await db.select({ fullNameEncrypted: identities.fullNameEncrypted }).from(identities).where(eq(identities.accountId, accountId));
  return identity?.fullNameEncrypted ? decryptText(keys, identity.fullNameEncrypted) : null;
}
