// An import killed with SIGKILL while it writes leaves the database as it was: the
// import is one transaction, which PostgreSQL rolls back when its connection dies.
// The long version, with the database server killed too and `npm start` after it, is
// `npm run crash` (scripts/crash.mts, docs/reliability.md).
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";
import { contentFingerprint } from "@/lib/db/content-hash";

import { runScript } from "./support/cli";
import { createTestDatabase, type TestDatabase } from "./support/database";

// Enough that the import is still writing when it is killed; the long runs are `npm run crash`.
const FILINGS = 1_000;
const ROOT = path.resolve(import.meta.dirname, "..");

describe("An import killed with SIGKILL in the middle of its transaction", () => {
  let database: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "docketline-crash-"));
    file = path.join(dir, "generated.json");
    await writeFile(file, serializeDataset(generateDataset({ filings: FILINGS, seed: 7 })));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database.drop();
  });

  it("leaves nothing of itself, and the next import brings all of it", { timeout: 120_000 }, async () => {
    const before = await contentFingerprint(database.sql);

    const importer = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/import.mts", file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: "ignore",
      // tsx runs the script in a child process of its own: kill them together.
      detached: true,
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => importer.once("exit", (_code, signal) => resolve(signal)));

    // A transaction id is assigned at a transaction's first write: from then on, it has
    // rows of its own that a crash must not leave behind.
    const deadline = Date.now() + 90_000;
    let writing: { rows_written: number } | undefined;
    while (!writing && Date.now() < deadline && importer.exitCode === null) {
      [writing] = await database.sql<{ rows_written: number }[]>`
        SELECT 1 AS rows_written FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`;
      if (!writing) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(writing, "the importer was seen writing before it ended").toBeDefined();
    process.kill(-importer.pid!, "SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // The server notices the dead connection and rolls its transaction back.
    await expect
      .poll(async () => (await database.sql`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).length, { timeout: 30_000 })
      .toBe(0);
    expect((await contentFingerprint(database.sql)).tables).toEqual(before.tables);

    const run = await runScript("import.mts", [file], { DATABASE_URL: database.url }, 110_000);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`filings    ${FILINGS} created`);
    const after = await contentFingerprint(database.sql);
    expect(after.tables.filing.rows).toBe(FILINGS);
  });
});
