import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { cafeSettings } from "./schema";

export type SetCalendarNeutralResult = { status: "saved"; neutral: boolean } | { status: "not_found" };

/** Choose neutral ("Avtale") or detailed events for the member's feed and kafé downloads. Only this column changes, so reminder choices in the same row stay as they are. */
export async function setCalendarNeutral(executor: Executor, actor: Actor, input: { neutral: boolean }): Promise<SetCalendarNeutralResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  await executor
    .insert(cafeSettings)
    .values({ accountId: actor.accountId, calendarNeutral: input.neutral })
    .onConflictDoUpdate({ target: cafeSettings.accountId, set: { calendarNeutral: input.neutral } });
  return { status: "saved", neutral: input.neutral };
}
