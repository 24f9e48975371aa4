// The import reads its file as a stream (decision 018): a bad record is found wherever it
// is, even last in a large file, and nothing is written; and the memory it holds does not
// grow with the file. Both through the command line, as a user runs it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";

import { runScript } from "./support/cli";
import { createTestDatabase, FOUNDING_DATASET_PATH, snapshotTables, type TestDatabase } from "./support/database";

/* eslint-disable @typescript-eslint/no-explicit-any -- generated datasets, broken on purpose */
type Json = any;

const LARGE = 3_000;
const TIMEOUT = 180_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "docketline-stream-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function writeDataset(name: string, dataset: object): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, serializeDataset(dataset));
  return file;
}

describe("A large file whose very last record is bad", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const run = await runScript("import.mts", [FOUNDING_DATASET_PATH], { DATABASE_URL: database.url });
    expect(run.code).toBe(0);
  });
  afterAll(async () => database.drop());

  const lastFiling = (dataset: Json) => dataset.filings[dataset.filings.length - 1];

  async function refused(dataset: Json): Promise<string> {
    const file = await writeDataset("broken.json", dataset);
    const before = await snapshotTables(database.sql);
    const run = await runScript("import.mts", [file], { DATABASE_URL: database.url }, TIMEOUT);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Nothing was imported. The dataset has 1 problem:");
    expect(run.stdout).not.toContain("Imported");
    expect(await snapshotTables(database.sql)).toEqual(before);
    return run.stderr;
  }

  it("is named with its record and field, and nothing of the thousands before it is written", { timeout: TIMEOUT }, async () => {
    const dataset: Json = generateDataset({ filings: LARGE, seed: 5 });
    const last = lastFiling(dataset);
    last.states[0].jurisdiction = "ZZ";
    const stderr = await refused(dataset);
    expect(stderr).toContain(`filings[${LARGE - 1}] "${last.id}": states[0].jurisdiction "ZZ" is not a known jurisdiction`);
  });

  it("naming a lawsuit that is neither in the file nor in the database, is refused before anything is written", { timeout: TIMEOUT }, async () => {
    const dataset: Json = generateDataset({ filings: LARGE, seed: 5 });
    const last = lastFiling(dataset);
    last.lawsuit = "no-such-lawsuit";
    const stderr = await refused(dataset);
    expect(stderr).toContain(`filings[${LARGE - 1}] "${last.id}": lawsuit "no-such-lawsuit" is not a lawsuit in this dataset or the database`);
  });
});

describe("A large file cut off before its end", () => {
  it("is reported as malformed JSON with its line, and nothing of the records before is written", { timeout: TIMEOUT }, async () => {
    const database = await createTestDatabase();
    try {
      const text = serializeDataset(generateDataset({ filings: LARGE, seed: 5 }));
      const file = path.join(dir, "cut-off.json");
      // The last record's closing brackets are lost: every record before it was read and staged.
      await writeFile(file, `${text.slice(0, text.length - 20)}}}}`);
      const run = await runScript("import.mts", [file], { DATABASE_URL: database.url }, TIMEOUT);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/Nothing was imported\. Malformed JSON at line \d+, column \d+: /);
      const [{ n }] = await database.sql`SELECT count(*)::int AS n FROM filing`;
      expect(n).toBe(0);
    } finally {
      await database.drop();
    }
  });
});

describe("A file that gives a list of records twice", () => {
  it("is refused, where JSON.parse would have kept the last list silently", { timeout: TIMEOUT }, async () => {
    const database = await createTestDatabase();
    try {
      const letter = (id: string) => ({ id, lawsuit: null, kind: "letter", title: "A letter", dateFiled: "2018-06", summary: "A letter." });
      const file = path.join(dir, "twice.json");
      const filings = (id: string) => JSON.stringify([letter(id)]);
      await writeFile(file, `{"format": "docketline/v1", "filings": ${filings("first-letter")}, "filings": ${filings("second-letter")}}`);
      const run = await runScript("import.mts", [file], { DATABASE_URL: database.url }, TIMEOUT);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('the dataset has the field "filings" more than once');
      const [{ n }] = await database.sql`SELECT count(*)::int AS n FROM filing`;
      expect(n).toBe(0);
    } finally {
      await database.drop();
    }
  });
});

describe("The import's memory", () => {
  const SMALL = 1_500;
  const LARGER = 6_000;
  // What a whole file in memory would add for the larger file is several times this.
  const MARGIN_MB = 16;

  async function peakHeap(filings: number): Promise<number> {
    const database = await createTestDatabase();
    try {
      const file = await writeDataset(`generated-${filings}.json`, generateDataset({ filings, seed: 9 }));
      const run = await runScript("import.mts", ["--memory", file], { DATABASE_URL: database.url }, TIMEOUT);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain(`filings    ${filings} created`);
      const match = /Peak memory: ([\d.]+) MB of live heap, ([\d.]+) MB resident/.exec(run.stdout);
      expect(match, run.stdout).not.toBeNull();
      console.log(`${filings} filings: ${match![1]} MB of live heap, ${match![2]} MB resident`);
      return Number(match![1]);
    } finally {
      await database.drop();
    }
  }

  it(`does not grow with the file: ${LARGER.toLocaleString("en-US")} filings need at most ${MARGIN_MB} MB more live heap than ${SMALL.toLocaleString("en-US")}`, { timeout: 2 * TIMEOUT }, async () => {
    const small = await peakHeap(SMALL);
    const large = await peakHeap(LARGER);
    expect(small).toBeGreaterThan(0);
    expect(large - small).toBeLessThan(MARGIN_MB);
  });
});
