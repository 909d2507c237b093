// Starts ReConnect: `node server.js` serves the built app from build/; `node server.js --dev` runs Vite's dev server inside Express.
import path from "node:path";
import { fileURLToPath } from "node:url";

import express from "express";

const root = path.dirname(fileURLToPath(import.meta.url));
const development = process.argv.includes("--dev");

let vite;
let entry;
if (development) {
  const { createServer } = await import("vite");
  vite = await createServer({ root, server: { middlewareMode: true }, appType: "custom" });
  entry = await vite.ssrLoadModule("./server/app.ts");
} else {
  entry = await import("./build/server/index.js");
}

let config;
try {
  config = entry.loadConfig(process.env);
} catch (error) {
  if (error instanceof entry.ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const log = entry.createLogger(config.logLevel);
let portal;
try {
  portal = await entry.startPortal(config, log);
} catch (error) {
  log.fatal({ err: error }, "portal.start_failed");
  process.exit(1);
}

const assets = development
  ? vite.middlewares
  : express.Router()
      .use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }))
      .use(express.static(path.join(root, "build/client"), { maxAge: "1h", index: false }));

const app = entry.createPortalApp({ portal, build: entry.loadServerBuild, development, assets });
const server = app.listen(config.port, config.host, (error) => {
  // Express 5 hands a failed listen (port in use, unknown host) to this callback instead of throwing.
  if (error) {
    const fix = error.code === "EADDRINUSE" ? `port ${config.port} is already in use; stop the other program or set PORT to a free port` : `check HOST (${config.host}) and PORT (${config.port})`;
    log.fatal({ err: error, host: config.host, port: config.port }, "portal.listen_failed");
    console.error(`ReConnect could not listen on ${config.host}:${config.port}: ${error.message}. Fix: ${fix}.`);
    void portal.close().finally(() => process.exit(1));
    return;
  }
  log.info({ url: config.publicUrl.href, host: config.host, port: config.port, demo: portal.demo, uptimeMs: Math.round(process.uptime() * 1000) }, "portal.started");
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "portal.stopping");
  server.close();
  server.closeAllConnections();
  await vite?.close();
  // PGlite keeps the process alive until it is closed, and closing it flushes its files.
  await portal.close();
  log.info({ signal }, "portal.stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
