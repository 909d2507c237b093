/**
 * A separate Node process that opens the embedded database, for tests that
 * need a second process or a process they can kill. Run with
 * `node --import tsx tests/support/open-database-child.ts <mode> <dataDir>`.
 *
 * Modes:
 * - `open`: open (creating the folder if needed), print `ready`, wait.
 * - `insert`: open, commit one community named `survivor`, print `committed <id>`, wait.
 * SIGTERM closes the database and exits 0.
 */
import { communities } from "../../server/communities/schema";
import { openDatabase } from "../../server/platform/db";

const [mode, dataDir] = process.argv.slice(2);
if ((mode !== "open" && mode !== "insert") || !dataDir) {
  console.error("Usage: open-database-child.ts open|insert <dataDir>");
  process.exit(2);
}

const handle = await openDatabase({ dataDir });
process.on("SIGTERM", () => {
  void handle.close().then(() => process.exit(0));
});

if (mode === "insert") {
  const [row] = await handle.db.insert(communities).values({ name: "survivor", slug: `survivor-${process.pid}` }).returning({ id: communities.id });
  process.stdout.write(`committed ${row!.id}\n`);
} else {
  process.stdout.write("ready\n");
}

// Keep the process, and with it the database, open until the test ends it.
setInterval(() => undefined, 60_000);
