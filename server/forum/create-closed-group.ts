import { and, eq, inArray } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { pseudonymKey } from "../identity/pseudonym";
import { accounts, memberProfiles } from "../identity/schema";
import type { Database, Executor } from "../platform/db";
import { mayActAsForumMember, mutuallyRevealedWith } from "./member-relations";
import { closedGroupNameSchema, firstErrorCode, inviteePseudonymsSchema, type ClosedGroupNameErrorCode, type InviteesErrorCode } from "./people-validation";
import { closedGroupMembers, closedGroups } from "./schema";

export interface CreateClosedGroupErrors {
  name?: ClosedGroupNameErrorCode;
  invitees?: InviteesErrorCode;
}

export type CreateClosedGroupResult = { status: "created"; group: { id: string; name: string } } | { status: "invalid"; errors: CreateClosedGroupErrors } | { status: "not_found" };

/**
 * Create a closed group: the creator joins at once, and each chosen member
 * is invited. Only members the creator has a mutual reveal with can be
 * invited; if any other is chosen, nothing is created. No invitee is
 * required, because more can be invited later.
 */
export async function createClosedGroup(db: Database, actor: Actor, input: { name: unknown; invitees: unknown }, now = new Date()): Promise<CreateClosedGroupResult> {
  if (!mayActAsForumMember(actor)) return { status: "not_found" };

  const errors: CreateClosedGroupErrors = {};
  const name = closedGroupNameSchema.safeParse(input.name);
  if (!name.success) errors.name = firstErrorCode<ClosedGroupNameErrorCode>(name.error, "group_name_missing");
  const invitees = inviteePseudonymsSchema.safeParse(input.invitees);
  if (!invitees.success) errors.invitees = firstErrorCode<InviteesErrorCode>(invitees.error, "too_many_invitees");
  if (!name.success || !invitees.success) return { status: "invalid", errors };

  const inviteeIds = await findMutuallyRevealedIds(db, actor.accountId, invitees.data);
  if (!inviteeIds) return { status: "invalid", errors: { invitees: "invitee_not_mutually_revealed" } };

  const group = await db.transaction(async (tx) => {
    const [created] = await tx.insert(closedGroups).values({ name: name.data, createdBy: actor.accountId, createdAt: now }).returning({ id: closedGroups.id, name: closedGroups.name });
    await tx.insert(closedGroupMembers).values([
      { groupId: created!.id, accountId: actor.accountId, status: "joined", invitedBy: null, invitedAt: now, joinedAt: now },
      ...inviteeIds.map((accountId) => ({ groupId: created!.id, accountId, status: "invited" as const, invitedBy: actor.accountId, invitedAt: now })),
    ]);
    return created!;
  });
  return { status: "created", group };
}

/** The accounts behind the pseudonyms, or null when any of them is not an active member with a mutual reveal. */
async function findMutuallyRevealedIds(db: Executor, viewerId: string, pseudonyms: string[]): Promise<string[] | null> {
  const keys = [...new Set(pseudonyms.map(pseudonymKey))];
  if (keys.length === 0) return [];
  if (keys.includes("")) return null;

  const rows = await db
    .select({ accountId: memberProfiles.accountId })
    .from(memberProfiles)
    .innerJoin(accounts, eq(accounts.id, memberProfiles.accountId))
    .where(and(inArray(memberProfiles.pseudonymKey, keys), eq(accounts.status, "active"), mutuallyRevealedWith(viewerId, memberProfiles.accountId)));
  return rows.length === keys.length ? rows.map((row) => row.accountId) : null;
}
