// The import and export commands, run as a user runs them: a child process with
// DATABASE_URL set, reading and writing real files.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runScript as runCli, type Run } from "./support/cli";
import { createTestDatabase, FOUNDING_DATASET_PATH, readFoundingDataset, snapshotTables, type TestDatabase } from "./support/database";

function runScript(script: string, args: string[], databaseUrl: string): Promise<Run> {
  return runCli(script, args, { DATABASE_URL: databaseUrl });
}

describe("The command line", () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "docketline-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database.drop();
  });

  // These steps run in order against one database: empty, then holding the founding data.
  describe("import, then export, then import again", () => {
    it("imports the founding file into an empty database and prints what it created", async () => {
      const run = await runScript("import.mts", [FOUNDING_DATASET_PATH], database.url);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Imported ${FOUNDING_DATASET_PATH}`);
      expect(run.stdout).toContain("  courts     4 created, 0 updated, 0 unchanged\n");
      expect(run.stdout).toContain("  officials  5 created, 0 updated, 0 unchanged\n");
      expect(run.stdout).toContain("  lawsuits   5 created, 0 updated, 0 unchanged\n");
      expect(run.stdout).toContain("  filings    22 created, 0 updated, 0 unchanged\n");
      const [{ n }] = await database.sql`SELECT count(*)::int AS n FROM filing`;
      expect(n).toBe(22);
    });

    it("refuses a file with an unknown jurisdiction, names the problem and changes nothing", async () => {
      const dataset = JSON.parse(await readFoundingDataset());
      dataset.filings[3].states[2].jurisdiction = "ZZ";
      const file = path.join(dir, "unknown-jurisdiction.json");
      await writeFile(file, JSON.stringify(dataset, null, 2));
      const before = await snapshotTables(database.sql);
      expect(before.filing).toHaveLength(22);

      const run = await runScript("import.mts", [file], database.url);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("Nothing was imported.");
      expect(run.stderr).toContain(
        'filings[3] "ag-letter-2018-06-19-family-separation": states[2].jurisdiction "ZZ" is not a known jurisdiction',
      );
      expect(run.stdout).not.toContain("Imported");
      expect(await snapshotTables(database.sql)).toEqual(before);
    });

    it("refuses malformed JSON with its line and column, and changes nothing", async () => {
      const file = path.join(dir, "missing-comma.json");
      await writeFile(file, '{\n  "format": "docketline/v1"\n  "courts": []\n}\n');
      const before = await snapshotTables(database.sql);

      const run = await runScript("import.mts", [file], database.url);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("Nothing was imported. Malformed JSON at line 3, column 3: comma expected");
      expect(run.stdout).not.toContain("Imported");
      expect(await snapshotTables(database.sql)).toEqual(before);
    });

    it("says there is no such file when the file does not exist", async () => {
      const file = path.join(dir, "does-not-exist.json");
      const run = await runScript("import.mts", [file], database.url);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`No such file: ${file}`);
      expect(run.stdout).not.toContain("Imported");
    });

    it("exports a docketline/v1 file with the 22 filings", async () => {
      const file = path.join(dir, "export.json");
      const run = await runScript("export.mts", [file], database.url);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Exported 5 lawsuits and 22 filings to ${file}`);
      const exported = JSON.parse(await readFile(file, "utf8"));
      expect(exported.format).toBe("docketline/v1");
      expect(exported.filings).toHaveLength(22);
      expect(exported.lawsuits).toHaveLength(5);
    });

    it("imports the founding file a second time without changing anything", async () => {
      const before = await snapshotTables(database.sql);
      const run = await runScript("import.mts", [FOUNDING_DATASET_PATH], database.url);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("  filings    0 created, 0 updated, 22 unchanged\n");
      expect(run.stdout).toContain("  lawsuits   0 created, 0 updated, 5 unchanged\n");
      expect(await snapshotTables(database.sql)).toEqual(before);
    });

    it("brings new records in as drafts with --draft, leaving existing ones as they are", async () => {
      const founding = JSON.parse(await readFoundingDataset());
      const letter = { ...founding.filings.find((f: { lawsuit: string | null }) => f.lawsuit === null), id: "letter-for-review", title: "A letter to review" };
      const file = path.join(dir, "review.json");
      await writeFile(file, JSON.stringify({ ...founding, filings: [...founding.filings, letter] }));
      const run = await runScript("import.mts", ["--draft", file], database.url);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("(new records as drafts)");
      expect(run.stdout).toContain("  filings    1 created, 0 updated, 22 unchanged\n");
      const rows = await database.sql<{ id: string; publication: string }[]>`
        SELECT id, publication::text FROM filing WHERE id IN ('letter-for-review', 'wa-v-us-2018-dkt-15') ORDER BY id`;
      expect(rows).toEqual([
        { id: "letter-for-review", publication: "draft" },
        { id: "wa-v-us-2018-dkt-15", publication: "published" },
      ]);
    });

    it("refuses an unknown option, naming it", async () => {
      const run = await runScript("import.mts", ["--drafts", FOUNDING_DATASET_PATH], database.url);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("Unknown option --drafts");
    });
  });
});
