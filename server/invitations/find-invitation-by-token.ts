import { eq } from "drizzle-orm";

import { communities } from "../communities/schema";
import type { Role } from "../identity/roles";
import { accountRoles } from "../identity/schema";
import { sha256Hex } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { invitationStatus } from "./invitation-status";
import { invitations } from "./schema";

/** The roles that can invite, in the order that best describes an inviter to the invitee. */
const inviterRoleOrder = ["provider", "peer_moderator", "administrator"] as const satisfies readonly Role[];

export type InviterRole = (typeof inviterRoleOrder)[number];

/**
 * What the invitation page may show before anyone signs in: the role offered,
 * the community, and the inviter's role. Never the inviter's name, and never
 * the invitee's name or e-mail, because anyone holding the link sees this.
 */
export type InvitationPreview =
  | { status: "valid"; role: Role; communityName: string | null; inviterRole: InviterRole | null; expiresAt: Date }
  | { status: "invalid" | "expired" | "used" | "revoked" };

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** Look up an invitation by its link token. Public: the token is the only credential. */
export async function findInvitationByToken(db: Executor, token: string, now = new Date()): Promise<InvitationPreview> {
  if (!TOKEN_PATTERN.test(token)) return { status: "invalid" };

  const [invitation] = await db
    .select({
      role: invitations.role,
      communityName: communities.name,
      invitedBy: invitations.invitedBy,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(communities, eq(communities.id, invitations.communityId))
    .where(eq(invitations.tokenHash, sha256Hex(token)));
  if (!invitation) return { status: "invalid" };

  const status = invitationStatus(invitation, now);
  if (status === "accepted") return { status: "used" };
  if (status !== "pending") return { status };

  const inviterRoles = await db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, invitation.invitedBy));
  const inviterRole = inviterRoleOrder.find((role) => inviterRoles.some((row) => row.role === role)) ?? null;

  return { status: "valid", role: invitation.role, communityName: invitation.communityName, inviterRole, expiresAt: invitation.expiresAt };
}
