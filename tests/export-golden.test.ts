// The exports keep their bytes: the CSVs, the long CSV and dataset.json of the founding
// dataset and of a generated one (with drafts, formula-like text, quotes, commas, line
// breaks and dates of every precision), filtered and unfiltered, equal the files that the
// export code before issue 11 (pages of ids, then records) wrote, kept in
// tests/fixtures/exports/. `UPDATE_EXPORT_FIXTURES=1 npx vitest run tests/export-golden.test.ts`
// writes them anew: only do that for a change of the output that is meant.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportDatasetText } from "@/lib/dataset/export";
import { generateDataset } from "@/lib/dataset/generate";
import { importDataset, importDatasetText } from "@/lib/dataset/import";
import { DATASET_FORMAT, type DatasetInput } from "@/lib/dataset/schema";
import { validateDataset } from "@/lib/dataset/validate";
import type { Sql } from "@/lib/db/sql";
import { filteredDatasetJson } from "@/lib/exports/dataset-json";
import { filingStatesCsv } from "@/lib/exports/filing-states-csv";
import { filingsCsv } from "@/lib/exports/filings-csv";
import { collectText } from "@/lib/exports/stream";
import { FilterSchema } from "@/lib/filters/schema";

import { createTestDatabase, readFoundingDataset, type TestDatabase } from "./support/database";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "exports");
const UPDATE = process.env.UPDATE_EXPORT_FIXTURES === "1";
const ORIGIN = "https://docketline.example";

/** Filters as query strings, each exported in every format. */
const FILTERS = ["", "sort=oldest", "state=NM", "state=NM&role=lead", "kind=motion&kind=order&from=2015&to=2019-06", "q=court", "demandCategory=procedure&outcome=granted"];

/** Filings whose text tests the writers: quotes, commas, line breaks, formula starts, non-ASCII. */
function awkwardDataset(): DatasetInput {
  const base = { lawsuit: "awkward-v-spreadsheet", kind: "motion" as const, states: [{ jurisdiction: "NM", role: "lead" as const }] };
  return {
    format: DATASET_FORMAT,
    courts: [{ id: "awkward-court", shortName: "A. Ct.", fullName: "Court of \"Awkward\" Text, Ñew México" }],
    officials: [{ id: "awkward-official", name: "=Ofelia O'Neil, \"AG\"", office: "Attorney General", jurisdiction: "NM" }],
    lawsuits: [
      {
        id: "awkward-v-spreadsheet",
        caseName: "-Awkward v. Spreadsheet",
        caseNameShort: "Awkward v. Spreadsheet",
        court: "awkward-court",
        docketNumber: "+1:20-cv-00001",
        dateFiled: "2019",
        status: "open",
        summary: "Line one.\n\nLine two, with \"quotes\".",
        plaintiffs: [{ jurisdiction: "NM", role: "lead" }],
      },
    ],
    filings: [
      { ...base, id: "awkward-formula", title: "=HYPERLINK(\"https://evil.example\",\"x\")", dateFiled: "2019-03", summary: "@SUM(1,2)" },
      { ...base, id: "awkward-quotes", title: "A \"quoted\", comma'd title — Ünïcode ✓", dateFiled: "2019-03-04", summary: "Two\nlines\r\nand a tab\there.", entryNumber: 7, filedBy: "plaintiffs",
        states: [{ jurisdiction: "NM", role: "lead", official: "awkward-official", dateJoined: "2019-03" }, { jurisdiction: "WA", role: "co-lead" }, { jurisdiction: "CA", role: "joined" }],
        demands: [{ text: "-Strike it", category: "procedure", outcome: "granted" }, { text: "+More", category: "procedure", outcome: "pending" }],
        sources: [{ url: "https://example.org/a?b=1&c=\"2\"", title: "Docket, entry 7", publisher: "Court", published: "2019" }] },
      { ...base, id: "awkward-letter", lawsuit: null, kind: "letter", title: "@A letter outside any lawsuit", dateFiled: "2019", summary: "Plain.", states: [] },
    ],
  };
}

