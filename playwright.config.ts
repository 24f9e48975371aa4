import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS, findBrowser } from "./e2e/support/browser";
import { E2E_DATA_DIR as DATA_DIR, E2E_PORT as PORT } from "./e2e/support/server";

const BASE_URL = `http://localhost:${PORT}`;
const browser = findBrowser();

export default defineConfig({
  testDir: "e2e",
  // Separate folders let two runs (say, two people's) proceed side by side.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Builds, a real browser and axe scans on a 2-core machine: generous, not flaky.
  timeout: 60_000,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: browser?.executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /\.writes\.spec\.ts$/ },
    // Specs that add rows (through the CLI) run last, so the others see the seed alone.
    { name: "writes", use: { ...devices["Desktop Chrome"] }, testMatch: /\.writes\.spec\.ts$/, testIgnore: /(write-paths|access-matrix)\.writes\.spec\.ts$/, dependencies: ["desktop"] },
    // Proves that refused writes change nothing by comparing the whole database before and
    // after: it runs alone, once every other spec has finished writing.
    { name: "alone", use: { ...devices["Desktop Chrome"] }, testMatch: /write-paths\.writes\.spec\.ts$/, dependencies: ["writes"] },
    // Every route and action for every kind of caller, with the same whole-database check:
    // after "alone", so that neither sees the other's accounts being made.
    { name: "access", use: { ...devices["Desktop Chrome"] }, testMatch: /access-matrix\.writes\.spec\.ts$/, dependencies: ["alone"] },
  ],
  webServer: {
    // The app exactly as `npm start` runs it, on its own embedded database.
    command: "node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/start.mts",
    url: BASE_URL,
    env: {
      PORT: String(PORT),
      DOCKETLINE_DATA_DIR: DATA_DIR,
      DATABASE_URL: "",
      EMBEDDED_PG_PORT: "",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
      // The browsers reach the app over loopback, as a reverse proxy would: trusted as one,
      // so that a spec can give a browser an address of its own in X-Forwarded-For
      // (e2e/support/staff.ts) and its failed sign-ins lock no other spec out.
      DOCKETLINE_TRUSTED_PROXIES: "loopback",
    },
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
