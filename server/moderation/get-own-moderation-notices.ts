import { and, asc, eq, isNull } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { unsafeFindActiveSuspension } from "./find-active-suspension";
import { memberWarnings } from "./schema";

export interface OwnModerationNotices {
  suspension: { reason: string; message: string | null; endsAt: Date | null } | null;
  /** Warnings the member has not marked as read, oldest first. */
  warnings: { id: string; reason: string; message: string | null; createdAt: Date }[];
}

const none: OwnModerationNotices = { suspension: null, warnings: [] };

/** What moderators have decided about the signed-in member that the forum pages must tell them: a suspension in force and unread warnings. */
export async function getOwnModerationNotices(db: Executor, actor: Actor): Promise<OwnModerationNotices> {
  if (!can(actor, "forum.read")) return none;

  const suspension = await unsafeFindActiveSuspension(db, actor.accountId);
  const warnings = await db
    .select({ id: memberWarnings.id, reason: memberWarnings.reason, message: memberWarnings.message, createdAt: memberWarnings.createdAt })
    .from(memberWarnings)
    .where(and(eq(memberWarnings.accountId, actor.accountId), isNull(memberWarnings.seenAt)))
    .orderBy(asc(memberWarnings.createdAt));
  return { suspension: suspension ? { reason: suspension.reason, message: suspension.message, endsAt: suspension.endsAt } : null, warnings };
}
