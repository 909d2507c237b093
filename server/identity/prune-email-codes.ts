import { lt } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { emailCodes } from "./schema";

/** How long an expired or used code is kept, for tracing a sign-in problem someone reports. */
export const EMAIL_CODE_RETENTION_HOURS = 24;

/**
 * Delete sign-in codes that expired more than a day ago, with the address
 * lookups and encrypted invitee addresses they carry. Returns how many rows
 * were deleted. Housekeeping calls it once an hour.
 */
export async function pruneEmailCodes(db: Executor, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - EMAIL_CODE_RETENTION_HOURS * 3_600_000);
  const deleted = await db.delete(emailCodes).where(lt(emailCodes.expiresAt, cutoff)).returning({ id: emailCodes.id });
  return deleted.length;
}
