import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";

import * as schema from "../schema";
import { findAppRoot } from "./paths";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction, for use cases that may run inside one. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** True when the embedded database folder was created by this start. */
  created: boolean;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(findAppRoot(), "drizzle");

// Any fixed number: every instance takes the same PostgreSQL advisory lock before migrating.
const MIGRATION_LOCK_ID = 4_207_311;

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
  // JIT compilation added 50 ms to over a second to the forum's short queries in bench/forum.mjs, and never paid off.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: "-c jit=off" });
  const db = drizzleNodePostgres({ client: pool, schema }) as unknown as Database;

  // Several instances may start at once: one migrates while the others wait on the lock.
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrateNodePostgres(drizzleNodePostgres({ client, schema }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }

  return {
    db,
    kind: "postgres",
    created: false,
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  mkdirSync(dataDir, { recursive: true });
  const folder = path.join(dataDir, "db");
  const lockFile = path.join(dataDir, "db.lock");
  takeFolderLock(lockFile);

  // A kill during initdb would leave a half-made cluster, so build it beside the
  // real folder and move it into place only when it is complete.
  const created = !existsSync(path.join(folder, "PG_VERSION"));
  if (created) {
    const staging = `${folder}.initialising`;
    rmSync(staging, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
    const fresh = await PGlite.create({ dataDir: staging, ...pgliteSettings });
    await fresh.close();
    renameSync(staging, folder);
  }

  const client = await PGlite.create({ dataDir: folder, ...pgliteSettings });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });

  return {
    db,
    kind: "pglite",
    created,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await client.close();
      rmSync(lockFile, { force: true });
    },
  };
}

// A smaller buffer pool keeps idle memory near 185 MB instead of about 325 MB.
const pgliteSettings = { postgresqlconf: ["shared_buffers=16MB"] };

/** Refuse to open the embedded database while another live process has it open: two writers corrupt it. */
function takeFolderLock(lockFile: string) {
  // `wx` creates the file only if it is absent, so two processes starting at once cannot both take the lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }

    const holder = Number(readFileSync(lockFile, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(
        `Another ReConnect process (pid ${holder}) is using the database in ${path.dirname(lockFile)}. Stop it first, or set DATA_DIR to another folder.`,
      );
    }
    // NOTE: a stale lock whose pid now belongs to an unrelated live process also refuses; delete db.lock by hand then.
    rmSync(lockFile, { force: true });
  }
  throw new Error(`Could not take the database lock ${lockFile}; another process took it at the same moment. Try again.`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
