import { and, eq, isNull, or } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import { communityMemberships } from "../communities/schema";
import { normaliseClaimValue, type IdentityClaim } from "../identity/find-account";
import { accountRoles, accounts, identities } from "../identity/schema";
import { decryptText, encryptText, lookupHash, sha256Hex, type KeyRing } from "../platform/crypto";
import type { Database, Transaction } from "../platform/db";
import { isUniqueViolation } from "../platform/unique-violation";
import { invitations } from "./schema";

/** Identity values the sign-in verified. Missing name and e-mail are filled in from the invitation. */
export interface VerifiedIdentity {
  nationalId?: string;
  email?: string;
  hprNumber?: string;
  fullName?: string;
}

export type RedeemInvitationResult = { status: "redeemed"; accountId: string } | { status: "invalid" | "expired" | "used" | "identity_taken" };

/** Thrown inside the transaction to roll back the claimed invitation and the new account. */
class IdentityTakenError extends Error {}

/**
 * Redeem an invitation link token, once. With `accountId` null a new account is
 * created from the verified identity; otherwise the invitation's role and
 * community are added to that account. Revoked and unknown tokens both read
 * "invalid".
 */
export async function redeemInvitation(
  db: Database,
  keys: KeyRing,
  input: { token: string; accountId: string | null; identity: VerifiedIdentity },
  now = new Date(),
): Promise<RedeemInvitationResult> {
  const tokenHash = sha256Hex(input.token);

  try {
    return await db.transaction(async (tx) => {
      const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      if (!invitation || invitation.revokedAt) return { status: "invalid" };
      if (invitation.acceptedAt) return { status: "used" };
      if (invitation.expiresAt <= now) return { status: "expired" };

      if (input.accountId !== null && !(await isActiveAccount(tx, input.accountId))) return { status: "invalid" };

      // Concurrency: a second redeem of the same token waits on this row's lock,
      // then finds accepted_at set and claims nothing, so exactly one succeeds.
      const claimed = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning({ id: invitations.id });
      if (claimed.length === 0) return { status: "used" };

      const accountId = input.accountId ?? (await createInvitedAccount(tx, keys, input.identity, invitation, now));
      await tx.update(invitations).set({ acceptedBy: accountId }).where(eq(invitations.id, invitation.id));

      const granted = await tx.insert(accountRoles).values({ accountId, role: invitation.role, grantedAt: now }).onConflictDoNothing().returning({ role: accountRoles.role });
      if (invitation.communityId) {
        await tx.insert(communityMemberships).values({ accountId, communityId: invitation.communityId, joinedAt: now }).onConflictDoNothing();
      }

      await recordAuditEvent(tx, {
        actorId: accountId,
        action: "invitation.redeemed",
        subjectType: "invitation",
        subjectId: invitation.id,
        details: { role: invitation.role, communityId: invitation.communityId, invitedBy: invitation.invitedBy, newAccount: input.accountId === null },
      });
      if (granted.length > 0) {
        await recordAuditEvent(tx, {
          actorId: accountId,
          action: "role.granted",
          subjectType: "account",
          subjectId: accountId,
          details: { role: invitation.role, invitationId: invitation.id, invitedBy: invitation.invitedBy },
        });
      }
      return { status: "redeemed", accountId };
    });
  } catch (error) {
    // A unique violation here means another account took the same national ID,
    // e-mail or HPR number between our check and our insert.
    if (error instanceof IdentityTakenError || isUniqueViolation(error)) return { status: "identity_taken" };
    throw error;
  }
}

async function isActiveAccount(tx: Transaction, accountId: string): Promise<boolean> {
  const [row] = await tx.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
  return row?.status === "active";
}

/**
 * Create an active account whose terms are not yet accepted, with its identity
 * encrypted. Throws IdentityTakenError when a lookup already belongs to
 * another account, so the whole redeem rolls back.
 */
async function createInvitedAccount(
  tx: Transaction,
  keys: KeyRing,
  identity: VerifiedIdentity,
  invitation: typeof invitations.$inferSelect,
  now: Date,
): Promise<string> {
  const fullName = identity.fullName?.trim() || (invitation.fullNameEncrypted ? decryptText(keys, invitation.fullNameEncrypted) : undefined);
  const email = identity.email?.trim() || (invitation.emailEncrypted ? decryptText(keys, invitation.emailEncrypted) : undefined);

  const nationalId = claimColumns(keys, "national_id", identity.nationalId);
  const emailColumns = claimColumns(keys, "email", email);
  const hpr = claimColumns(keys, "hpr", identity.hprNumber);

  const lookups = [
    nationalId && eq(identities.nationalIdLookup, nationalId.lookup),
    emailColumns && eq(identities.emailLookup, emailColumns.lookup),
    hpr && eq(identities.hprNumberLookup, hpr.lookup),
  ].filter((condition) => condition !== undefined);
  if (lookups.length > 0) {
    const [taken] = await tx.select({ accountId: identities.accountId }).from(identities).where(or(...lookups)).limit(1);
    if (taken) throw new IdentityTakenError();
  }

  const [account] = await tx.insert(accounts).values({ status: "active", termsAcceptedAt: null, createdAt: now }).returning({ id: accounts.id });
  const accountId = account!.id;
  await tx.insert(identities).values({
    accountId,
    fullNameEncrypted: fullName ? encryptText(keys, fullName) : null,
    nationalIdEncrypted: nationalId?.encrypted ?? null,
    nationalIdLookup: nationalId?.lookup ?? null,
    emailEncrypted: emailColumns?.encrypted ?? null,
    emailLookup: emailColumns?.lookup ?? null,
    hprNumberEncrypted: hpr?.encrypted ?? null,
    hprNumberLookup: hpr?.lookup ?? null,
  });
  return accountId;
}

/** Encrypt one identity claim and compute its keyed lookup hash, both from its normalised form. */
function claimColumns(keys: KeyRing, kind: IdentityClaim["kind"], value: string | undefined) {
  if (!value?.trim()) return undefined;
  const normalised = normaliseClaimValue({ kind, value });
  return { encrypted: encryptText(keys, normalised), lookup: lookupHash(keys, kind, normalised) };
}
