import type { Actor, PersonActor } from "./identity/actor";
import type { Role } from "./identity/roles";

/**
 * Permissions: the one place authorization is decided. Use cases and route
 * guards call `can` here, and no other module compares roles.
 */
export type Permission =
  | "settings.use"
  | "member_profile.edit"
  | "invitations.create"
  | "invitations.manage_all"
  | "admin.view"
  | "accounts.disable"
  | "roles.manage"
  | "communities.manage"
  | "audit_log.view"
  | "forum.read"
  | "forum.write"
  | "forum.moderate"
  | "forum_categories.manage"
  | "forum.report"
  | "moderation.view"
  | "moderation_settings.manage"
  | "moderation_log.view"
  | "account.pause"
  | "cafes.read"
  | "cafes.host"
  | "cafes.propose"
  | "cafes.approve";

const grants: Record<Permission, readonly Role[]> = {
  "settings.use": ["member", "peer_moderator", "provider", "administrator", "researcher"],
  "member_profile.edit": ["member"],
  "invitations.create": ["administrator", "peer_moderator", "provider"],
  "invitations.manage_all": ["administrator"],
  "admin.view": ["administrator"],
  "accounts.disable": ["administrator"],
  "roles.manage": ["administrator"],
  "communities.manage": ["administrator"],
  "audit_log.view": ["administrator"],
  // The forum is a peer space: providers, researchers and administrators never read it.
  "forum.read": ["member", "peer_moderator"],
  // Writing also needs a pseudonym; use cases check `hasMemberProfile`.
  "forum.write": ["member", "peer_moderator"],
  "forum.moderate": ["peer_moderator"],
  "forum_categories.manage": ["administrator"],
  "forum.report": ["member", "peer_moderator"],
  // The moderation view shows forum text, so it is for peer moderators only.
  "moderation.view": ["peer_moderator"],
  // Settings and the moderation log carry codes and ids, no forum text.
  "moderation_settings.manage": ["peer_moderator", "administrator"],
  "moderation_log.view": ["peer_moderator", "administrator"],
  "account.pause": ["member", "peer_moderator"],
  // Kaféer are part of the peer space too: never providers, administrators or researchers.
  // Use cases also check that the person belongs to the kafé's community.
  "cafes.read": ["member", "peer_moderator"],
  "cafes.host": ["peer_moderator"],
  "cafes.propose": ["member", "peer_moderator"],
  "cafes.approve": ["peer_moderator"],
};

export function can(actor: Actor, permission: Permission): actor is PersonActor {
  return actor.kind === "person" && actor.roles.some((role) => grants[permission].includes(role));
}

/**
 * The roles a person may invite others to. Administrators set up the
 * deployment; peer moderators and providers bring in members only.
 */
export function invitableRoles(actor: Actor): Role[] {
  if (actor.kind !== "person") return [];
  if (actor.roles.includes("administrator")) return ["member", "peer_moderator", "provider", "administrator", "researcher"];
  if (actor.roles.includes("peer_moderator") || actor.roles.includes("provider")) return ["member"];
  return [];
}

/** Administrators may invite to any community; others only to the communities they belong to. */
export function mayInviteToCommunity(actor: Actor, communityId: string, actorCommunityIds: readonly string[]): boolean {
  if (actor.kind !== "person") return false;
  return actor.roles.includes("administrator") || actorCommunityIds.includes(communityId);
}

/** True when the actor may see and revoke the invitation: administrators any, other inviters only their own. */
export function mayManageInvitation(actor: Actor, invitedBy: string): boolean {
  if (actor.kind !== "person") return false;
  const isInviter = actor.accountId === invitedBy;
  return can(actor, "invitations.manage_all") || (isInviter && can(actor, "invitations.create"));
}
