import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { E2E_DATA_DIR } from "./server";

const run = promisify(execFile);

/**
 * Imports a dataset into the running e2e app's database through the public CLI, which
 * finds the app's embedded PostgreSQL by its data folder. Imports upsert by id, so a
 * fixture imported by several tests or runs is written once. `draft`: new records
 * arrive as drafts (`npm run import -- --draft`).
 */
export function importFixture(file: string, options: { draft?: boolean } = {}): Promise<string> {
  return runCli("import.mts", [...(options.draft ? ["--draft"] : []), file]);
}

/** `npm run release -- --force` on the running e2e app's database: the release's number (a spec cannot know whether data changed since another's). */
export async function makeRelease(): Promise<number> {
  const stdout = await runCli("release.mts", ["--force"]);
  const number = /^Released Docketline release (\d+) /.exec(stdout)?.[1];
  if (!number) throw new Error(`npm run release said:\n${stdout}`);
  return Number(number);
}

/** A command of scripts/ on the e2e app's database, found by its data folder; its standard output. */
async function runCli(script: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", `scripts/${script}`, ...args], {
    env: { ...process.env, DOCKETLINE_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "" },
  });
  return stdout;
}

/** Imports a dataset written here, as importFixture does a file: for records made up by a test. */
export async function importDataset(dataset: { filings?: unknown[]; lawsuits?: unknown[]; [kind: string]: unknown }, options: { draft?: boolean } = {}): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "docketline-e2e-dataset-")), "dataset.json");
  writeFileSync(file, JSON.stringify({ format: "docketline/v1", ...dataset }));
  return importFixture(file, options);
}
