// The research coding through the streaming importer (decision 027): its records are
// checked as they are read and named by record and field; its rules across records are
// checked against the file's own lawsuits and filings before anything is written, so a
// bad coding last in a large file leaves the database as it was; and a bulk import
// leaves the planner statistics for what it wrote. Through the command line.
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
let database: TestDatabase;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "docketline-coding-"));
  database = await createTestDatabase();
  const run = await runScript("import.mts", [FOUNDING_DATASET_PATH], { DATABASE_URL: database.url });
  expect(run.code).toBe(0);
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

/** A large generated file with the first lawsuits coded, each citing its first filing with states for those states' sides. */
function codedDataset(codedLawsuits: number): Json {
  const dataset: Json = generateDataset({ filings: LARGE, seed: 7 });
  dataset.coding = dataset.lawsuits.slice(0, codedLawsuits).map((lawsuit: Json) => {
    const filing = dataset.filings.find((f: Json) => f.lawsuit === lawsuit.id && f.states.length > 0);
    return {
      lawsuit: lawsuit.id,
      issueAreas: ["immigration"],
      sources: lawsuit.sources.slice(0, 1),
      stateSides: filing.states.map((s: Json) => ({ jurisdiction: s.jurisdiction, side: "plaintiff", filing: filing.id })),
    };
  });
  return dataset;
}

async function importFile(name: string, dataset: Json) {
  const file = path.join(dir, name);
  await writeFile(file, serializeDataset(dataset));
  return runScript("import.mts", [file], { DATABASE_URL: database.url }, TIMEOUT);
}

async function refused(dataset: Json): Promise<string> {
  const before = await snapshotTables(database.sql);
  const run = await importFile("broken.json", dataset);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain("Nothing was imported. The dataset has 1 problem:");
  expect(await snapshotTables(database.sql)).toEqual(before);
  return run.stderr;
}

describe("A large file whose last coding is bad", () => {
  it("with a malformed field, is refused naming the coding and the field, and none of its thousands of filings is written", { timeout: TIMEOUT }, async () => {
    const dataset = codedDataset(3);
    const last = dataset.coding[2];
    last.outcome = { class: "won-outright", sources: [] };
    const stderr = await refused(dataset);
    expect(stderr).toContain(`coding[2] "${last.lawsuit}": outcome.class "won-outright" must be one of`);
  });

  it("citing a filing of another lawsuit of the same file, is refused before anything is written", { timeout: TIMEOUT }, async () => {
    const dataset = codedDataset(3);
    const last = dataset.coding[2];
    const other = dataset.coding[0].stateSides[0].filing;
    last.stateSides[0].filing = other;
    const stderr = await refused(dataset);
    expect(stderr).toContain(
      `coding[2] "${last.lawsuit}": stateSides[0].filing "${other}" is a filing of another lawsuit ("${dataset.coding[0].lawsuit}"), not of "${last.lawsuit}"`,
    );
  });

  it("coding a lawsuit a second time, is refused naming the second record", { timeout: TIMEOUT }, async () => {
    const dataset = codedDataset(2);
    dataset.coding.push({ ...dataset.coding[0] });
    const stderr = await refused(dataset);
    expect(stderr).toContain(`coding[2] "${dataset.coding[0].lawsuit}": lawsuit "${dataset.coding[0].lawsuit}" is coded by an earlier record too`);
  });
});

describe("A large file with its coding", () => {
  it("imports the coding with the lawsuits and filings it cites, and leaves statistics for the tables it filled", { timeout: TIMEOUT }, async () => {
    const dataset = codedDataset(5);
    const run = await importFile("coded.json", dataset);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  coding     5 created, 0 updated, 0 unchanged");

    const coded = dataset.coding.map((c: Json) => c.lawsuit);
    const sides = await database.sql<{ lawsuit_id: string; filing_id: string }[]>`
      SELECT lawsuit_id, filing_id FROM lawsuit_state_side WHERE lawsuit_id = ANY(${coded}) ORDER BY id`;
    expect(sides).toEqual(dataset.coding.flatMap((c: Json) => c.stateSides.map((s: Json) => ({ lawsuit_id: c.lawsuit, filing_id: s.filing }))));
    const [{ n }] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM revision WHERE record_kind = 'lawsuit-coding' AND record_id = ANY(${coded})`;
    expect(n).toBe(5);

    // Analysed by the import itself: a manual ANALYZE, where autovacuum's would come a minute or more later.
    const analysed = async () =>
      (
        await database.sql<{ relname: string }[]>`
          SELECT relname FROM pg_stat_user_tables WHERE relname IN ('filing', 'filing_state', 'demand') AND analyze_count > 0 ORDER BY 1`
      ).map((r) => r.relname);
    await expect.poll(analysed, { timeout: 10_000 }).toEqual(["demand", "filing", "filing_state"]);
  });
});
