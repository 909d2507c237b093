import { and, asc, eq, lte, sql } from "drizzle-orm";

import type { Clock } from "./clock";
import type { Database, Executor, Transaction } from "./db";
import type { Logger } from "./logger";
import { jobs } from "./schema";

/**
 * Durable jobs on the portal's own database. One implementation serves PGlite
 * and the PostgreSQL server (docs/decisions/0009-durable-jobs.md):
 * - scheduling with a singleton key twice keeps the first job;
 * - a job is claimed with FOR UPDATE SKIP LOCKED inside a transaction that
 *   stays open while its handler runs, so two instances never run it at once
 *   and a crash rolls the claim back for a later run;
 * - a handler that throws is retried with a growing delay, then marked failed.
 */

export interface JobInput {
  queue: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /** Scheduling the same key again does nothing while the first job exists. */
  singletonKey?: string;
}

/** The result a handler reports, such as "sent", kept on the job row for tests and operators. It never carries content. */
export type JobOutcome = string;

export type JobHandler = (tx: Transaction, job: { id: string; payload: Record<string, unknown>; attempts: number }, now: Date) => Promise<JobOutcome>;

export const MAX_JOB_ATTEMPTS = 5;
const BATCH_SIZE = 20;

export async function scheduleJob(executor: Executor, input: JobInput): Promise<void> {
  await executor
    .insert(jobs)
    .values({ queue: input.queue, payload: input.payload, runAt: input.runAt, singletonKey: input.singletonKey ?? null })
    .onConflictDoNothing({ target: jobs.singletonKey });
}

/**
 * Run the jobs of one queue that are due at `now`, one transaction each.
 * Returns how many completed. Safe to call from several instances at once.
 */
export async function runDueJobs(db: Database, queue: string, handler: JobHandler, now: Date, log?: Logger): Promise<number> {
  let completed = 0;
  for (let index = 0; index < BATCH_SIZE; index++) {
    const ran = await db.transaction(async (tx) => {
      const [job] = await tx
        .select({ id: jobs.id, payload: jobs.payload, attempts: jobs.attempts })
        .from(jobs)
        .where(and(eq(jobs.queue, queue), eq(jobs.state, "pending"), lte(jobs.runAt, now)))
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!job) return "none" as const;

      try {
        const outcome = await tx.transaction(async (inner) => handler(inner, { id: job.id, payload: job.payload as Record<string, unknown>, attempts: job.attempts }, now));
        await tx
          .update(jobs)
          .set({ state: "done", outcome, attempts: sql`${jobs.attempts} + 1`, completedAt: sql`now()`, lastError: null })
          .where(eq(jobs.id, job.id));
        return "done" as const;
      } catch (error) {
        // The handler's own writes were rolled back with its savepoint; the attempt is recorded.
        const attempts = job.attempts + 1;
        const message = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
        log?.error({ err: error, jobId: job.id, queue, attempts }, "job.failed");
        await tx
          .update(jobs)
          .set({
            attempts,
            lastError: message,
            state: attempts >= MAX_JOB_ATTEMPTS ? "failed" : "pending",
            runAt: new Date(now.getTime() + retryDelayMs(attempts)),
          })
          .where(eq(jobs.id, job.id));
        return "retry" as const;
      }
    });
    if (ran === "none") break;
    if (ran === "done") completed++;
  }
  return completed;
}

/** Return the delay before the next attempt: 1, 5, 25, then 125 minutes, so a mail server that is down for an hour still gets the job. */
function retryDelayMs(attempts: number): number {
  return 60_000 * 5 ** (attempts - 1);
}

export interface JobWorker {
  /** Run due jobs now; resolves when the run is over. */
  runNow(): Promise<number>;
  stop(): void;
}

/**
 * Poll every queue with a handler every `intervalMs`. Every instance runs a
 * worker; the row locks decide who runs each job.
 */
export function startJobWorker(db: Database, handlers: Record<string, JobHandler>, services: { clock: Clock; log: Logger; intervalMs?: number }): JobWorker {
  let running: Promise<number> | null = null;
  const run = (): Promise<number> => {
    if (running) return running.then(() => run());
    running = (async () => {
      let total = 0;
      for (const [queue, handler] of Object.entries(handlers)) {
        try {
          total += await runDueJobs(db, queue, handler, services.clock.now(), services.log);
        } catch (error) {
          services.log.error({ err: error, queue }, "job.run_failed");
        }
      }
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const repeat = setInterval(() => void run(), services.intervalMs ?? 30_000);
  repeat.unref();
  return { runNow: run, stop: () => clearInterval(repeat) };
}
