// Exports stream: a generated database of a few thousand filings exports a page of ids
// at a time, in the timeline's order, and the body is produced only as it is read.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as filingsCsvRoute } from "@/app/export/filings.csv/route";
import { serializeDataset } from "@/lib/dataset/export";
import { importDataset, importDatasetText } from "@/lib/dataset/import";
import { DATASET_FORMAT, type DatasetInput, type FilingKind } from "@/lib/dataset/schema";
import { validateDataset } from "@/lib/dataset/validate";
import { comparePartialDates } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import { filteredDatasetJson } from "@/lib/exports/dataset-json";
import { filingsCsv } from "@/lib/exports/filings-csv";
import { collectText, toByteStream } from "@/lib/exports/stream";
import { FilterSchema } from "@/lib/filters/schema";

import { createTestDatabase, type TestDatabase } from "./support/database";

const FILINGS = 3_000;
const STATES = ["NM", "WA", "CA", "NY", "OR"];
const KINDS: FilingKind[] = ["motion", "response", "order", "brief"];

interface Generated {
  id: string;
  dateFiled: string;
  states: string[];
  respondsTo?: string;
}

/** Dates at all three precisions, several filings a day; two filings in three answer the one before. */
function generate(): Generated[] {
  return Array.from({ length: FILINGS }, (_, i) => {
    const year = 2010 + (i % 12);
    const month = String(1 + ((i * 7) % 12)).padStart(2, "0");
    const day = String(1 + ((i * 13) % 28)).padStart(2, "0");
    const dateFiled = i % 10 === 0 ? String(year) : i % 10 === 1 ? `${year}-${month}` : `${year}-${month}-${day}`;
    const states = STATES.filter((_, s) => (i + s) % 3 === 0);
    return { id: `gen-${String(i).padStart(5, "0")}`, dateFiled, states, respondsTo: i % 3 !== 1 && i > 0 ? `gen-${String(i - 1).padStart(5, "0")}` : undefined };
  });
}

const generated = generate();

function datasetOf(filings: Generated[]): DatasetInput {
  return {
    format: DATASET_FORMAT,
    courts: [{ id: "wawd", shortName: "W.D. Wash.", fullName: "U.S. District Court for the Western District of Washington" }],
    lawsuits: [
      {
        id: "generated-v-united-states",
        caseName: "Generated v. United States",
        caseNameShort: "Generated v. United States",
        court: "wawd",
        docketNumber: "2:10-cv-00001",
        dateFiled: "2010",
        status: "open",
        summary: "A lawsuit with thousands of generated filings.",
      },
    ],
    filings: filings.map((f, i) => ({
      id: f.id,
      lawsuit: "generated-v-united-states",
      kind: KINDS[i % KINDS.length],
      title: `Generated filing ${i}, with "quotes", commas`,
      dateFiled: f.dateFiled,
      respondsTo: f.respondsTo,
      summary: `Generated filing number ${i}.`,
      states: f.states.map((jurisdiction, s) => ({ jurisdiction, role: s === 0 ? "lead" : "joined" })),
    })),
  };
}

/** The timeline's newest-first order: by date and precision, then id, all reversed. */
const newestFirst = (a: Generated, b: Generated) => comparePartialDates(b.dateFiled, a.dateFiled) || (a.id < b.id ? 1 : -1);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importDataset(database.sql, validateDataset(datasetOf(generated)));
});

afterAll(async () => {
  await (globalThis as { docketlineBulkSql?: Sql }).docketlineBulkSql?.end({ timeout: 5 });
  await database?.drop();
});

describe("Streaming exports of thousands of filings", () => {
  it("exports every one of 3,000 filings as a CSV row, in the timeline's order", async () => {
    const response = await filingsCsvRoute(new Request("http://docketline.test/export/filings.csv"));
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    expect(rows).toHaveLength(FILINGS);
    expect(rows.map((r) => r.id)).toEqual([...generated].sort(newestFirst).map((f) => f.id));
    expect(rows.find((r) => r.id === "gen-00010")).toMatchObject({ dateFiled: "2020", datePrecision: "year" });
    expect(rows.find((r) => r.id === "gen-00011")).toMatchObject({ dateFiled: "2021-06", datePrecision: "month" });
  });

  it("exports a filtered set across many small pages without losing or repeating a row", async () => {
    const filter = FilterSchema.parse({ state: ["NM"], sort: "oldest" });
    const rows: Record<string, string>[] = parse(await collectText(filingsCsv(database.sql, filter, { origin: "http://x", pageSize: 37 })), { columns: true });
    const expected = generated.filter((f) => f.states.includes("NM")).sort((a, b) => newestFirst(b, a));
    expect(expected.length).toBeGreaterThan(900);
    expect(rows.map((r) => r.id)).toEqual(expected.map((f) => f.id));
  });

  it("reads the next page only when the reader asks for more", async () => {
    let pagesRead = 0;
    async function* counted() {
      for await (const chunk of filingsCsv(database.sql, FilterSchema.parse({}), { origin: "http://x", pageSize: 100 })) {
        pagesRead++;
        yield chunk;
      }
    }
    const reader = toByteStream(counted()).getReader();
    await reader.read();
    await reader.read();
    // 30 pages and a header exist; only those read (and perhaps one ahead) were made.
    expect(pagesRead).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it("exports a filtered dataset page by page that re-imports into an empty database and exports the same again", async () => {
    const filter = FilterSchema.parse({ state: ["NM"] });
    const text = await collectText(filteredDatasetJson(database.sql, filter, { pageSize: 50 }));
    // Canonical text, with filings in export order across the merged pages.
    expect(serializeDataset(JSON.parse(text))).toBe(text);
    const dataset = validateDataset(JSON.parse(text));
    const matched = generated.filter((f) => f.states.includes("NM"));
    const ids = new Set(matched.map((f) => f.id));
    // The filings the matched ones answer, and those these answer, outside the filter.
    const byId = new Map(generated.map((f) => [f.id, f]));
    const added = new Set<string>();
    for (const f of matched) {
      for (let to = f.respondsTo; to && !ids.has(to) && !added.has(to); to = byId.get(to)!.respondsTo) added.add(to);
    }
    expect(added.size).toBeGreaterThan(matched.length);
    expect(dataset.filings).toHaveLength(matched.length + added.size);
    const sorted = [...dataset.filings].sort((a, b) => comparePartialDates(a.dateFiled, b.dateFiled) || (a.id < b.id ? -1 : 1));
    expect(dataset.filings.map((f) => f.id)).toEqual(sorted.map((f) => f.id));

    const empty = await createTestDatabase();
    try {
      await importDatasetText(empty.sql, text);
      expect(await collectText(filteredDatasetJson(empty.sql, filter, { pageSize: 500 }))).toBe(text);
    } finally {
      await empty.drop();
    }
  });
});
