import { desc, eq } from "drizzle-orm";

import { communities } from "../communities/schema";
import type { PersonActor } from "../identity/actor";
import type { Role } from "../identity/roles";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { can, mayManageInvitation } from "../policy";
import { INVITATION_LIST_LIMIT } from "./invitation-limits";
import { invitationStatus, type InvitationStatus } from "./invitation-status";
import { invitations } from "./schema";


/**
 * One invitation as shown to its inviter. The invitee's name and e-mail are
 * the inviter's own notes, so they are included. No pseudonym is ever loaded here.
 */
export interface InvitationListing {
  id: string;
  role: Role;
  communityName: string | null;
  inviteeName: string | null;
  inviteeEmail: string | null;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  createdByYou: boolean;
  mayRevoke: boolean;
}

/** List the invitations the actor created, newest first. Administrators get everyone's; anyone who may not invite gets null. */
export async function listInvitations(db: Executor, keys: KeyRing, actor: PersonActor, now = new Date()): Promise<InvitationListing[] | null> {
  if (!can(actor, "invitations.create")) return null;
  const { accountId } = actor;

  const rows = await db
    .select({
      id: invitations.id,
      role: invitations.role,
      communityName: communities.name,
      invitedBy: invitations.invitedBy,
      fullNameEncrypted: invitations.fullNameEncrypted,
      emailEncrypted: invitations.emailEncrypted,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .leftJoin(communities, eq(communities.id, invitations.communityId))
    .where(can(actor, "invitations.manage_all") ? undefined : eq(invitations.invitedBy, accountId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(INVITATION_LIST_LIMIT);

  return rows.map((row) => {
    const status = invitationStatus(row, now);
    return {
      id: row.id,
      role: row.role,
      communityName: row.communityName,
      inviteeName: row.fullNameEncrypted ? decryptText(keys, row.fullNameEncrypted) : null,
      inviteeEmail: row.emailEncrypted ? decryptText(keys, row.emailEncrypted) : null,
      status,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      createdByYou: row.invitedBy === accountId,
      mayRevoke: status === "pending" && mayManageInvitation(actor, row.invitedBy),
    };
  });
}
