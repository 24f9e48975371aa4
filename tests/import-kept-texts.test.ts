// A re-import compares each filing it reads with the text kept for it (decision 036):
// one that reads exactly as its kept text is not staged, and counts as unchanged without
// its rows being compared. These tests hold that shortcut to what the full comparison
// answers: the same summaries, the same refusals for references that went wrong since
// (they are checked on the stored rows), duplicates still found, the coding still
// checked against the file's filings, and a filing written by someone else between the
// reading and the import's lock is written again from the file.
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { generateDataset } from "@/lib/dataset/generate";
import { importDatasetText } from "@/lib/dataset/import";
import { DatasetValidationError } from "@/lib/dataset/problems";
import { ImportTimings } from "@/lib/dataset/timings";
import type { Sql } from "@/lib/db/sql";

import { createTestDatabase, snapshotTables, type TestDatabase } from "./support/database";

/* eslint-disable @typescript-eslint/no-explicit-any -- generated datasets, changed on purpose */
type Json = any;

const FILINGS = 300;
let database: TestDatabase | undefined;
let file: Json;

// Each test starts from a database of its own holding the generated file, imported once: every filing has its kept text.
beforeEach(async () => {
  await database?.drop();
  database = await createTestDatabase();
  file = generateDataset({ filings: FILINGS, seed: 36 });
  await importDatasetText(database.sql, JSON.stringify(file));
});

afterAll(async () => {
  await database?.drop();
});

const sql = () => database!.sql;
const copy = (): Json => structuredClone(file);

async function keptTexts(): Promise<number> {
  const [{ n }] = await sql()<{ n: number }[]>`SELECT count(*)::int AS n FROM filing_record`;
  return n;
}

/** The import's refusal, with the database checked to be as it was. */
async function refusal(dataset: Json): Promise<{ path: (string | number)[]; message: string }[]> {
  const before = await snapshotTables(sql());
  const error = await importDatasetText(sql(), JSON.stringify(dataset)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetValidationError);
  expect(await snapshotTables(sql())).toEqual(before);
  return (error as DatasetValidationError).problems;
}

describe("A re-import of filings that read as their kept texts", () => {
  it("reports the same file unchanged and writes nothing, with every filing's text still kept", async () => {
    expect(await keptTexts()).toBe(FILINGS);
    const before = await snapshotTables(sql());
    const [{ revisions }] = await sql()<{ revisions: number }[]>`SELECT count(*)::int AS revisions FROM revision`;
    const timings = new ImportTimings();
    const summary = await importDatasetText(sql(), JSON.stringify(file), { timings });
    expect(summary.filings).toEqual({ created: 0, updated: 0, unchanged: FILINGS });
    expect(summary.lawsuits.unchanged).toBe(file.lawsuits.length);
    // The shortcut was taken: the filings were compared with their texts, and none of their lists was staged.
    const phases = timings.report().phases.map((p) => p.phase);
    expect(phases).toContain("read: compare with kept texts");
    expect(phases.filter((p) => /COPY into staging: (filing_state|demand)/.test(p))).toEqual([]);
    expect(await snapshotTables(sql())).toEqual(before);
    expect((await sql()`SELECT count(*)::int AS n FROM revision`)[0].n).toBe(revisions);
    expect(await keptTexts()).toBe(FILINGS);
  });

  it("updates exactly the filings the file changes, a list item as much as a field, among the unchanged", async () => {
    const changed = copy();
    const withStates = changed.filings.findIndex((f: Json) => f.states.length > 1);
    changed.filings[withStates].states[1].role = changed.filings[withStates].states[1].role === "joined" ? "co-lead" : "joined";
    changed.filings[7].title = "A title the file changes";
    const summary = await importDatasetText(sql(), JSON.stringify(changed));
    expect(summary.filings).toEqual({ created: 0, updated: 2, unchanged: FILINGS - 2 });
    const [{ title }] = await sql()`SELECT title FROM filing WHERE id = ${changed.filings[7].id}`;
    expect(title).toBe("A title the file changes");
    const roles = await sql()`SELECT role FROM filing_state WHERE filing_id = ${changed.filings[withStates].id} ORDER BY position`;
    expect(roles.map((r) => r.role)).toEqual(changed.filings[withStates].states.map((s: Json) => s.role));
  });

  it("writes back from the file a filing changed since by another path, whose text was forgotten", async () => {
    const id = file.filings[3].id;
    await sql()`UPDATE filing SET title = 'Changed in the database' WHERE id = ${id}`;
    const summary = await importDatasetText(sql(), JSON.stringify(file));
    expect(summary.filings).toEqual({ created: 0, updated: 1, unchanged: FILINGS - 1 });
    expect((await sql()`SELECT title FROM filing WHERE id = ${id}`)[0].title).toBe(file.filings[3].title);
    expect(await keptTexts()).toBe(FILINGS);
  });
});

