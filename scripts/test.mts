// npm test: unit and integration tests (vitest, on a real PostgreSQL the run starts
// itself), then the end-to-end tests (Playwright in a real Chromium, against the app
// started as `npm start` starts it, on a database of its own). Ends with one line
// counting every test: "Tests: N passed, N failed".
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { findBrowser } from "../e2e/support/browser";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

async function main() {
  const work = await mkdtemp(path.join(tmpdir(), "docketline-npm-test-"));
  // As root, the embedded PostgreSQL runs as `postgres`, which must reach the e2e data folder.
  await chmod(work, 0o755);
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  let failed = false;
  try {
    const browser = findBrowser({ install: true });
    console.log(`End-to-end browser: ${browser!.description}`);

    console.log("\n== Unit and integration tests (vitest) ==");
    const vitestReport = path.join(work, "vitest.json");
    const vitestCode = await run(process.execPath, [
      "node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`,
    ]);
    const vitest = (await readJson(vitestReport).catch(() => null)) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
    if (vitest) {
      totals.passed += vitest.numPassedTests;
      totals.failed += vitest.numFailedTests;
      totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
    }
    if (vitestCode !== 0) failed = true;

    console.log("\n== End-to-end tests (Playwright) ==");
    const e2eData = path.join(work, "e2e-data");
    const playwrightReport = path.join(work, "playwright.json");
    const playwrightCode = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], {
      ...process.env,
      ...(browser!.executablePath ? { DOCKETLINE_CHROMIUM: browser!.executablePath } : {}),
      DOCKETLINE_E2E_DATA_DIR: e2eData,
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    });
    const playwright = (await readJson(playwrightReport).catch(() => null)) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
    if (playwright) {
      totals.passed += playwright.stats.expected + playwright.stats.flaky;
      totals.failed += playwright.stats.unexpected;
      totals.skipped += playwright.stats.skipped;
    }
    if (playwrightCode !== 0) failed = true;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (failed && totals.failed === 0) totals.failed = 1; // a run that crashed before counting
  // A failure counted is a failure, whatever the runner's exit code said (vitest has exited
  // 0 with a failed test, its run interrupted by an unhandled error from another file).
  if (totals.failed > 0) failed = true;
  console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
