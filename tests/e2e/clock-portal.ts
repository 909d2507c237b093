import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { listMail, type ReceivedMail } from "../support/smtp-server";
import { e2e } from "./environment";

/**
 * A second built portal with a settable clock (TEST_CLOCK=on), for journeys
 * that must reach a reminder's time without waiting a day. It has its own
 * embedded database in a temporary DATA_DIR, seeded with the demo data on
 * start as `npm start` does. It sends mail to the run's SMTP test server from
 * a sender address of its own, so the mailbox helpers below read only the
 * mail of the clock portal on the port they are given. It listens on
 * `e2e.clockPortalPort` unless given another port, so two specs that run at
 * the same time can each have one.
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

/** Return the From address of the clock portal on `port`. */
function clockPortalSender(port: number): string {
  return `ReConnect <clock-portal-${port}@reconnect.invalid>`;
}

export async function startClockPortal(options: { port?: number } = {}): Promise<ClockPortal> {
  const port = options.port ?? e2e.clockPortalPort;
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "reconnect-e2e-clock-"));
  const child = spawn(process.execPath, ["server.js"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_MODE: "auto",
      TEST_CLOCK: "on",
      SMTP_URL: `smtp://127.0.0.1:${e2e.smtpPort}`,
      MAIL_FROM: clockPortalSender(port),
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

interface MailboxOptions {
  /** The port of the clock portal whose mail to read; `e2e.clockPortalPort` unless given. */
  port?: number;
}

/** Fetch every mail the clock portal on `port` sent to `to`, oldest first. */
export async function readMailbox(to: string, options: MailboxOptions = {}): Promise<ReceivedMail[]> {
  const sender = clockPortalSender(options.port ?? e2e.clockPortalPort);
  return (await listMail(e2e.mailboxPort, to)).filter((mail) => mail.from === sender);
}

/** Wait for a mail from the clock portal on `port` to `to`, received at or after `after` (epoch ms), and return the newest. */
export async function waitForMailTo(to: string, options: MailboxOptions & { after?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  const after = options.after ?? 0;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = (await readMailbox(to, options)).filter((mail) => mail.receivedAt >= after).at(-1);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail to ${to} from the clock portal arrived within ${timeoutMs} ms.`);
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
