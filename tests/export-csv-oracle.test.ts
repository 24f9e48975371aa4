// filings.csv and filing-states.csv, each written from one lean statement (issue 11),
// are byte for byte what the exports wrote before from full filing records: the oracle
// (tests/support/csv-export-oracle.ts), for a generated dataset and hand-made records
// with text a CSV writer and a spreadsheet trip over, for several filters, with and
// without a byte-order mark, in batches small enough that every batch edge is crossed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateDataset } from "@/lib/dataset/generate";
import { importDataset } from "@/lib/dataset/import";
import { DATASET_FORMAT, type DatasetInput } from "@/lib/dataset/schema";
import { COALITION_ROLES, DEMAND_OUTCOMES } from "@/lib/dataset/vocabulary";
import { validateDataset } from "@/lib/dataset/validate";
import { filingStatesCsv } from "@/lib/exports/filing-states-csv";
import { filingsCsv } from "@/lib/exports/filings-csv";
import { collectText } from "@/lib/exports/stream";
import { parseFilter, type Filter } from "@/lib/filters/schema";

import { oracleFilingsCsv, oracleFilingStatesCsv } from "./support/csv-export-oracle";
import { createTestDatabase, type TestDatabase } from "./support/database";

const ORIGIN = "https://docketline.example";

/** Text a CSV writer must quote, a spreadsheet would run, or an encoder could mangle. */
const NASTY = [
  "A title, with a comma",
  'A "quoted" word',
  "Carriage\rreturn",
  "Line\nfeed",
  "Windows\r\nline end",
  '=HYPERLINK("https://evil.example","x")',
  "+1 and more",
  "-2 days to answer",
  "@SUM(1,2)",
  "\tTab first",
  "\rCarriage return first",
  "Ünïcödé — ✓ 日本語 🙂",
  "",
  '"',
  ",",
  "'Already quoted",
  " Space first",
];

/** Filings of every role, outcome and precision, in and outside lawsuits, and a lawsuit the public may not see. */
function nastyDataset(): DatasetInput {
  const states = COALITION_ROLES.flatMap((role, i) => [
    { jurisdiction: ["NM", "WA", "CA"][i], role, official: i === 0 ? "nasty-official" : undefined },
    { jurisdiction: ["NY", "OR", "TX"][i], role },
  ]);
  const demands = DEMAND_OUTCOMES.map((outcome, i) => ({ text: `Demand ${i}`, category: "procedure", outcome }));
  const dates = ["2019-03-04", "2019-03", "2019", "2019-12-31", "2020"];
  return {
    format: DATASET_FORMAT,
    courts: [{ id: "nasty-court", shortName: "N. Ct.", fullName: "Court of Nasty Text" }],
    officials: [{ id: "nasty-official", name: "Placeholder official", office: "Attorney General", jurisdiction: "NM" }],
    lawsuits: [
      { id: "nasty-lawsuit", caseName: "Nasty v. Spreadsheet", caseNameShort: "Nasty v. Spreadsheet", court: "nasty-court", docketNumber: "1:19-cv-00001",
        dateFiled: "2019", status: "open", summary: "A lawsuit.", plaintiffs: [{ jurisdiction: "NM", role: "lead" }] },
    ],
    filings: NASTY.map((_, i) => ({
      id: `nasty-${String(i).padStart(2, "0")}`,
      // Every third filing is outside any lawsuit.
      lawsuit: i % 3 === 2 ? null : "nasty-lawsuit",
      kind: i % 2 ? ("letter" as const) : ("motion" as const),
      title: `Placeholder title ${i} quoted`,
      dateFiled: dates[i % dates.length],
      summary: "Placeholder.",
      // Some filings no jurisdiction joined, some with every role in an order of their own.
      states: i % 4 === 3 ? [] : i % 2 ? [...states].reverse() : states,
      demands: i % 5 === 4 ? [] : i % 2 ? [...demands].reverse() : demands,
    })),
  };
}

/** A lawsuit kept a draft: its filings are in no export. */
function draftDataset(): DatasetInput {
  return {
    format: DATASET_FORMAT,
    lawsuits: [
      { id: "nasty-draft-lawsuit", caseName: "Draft v. Public", caseNameShort: "Draft v. Public", court: "nasty-court", docketNumber: "=DRAFT",
        dateFiled: "2019", status: "open", summary: "Not public.", plaintiffs: [{ jurisdiction: "NM", role: "lead" }] },
    ],
    filings: [
      { id: "nasty-draft-filing", lawsuit: "nasty-draft-lawsuit", kind: "motion", title: "In a draft lawsuit", dateFiled: "2019-03-05", summary: "Not public.",
        states: [{ jurisdiction: "NM", role: "lead" }] },
    ],
  };
}

/** Filters as query strings: none, a state, a kind and a date range, a search word, oldest first, and more. */
const FILTERS = [
  "",
  "state=NM",
  "kind=motion&kind=letter&from=2019-03&to=2020",
  "q=quoted",
  "sort=oldest",
  "state=NM&state=WA&match=all",
  "state=NM&role=lead",
  "demandCategory=procedure&outcome=granted-in-part",
  "lawsuit=nasty-lawsuit&sort=oldest",
];

