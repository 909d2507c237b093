import { count, eq } from "drizzle-orm";

import { accounts } from "../identity/schema";
import { cafeJobHandlers } from "../cafes/cafe-jobs";
import { startNotificationMailer } from "../notifications/start-notification-mailer";
import { seedDemo } from "../../scripts/seed-demo";
import { createSettableClock, systemClock, type Clock, type SettableClock } from "./clock";
import type { Config } from "./config";
import type { KeyRing } from "./crypto";
import { openDatabase, type Database } from "./db";
import { startHousekeeping } from "./housekeeping";
import { startJobWorker, type JobWorker } from "./jobs";
import { loadKeyRing } from "./keys";
import type { Logger } from "./logger";
import { createMailer, type Mailer } from "./mail";
import { createPushSender, loadVapidKeys, type PushSender } from "./push";
import { deploymentSettings } from "./schema";

/** Everything a request needs from the running process, created once at start-up. */
export interface Portal {
  config: Config;
  db: Database;
  databaseKind: "pglite" | "postgres";
  keys: KeyRing;
  log: Logger;
  mailer: Mailer;
  /** Web push; `enabled` is false in production without VAPID keys. */
  push: PushSender;
  /** Ask for pending notification e-mails to be sent soon, e.g. after a post is published. */
  nudgeNotificationMailer(): void;
  /** "Now" for kaféer and reminders; settable only when TEST_CLOCK is on. */
  clock: Clock;
  /** Set when TEST_CLOCK is on: POST /test/clock moves this clock. */
  testClock?: SettableClock;
  jobs: JobWorker;
  /** Demo sign-in is offered; never true when NODE_ENV is production. */
  demo: boolean;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function startPortal(config: Config, log: Logger): Promise<Portal> {
  const started = Date.now();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  log.info({ database: handle.kind, created: handle.created, ms: Date.now() - started }, "database.opened");

  const keys = loadKeyRing(config, log);
  const demo = await prepareDemo(handle.db, handle.kind, config, keys, log);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const stopHousekeeping = startHousekeeping(handle.db, log);
  const notificationMailer = startNotificationMailer(handle.db, { keys, mailer, publicUrl: config.publicUrl, log });
  const testClock = config.testClock ? createSettableClock() : undefined;
  const clock = testClock ?? systemClock;
  const push = createPushSender(loadVapidKeys(config, log));
  const jobWorker = startJobWorker(handle.db, cafeJobHandlers({ keys, mailer, push, publicUrl: config.publicUrl, log, config, dataDir: config.dataDir }), { clock, log });

  return {
    config,
    db: handle.db,
    databaseKind: handle.kind,
    keys,
    log,
    mailer,
    push,
    nudgeNotificationMailer: notificationMailer.nudge,
    clock,
    testClock,
    jobs: jobWorker,
    demo,
    ping: handle.ping,
    close: async () => {
      stopHousekeeping();
      notificationMailer.stop();
      jobWorker.stop();
      mailer.close();
      await handle.close();
    },
  };
}

/**
 * Seed the demo on an empty database when demo mode allows it. The seed and the
 * demo flag commit in one transaction, so a crash mid-seed leaves an empty
 * database that seeds again on the next start.
 */
async function prepareDemo(db: Database, kind: "pglite" | "postgres", config: Config, keys: KeyRing, log: Logger): Promise<boolean> {
  if (config.env === "production" || config.demoMode === "off") return false;

  const [settings] = await db.select().from(deploymentSettings).where(eq(deploymentSettings.id, 1));
  if (settings?.demo) return true;

  const [{ value: accountCount } = { value: 0 }] = await db.select({ value: count() }).from(accounts);
  const wantsSeed = config.demoMode === "on" || (config.demoMode === "auto" && kind === "pglite");
  if (Number(accountCount) > 0 || !wantsSeed) return false;

  await db.transaction(async (tx) => {
    await seedDemo(tx, keys);
    await tx
      .insert(deploymentSettings)
      .values({ id: 1, demo: true, seededAt: new Date() })
      .onConflictDoUpdate({ target: deploymentSettings.id, set: { demo: true, seededAt: new Date() } });
  });
  log.info("demo.seeded");
  return true;
}
