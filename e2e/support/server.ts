// Where the e2e app keeps its database, shared by playwright.config.ts (which starts
// the app) and tests that add fixtures through the CLI while it runs.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

// A fresh folder per run, so every run starts from the seed alone. The config is loaded
// first by the runner, whose environment its workers inherit: they reuse the folder.
if (!process.env.DOCKETLINE_E2E_DATA_DIR) {
  const dir = mkdtempSync(path.join(tmpdir(), "docketline-e2e-"));
  // As root, the embedded PostgreSQL runs as "postgres", which must reach the folder.
  chmodSync(dir, 0o755);
  process.env.DOCKETLINE_E2E_DATA_DIR = dir;
}
export const E2E_DATA_DIR = process.env.DOCKETLINE_E2E_DATA_DIR;
