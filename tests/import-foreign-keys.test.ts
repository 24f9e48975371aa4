// An import into an empty database drops the foreign keys of the tables it merges into
// and adds them back, validated, before its commit (decision 032), and builds their
// secondary indexes after the rows (decision 035). These tests hold that it leaves
// exactly the constraints and indexes it found, whether it succeeds, is refused or dies
// in the middle of the merge, that a violation only a foreign key can see is still
// refused, and that an import into a populated database keeps checking them one row at a
// time at the commit. Which path an import took is read from its timed phases: their
// names, never their durations.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { serializeDataset } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";
import { importDatasetText } from "@/lib/dataset/import";
import { DatasetValidationError } from "@/lib/dataset/problems";
import { ImportTimings } from "@/lib/dataset/timings";
import { createSql, type Sql } from "@/lib/db/sql";

import { runScript } from "./support/cli";
import { createTestDatabase, snapshotTables, type TestDatabase } from "./support/database";

/* eslint-disable @typescript-eslint/no-explicit-any -- generated datasets, broken on purpose */
type Json = any;

const TIMEOUT = 120_000;
const DROPPED = "foreign keys: drop";
const ADDED = "foreign keys: add back, validating";
const INDEXES_BUILT = "indexes: build";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.drop());

/**
 * Every constraint of the schema as PostgreSQL prints it, with its name, table and when
 * it is checked, then every index (decision 035 drops and builds some) and whether it is
 * valid, then every trigger and whether it is on (decisions 038 and 039 turn some off).
 */
async function constraints(sql: Sql) {
  return [
    ...(await sql`
      SELECT conrelid::regclass::text AS table, conname AS name, contype AS type, pg_get_constraintdef(oid) AS definition,
             condeferrable AS deferrable, condeferred AS deferred, convalidated AS validated
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      ORDER BY 1, 2`),
    ...(await sql`
      SELECT i.indrelid::regclass::text AS table, c.relname AS name, 'index' AS type, pg_get_indexdef(i.indexrelid) AS definition, i.indisvalid AS validated
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relnamespace = 'public'::regnamespace
      ORDER BY 1, 2`),
    ...(await sql`
      SELECT t.tgrelid::regclass::text AS table, t.tgname AS name, 'trigger' AS type, pg_get_triggerdef(t.oid) AS definition, t.tgenabled AS enabled
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
      ORDER BY 1, 2`),
  ];
}

/** The phases an import went through. */
async function importPhases(sql: Sql, dataset: object): Promise<string[]> {
  const timings = new ImportTimings();
  await importDatasetText(sql, JSON.stringify(dataset), { timings });
  return timings.report().phases.map((p) => p.phase);
}

/** Runs an import that must fail; returns its error and the phases it went through. */
async function failedImport(sql: Sql, dataset: object): Promise<{ error: unknown; phases: string[] }> {
  const timings = new ImportTimings();
  const error = await importDatasetText(sql, JSON.stringify(dataset), { timings }).then(
    () => expect.unreachable("the import succeeded"),
    (e: unknown) => e,
  );
  return { error, phases: timings.report().phases.map((p) => p.phase) };
}