describe("A re-import refuses, as for any filing read in full,", () => {
  it("an unchanged filing whose lawsuit was deleted since and is not in the file", async () => {
    const filing = file.filings.find((f: Json) => f.lawsuit)!;
    await sql()`UPDATE lawsuit SET deleted_at = now() WHERE id = ${filing.lawsuit!}`;
    const problems = await refusal({ format: file.format, filings: [filing] });
    expect(problems).toEqual([{ path: ["filings", 0, "lawsuit"], message: "is not a lawsuit in this dataset or the database" }]);
  });

  it("an unchanged filing naming an official the file moves to another jurisdiction", async () => {
    const filingIndex = file.filings.findIndex((f: Json) => f.states.some((s: Json) => s.official));
    const stateIndex = file.filings[filingIndex].states.findIndex((s: Json) => s.official);
    const state = file.filings[filingIndex].states[stateIndex];
    const official: Json = structuredClone(file.officials.find((o: Json) => o.id === state.official)!);
    official.jurisdiction = state.jurisdiction === "NM" ? "AZ" : "NM";
    const problems = await refusal({ format: file.format, officials: [official], filings: [file.filings[filingIndex]] });
    expect(problems).toEqual([
      { path: ["filings", 0, "states", stateIndex, "official"], message: `serves ${official.jurisdiction}, not ${state.jurisdiction}` },
    ]);
  });

  it("an unchanged filing that responds to, or whose demand is decided by, a filing deleted since", async () => {
    const responding = file.filings.find((f: Json) => f.respondsTo)!;
    const deciding = file.filings.find((f: Json) => f.demands.some((d: Json) => d.decidedBy))!;
    const demand = deciding.demands.findIndex((d: Json) => d.decidedBy);
    await sql()`UPDATE filing SET deleted_at = now() WHERE id IN ${sql()([responding.respondsTo, deciding.demands[demand].decidedBy])}`;
    const problems = await refusal({ format: file.format, filings: [responding, deciding] });
    expect(problems).toEqual([
      { path: ["filings", 0, "respondsTo"], message: "is not a filing in this dataset or the database" },
      { path: ["filings", 1, "demands", demand, "decidedBy"], message: "is not a filing in this dataset or the database" },
    ]);
  });

  it("a bad record after more than a batch of unchanged filings, naming it alone", async () => {
    const larger = generateDataset({ filings: 2_600, seed: 37 });
    await importDatasetText(sql(), JSON.stringify(larger));
    const broken: Json = structuredClone(larger);
    broken.filings[2_599].kind = "not-a-kind";
    const problems = await refusal(broken);
    expect(problems.map((p) => p.path)).toEqual([["filings", 2_599, "kind"]]);
  });

  it("the same unchanged filing listed twice", async () => {
    const problems = await refusal({ format: file.format, filings: [file.filings[0], file.filings[1], file.filings[0]] });
    expect(problems).toEqual([{ path: ["filings", 2, "id"], message: "is used by an earlier record too" }]);
  });
});

