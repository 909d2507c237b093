import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
  }
}

/** Build one migrated PGlite database and dump it, so each test database is a copy instead of a slow initdb. */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "reconnect-template-"));
  const client = await PGlite.create({ dataDir: path.join(folder, "db"), postgresqlconf: ["shared_buffers=16MB"] });
  await migrate(drizzle({ client }), { migrationsFolder: path.resolve(import.meta.dirname, "../../drizzle") });
  const dump = await client.dumpDataDir("none");
  await client.close();

  const templatePath = path.join(folder, "template.tar");
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplatePath", templatePath);

  return () => rmSync(folder, { recursive: true, force: true });
}