/** Drafts that public filings point at: the exports must leave the references out. */
function draftDataset(): DatasetInput {
  return {
    format: DATASET_FORMAT,
    filings: [{ id: "awkward-draft", lawsuit: "awkward-v-spreadsheet", kind: "motion", title: "A draft motion", dateFiled: "2019-03-01", summary: "Not public.", states: [{ jurisdiction: "NM", role: "lead" }] }],
  };
}

interface Case {
  name: string;
  produce: () => Promise<string>;
}

function casesFor(sql: Sql): Case[] {
  const cases: Case[] = [];
  FILTERS.forEach((query, i) => {
    const filter = { ...FilterSchema.parse(Object.fromEntries(groupParams(query))), cursor: undefined };
    const slug = query === "" ? "all" : `f${i}`;
    // Small batches in every other case: what is read in several round trips must join up.
    const pageSize = i % 2 === 0 ? 7 : undefined;
    cases.push({ name: `${slug}.filings.csv`, produce: () => collectText(filingsCsv(sql, filter, { origin: ORIGIN, bom: i === 2, pageSize })) });
    cases.push({ name: `${slug}.filing-states.csv`, produce: () => collectText(filingStatesCsv(sql, filter, { origin: ORIGIN, bom: i === 3, pageSize })) });
    // A dataset's order is its own, whatever the sort. (The parsed filter always has a
    // sort, "newest" by default: the query string says whether one was asked for.)
    if (!new URLSearchParams(query).has("sort")) cases.push({ name: `${slug}.dataset.json`, produce: () => collectText(filteredDatasetJson(sql, filter, { pageSize })) });
  });
  return cases;
}

/** `state=NM&state=WA` as FilterSchema takes it: repeatable keys as lists. */
function groupParams(query: string): [string, string | string[]][] {
  const params = new URLSearchParams(query);
  const repeatable = new Set(["state", "kind"]);
  return [...new Set(params.keys())].map((key) => [key, repeatable.has(key) ? params.getAll(key) : params.get(key)!]);
}

async function compare(set: string, name: string, actual: string) {
  const file = path.join(FIXTURES, set, name);
  if (UPDATE) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, "utf8");
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  expect.fail(`${set}/${name} differs from the fixture at character ${at} (${actual.length} vs ${expected.length} characters):\n` +
    `expected …${JSON.stringify(expected.slice(Math.max(0, at - 80), at + 80))}\nactual   …${JSON.stringify(actual.slice(Math.max(0, at - 80), at + 80))}`);
}

describe("Exports of the founding dataset keep their bytes", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importDatasetText(database.sql, await readFoundingDataset());
  });
  afterAll(() => database?.drop());

  it("writes every format of every filter as before", async () => {
    for (const c of casesFor(database.sql)) await compare("founding", c.name, await c.produce());
  });
});

describe("Exports of a generated dataset with drafts and awkward text keep their bytes", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importDataset(database.sql, validateDataset(generateDataset({ filings: 60, seed: 11 })));
    await importDataset(database.sql, validateDataset(awkwardDataset()));
    await importDataset(database.sql, validateDataset(draftDataset()), { publication: "draft" });
    // A public filing that answers the draft, and a demand the draft decides.
    await importDataset(database.sql, validateDataset({
      format: DATASET_FORMAT,
      filings: [{ id: "awkward-reply", lawsuit: "awkward-v-spreadsheet", kind: "reply", title: "Reply to a draft", dateFiled: "2019-03-02", respondsTo: "awkward-draft", summary: "Public.",
        states: [{ jurisdiction: "NM", role: "lead" }], demands: [{ text: "Decided by a draft", category: "procedure", outcome: "granted", decidedBy: "awkward-draft" }] }],
    }));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("writes every format of every filter as before", async () => {
    for (const c of casesFor(database.sql)) await compare("generated", c.name, await c.produce());
  });

  it("writes the whole public dataset and the backup of every record (npm run export without filters) as before", async () => {
    for (const scope of ["public", "all"] as const) {
      await compare("generated", `${scope}-records.json`, await collectText(exportDatasetText(database.sql, { scope, batch: 7 })));
    }
  });
});
