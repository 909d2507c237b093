import { eq } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { can } from "../policy";
import type { PersonActor } from "./actor";
import { memberProfiles } from "./schema";

export type SetCommunityVisibilityResult = { status: "saved"; showCommunity: boolean } | { status: "not_found" };

/** Turn on or off whether the member's forum profile shows their community. Off is the default. */
export async function setCommunityVisibility(db: Executor, actor: PersonActor, showCommunity: boolean): Promise<SetCommunityVisibilityResult> {
  if (!can(actor, "member_profile.edit")) return { status: "not_found" };

  const updated = await db.update(memberProfiles).set({ showCommunity }).where(eq(memberProfiles.accountId, actor.accountId)).returning({ showCommunity: memberProfiles.showCommunity });
  if (updated.length === 0) return { status: "not_found" };
  return { status: "saved", showCommunity };
}
