import { eq } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { moderationSettings, type ModeratedHoursWindow } from "./schema";

export interface ModerationSettings {
  approvalPostCount: number;
  unansweredAfterHours: number;
  reportsToHide: number;
  moderatedHours: ModeratedHoursWindow[];
}

/**
 * The deployment's moderation settings. Unsafe: no actor is checked, because
 * publishing and reporting read them on every member's behalf; pages that
 * show or change them go through their own use cases.
 */
export async function unsafeReadModerationSettings(db: Executor): Promise<ModerationSettings> {
  const [row] = await db
    .select({
      approvalPostCount: moderationSettings.approvalPostCount,
      unansweredAfterHours: moderationSettings.unansweredAfterHours,
      reportsToHide: moderationSettings.reportsToHide,
      moderatedHours: moderationSettings.moderatedHours,
    })
    .from(moderationSettings)
    .where(eq(moderationSettings.id, 1));
  // The migration inserts the row; the defaults here match the column defaults should it be missing.
  return row ?? { approvalPostCount: 0, unansweredAfterHours: 24, reportsToHide: 3, moderatedHours: [] };
}