describe("An import into an empty database", () => {
  it("checks its foreign keys after the merge and leaves exactly the constraints it found", { timeout: TIMEOUT }, async () => {
    const before = await constraints(database.sql);
    expect(before.filter((c) => c.type === "f").length).toBeGreaterThan(20);
    const phases = await importPhases(database.sql, generateDataset({ filings: 300, seed: 32, coding: true }));
    expect(phases).toContain(DROPPED);
    expect(phases).toContain(ADDED);
    expect(phases).toContain(INDEXES_BUILT);
    expect(before.filter((c) => c.type === "index").length).toBeGreaterThan(40);
    expect(await constraints(database.sql)).toEqual(before);
    const [{ n }] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM filing_state`;
    expect(n).toBeGreaterThan(0);
  });

  it("writes each filing's is_public with it, as the row trigger would, published or drafts", { timeout: TIMEOUT }, async () => {
    const dataset = generateDataset({ filings: 300, seed: 33 });
    const flags = async () => database.sql<{ id: string; is_public: boolean }[]>`SELECT id, is_public FROM filing ORDER BY id`;
    const timings = new ImportTimings();
    await importDatasetText(database.sql, JSON.stringify(dataset), { timings });
    expect(timings.report().phases.map((p) => p.phase)).toContain(DROPPED);
    const published = await flags();
    expect(published).toHaveLength(300);
    expect(published.every((f) => f.is_public)).toBe(true);
    // The row trigger, on again, computes the same flags for the same rows.
    await database.sql`UPDATE filing SET publication = publication`;
    expect(await flags()).toEqual(published);

    const drafts = await createTestDatabase();
    try {
      await importDatasetText(drafts.sql, JSON.stringify(dataset), { publication: "draft" });
      const [{ n }] = await drafts.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM filing WHERE is_public`;
      expect(n).toBe(0);
      // Publishing a draft lawsuit and its filings makes them public, through the triggers.
      const lawsuit = dataset.lawsuits![0].id;
      await drafts.sql`UPDATE filing SET publication = 'published' WHERE lawsuit_id = ${lawsuit}`;
      const [{ before }] = await drafts.sql<{ before: number }[]>`SELECT count(*)::int AS before FROM filing WHERE is_public`;
      expect(before).toBe(0);
      await drafts.sql`UPDATE lawsuit SET publication = 'published' WHERE id = ${lawsuit}`;
      const [{ after }] = await drafts.sql<{ after: number }[]>`SELECT count(*)::int AS after FROM filing WHERE is_public`;
      expect(after).toBe(dataset.filings!.filter((f) => f.lawsuit === lawsuit).length);
      expect(after).toBeGreaterThan(0);
    } finally {
      await drafts.drop();
    }
  });

  it("refused for a bad reference in its last record leaves the constraints and an empty database", { timeout: TIMEOUT }, async () => {
    const [before, rows] = [await constraints(database.sql), await snapshotTables(database.sql)];
    const dataset: Json = generateDataset({ filings: 300, seed: 32 });
    dataset.filings[dataset.filings.length - 1].lawsuit = "no-such-lawsuit";
    const { error, phases } = await failedImport(database.sql, dataset);
    expect(error).toBeInstanceOf(DatasetValidationError);
    // The importer's own reference check finds it before anything is dropped.
    expect(phases).not.toContain(DROPPED);
    expect(await constraints(database.sql)).toEqual(before);
    expect(await snapshotTables(database.sql)).toEqual(rows);
  });

  it("refused for a violation only a foreign key sees rolls the dropped keys back", { timeout: TIMEOUT }, async () => {
    // The importer checks jurisdictions against the list in the code, not the table: a
    // jurisdiction missing from the table is seen only by the foreign keys, here when
    // they are added back after the merge.
    const dataset: Json = generateDataset({ filings: 300, seed: 32 });
    const code: string = dataset.filings.find((f: Json) => f.states.length > 0).states[0].jurisdiction;
    await database.sql`DELETE FROM jurisdiction WHERE code = ${code}`;
    const [before, rows] = [await constraints(database.sql), await snapshotTables(database.sql)];
    const { error, phases } = await failedImport(database.sql, dataset);
    expect(String(error)).toMatch(/violates foreign key constraint "\w+_jurisdiction_code_fkey"/);
    expect(phases).toContain(DROPPED);
    expect(await constraints(database.sql)).toEqual(before);
    expect(await snapshotTables(database.sql)).toEqual(rows);
  });

  it("whose backend is killed in the middle of the merge leaves the constraints and an empty database", { timeout: TIMEOUT }, async () => {
    const [before, rows] = [await constraints(database.sql), await snapshotTables(database.sql)];
    const dir = await mkdtemp(path.join(tmpdir(), "docketline-foreign-keys-"));
    try {
      const file = path.join(dir, "dataset.json");
      await writeFile(file, serializeDataset(generateDataset({ filings: 3000, seed: 32 })));
      const run = runScript("import.mts", [file], { DATABASE_URL: database.url }, TIMEOUT);
      // The import holds the filings' table in ACCESS EXCLUSIVE mode from before it drops
      // the keys; once it inserts rows, the keys are dropped (other sessions cannot see
      // the catalogue's uncommitted state, so the merge's statements tell). In this test's
      // database only: other test files' databases, made from the same template, have
      // tables of the same oids on the same server.
      let pid: number | undefined;
      while (pid === undefined) {
        const merging = await database.sql<{ pid: number }[]>`
          SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
          WHERE a.datname = current_database() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.relation = 'filing'::regclass AND l.mode = 'AccessExclusiveLock' AND l.granted AND a.query ILIKE '%INSERT INTO%'`;
        pid = merging[0]?.pid;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await database.sql`SELECT pg_terminate_backend(${pid})`;
      const { code, stdout } = await run;
      expect(code).not.toBe(0);
      expect(stdout).not.toContain("Imported");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await constraints(database.sql)).toEqual(before);
    expect(await snapshotTables(database.sql)).toEqual(rows);
  });

  it("while a reader holds a table it must lock and then asks for another, neither deadlocks: the reader finishes, then the import drops the keys", { timeout: TIMEOUT }, async () => {
    const before = await constraints(database.sql);
    const reader = createSql(database.url, { max: 1 });
    try {
      // The reader holds the jurisdictions (which filing_state refers to), and once the
      // import is trying to take its locks, reads the filings too: had the import taken
      // the filings' table and then waited for the jurisdictions, each would wait for
      // the other, and PostgreSQL would cancel one of them.
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      let readerDoneAt = 0;
      const holding = reader.begin(async (tx) => {
        await tx`LOCK TABLE jurisdiction IN ACCESS SHARE MODE`;
        locked();
        for (;;) {
          // This test's database only: other test files import into databases of their own on the same server.
          const trying = await database.sql`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE '%LOCK TABLE%NOWAIT%' AND pid <> pg_backend_pid()`;
          if (trying.length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await tx`SELECT count(*) FROM filing`;
        readerDoneAt = Date.now();
      });
      await isLocked;
      const phases = await importPhases(database.sql, generateDataset({ filings: 50, seed: 33 }));
      const importDoneAt = Date.now();
      await holding;
      expect(readerDoneAt).toBeGreaterThan(0);
      expect(importDoneAt).toBeGreaterThanOrEqual(readerDoneAt);
      expect(phases).toContain(DROPPED);
      expect(await constraints(database.sql)).toEqual(before);
    } finally {
      await reader.end({ timeout: 5 });
    }
  });

  it("keeps its keys, checked row by row, when a reader never lets go of a table it must lock", { timeout: TIMEOUT }, async () => {
    const before = await constraints(database.sql);
    const reader = createSql(database.url, { max: 1 });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holding = reader.begin(async (tx) => {
        await tx`LOCK TABLE jurisdiction IN ACCESS SHARE MODE`;
        locked();
        await released;
      });
      await isLocked;
      const phases = await importPhases(database.sql, generateDataset({ filings: 50, seed: 34 }));
      release();
      await holding;
      expect(phases).toContain("foreign keys: lock the tables");
      expect(phases).not.toContain(DROPPED);
      expect(await constraints(database.sql)).toEqual(before);
      const [{ n }] = await database.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM filing`;
      expect(n).toBe(50);
    } finally {
      release();
      await reader.end({ timeout: 5 });
    }
  });
});

describe("An import into a populated database", () => {
  it("keeps its foreign keys and checks them at the commit", { timeout: TIMEOUT }, async () => {
    expect(await importPhases(database.sql, generateDataset({ filings: 200, seed: 32 }))).toContain(DROPPED);
    const before = await constraints(database.sql);
    const phases = await importPhases(database.sql, generateDataset({ filings: 300, seed: 33 }));
    expect(phases).toContain("check: empty database");
    expect(phases).not.toContain(DROPPED);
    expect(phases).not.toContain(INDEXES_BUILT);
    expect(await constraints(database.sql)).toEqual(before);
  });
});
