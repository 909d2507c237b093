import { defineConfig, devices } from "@playwright/test";

import { e2e } from "./tests/e2e/environment";

// Debian's Chromium: Playwright's own browser download cannot work on machines without internet access.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: e2e.baseUrl,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // Desktop Chrome's preset asks for English; the portal's people mostly browse in Norwegian.
  // The axe sweep switches shared demo people through every language, and a person's language is
  // stored on their account, so it runs after the journeys that read Norwegian text as those people.
  projects: [
    { name: "journeys", testIgnore: /accessibility\.spec\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined, locale: "nb-NO" } },
    { name: "accessibility", testMatch: /accessibility\.spec\.ts$/, dependencies: ["journeys"], use: { ...devices["Desktop Chrome"], channel: undefined, locale: "nb-NO" } },
  ],
});
