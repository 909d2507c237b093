import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, found by walking up from this module to package.json.
 * Works from the source tree (Vitest, Vite dev) and from the bundle in build/server.
 */
export function findAppRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  let folder = start;
  while (!existsSync(path.join(folder, "package.json"))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${start}.`);
    folder = parent;
  }
  return folder;
}
