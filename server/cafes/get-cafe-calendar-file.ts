import { eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { unsafeFindCafeAccess } from "./cafe-access";
import { buildCafeCalendar, toCalendarEntry } from "./cafe-calendar";
import { cafeSettings } from "./schema";

export type GetCafeCalendarFileResult = { status: "found"; calendar: string } | { status: "not_found" };

/**
 * Build the "add to calendar" file for one kafé, neutral or detailed as the
 * member chose for their feed. Only members of the kafé's community get it,
 * because a detailed file carries the address.
 */
export async function getCafeCalendarFile(executor: Executor, actor: Actor, cafeId: string, options: { locale: Locale; now: Date; publicUrl: URL }): Promise<GetCafeCalendarFileResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  const access = await unsafeFindCafeAccess(executor, actor, cafeId);
  if (!access?.inCommunity) return { status: "not_found" };

  const [settings] = await executor.select({ neutral: cafeSettings.calendarNeutral }).from(cafeSettings).where(eq(cafeSettings.accountId, actor.accountId));
  const calendar = buildCafeCalendar({
    entries: [toCalendarEntry(access.cafe)],
    neutral: settings?.neutral ?? true,
    locale: options.locale,
    publicUrl: options.publicUrl,
    feed: false,
    now: options.now,
  });
  return { status: "found", calendar };
}
