// Measures start-up time, idle memory and page latency of the built portal.
// Run: npm run build && node bench/start-up.mjs   (uses port 3900 on 127.0.0.1 and a temporary DATA_DIR)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;

function startPortal(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, started };
}

async function waitUntilReady({ child, started }) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function residentMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function latencies(pathname, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${pathname}`);
    await response.text();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(count / 2)], p95: samples[Math.floor(count * 0.95)] };
}

function stop({ child }) {
  return new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "reconnect-bench-"));
const rows = [];
try {
  const cold = startPortal(dataDir);
  rows.push(["start, new data folder (initdb, migrate, seed)", `${(await waitUntilReady(cold)).toFixed(0)} ms`]);
  await stop(cold);

  const warm = startPortal(dataDir);
  rows.push(["start, existing data folder", `${(await waitUntilReady(warm)).toFixed(0)} ms`]);
  await new Promise((resolve) => setTimeout(resolve, 5000));
  rows.push(["idle RSS 5 s after start", `${residentMegabytes(warm.child.pid).toFixed(0)} MB`]);

  for (const pathname of ["/", "/acute-help", "/sign-in/demo"]) {
    await latencies(pathname, 10);
    const { median, p95 } = await latencies(pathname, 100);
    rows.push([`GET ${pathname}, 100 sequential (median / p95)`, `${median.toFixed(1)} / ${p95.toFixed(1)} ms`]);
  }
  rows.push(["RSS after the requests", `${residentMegabytes(warm.child.pid).toFixed(0)} MB`]);
  await stop(warm);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nReConnect start-up and idle figures (${os.cpus().length} cores, Node ${process.version})\n`);
console.log("| measure | value |\n|---|---|");
for (const [measure, value] of rows) console.log(`| ${measure} | ${value} |`);
