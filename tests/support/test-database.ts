import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { inject } from "vitest";

import type { KeyRing } from "../../server/platform/crypto";
import type { Database } from "../../server/platform/db";
import * as schema from "../../server/schema";

export interface TestDatabase {
  kind: "pglite" | "postgres";
  db: Database;
  keys: KeyRing;
  close(): Promise<void>;
}

export const testKeys: KeyRing = {
  encryptionKeys: [{ id: "test1", key: Buffer.alloc(32, 7) }],
  lookupKey: Buffer.alloc(32, 9),
};

/**
 * The engines every integration suite runs on: PGlite always, and the
 * PostgreSQL server too when TEST_DATABASE_URL is set.
 */
export function testEngines(): ("pglite" | "postgres")[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated, empty database. PGlite copies are loaded from the
 * template the global setup made; on the server each call creates its own database.
 */
export async function createTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  if (kind === "pglite") {
    const template = readFileSync(inject("pgliteTemplatePath"));
    const folder = mkdtempSync(path.join(os.tmpdir(), "reconnect-test-"));
    const client = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([template]), postgresqlconf: ["shared_buffers=16MB"] });
    return {
      kind,
      db: drizzlePglite({ client, schema }) as unknown as Database,
      keys: testKeys,
      close: async () => {
        await client.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set, so the PostgreSQL suite cannot run.");
  const name = `reconnect_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: 5 });
  // `drop database … with (force)` ends connections a pool may still be closing; that is expected at teardown.
  pool.on("error", (error) => {
    if ((error as { code?: string }).code !== "57P01") throw error;
  });
  await migrateNodePostgres(drizzleNodePostgres({ client: pool, schema }), { migrationsFolder: path.resolve(import.meta.dirname, "../../drizzle") });

  return {
    kind,
    db: drizzleNodePostgres({ client: pool, schema }) as unknown as Database,
    keys: testKeys,
    close: async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
