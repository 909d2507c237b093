import path from "node:path";

import { defineConfig } from "vitest/config";

// A separate config so Vitest does not load the React Router plugin (it would start the whole app build).
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["server/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // A new PGlite folder takes seconds to initialise on two cores; databases are cloned from one template instead.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    globalSetup: ["./tests/support/vitest-global-setup.ts"],
    pool: "forks",
  },
});
