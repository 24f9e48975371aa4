import { readFile } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportDataset, serializeDataset } from "@/lib/dataset/export";
import { importFoundingDataset } from "@/lib/dataset/founding";
import { importDatasetText, RECORD_KINDS, type ImportSummary } from "@/lib/dataset/import";

import { createTestDatabase, FOUNDING_CODING_PATH, readFoundingDataset, snapshotTables, type TestDatabase } from "./support/database";

/** The number of issue areas the migration seeds (20261212093000_research_coding). */
const SEEDED_ISSUE_AREAS = 11;
const NONE = { created: 0, updated: 0, unchanged: 0 };

const COMPLAINT = "wa-v-us-2018-dkt-1";
const LETTER = "ag-letter-2018-06-19-family-separation";

describe("The founding dataset", () => {
  let database: TestDatabase;
  let text: string;
  let summary: ImportSummary;
  let codingSummary: ImportSummary;

  // Every test below starts from the founding dataset and its coding, imported once into
  // an empty database as `npm start` imports them.
  beforeAll(async () => {
    database = await createTestDatabase();
    text = await readFoundingDataset();
    ({ dataset: summary, coding: codingSummary } = await importFoundingDataset(database.sql));
  });
  afterAll(async () => database.drop());

  const count = async (table: string) => {
    const [{ n }] = await database.sql`SELECT count(*)::int AS n FROM ${database.sql(table)}`;
    return n as number;
  };

  const statesOf = (filing: string) =>
    database.sql<{ jurisdiction_code: string; role: string }[]>`
      SELECT jurisdiction_code, role FROM filing_state WHERE filing_id = ${filing} ORDER BY position`;

  it("imports with 5 lawsuits, 22 filings, 4 courts and 5 officials, all created, then the coding of the 5 lawsuits and 2 policies", async () => {
    expect(summary).toEqual({
      courts: { created: 4, updated: 0, unchanged: 0 },
      officials: { created: 5, updated: 0, unchanged: 0 },
      issueAreas: NONE,
      policies: NONE,
      lawsuits: { created: 5, updated: 0, unchanged: 0 },
      filings: { created: 22, updated: 0, unchanged: 0 },
      coding: NONE,
    });
    expect(codingSummary).toEqual({
      courts: NONE,
      officials: NONE,
      issueAreas: NONE,
      policies: { created: 2, updated: 0, unchanged: 0 },
      lawsuits: NONE,
      filings: NONE,
      coding: { created: 5, updated: 0, unchanged: 0 },
    });
    expect({
      lawsuits: await count("lawsuit"),
      filings: await count("filing"),
      courts: await count("court"),
      officials: await count("official"),
    }).toEqual({ lawsuits: 5, filings: 22, courts: 4, officials: 5 });
  });

  it("records 18 jurisdictions on the complaint of June 26, 2018, with Washington as the only lead", async () => {
    const [filing] = await database.sql`SELECT kind, date_filed FROM filing WHERE id = ${COMPLAINT}`;
    expect(filing).toEqual({ kind: "complaint", date_filed: "2018-06-26" });
    const states = await statesOf(COMPLAINT);
    expect(states).toHaveLength(18);
    expect(new Set(states.map((s) => s.jurisdiction_code)).size).toBe(18);
    expect(states.filter((s) => s.role === "lead").map((s) => s.jurisdiction_code.trim())).toEqual(["WA"]);
  });

  it("records 21 jurisdictions on the letter of June 19, 2018, with New Mexico as lead", async () => {
    const [filing] = await database.sql`SELECT kind, date_filed, lawsuit_id FROM filing WHERE id = ${LETTER}`;
    expect(filing).toEqual({ kind: "letter", date_filed: "2018-06-19", lawsuit_id: null });
    const states = await statesOf(LETTER);
    expect(states).toHaveLength(21);
    expect(new Set(states.map((s) => s.jurisdiction_code)).size).toBe(21);
    expect(states.filter((s) => s.role === "lead").map((s) => s.jurisdiction_code.trim())).toEqual(["NM"]);
  });

  it("records the complaint's 5 demands in order", async () => {
    const demands = await database.sql<{ category: string; position: number }[]>`
      SELECT category, position FROM demand WHERE filing_id = ${COMPLAINT} ORDER BY position`;
    expect(demands.map((d) => d.position)).toEqual([0, 1, 2, 3, 4]);
    expect(demands.map((d) => d.category)).toEqual([
      "asylum-processing",
      "family-separation",
      "reunification",
      "reunification-conditions",
      "family-detention",
    ]);
  });

  it("changes nothing, not even updated_at, when the same text is imported again", async () => {
    const before = await snapshotTables(database.sql);
    expect(before.filing).toHaveLength(22);
    const again = await importDatasetText(database.sql, text);
    for (const kind of RECORD_KINDS) {
      expect(again[kind], kind).toEqual({ created: 0, updated: 0, unchanged: summary[kind].created });
    }
    expect(await snapshotTables(database.sql)).toEqual(before);
  });

  it("exports a text that, imported into an empty database and exported again, is identical", async () => {
    const first = serializeDataset(await exportDataset(database.sql));
    const second = await createTestDatabase();
    try {
      const copied = await importDatasetText(second.sql, first);
      // The export carries the issue-area vocabulary, which the migration already holds.
      expect(copied).toEqual({
        ...summary,
        issueAreas: { created: 0, updated: 0, unchanged: SEEDED_ISSUE_AREAS },
        policies: codingSummary.policies,
        coding: codingSummary.coding,
      });
      const again = serializeDataset(await exportDataset(second.sql));
      expect(again).toBe(first);
    } finally {
      await second.drop();
    }
  });

  it("exports every record exactly as the founding file and its coding write it", async () => {
    const founding = JSON.parse(text);
    const coding = JSON.parse(await readFile(FOUNDING_CODING_PATH, "utf8"));
    const exported = JSON.parse(serializeDataset(await exportDataset(database.sql)));
    expect(exported.format).toBe("docketline/v1");
    const files = { courts: founding, officials: founding, lawsuits: founding, filings: founding, policies: coding, coding } as const;
    const keyOf = (kind: string, record: { id?: string; lawsuit?: string }) => String(kind === "coding" ? record.lawsuit : record.id);
    expect(RECORD_KINDS.filter((kind) => !(kind in files))).toEqual(["issueAreas"]);
    for (const [kind, file] of Object.entries(files)) {
      const original = new Map<string, unknown>(file[kind].map((r: { id?: string; lawsuit?: string }) => [keyOf(kind, r), r]));
      const ids = exported[kind].map((r: { id?: string; lawsuit?: string }) => keyOf(kind, r));
      expect([...ids].sort(), kind).toEqual([...original.keys()].sort());
      for (const record of exported[kind]) {
        expect(record, `${kind} ${keyOf(kind, record)}`).toEqual(original.get(keyOf(kind, record)));
      }
    }
    expect(exported.issueAreas).toHaveLength(SEEDED_ISSUE_AREAS);
  });
});
