// Compares how long the e-mail code request takes for a registered and an
// unregistered address. If the two differ clearly, response time would tell
// an outsider which addresses have an account.
//
// Run: npm run build && node bench/email-code-timing.mjs
// Optional: BENCH_PORT (portal, default 3910), BENCH_SMTP_PORT (default 3911),
// BENCH_REQUESTS (per kind, default 50). Everything binds 127.0.0.1, and the
// portal runs on a temporary DATA_DIR with demo data, so the demo people's
// addresses are the registered ones.
//
// The portal limits codes to 5 per address and 20 per client in 15 minutes.
// The benchmark spreads registered requests over the 18 demo addresses (so at
// most 50 requests per kind), and runs the portal with TRUST_PROXY=true while
// giving each request its own X-Forwarded-For value, so the per-client limit
// does not end the run. The value is only a header, and no traffic goes to it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { SMTPServer } = require("smtp-server");

const port = Number(process.env.BENCH_PORT ?? 3910);
const smtpPort = Number(process.env.BENCH_SMTP_PORT ?? 3911);
const requestsPerKind = Number(process.env.BENCH_REQUESTS ?? 50);
const warmUpRequests = 5;
const base = `http://127.0.0.1:${port}`;

// The seeded demo addresses, in the order scripts/seed-demo.ts lists them.
const registered = [
  "siri.haugland", "kari.nordby", "ola.bergset", "ingrid.solvang", "jonas.eide", "maria.lunde",
  "ahmed.hassan", "emma.strand", "thomas.aas", "nina.holm", "lars.myhre", "sara.dahl",
  "per.kristiansen", "anne.berg", "erik.nilsen", "hanne.vik", "bjorn.saether", "liv.aune",
].map((name) => `${name}@demo.reconnect.invalid`);
const maxPerAddress = 5;
// Each request needs its own client address, and 198.51.100.0/24 has 254 usable ones.
const maxRequestsPerKind = Math.min(registered.length * maxPerAddress - warmUpRequests, Math.floor(254 / 2) - warmUpRequests);
if (requestsPerKind > maxRequestsPerKind) {
  throw new Error(`BENCH_REQUESTS=${requestsPerKind} is too many: at most ${maxRequestsPerKind} fit the per-address limit and the client addresses. Use a smaller number.`);
}

/** Start an SMTP server that only counts what it receives, per recipient. */
function startSmtpServer() {
  const received = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        for (const recipient of session.envelope.rcptTo) received.set(recipient.address.toLowerCase(), (received.get(recipient.address.toLowerCase()) ?? 0) + 1);
        callback();
      });
    },
  });
  server.on("error", (error) => console.error("smtp error:", error.message));
  return new Promise((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", () => resolve({ received, close: () => new Promise((done) => server.close(done)) }));
  });
}

function startPortal(dataDir) {
  return spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_MODE: "on",
      TRUST_PROXY: "true",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitUntilReady(child) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal exited with code ${child.exitCode} before it was ready.`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The portal did not respond on ${base}/readyz within 90 s. Check the portal output above.`);
}

/** Load the form once for its CSRF cookie and token, which every POST must carry. */
async function openForm() {
  const response = await fetch(`${base}/sign-in/email`);
  const cookie = response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  const token = /name="csrf" value="([^"]+)"/.exec(await response.text())?.[1];
  if (!token) throw new Error("The sign-in form has no CSRF token.");
  return { cookie, token };
}

let clientNumber = 0;

/** POST the request form and return the milliseconds until the whole response has arrived. */
async function timeRequest(form, email) {
  clientNumber += 1;
  const started = performance.now();
  const response = await fetch(`${base}/sign-in/email`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: form.cookie,
      // A documentation-range address (RFC 5737), one per request, as explained at the top.
      "X-Forwarded-For": `198.51.100.${clientNumber}`,
    },
    body: new URLSearchParams({ csrf: form.token, email, returnTo: "/" }),
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 302) throw new Error(`The request for a code returned ${response.status}, expected 302.`);
  return elapsed;
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1) };
}

const smtp = await startSmtpServer();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "reconnect-bench-email-"));
const portal = startPortal(dataDir);
try {
  await waitUntilReady(portal);
  const form = await openForm();

  for (let index = 0; index < warmUpRequests; index++) {
    await timeRequest(form, registered[index % registered.length]);
    await timeRequest(form, `warm-up-${index}@example.invalid`);
  }
  // Let the warm-up mails arrive before counting starts.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  smtp.received.clear();

  // Interleaved, so drift on the machine affects both kinds alike.
  const timings = { registered: [], unregistered: [] };
  for (let index = 0; index < requestsPerKind; index++) {
    timings.registered.push(await timeRequest(form, registered[(index + warmUpRequests) % registered.length]));
    timings.unregistered.push(await timeRequest(form, `nobody-${index}@example.invalid`));
  }
  // Give background sends a moment to reach the SMTP server before counting.
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  const mails = (predicate) => [...smtp.received].filter(([address]) => predicate(address)).reduce((sum, [, count]) => sum + count, 0);
  const rows = [
    { kind: "registered", ...summarise(timings.registered), mails: mails((address) => address.endsWith("@demo.reconnect.invalid")) },
    { kind: "unregistered", ...summarise(timings.unregistered), mails: mails((address) => address.endsWith("@example.invalid")) },
  ];

  console.log(`E-mail code request, ${requestsPerKind} requests per kind after ${warmUpRequests} warm-up each, PGlite, ${os.cpus().length} cores`);
  console.log("| address      | median ms | p95 ms | min ms | max ms | mails received |");
  console.log("|--------------|-----------|--------|--------|--------|----------------|");
  for (const row of rows) {
    const cells = [row.kind.padEnd(12), row.median.toFixed(1).padStart(9), row.p95.toFixed(1).padStart(6), row.min.toFixed(1).padStart(6), row.max.toFixed(1).padStart(6), String(row.mails).padStart(14)];
    console.log(`| ${cells.join(" | ")} |`);
  }
  const difference = rows[0].median - rows[1].median;
  console.log(`Median difference (registered − unregistered): ${difference.toFixed(1)} ms`);
} finally {
  await new Promise((resolve) => {
    if (portal.exitCode !== null) return resolve();
    portal.once("exit", resolve);
    portal.kill("SIGTERM");
  });
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
}
