import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportDataset, serializeDataset } from "@/lib/dataset/export";
import { importDatasetText, RECORD_KINDS, type ImportSummary } from "@/lib/dataset/import";

import { createTestDatabase, readFoundingDataset, snapshotTables, type TestDatabase } from "./support/database";

const COMPLAINT = "wa-v-us-2018-dkt-1";
const LETTER = "ag-letter-2018-06-19-family-separation";

describe("The founding dataset", () => {
  let database: TestDatabase;
  let text: string;
  let summary: ImportSummary;

  // Every test below starts from the founding dataset imported once into an empty database.
  beforeAll(async () => {
    database = await createTestDatabase();
    text = await readFoundingDataset();
    summary = await importDatasetText(database.sql, text);
  });
  afterAll(async () => database.drop());

  const count = async (table: string) => {
    const [{ n }] = await database.sql`SELECT count(*)::int AS n FROM ${database.sql(table)}`;
    return n as number;
  };

  const statesOf = (filing: string) =>
    database.sql<{ jurisdiction_code: string; role: string }[]>`
      SELECT jurisdiction_code, role FROM filing_state WHERE filing_id = ${filing} ORDER BY position`;

  it("imports with 5 lawsuits, 22 filings, 4 courts and 5 officials, all created", async () => {
    expect(summary).toEqual({
      courts: { created: 4, updated: 0, unchanged: 0 },
      officials: { created: 5, updated: 0, unchanged: 0 },
      lawsuits: { created: 5, updated: 0, unchanged: 0 },
      filings: { created: 22, updated: 0, unchanged: 0 },
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
      expect(copied).toEqual(summary);
      const again = serializeDataset(await exportDataset(second.sql));
      expect(again).toBe(first);
    } finally {
      await second.drop();
    }
  });

  it("exports every record exactly as the founding file writes it", async () => {
    const founding = JSON.parse(text);
    const exported = JSON.parse(serializeDataset(await exportDataset(database.sql)));
    expect(exported.format).toBe("docketline/v1");
    for (const kind of RECORD_KINDS) {
      const original = new Map<string, unknown>(founding[kind].map((r: { id: string }) => [r.id, r]));
      const ids = exported[kind].map((r: { id: string }) => r.id);
      expect([...ids].sort(), kind).toEqual([...original.keys()].sort());
      for (const record of exported[kind]) {
        expect(record, `${kind} ${record.id}`).toEqual(original.get(record.id));
      }
    }
  });
});
