import { sql } from "drizzle-orm";

import type { Executor } from "./db";
import { rateLimits } from "./schema";

export interface RateLimitRule {
  /** Counter key, e.g. `sign-in:ip:203.0.113.5`. Never an e-mail address in clear. */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Count one hit in a fixed window shared by every instance through the database. */
export async function hitRateLimit(db: Executor, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);

  const [row] = await db
    .insert(rateLimits)
    .values({ bucket: rule.bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimits.bucket, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
    .returning({ hits: rateLimits.hits });

  const hits = row?.hits ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: hits <= rule.limit, retryAfterSeconds };
}

/** Delete windows that ended more than a day ago. */
export async function pruneRateLimits(db: Executor, now = new Date()) {
  await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${new Date(now.getTime() - 86_400_000)}`);
}
