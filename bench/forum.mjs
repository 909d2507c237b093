// Measures the forum's pages against the production build on a seeded
// database: requests per second, p50 and p99 latency at 10 connections,
// server CPU milliseconds per request, and the gzipped JavaScript of each page.
//
// Run: npm run bench:forum   (builds first; `node bench/forum.mjs` reuses build/)
//
// Each size gets a fresh database and a fresh portal process:
// - postgres: a database `reconnect_bench_<random>` on BENCH_POSTGRES_URL's
//   server, dropped afterwards;
// - pglite: a temporary DATA_DIR, deleted afterwards.
// Options, as environment variables or --flags (e.g. --engines=pglite):
//   BENCH_ENGINES         postgres,pglite
//   BENCH_POSTGRES_SIZES  10000,1000000   posts per database
//   BENCH_PGLITE_SIZES    10000,100000
//   BENCH_POSTS_PER_THREAD 20            average thread length
//   BENCH_DURATION        10              seconds per measurement
//   BENCH_WARM_UP         3               seconds of load before each measurement
//   BENCH_CONNECTIONS     10
//   BENCH_PAGES           category,thread,search   the pages to measure
//   BENCH_SEARCH          søvn            the search query (a word in about one post in six)
//   BENCH_PORT            3920            the portal's port on 127.0.0.1
//   BENCH_POSTGRES_URL    postgres://postgres@127.0.0.1:5432/postgres   an admin connection that may create databases
//   BENCH_LOG_LEVEL       info            the portal's LOG_LEVEL; info logs every request, as in production
//   BENCH_EXTRA_SQL                          SQL to run after seeding, before ANALYZE, e.g. an index to try out
//   BENCH_KEEP_DATABASE   false           true keeps each PostgreSQL database or PGlite folder, for EXPLAIN ANALYZE afterwards
//   BENCH_PORTAL_NODE_ARGS                   Node options for the portal, separated by spaces, e.g. --cpu-prof --cpu-prof-dir=/tmp/profiles
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { PGlite } from "@electric-sql/pglite";
import autocannon from "autocannon";
import pg from "pg";

import { analyzeStatements, benchmarkThreadQuery, biggestCategorySlug, forumSeedStatements, readerAccountsQuery } from "./forum-seed.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const options = readOptions();
const base = `http://127.0.0.1:${options.port}`;
const clockTicksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** Page targets on the PostgreSQL server. */
const targets = {
  category: { p99Ms: 50, cpuMs: 3 },
  thread: { p99Ms: 50, cpuMs: 3 },
  search: { p99Ms: 100, cpuMs: 3 },
};
// "Flat" means the p50 at the largest size is at most this factor of the p50 at the smallest, or within the slack.
const flatFactor = 1.5;
const flatSlackMs = 2;
// autocannon's default: a response slower than this counts as a timeout, not as a latency.
const requestTimeoutSeconds = 10;

