import { tmpdir } from "node:os";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS, findBrowser } from "./e2e/support/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// npm test hands over a fresh folder; run directly, a fixed one under the temp folder.
const DATA_DIR = process.env.DOCKETLINE_E2E_DATA_DIR ?? path.join(tmpdir(), "docketline-e2e");
const browser = findBrowser();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: browser?.executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    // The app exactly as `npm start` runs it, on its own embedded database.
    command: "node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/start.mts",
    url: BASE_URL,
    env: { PORT: String(PORT), DOCKETLINE_DATA_DIR: DATA_DIR, DATABASE_URL: "", EMBEDDED_PG_PORT: "", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "" },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
