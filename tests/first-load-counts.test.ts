// A first load counts its filings' facets on a second connection, with the insert
// trigger of the counts off for its transaction (decision 038). These tests hold that
// path to the trigger's: the kept counts equal a count from the filing rows, with a
// second connection or without one (a pool of one, or none free), for published and draft loads; the
// trigger is on again after a load and after a load that failed half-way, which also
// writes nothing and gives its second connection back; a load whose second connection's
// backend ends fails cleanly, and the next one counts on a new connection.
import { afterEach, describe, expect, it } from "vitest";

import { generateDataset } from "@/lib/dataset/generate";
import { importDatasetText } from "@/lib/dataset/import";
import { ImportTimings } from "@/lib/dataset/timings";
import { createSql, type Sql } from "@/lib/db/sql";

import { createTestDatabase, type TestDatabase } from "./support/database";
import { countMismatches } from "./support/facet-counts";

const TEXT = JSON.stringify(generateDataset({ filings: 300, seed: 38 }));
const databases: TestDatabase[] = [];

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

afterEach(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

const keptCounts = async (sql: Sql) => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM filing_count WHERE count <> 0`)[0].n;
const triggerEnabled = async (sql: Sql) =>
  (await sql<{ enabled: string }[]>`SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'filing_count_after_insert'`)[0].enabled;
const phases = (timings: ImportTimings) => timings.report().phases.map((p) => p.phase);
const SECOND_CONNECTION = "counts: count on the second connection (overlaps the merge)";
const OWN_CONNECTION = "counts: count on this connection";

/** The load counted where `counted` says, and not the other way; its counts are exact and the trigger is on. */
async function expectCounted(sql: Sql, timings: ImportTimings, counted: string, not: string) {
  expect(phases(timings)).toContain(counted);
  expect(phases(timings)).not.toContain(not);
  expect(await keptCounts(sql)).toBeGreaterThan(1000);
  expect(await countMismatches(sql)).toEqual([]);
  expect(await triggerEnabled(sql)).toBe("O");
}

/** Timings that fail the import when it reaches `phase`, as a fault there would. */
class FailingAt extends ImportTimings {
  constructor(private readonly phase: string) {
    super();
  }
  override async time<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    if (phase === this.phase) throw new Error(`failed at ${phase}`);
    return super.time(phase, work);
  }
}

/** Timings that, when the import reaches `phase`, end the backend of the second connection, as a crash of it would. */
class EndingTheSecondConnectionAt extends ImportTimings {
  constructor(
    private readonly phase: string,
    private readonly sql: Sql,
  ) {
    super();
  }
  override async time<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    if (phase === this.phase) {
      await this.sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%first_load_count%'`;
    }
    return super.time(phase, work);
  }
}

describe("A first load's facet counts", { timeout: 120_000 }, () => {
  it("are counted on a second connection and equal a count over the filing rows", async () => {
    const { sql } = await emptyDatabase();
    const timings = new ImportTimings();
    await importDatasetText(sql, TEXT, { timings });
    await expectCounted(sql, timings, SECOND_CONNECTION, OWN_CONNECTION);
  });

  it("are counted on the import's own connection when its pool has no second one, the same", async () => {
    const { url } = await emptyDatabase();
    const single = createSql(url, { max: 1 });
    try {
      const timings = new ImportTimings();
      await importDatasetText(single, TEXT, { timings });
      await expectCounted(single, timings, OWN_CONNECTION, SECOND_CONNECTION);
    } finally {
      await single.end({ timeout: 5 });
    }
  });

  it("are counted on the import's own connection when no other is free, without waiting for one", async () => {
    const { url } = await emptyDatabase();
    const two = createSql(url, { max: 2 });
    const held = await two.reserve();
    try {
      const timings = new ImportTimings();
      await importDatasetText(two, TEXT, { timings });
      await expectCounted(two, timings, OWN_CONNECTION, SECOND_CONNECTION);
      // The connection it asked for, which came after it stopped waiting, went back: both are free again.
      held.release();
      const both = await Promise.race([
        Promise.all([two.reserve(), two.reserve()]),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("a connection was kept")), 5000)),
      ]);
      for (const connection of both) connection.release();
    } finally {
      await two.end({ timeout: 5 });
    }
  });

  it("count nothing for a load of drafts, and count the filings once they are published", async () => {
    const { sql } = await emptyDatabase();
    await importDatasetText(sql, TEXT, { publication: "draft" });
    expect(await keptCounts(sql)).toBe(0);
    // The trigger is on again: publishing (an update) and a new public filing (an insert) are counted.
    await sql`UPDATE lawsuit SET publication = 'published'`;
    await sql`UPDATE filing SET publication = 'published'`;
    await sql`INSERT INTO filing (id, kind, title, date_filed, date_filed_precision, summary, publication, updated_at)
              VALUES ('filing-after-load', 'letter', 'A letter after the load', '2020-05-01', 'day', 'Written in plain SQL.', 'published', now())`;
    expect(await keptCounts(sql)).toBeGreaterThan(1000);
    expect(await countMismatches(sql)).toEqual([]);
  });

  it("fail the load, which writes nothing, when the second connection ends before they are added; the next load counts them", async () => {
    const { sql, url } = await emptyDatabase();
    const observer = createSql(url, { max: 1 });
    try {
      await expect(importDatasetText(sql, TEXT, { timings: new EndingTheSecondConnectionAt("derived: filing records", observer) })).rejects.toThrow();
      expect((await sql`SELECT id FROM filing`).length).toBe(0);
      expect(await keptCounts(sql)).toBe(0);
      expect(await triggerEnabled(sql)).toBe("O");
    } finally {
      await observer.end({ timeout: 5 });
    }
    const timings = new ImportTimings();
    await importDatasetText(sql, TEXT, { timings });
    await expectCounted(sql, timings, SECOND_CONNECTION, OWN_CONNECTION);
  });

  it("leave nothing behind when the load fails after the filings are in: no rows, the trigger on, the second connection back", async () => {
    const { sql } = await emptyDatabase();
    await expect(importDatasetText(sql, TEXT, { timings: new FailingAt("derived: search documents") })).rejects.toThrow("failed at derived: search documents");
    expect((await sql`SELECT id FROM filing`).length).toBe(0);
    expect(await keptCounts(sql)).toBe(0);
    expect(await triggerEnabled(sql)).toBe("O");
    // The second connection's own tables are gone (pg_class lists every session's).
    const [{ leftovers }] = await sql<{ leftovers: number }[]>`
      SELECT count(*)::int AS leftovers FROM pg_class WHERE relname LIKE 'first_load_%' AND relpersistence = 't'`;
    expect(leftovers).toBe(0);
    // And the next load goes the same way, counting on its second connection.
    const timings = new ImportTimings();
    await importDatasetText(sql, TEXT, { timings });
    await expectCounted(sql, timings, SECOND_CONNECTION, OWN_CONNECTION);
  });
});