function readOptions() {
  const flags = Object.fromEntries(
    process.argv
      .slice(2)
      .filter((argument) => argument.startsWith("--"))
      .map((argument) => {
        // Split at the first "=" only: a value such as SQL may contain more.
        const separator = argument.indexOf("=");
        const name = separator === -1 ? argument.slice(2) : argument.slice(2, separator);
        const value = separator === -1 ? "true" : argument.slice(separator + 1);
        return [`BENCH_${name.toUpperCase().replaceAll("-", "_")}`, value];
      }),
  );
  const read = (name, fallback) => flags[name] ?? process.env[name] ?? fallback;
  const positive = (name, fallback) => {
    const value = Number(read(name, fallback));
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, but is ${JSON.stringify(read(name, fallback))}.`);
    return value;
  };
  const sizes = (name, fallback) =>
    String(read(name, fallback))
      .split(",")
      .map((size) => {
        const value = Number(size.trim().replaceAll("_", ""));
        if (!Number.isSafeInteger(value) || value < 100) throw new Error(`${name} must list post counts of at least 100, separated by commas, but contains ${JSON.stringify(size)}.`);
        return value;
      });

  const engines = String(read("BENCH_ENGINES", "postgres,pglite"))
    .split(",")
    .map((engine) => engine.trim());
  for (const engine of engines) {
    if (engine !== "postgres" && engine !== "pglite") throw new Error(`BENCH_ENGINES may contain postgres and pglite, but contains ${JSON.stringify(engine)}.`);
  }

  const pages = String(read("BENCH_PAGES", "category,thread,search"))
    .split(",")
    .map((page) => page.trim());
  for (const page of pages) {
    if (!["category", "thread", "search"].includes(page)) throw new Error(`BENCH_PAGES may contain category, thread and search, but contains ${JSON.stringify(page)}.`);
  }

  return {
    engines,
    pages,
    sizes: { postgres: sizes("BENCH_POSTGRES_SIZES", "10000,1000000"), pglite: sizes("BENCH_PGLITE_SIZES", "10000,100000") },
    postsPerThread: positive("BENCH_POSTS_PER_THREAD", 20),
    durationSeconds: positive("BENCH_DURATION", 10),
    warmUpSeconds: positive("BENCH_WARM_UP", 3),
    connections: positive("BENCH_CONNECTIONS", 10),
    search: String(read("BENCH_SEARCH", "søvn")),
    port: positive("BENCH_PORT", 3920),
    postgresUrl: String(read("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")),
    logLevel: String(read("BENCH_LOG_LEVEL", "info")),
    extraSql: String(read("BENCH_EXTRA_SQL", "")),
    keepDatabase: read("BENCH_KEEP_DATABASE", "false") === "true",
    portalNodeArguments: String(read("BENCH_PORTAL_NODE_ARGS", "")).split(" ").filter(Boolean),
  };
}

function progress(message) {
  process.stderr.write(`[bench:forum] ${message}\n`);
}

// Cleanup steps for whatever is running, so Ctrl-C also stops the portal and drops the database.
const cleanups = new Set();

async function withCleanup(cleanup, body) {
  cleanups.add(cleanup);
  try {
    return await body();
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    progress(`${signal} received, cleaning up`);
    for (const cleanup of [...cleanups].reverse()) await cleanup().catch((error) => progress(`cleanup failed: ${error.message}`));
    process.exit(130);
  });
}

// --- the portal process -------------------------------------------------------

function startPortal(databaseEnvironment) {
  const child = spawn(process.execPath, [...options.portalNodeArguments, "server.js"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Production mode: React renders with its production build, and demo sign-in is off.
      NODE_ENV: "production",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      DEMO_MODE: "off",
      LOG_LEVEL: options.logLevel,
      // Throwaway keys: production mode refuses to start without them, and the benchmark stores no identities.
      ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      LOOKUP_KEY: randomBytes(32).toString("base64"),
      ...databaseEnvironment,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function waitUntilReady(child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal exited with code ${child.exitCode} before it was ready. Its output is above.`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The portal did not respond to ${base}/readyz within 120 s. Its output is above.`);
}

/** Stop the portal by its PID: SIGTERM, then SIGKILL if it has not exited after 15 s. */
async function stopPortal(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

async function runPortal(databaseEnvironment, body) {
  const child = startPortal(databaseEnvironment);
  return withCleanup(
    () => stopPortal(child),
    async () => {
      await waitUntilReady(child);
      return body(child);
    },
  );
}

/** Busy CPU time of the whole machine in milliseconds, summed over cores, from /proc/stat (everything but idle and iowait). */
function machineBusyMilliseconds() {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal; guest time is already inside user and nice.
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return ((user + nice + system + irq + softirq + steal) * 1000) / clockTicksPerSecond;
}

/** User plus system CPU time of a process in milliseconds, from /proc (Linux only), or 0 once it has exited. */
function cpuMilliseconds(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return 0;
  }
  // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
}

// --- seeding --------------------------------------------------------------------

/**
 * Seed the forum through `execute(sql)` on one connection, then VACUUM
 * ANALYZE. Returns the thread to measure, the readers' account ids and the seconds taken.
 */
async function seedForum(execute, posts) {
  const started = performance.now();
  const threads = Math.max(1, Math.round(posts / options.postsPerThread));
  const statements = forumSeedStatements({ posts, threads, members: 200, readers: options.connections });
  for (const statement of statements) await execute(statement);
  const [thread] = await execute(benchmarkThreadQuery);
  if (!thread) throw new Error(`The seed of ${posts} posts has no published thread of 30 or more posts. Use a larger size or raise BENCH_POSTS_PER_THREAD.`);
  const readers = (await execute(readerAccountsQuery(options.connections))).map((row) => row.account_id);
  if (options.extraSql) await execute(options.extraSql);
  for (const statement of analyzeStatements) await execute(statement);
  return { threadId: thread.id, readers, seconds: (performance.now() - started) / 1000 };
}

/** Create one session per reader, as a sign-in would, and return the Cookie headers. */
async function createSessions(query, readers) {
  const cookies = [];
  for (const accountId of readers) {
    const token = randomBytes(32).toString("base64url");
    const tokenHash = createHash("sha256").update(token).digest("hex");
    await query(
      `insert into sessions (token_hash, account_id, created_at, last_seen_at, idle_timeout_seconds, expires_at, sign_in_method)
       values ($1, $2, now(), now(), 1800, now() + interval '12 hours', 'email')`,
      [tokenHash, accountId],
    );
    // A well-formed CSRF cookie too, or every response would set a new one.
    cookies.push(`rc_session=${token}; rc_csrf=${randomBytes(32).toString("base64url")}`);
  }
  return cookies;
}

async function countRows(query, table) {
  const [row] = await query(`select count(*) as count from ${table}`);
  return Number(row.count);
}

// --- measuring ------------------------------------------------------------------

function pagesToMeasure(threadId) {
  const pages = [
    { name: "category", path: `/forum/categories/${biggestCategorySlug}`, marker: /class="thread-list__item"/g, expected: 25 },
    { name: "thread", path: `/forum/threads/${threadId}?page=1`, marker: /<article id="post-/g, expected: 30 },
    { name: "search", path: `/forum/search?q=${encodeURIComponent(options.search)}`, marker: /class="forum-search-result"/g, expected: 20 },
  ];
  return pages.filter((page) => options.pages.includes(page.name));
}

/**
 * Load the page once as a reader, with no other load. Returns the HTML and
 * the milliseconds taken, or an error text when it is not a full 200 page.
 */
async function checkPage(page, cookie) {
  const started = performance.now();
  const response = await fetch(`${base}${page.path}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  const milliseconds = performance.now() - started;
  if (response.status !== 200) return { error: `GET returned ${response.status}` };
  const found = html.match(page.marker)?.length ?? 0;
  if (found < page.expected) return { error: `page shows ${found} items, expected at least ${page.expected}` };
  return { html, milliseconds };
}

/** Sum the gzipped size of every script the page loads or preloads from /assets. */
async function javascriptKilobytes(html) {
  const scripts = new Set();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) scripts.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) scripts.add(match[1] ?? match[2]);
  // React Router's inline bootstrap script imports the entry and route modules by path.
  for (const match of html.matchAll(/import\s*(?:\(\s*)?"(\/assets\/[^"]+\.js)"/g)) scripts.add(match[1]);

  let bytes = 0;
  for (const script of scripts) {
    const response = await fetch(new URL(script, base));
    if (!response.ok) throw new Error(`The script ${script} returned ${response.status}.`);
    bytes += gzipSync(Buffer.from(await response.arrayBuffer())).length;
  }
  return bytes / 1024;
}

