import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { listMail, waitForMail, type ReceivedMail } from "../support/smtp-server";
import { e2e } from "./environment";

/**
 * A second built portal with a settable clock (TEST_CLOCK=on), for journeys
 * that must reach a reminder's time without waiting a day. It has its own
 * embedded database in a temporary DATA_DIR, seeded with the demo data on
 * start as `npm start` does, and sends mail to the run's SMTP test server.
 * Only one spec at a time may use it, since it listens on one fixed port.
 *
 *   let clockPortal: ClockPortal;
 *   test.beforeAll(async () => { clockPortal = await startClockPortal(); });
 *   test.afterAll(async () => { await clockPortal?.stop(); });
 */
export interface ClockPortal {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;

export async function startClockPortal(): Promise<ClockPortal> {
  const baseUrl = `http://127.0.0.1:${e2e.clockPortalPort}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "reconnect-e2e-clock-"));
  const child = spawn(process.execPath, ["server.js"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(e2e.clockPortalPort),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_MODE: "auto",
      TEST_CLOCK: "on",
      SMTP_URL: `smtp://127.0.0.1:${e2e.smtpPort}`,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "error",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("The clock portal did not start: node server.js got no process id.");

  const stop = async () => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(child, `${baseUrl}/readyz`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid, stop };
}

/**
 * Set the clock portal's "now" and run every job that is due by then, such
 * as reminders. Resolves with the portal's new time and how many jobs ran.
 */
export async function setPortalClock(baseUrl: string, instant: Date): Promise<{ now: string; jobsRun: number }> {
  const response = await fetch(`${baseUrl}/test/clock`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ now: instant.toISOString() }),
  });
  if (!response.ok) throw new Error(`POST /test/clock answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { now: string; jobsRun: number };
}

/** Fetch every mail the run's test mailbox received for `to`, oldest first. */
export function readMailbox(to: string): Promise<ReceivedMail[]> {
  return listMail(e2e.mailboxPort, to);
}

/** Wait for a mail to `to` received at or after `after` (epoch ms) and return the newest. */
export function waitForMailTo(to: string, options: { after?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  return waitForMail(e2e.mailboxPort, to, options);
}

async function waitForReady(child: ChildProcess, url: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The clock portal exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The clock portal did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s.`);
}

// Ends only the portal this helper started, by its own process id.
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceAfter = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(forceAfter);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
