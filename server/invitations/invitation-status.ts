import type { invitations } from "./schema";

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

/** Compute an invitation's status at `now`. Revoked wins over expired, so a revoked link reads as revoked for good. */
export function invitationStatus(invitation: Pick<typeof invitations.$inferSelect, "acceptedAt" | "revokedAt" | "expiresAt">, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}