describe("The research coding of a re-imported file", () => {
  /** The file with its first lawsuit coded, the states' sides shown by `filing`. */
  function coded(filing: Json): Json {
    const dataset = copy();
    const lawsuit = dataset.lawsuits[0];
    dataset.coding = [
      {
        lawsuit: lawsuit.id,
        issueAreas: ["immigration"],
        sources: lawsuit.sources.slice(0, 1),
        stateSides: filing.states.map((s: Json) => ({ jurisdiction: s.jurisdiction, side: "plaintiff", filing: filing.id })),
      },
    ];
    return dataset;
  }

  it("is checked against its unchanged filings' lawsuits: one of the coded lawsuit's is accepted", async () => {
    const own = file.filings.find((f: Json) => f.lawsuit === file.lawsuits[0].id && f.states.length > 0)!;
    const summary = await importDatasetText(sql(), JSON.stringify(coded(own)));
    expect(summary.filings.unchanged).toBe(FILINGS);
    expect(summary.coding.created).toBe(1);
  });

  it("is checked against its unchanged filings' lawsuits: one of another lawsuit is refused", async () => {
    const other = file.filings.find((f: Json) => f.lawsuit && f.lawsuit !== file.lawsuits[0].id && f.states.length > 0)!;
    const problems = await refusal(coded(other));
    expect(problems.map((p) => p.path)).toEqual(other.states.map((_: Json, i: number) => ["coding", 0, "stateSides", i, "filing"]));
  });
});

describe("A filing written by someone else after the import read it, before the import took the lock", () => {
  it("is written again from the file, as if the import had read it in full under the lock", async () => {
    const id = file.filings[5].id;
    let importing: ReturnType<typeof importDatasetText> | undefined;
    // Another session holds the lock every write of records takes; the import reads the
    // file, finds the filing's kept text, and waits for the lock; the session then
    // changes the filing (its text is forgotten) and commits.
    await sql().begin(async (tx) => {
      const other = tx as unknown as Sql;
      await other`SELECT docketline_lock_records()`;
      importing = importDatasetText(sql(), JSON.stringify(file));
      await waitForLockWaiter();
      await other`UPDATE filing SET title = 'Changed while the file was read' WHERE id = ${id}`;
    });
    const summary = await importing!;
    expect(summary.filings).toEqual({ created: 0, updated: 1, unchanged: FILINGS - 1 });
    expect((await sql()`SELECT title FROM filing WHERE id = ${id}`)[0].title).toBe(file.filings[5].title);
    expect(await keptTexts()).toBe(FILINGS);
  });
});

describe("A kept text deleted directly, outside the lock, after the import checked it", () => {
  it("stays forgotten, and the import writes what the file changes", async () => {
    const changed = copy();
    changed.filings[7].title = "Changed by the file";
    const kept = file.filings[5].id;
    let importing: Promise<unknown> | undefined;
    // The other session holds a lock the merge needs after the check, and deletes the
    // text without the records lock, as plain SQL may.
    await sql().begin(async (tx) => {
      const other = tx as unknown as Sql;
      await other`LOCK TABLE filing_search IN SHARE ROW EXCLUSIVE MODE`;
      await other`DELETE FROM filing_record WHERE filing_id = ${kept}`;
      importing = importDatasetText(sql(), JSON.stringify(changed)).then(
        (summary) => summary,
        (error: unknown) => error,
      );
      await expect
        .poll(async () => (await sql()`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'relation' AND NOT granted`)[0].n, { timeout: 30_000 })
        .toBe(1);
    });
    const summary = await importing;
    expect(summary).toMatchObject({ filings: { created: 0, updated: 1, unchanged: FILINGS - 1 } });
    expect((await sql()`SELECT title FROM filing WHERE id = ${changed.filings[7].id}`)[0].title).toBe("Changed by the file");
    expect(await sql()`SELECT filing_id FROM filing_record WHERE filing_id = ${kept}`).toEqual([]);
    expect(await keptTexts()).toBe(FILINGS - 1);
  });
});

/** Until a session waits for an advisory lock: the import, done reading, at its lock. */
async function waitForLockWaiter() {
  await expect
    .poll(async () => (await sql()`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)[0].n, { timeout: 30_000 })
    .toBe(1);
}
