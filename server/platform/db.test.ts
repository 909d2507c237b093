import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";

import { communities } from "../communities/schema";
import { openDatabase } from "./db";
import { findAppRoot } from "./paths";

const childScript = path.join(findAppRoot(), "tests/support/open-database-child.ts");
// A new PGlite folder takes 4–9 s to initialise on two cores, and the child process starts TypeScript through tsx first.
const SLOW = 120_000;

const children: ChildProcess[] = [];
const folders: string[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporaryDataDir(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "reconnect-db-test-"));
  folders.push(folder);
  return folder;
}

function startChild(mode: "open" | "insert", dataDir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", childScript, mode, dataDir], { cwd: findAppRoot(), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));

  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          clearInterval(timer);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearInterval(timer);
          reject(new Error(`The child process exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}. Output:\n${output}`));
        }
      };
      const timer = setInterval(check, 20);
    });
  return { child, waitFor };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("openDatabase on PGlite", () => {
  const sharedDataDir = temporaryDataDir();

  test(
    "reopening an existing folder keeps data",
    async () => {
      const first = await openDatabase({ dataDir: sharedDataDir });
      expect(first.created).toBe(true);
      await first.db.insert(communities).values({ name: "Kept", slug: "kept" });
      await first.close();
      expect(existsSync(path.join(sharedDataDir, "db.lock"))).toBe(false);

      const second = await openDatabase({ dataDir: sharedDataDir });
      try {
        expect(second.created).toBe(false);
        const rows = await second.db.select({ name: communities.name }).from(communities).where(eq(communities.slug, "kept"));
        expect(rows).toEqual([{ name: "Kept" }]);
      } finally {
        await second.close();
      }
    },
    SLOW,
  );

  test(
    "a second process holding the folder is refused",
    async () => {
      const holder = startChild("open", sharedDataDir);
      await holder.waitFor(/^ready$/m);

      await expect(openDatabase({ dataDir: sharedDataDir })).rejects.toThrow(
        `Another ReConnect process (pid ${holder.child.pid}) is using the database in ${sharedDataDir}. Stop it first, or set DATA_DIR to another folder.`,
      );

      holder.child.kill("SIGTERM");
      await exited(holder.child);
      expect(holder.child.exitCode).toBe(0);
      const reopened = await openDatabase({ dataDir: sharedDataDir });
      await reopened.close();
    },
    SLOW,
  );

  test(
    "a committed row survives SIGKILL of its writer",
    async () => {
      const writer = startChild("insert", sharedDataDir);
      const [, id] = await writer.waitFor(/^committed ([0-9a-f-]{36})$/m);

      writer.child.kill("SIGKILL");
      await exited(writer.child);
      expect(writer.child.signalCode).toBe("SIGKILL");
      // The killed writer leaves its lock file behind; a dead pid must not block the next start.
      expect(readFileSync(path.join(sharedDataDir, "db.lock"), "utf8").trim()).toBe(String(writer.child.pid));

      const handle = await openDatabase({ dataDir: sharedDataDir });
      try {
        const rows = await handle.db.select({ name: communities.name }).from(communities).where(eq(communities.id, id!));
        expect(rows).toEqual([{ name: "survivor" }]);
      } finally {
        await handle.close();
      }
    },
    SLOW,
  );

  /** Start a first run in a new folder and SIGKILL it while PGlite is writing the staging folder. */
  async function killFirstStartMidway(dataDir: string) {
    const staging = path.join(dataDir, "db.initialising");
    const starter = startChild("open", dataDir);

    // PGlite makes the folder, loads for a few seconds, then writes the cluster files within a few hundred
    // milliseconds (measured with PGlite 0.5.17 on two cores). The first file marks the middle of that write.
    await waitUntil(() => existsSync(staging) && readdirSync(staging).length > 0, 60_000, "the first file in the staging folder");
    starter.child.kill("SIGKILL");
    await exited(starter.child);

    expect(starter.child.signalCode).toBe("SIGKILL");
    expect(existsSync(staging)).toBe(true);
    expect(existsSync(path.join(dataDir, "db"))).toBe(false);
    return staging;
  }

  async function expectFreshWorkingDatabase(dataDir: string) {
    const handle = await openDatabase({ dataDir });
    try {
      expect(handle.created).toBe(true);
      expect(existsSync(path.join(dataDir, "db.initialising"))).toBe(false);
      expect(existsSync(path.join(dataDir, "db", "PG_VERSION"))).toBe(true);
      await handle.db.insert(communities).values({ name: "Fresh", slug: "fresh" });
      const rows = await handle.db.select({ name: communities.name }).from(communities);
      expect(rows).toEqual([{ name: "Fresh" }]);
    } finally {
      await handle.close();
    }
  }

  test(
    "a first start killed during initialisation is cleaned up",
    async () => {
      const dataDir = temporaryDataDir();
      await killFirstStartMidway(dataDir);
      await expectFreshWorkingDatabase(dataDir);
    },
    SLOW,
  );

  test(
    "a leftover that looks complete is still discarded",
    async () => {
      // PostgreSQL's initdb writes PG_VERSION before it builds the template databases, so a cluster cut
      // short can carry it. Adding it to a real leftover makes the half-made cluster look finished to PGlite.
      const dataDir = temporaryDataDir();
      const staging = await killFirstStartMidway(dataDir);
      writeFileSync(path.join(staging, "PG_VERSION"), "18\n");

      await expectFreshWorkingDatabase(dataDir);
    },
    SLOW,
  );
});
