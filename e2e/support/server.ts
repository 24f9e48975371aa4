// Where the e2e app keeps its database, shared by playwright.config.ts (which starts
// the app) and tests that add fixtures through the CLI while it runs.
import { tmpdir } from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// npm test hands over a fresh folder; run directly, a fixed one under the temp folder.
export const E2E_DATA_DIR = process.env.DOCKETLINE_E2E_DATA_DIR ?? path.join(tmpdir(), "docketline-e2e");