function percentile(sortedSamples, fraction) {
  if (sortedSamples.length === 0) return Number.NaN;
  return sortedSamples[Math.min(sortedSamples.length - 1, Math.ceil(fraction * sortedSamples.length) - 1)];
}

/** Run autocannon; each connection signs in as its own reader. Returns latencies in ms. */
async function load(page, cookies, seconds) {
  let nextClient = 0;
  const latencies = [];
  const instance = autocannon({
    url: `${base}${page.path}`,
    connections: options.connections,
    duration: seconds,
    timeout: requestTimeoutSeconds,
    setupClient: (client) => {
      client.setHeaders({ cookie: cookies[nextClient++ % cookies.length] });
    },
  });
  instance.on("response", (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { result, latencies };
}

/**
 * Measure one page: warm up, then load it for the set duration while reading
 * the CPU time of the portal and of its database backends.
 */
async function measurePage(page, cookies, portalPid, backendCpuMilliseconds) {
  await load(page, cookies, options.warmUpSeconds);

  const machineBefore = machineBusyMilliseconds();
  const benchBefore = process.cpuUsage();
  const portalBefore = cpuMilliseconds(portalPid);
  const databaseBefore = await backendCpuMilliseconds();
  const { result, latencies } = await load(page, cookies, options.durationSeconds);
  const portalAfter = cpuMilliseconds(portalPid);
  const databaseAfter = await backendCpuMilliseconds();
  const bench = process.cpuUsage(benchBefore);
  const machineBusy = machineBusyMilliseconds() - machineBefore;

  // CPU that neither the portal, its database backends nor this load generator used: other work that inflated the latencies.
  const ownMilliseconds = portalAfter - portalBefore + (databaseBefore === null ? 0 : backendDelta(databaseBefore, databaseAfter)) + (bench.user + bench.system) / 1000;
  const otherCores = Math.max(0, machineBusy - ownMilliseconds) / (result.duration * 1000);

  const served = result["2xx"];
  const failures = result.non2xx + result.errors + result.timeouts;
  return {
    requestsPerSecond: served / result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuPerRequest: served > 0 ? (portalAfter - portalBefore) / served : Number.NaN,
    databaseCpuPerRequest: databaseBefore === null || served === 0 ? null : backendDelta(databaseBefore, databaseAfter) / served,
    failures,
    otherCores,
  };
}

/**
 * CPU used by backends between two snapshots (pid → ms). A backend that
 * started in between counts from zero.
 */
function backendDelta(before, after) {
  let total = 0;
  for (const [pid, milliseconds] of after) total += milliseconds - (before.get(pid) ?? 0);
  return total;
}

async function measureSize(engine, posts, seed, cookies, portalPid, backendCpuMilliseconds) {
  const rows = [];
  for (const page of pagesToMeasure(seed.threadId)) {
    const checked = await checkPage(page, cookies[0]);
    if (checked.error) {
      progress(`${engine} ${posts} ${page.name}: skipped, ${checked.error}`);
      rows.push({ engine, posts, page: page.name, skipped: checked.error });
      continue;
    }
    progress(`${engine} ${posts} ${page.name}: measuring ${options.durationSeconds} s at ${options.connections} connections`);
    const measured = await measurePage(page, cookies, portalPid, backendCpuMilliseconds);
    rows.push({
      engine,
      posts,
      page: page.name,
      ...measured,
      aloneMs: checked.milliseconds,
      javascriptKb: await javascriptKilobytes(checked.html),
      htmlKb: gzipSync(checked.html).length / 1024,
    });
  }
  return rows;
}

// --- engines --------------------------------------------------------------------

async function benchmarkPostgres(posts) {
  const admin = new pg.Client({ connectionString: options.postgresUrl });
  await admin.connect();
  const databaseName = `reconnect_bench_${randomBytes(6).toString("hex")}`;
  const databaseUrl = new URL(options.postgresUrl);
  databaseUrl.pathname = `/${databaseName}`;

  try {
    await admin.query(`create database ${databaseName}`);
    const dropDatabase = async () => {
      if (options.keepDatabase) progress(`postgres ${posts}: kept the database ${databaseName}; drop it with: dropdb -h 127.0.0.1 -U postgres ${databaseName}`);
      else await admin.query(`drop database if exists ${databaseName} with (force)`);
    };
    return await withCleanup(
      dropDatabase,
      () =>
        runPortal({ DATABASE_URL: databaseUrl.href }, async (portal) => {
          const client = new pg.Client({ connectionString: databaseUrl.href });
          await client.connect();
          try {
            const execute = async (text, values) => {
              const result = await client.query(text, values);
              return result.rows;
            };
            progress(`postgres ${posts}: seeding ${databaseName}`);
            const seed = await seedForum(execute, posts);
            progress(`postgres ${posts}: seeded ${await countRows(execute, "forum_posts")} posts in ${seed.seconds.toFixed(1)} s`);
            const cookies = await createSessions(execute, seed.readers);

            const backendCpuMilliseconds = async () => {
              const { rows } = await admin.query("select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend' and pid <> $2", [databaseName, client.processID]);
              return new Map(rows.map((row) => [row.pid, cpuMilliseconds(row.pid)]));
            };
            const rows = await measureSize("postgres", posts, seed, cookies, portal.pid, backendCpuMilliseconds);
            return { rows, seedSeconds: seed.seconds };
          } finally {
            await client.end();
          }
        }),
    );
  } finally {
    await admin.end();
  }
}

async function benchmarkPglite(posts) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "reconnect-bench-forum-"));
  const removeFolder = async () => {
    if (options.keepDatabase) progress(`pglite ${posts}: kept the data folder ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  };
  return withCleanup(
    removeFolder,
    async () => {
      // The first start creates the database and migrates it. PGlite admits one
      // process at a time, so the portal stops while the benchmark seeds.
      progress(`pglite ${posts}: creating the database in ${dataDir}`);
      await runPortal({ DATA_DIR: dataDir, DATABASE_URL: "" }, async () => undefined);

      const database = await PGlite.create({ dataDir: path.join(dataDir, "db") });
      let seed;
      let cookies;
      try {
        // `exec` runs statements such as VACUUM outside a transaction block; `query` binds parameters.
        const execute = async (text, values) => (values ? (await database.query(text, values)).rows : ((await database.exec(text)).at(-1)?.rows ?? []));
        progress(`pglite ${posts}: seeding`);
        seed = await seedForum(execute, posts);
        progress(`pglite ${posts}: seeded ${await countRows(execute, "forum_posts")} posts in ${seed.seconds.toFixed(1)} s`);
        cookies = await createSessions(execute, seed.readers);
      } finally {
        await database.close();
      }

      // PGlite runs inside the portal, so the portal's CPU time includes the database's.
      const rows = await runPortal({ DATA_DIR: dataDir, DATABASE_URL: "" }, (portal) => measureSize("pglite", posts, seed, cookies, portal.pid, async () => null));
      return { rows, seedSeconds: seed.seconds };
    },
  );
}

// --- report ---------------------------------------------------------------------

function format(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

function targetVerdict(row) {
  const target = targets[row.page];
  const misses = [];
  if (row.requestsPerSecond === 0) misses.push(`no response within ${requestTimeoutSeconds} s (one request alone took ${format(row.aloneMs, 0)} ms)`);
  if (row.p99 > target.p99Ms) misses.push(`p99 > ${target.p99Ms} ms`);
  if (!(row.cpuPerRequest <= target.cpuMs)) misses.push(`CPU > ${target.cpuMs} ms`);
  return misses.length === 0 ? "met" : `missed: ${misses.join(", ")}`;
}

function printTable(engine, results) {
  const withTargets = engine === "postgres";
  const header = ["posts", "page", "req/s", "p50 ms", "p99 ms", "server CPU ms/req", "DB CPU ms/req", "failed", "JS KB gz", "HTML KB gz", "other CPU", ...(withTargets ? ["targets"] : [])];
  console.log(`\n### ${engine === "postgres" ? "PostgreSQL server" : "PGlite (in the portal process)"}\n`);
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const { rows } of results) {
    for (const row of rows) {
      if (row.skipped) {
        console.log(`| ${row.posts.toLocaleString("en")} | ${row.page} | skipped: ${row.skipped} |${" |".repeat(header.length - 3)}`);
        continue;
      }
      const databaseCpu = engine === "pglite" ? "in server" : format(row.databaseCpuPerRequest, 2);
      const cells = [row.posts.toLocaleString("en"), row.page, format(row.requestsPerSecond, 0), format(row.p50), format(row.p99), format(row.cpuPerRequest, 2), databaseCpu, String(row.failures), format(row.javascriptKb), format(row.htmlKb), `${format(row.otherCores, 2)} cores`];
      if (withTargets) cells.push(targetVerdict(row));
      console.log(`| ${cells.join(" | ")} |`);
    }
  }
  console.log("");
  for (const { rows, seedSeconds } of results) console.log(`Seeding ${rows[0].posts.toLocaleString("en")} posts took ${seedSeconds.toFixed(1)} s.`);

  if (withTargets && results.length > 1) {
    const smallest = results[0].rows;
    const largest = results.at(-1).rows;
    for (const page of Object.keys(targets)) {
      const small = smallest.find((row) => row.page === page && !row.skipped);
      const large = largest.find((row) => row.page === page && !row.skipped);
      if (!small || !large) continue;
      const flat = large.p50 <= Math.max(small.p50 * flatFactor, small.p50 + flatSlackMs);
      console.log(
        `${page}: p50 ${format(small.p50)} ms at ${small.posts.toLocaleString("en")} posts, ${format(large.p50)} ms at ${large.posts.toLocaleString("en")}: ${flat ? "flat" : "not flat"} (limit ${flatFactor}× or +${flatSlackMs} ms).`,
      );
    }
  }
}

function describeMachine() {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`;
}

try {
  readFileSync(path.join(root, "build/server/index.js"));
} catch {
  throw new Error("build/server/index.js is missing. Run `npm run build` first, or run the benchmark with `npm run bench:forum`.");
}

console.log(`\nReConnect forum benchmark: ${describeMachine()}; ${options.connections} connections, ${options.durationSeconds} s per page after ${options.warmUpSeconds} s warm-up; search "${options.search}".`);
console.log(
  `The load generator, the portal and the database share this machine's cores. "other CPU" is the CPU time that other processes used during the measurement, in cores: well above 0, the latencies are inflated.`,
);
for (const engine of options.engines) {
  const results = [];
  for (const posts of options.sizes[engine]) results.push(engine === "postgres" ? await benchmarkPostgres(posts) : await benchmarkPglite(posts));
  printTable(engine, results);
}
