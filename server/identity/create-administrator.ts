import { idnr } from "@navikt/fnrvalidator";
import { eq, or } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { normaliseClaimValue, type IdentityClaim } from "./find-account";
import { accountRoles, accounts, identities } from "./schema";
import { encryptText, lookupHash, type KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import { isUniqueViolation } from "../platform/unique-violation";

/** The same limits the invitation form sets for a name and an e-mail address. */
export const ADMINISTRATOR_NAME_MAX_LENGTH = 120;
export const ADMINISTRATOR_EMAIL_MAX_LENGTH = 254;

/**
 * HPR numbers (Helsepersonellregisteret) are whole numbers. NOTE: the limit of
 * nine digits is a generous bound chosen here, not one taken from the register's rules.
 */
const hprNumberPattern = /^\d{1,9}$/;

/** An optional identifier; empty counts as not given. */
const optionalClaim = (invalid: string) =>
  z
    .string({ message: invalid })
    .optional()
    .transform((value) => value?.trim() || undefined);

/**
 * Return the error code for a national ID number, or null when it is valid.
 * NAV's validator accepts fødselsnummer, D-numbers, H-numbers and synthetic
 * test numbers, with both the old check digits and those in use from 2032.
 */
function nationalIdIssue(digits: string): string | null {
  if (!/^\d{11}$/.test(digits)) return "national_id_not_eleven_digits";
  const result = idnr(digits);
  if (result.status === "valid") return null;
  return result.reasons.includes("checksums don't match") ? "national_id_check_digits_invalid" : "national_id_birth_date_invalid";
}

/** The command line's input as the use case accepts it. Messages are stable codes the command line translates. */
export const createAdministratorSchema = z
  .object({
    fullName: z
      .string({ message: "full_name_missing" })
      .trim()
      .min(1, { message: "full_name_missing" })
      .max(ADMINISTRATOR_NAME_MAX_LENGTH, { message: "full_name_too_long" })
      .regex(/\p{L}/u, { message: "full_name_without_letters" }),
    email: optionalClaim("email_invalid")
      .transform((value) => (value === undefined ? undefined : normaliseClaimValue({ kind: "email", value })))
      .refine((value) => value === undefined || value.length <= ADMINISTRATOR_EMAIL_MAX_LENGTH, { message: "email_too_long" })
      .refine((value) => value === undefined || z.email().safeParse(value).success, { message: "email_invalid" }),
    nationalId: optionalClaim("national_id_not_eleven_digits")
      .transform((value) => (value === undefined ? undefined : normaliseClaimValue({ kind: "national_id", value })))
      .superRefine((value, context) => {
        const issue = value === undefined ? null : nationalIdIssue(value);
        if (issue) context.addIssue({ code: "custom", message: issue });
      }),
    hprNumber: optionalClaim("hpr_number_invalid")
      .transform((value) => (value === undefined ? undefined : normaliseClaimValue({ kind: "hpr", value })))
      .refine((value) => value === undefined || hprNumberPattern.test(value), { message: "hpr_number_invalid" }),
  })
  .refine((input) => input.email !== undefined || input.nationalId !== undefined || input.hprNumber !== undefined, {
    message: "sign_in_identifier_missing",
    path: ["signIn"],
  });

export type AdministratorField = "fullName" | "email" | "nationalId" | "hprNumber" | "signIn";
export type AdministratorFieldErrors = Partial<Record<AdministratorField, string>>;

export type CreateAdministratorResult =
  | { status: "created"; accountId: string; signInClaims: IdentityClaim["kind"][] }
  | { status: "invalid"; errors: AdministratorFieldErrors }
  | { status: "identity_taken"; claims: IdentityClaim["kind"][] };

const uniqueLookupIndexes: Record<IdentityClaim["kind"], string> = {
  email: "identities_email_lookup_key",
  national_id: "identities_national_id_lookup_key",
  hpr: "identities_hpr_number_lookup_key",
};

/**
 * Create an active administrator account with its identity, role and audit
 * event in one transaction. The terms stay unaccepted, so onboarding shows
 * them at the first sign-in. Unsafe: it checks no policy, because it is
 * run from the command line by someone who already holds the server's
 * configuration and database access, so that a new deployment can get its
 * first administrator.
 */
export async function unsafeCreateAdministrator(
  db: Database,
  keys: KeyRing,
  input: { fullName: unknown; email?: unknown; nationalId?: unknown; hprNumber?: unknown },
  now = new Date(),
): Promise<CreateAdministratorResult> {
  const parsed = createAdministratorSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: administratorFieldErrors(parsed.error) };
  const { fullName, email, nationalId, hprNumber } = parsed.data;

  const claims = [
    email === undefined ? undefined : claimColumns(keys, "email", email),
    nationalId === undefined ? undefined : claimColumns(keys, "national_id", nationalId),
    hprNumber === undefined ? undefined : claimColumns(keys, "hpr", hprNumber),
  ].filter((claim) => claim !== undefined);
  const column = (kind: IdentityClaim["kind"]) => claims.find((claim) => claim.kind === kind);

  try {
    return await db.transaction(async (tx) => {
      const taken = await tx
        .select({ email: identities.emailLookup, national_id: identities.nationalIdLookup, hpr: identities.hprNumberLookup })
        .from(identities)
        .where(or(...claims.map((claim) => eq(lookupColumn(claim.kind), claim.lookup))));
      const takenKinds = claims.filter((claim) => taken.some((row) => row[claim.kind] === claim.lookup)).map((claim) => claim.kind);
      if (takenKinds.length > 0) return { status: "identity_taken", claims: takenKinds };

      const [account] = await tx.insert(accounts).values({ status: "active", termsAcceptedAt: null, createdAt: now }).returning({ id: accounts.id });
      const accountId = account!.id;

      await tx.insert(identities).values({
        accountId,
        fullNameEncrypted: encryptText(keys, fullName),
        emailEncrypted: column("email")?.encrypted ?? null,
        emailLookup: column("email")?.lookup ?? null,
        nationalIdEncrypted: column("national_id")?.encrypted ?? null,
        nationalIdLookup: column("national_id")?.lookup ?? null,
        hprNumberEncrypted: column("hpr")?.encrypted ?? null,
        hprNumberLookup: column("hpr")?.lookup ?? null,
      });
      await tx.insert(accountRoles).values({ accountId, role: "administrator", grantedAt: now });

      await recordAuditEvent(tx, {
        actorId: null,
        action: "account.created",
        subjectType: "account",
        subjectId: accountId,
        details: { via: "command_line", role: "administrator" },
      });
      return { status: "created", accountId, signInClaims: claims.map((claim) => claim.kind) };
    });
  } catch (error) {
    // Another process took one of the identifiers between the lookup and the insert.
    const raced = claims.filter((claim) => isUniqueViolation(error, uniqueLookupIndexes[claim.kind])).map((claim) => claim.kind);
    if (raced.length > 0) return { status: "identity_taken", claims: raced };
    throw error;
  }
}

function lookupColumn(kind: IdentityClaim["kind"]) {
  if (kind === "email") return identities.emailLookup;
  return kind === "national_id" ? identities.nationalIdLookup : identities.hprNumberLookup;
}

/** Encrypt one normalised identity claim and compute its keyed lookup hash. */
function claimColumns(keys: KeyRing, kind: IdentityClaim["kind"], normalised: string) {
  return { kind, encrypted: encryptText(keys, normalised), lookup: lookupHash(keys, kind, normalised) };
}

/** Return the error code of each invalid field, or null when the input is valid. Touches no database. */
export function validateAdministratorInput(input: Parameters<typeof unsafeCreateAdministrator>[2]): AdministratorFieldErrors | null {
  const parsed = createAdministratorSchema.safeParse(input);
  return parsed.success ? null : administratorFieldErrors(parsed.error);
}

/** Collect the first error code of each field. */
function administratorFieldErrors(error: z.ZodError): AdministratorFieldErrors {
  const errors: AdministratorFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as AdministratorField | undefined;
    if (field !== undefined && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
