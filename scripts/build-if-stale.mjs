// Runs `npm run build` unless build/ is newer than every source file, so `npm start` after an install
// (whose prepare step already built) starts in seconds, and after a code change still rebuilds.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sources = ["app", "server", "scripts", "messages", "project.inlang", "drizzle", "package.json", "package-lock.json", "vite.config.ts", "react-router.config.ts"];
const generated = new Set(["paraglide", "node_modules", ".react-router"]);
const stamp = path.join(root, "build", "server", "index.js");

function newestModification(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (generated.has(name)) continue;
    newest = Math.max(newest, newestModification(path.join(entry, name)));
  }
  return newest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sourcesChangedAt = Math.max(...sources.map((source) => path.join(root, source)).filter(existsSync).map(newestModification));

if (sourcesChangedAt > builtAt) {
  execSync("npm run build", { cwd: root, stdio: "inherit" });
} else {
  console.log("build/ is up to date; starting without rebuilding.");
}