function filterOf(query: string): Filter {
  const parsed = parseFilter(new URLSearchParams(query), { strict: true });
  if (!parsed.ok) throw new Error(`${query}: ${parsed.problems.map((p) => p.message).join("; ")}`);
  return { ...parsed.filter, cursor: undefined };
}

function expectSame(name: string, actual: string, expected: string) {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  expect.fail(`${name} differs from the oracle at character ${at} (${actual.length} vs ${expected.length} characters):\n` +
    `oracle …${JSON.stringify(expected.slice(Math.max(0, at - 120), at + 80))}\nactual …${JSON.stringify(actual.slice(Math.max(0, at - 120), at + 80))}`);
}

describe("The CSV exports write what the oracle writes from full records", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const sql = database.sql;
    await importDataset(sql, validateDataset(generateDataset({ filings: 300, seed: 33 })));
    await importDataset(sql, validateDataset(nastyDataset()));
    await importDataset(sql, validateDataset(draftDataset()), { publication: "draft" });
    // Imports trim text and refuse empty titles: the text no import lets in is written
    // straight into the rows, as an older version or a hand edit could have left it.
    for (const [i, text] of NASTY.entries()) {
      await sql`UPDATE filing SET title = ${text} WHERE id = ${`nasty-${String(i).padStart(2, "0")}`}`;
    }
    await sql`UPDATE lawsuit SET docket_number = ${'=1+1, "docket"\r\n-2'} WHERE id = 'nasty-lawsuit'`;
    await sql`UPDATE official SET name = ${'@cmd|" /C calc"!A0,\nÑoño'} WHERE id = 'nasty-official'`;
    // Ids reach the cells and the links: one that needs quoting and encoding.
    await sql`UPDATE filing SET id = ${'nasty "id", 1'} WHERE id = 'nasty-00'`;
    await sql`UPDATE court SET id = ${"+court, \"quoted\""} WHERE id = 'nasty-court'`;
  });
  afterAll(() => database?.drop());

  it("holds the hand-made records the test needs", async () => {
    const [{ roles, outcomes, outside, month, year }] = await database.sql<{ roles: number; outcomes: number; outside: number; month: number; year: number }[]>`
      SELECT (SELECT count(DISTINCT role)::int FROM filing_state s JOIN filing f ON f.id = s.filing_id WHERE f.is_public AND f.id LIKE 'nasty%') AS roles,
             (SELECT count(DISTINCT outcome)::int FROM demand d JOIN filing f ON f.id = d.filing_id WHERE f.is_public AND f.id LIKE 'nasty%') AS outcomes,
             (SELECT count(*)::int FROM filing WHERE is_public AND lawsuit_id IS NULL AND id LIKE 'nasty%') AS outside,
             (SELECT count(*)::int FROM filing WHERE is_public AND date_filed_precision = 'month' AND id LIKE 'nasty%') AS month,
             (SELECT count(*)::int FROM filing WHERE is_public AND date_filed_precision = 'year' AND id LIKE 'nasty%') AS year`;
    expect({ roles, outcomes }).toEqual({ roles: COALITION_ROLES.length, outcomes: DEMAND_OUTCOMES.length });
    expect(Math.min(outside, month, year)).toBeGreaterThan(0);
    const [draft] = await database.sql`SELECT is_public FROM filing WHERE id = 'nasty-draft-filing'`;
    expect(draft.is_public).toBe(false);
  });

  // Each export, with the oracle of its bytes and the filter that asks for a byte-order mark.
  const EXPORTS = [
    { file: "filings.csv", write: filingsCsv, oracle: oracleFilingsCsv, bomAt: 1 },
    { file: "filing-states.csv", write: filingStatesCsv, oracle: oracleFilingStatesCsv, bomAt: 2 },
  ];

  it.each(EXPORTS)("writes $file byte for byte as the oracle, for every filter", async ({ file, write, oracle, bomAt }) => {
    for (const [i, query] of FILTERS.entries()) {
      const filter = filterOf(query);
      const options = { origin: ORIGIN, bom: i === bomAt };
      const expected = await oracle(database.sql, filter, options);
      expect(expected.split("\r\n").length, query).toBeGreaterThan(2);
      expectSame(`${file}?${query}`, await collectText(write(database.sql, filter, { ...options, pageSize: i % 2 ? 3 : undefined })), expected);
    }
  });

  it("writes the nasty text as the oracle does: quoted, formulas neutralised, empty cells empty", async () => {
    const text = await collectText(filingsCsv(database.sql, filterOf(""), { origin: ORIGIN }));
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(text).toContain(`'\tTab first`);
    expect(text).toContain(`"'=1+1, ""docket""\r\n-2"`);
    expect(text).toContain(`"nasty ""id"", 1"`);
    expect(text).toContain(`${ORIGIN}/filings/nasty%20%22id%22%2C%201`);
  });
});
