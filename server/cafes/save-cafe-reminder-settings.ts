import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { REMINDER_OFFSET_CHOICES } from "./reminder-offset-choices";
import { unsafeScheduleCafeReminders } from "./schedule-cafe-reminders";
import { cafeRsvps, cafes, cafeSettings } from "./schema";

const offsetSchema = z.coerce.number().pipe(z.union(REMINDER_OFFSET_CHOICES.map((offset) => z.literal(offset))));

const inputSchema = z.object({
  remindByEmail: z.boolean(),
  remindByPush: z.boolean(),
  remindInPortal: z.boolean(),
  reminderOffsets: z.array(offsetSchema).max(REMINDER_OFFSET_CHOICES.length),
  showDetails: z.boolean(),
});

export type SaveCafeReminderSettingsInput = z.input<typeof inputSchema>;
export type SaveCafeReminderSettingsResult = { status: "saved"; remindersScheduled: number } | { status: "invalid" } | { status: "not_found" };

/**
 * Save the member's reminder channels, times and whether e-mail and push may
 * name the kafé. New times take effect for every upcoming kafé the member
 * answered coming or maybe, so reminders are scheduled for those now; a time
 * taken away needs nothing undone, because each reminder checks the member's
 * choice when it runs. The calendar columns of the same row are left alone.
 */
export async function saveCafeReminderSettings(db: Database, actor: Actor, input: SaveCafeReminderSettingsInput, now: Date): Promise<SaveCafeReminderSettingsResult> {
  if (!can(actor, "cafes.read")) return { status: "not_found" };
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const choices = { ...parsed.data, reminderOffsets: [...new Set(parsed.data.reminderOffsets)].sort((a, b) => b - a) };

  return db.transaction(async (tx) => {
    await tx
      .insert(cafeSettings)
      .values({ accountId: actor.accountId, ...choices })
      .onConflictDoUpdate({ target: cafeSettings.accountId, set: choices });

    const upcoming = await tx
      .select({ cafeId: cafeRsvps.cafeId })
      .from(cafeRsvps)
      .innerJoin(cafes, eq(cafes.id, cafeRsvps.cafeId))
      .where(and(eq(cafeRsvps.accountId, actor.accountId), inArray(cafeRsvps.answer, ["coming", "maybe"]), gt(cafes.startsAt, now), isNull(cafes.cancelledAt)));
    for (const { cafeId } of upcoming) await unsafeScheduleCafeReminders(tx, cafeId, actor.accountId, now);
    return { status: "saved", remindersScheduled: upcoming.length };
  });
}
