import { pruneEmailCodes } from "../identity/prune-email-codes";
import { pruneExpiredSessions } from "../sessions";
import type { Database } from "./db";
import type { Logger } from "./logger";
import { pruneRateLimits } from "./rate-limit";

const INTERVAL_MS = 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 60 * 1000;

/**
 * Delete expired sessions, sign-in codes and rate-limit windows once an hour.
 * Every instance runs it; the deletes are idempotent, so overlapping runs are harmless.
 */
export function startHousekeeping(db: Database, log: Logger): () => void {
  const run = async () => {
    try {
      const sessions = await pruneExpiredSessions(db);
      const emailCodes = await pruneEmailCodes(db);
      await pruneRateLimits(db);
      log.info({ sessions, emailCodes }, "housekeeping.completed");
    } catch (error) {
      log.error({ err: error }, "housekeeping.failed");
    }
  };

  const first = setTimeout(run, FIRST_RUN_DELAY_MS);
  const repeat = setInterval(run, INTERVAL_MS);
  // Housekeeping must never keep the process alive on shutdown.
  first.unref();
  repeat.unref();
  return () => {
    clearTimeout(first);
    clearInterval(repeat);
  };
}
