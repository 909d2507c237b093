import { sql } from "drizzle-orm";

import type { Database, Transaction } from "../../server/platform/db";

/**
 * Reproduce a race on the PostgreSQL server: `write` runs in a transaction that
 * stays open, `action` starts and blocks on that transaction's row locks (for
 * instance on a unique index), and only then does the transaction commit. So
 * `action` read the table before the write was visible and meets the write at
 * its insert. PGlite runs one transaction at a time, so it cannot host this.
 */
export async function commitWhileBlocked<T>(db: Database, write: (tx: Transaction) => Promise<void>, action: () => Promise<T>): Promise<T> {
  let signalWritten!: () => void;
  const written = new Promise<void>((resolve) => {
    signalWritten = resolve;
  });
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });

  const holder = db.transaction(async (tx) => {
    await write(tx);
    signalWritten();
    await released;
  });
  await Promise.race([written, holder]);

  const pending = action();
  try {
    await waitForLockWait(db);
  } finally {
    release();
    await holder;
  }
  return pending;
}

async function waitForLockWait(db: Database, timeoutMilliseconds = 5_000) {
  const deadline = Date.now() + timeoutMilliseconds;
  while (Date.now() < deadline) {
    // Both drivers return the rows in `rows`; pg gives count(*) as a string.
    const result = (await db.execute(
      sql`select count(*) as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { rows: { waiting: number | string }[] };
    if (Number(result.rows[0]?.waiting) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`No session waited on a lock within ${timeoutMilliseconds} ms, so the race was not reproduced.`);
}
