import { eq } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { can } from "../policy";
import { cafeSettings } from "./schema";

export interface CalendarSettings {
  /** "Avtale" instead of the kafé's title in calendars; on when the member never chose. */
  neutral: boolean;
  /** The secret of the member's subscription URL, or null when they have none. */
  link: { token: string; createdAt: Date } | null;
}

export type GetCalendarSettingsResult = { status: "found"; settings: CalendarSettings } | { status: "not_found" };

/** Read the member's calendar choices and decrypt their subscription token, so the settings page can show the URL again. */
export async function getCalendarSettings(executor: Executor, keys: KeyRing, actor: Actor): Promise<GetCalendarSettingsResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };

  const [row] = await executor
    .select({ neutral: cafeSettings.calendarNeutral, tokenEncrypted: cafeSettings.calendarTokenEncrypted, createdAt: cafeSettings.calendarTokenCreatedAt })
    .from(cafeSettings)
    .where(eq(cafeSettings.accountId, actor.accountId));

  const link = row?.tokenEncrypted && row.createdAt ? { token: decryptText(keys, row.tokenEncrypted), createdAt: row.createdAt } : null;
  return { status: "found", settings: { neutral: row?.neutral ?? true, link } };
}
