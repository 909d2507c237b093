import { eq } from "drizzle-orm";

import { moderatorDuty } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type GetModeratorDutyResult = { status: "found"; onDuty: boolean; onDutySince: Date | null } | { status: "not_found" };

/** Whether the moderator themself is on duty, for the duty toggle. */
export async function getModeratorDuty(db: Executor, actor: Actor): Promise<GetModeratorDutyResult> {
  if (!can(actor, "forum.moderate")) return { status: "not_found" };

  const [row] = await db.select({ onDutySince: moderatorDuty.onDutySince }).from(moderatorDuty).where(eq(moderatorDuty.accountId, actor.accountId));
  return { status: "found", onDuty: row !== undefined, onDutySince: row?.onDutySince ?? null };
}
