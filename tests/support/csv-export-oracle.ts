// THE ORACLE of the CSV exports, for tests only: filings.csv and filing-states.csv as
// Docketline wrote them before their lean statements (issue 11), from full canonical
// filing records (lib/dataset/read.ts streamFilingRecords) with the rows picked out in
// Node and written by csv-stringify. Slow and simple on purpose; production never
// calls it. tests/export-csv-oracle.test.ts holds the exports byte for byte to it.
import { stringify } from "csv-stringify/sync";

import { parsePartialDate } from "@/lib/dates/partial-date";
import type { FilingRecord } from "@/lib/dataset/schema";
import type { Sql } from "@/lib/db/sql";
import { neutralizeFormula } from "@/lib/exports/csv";
import { filingUrl } from "@/lib/exports/filings-csv";
import { publicFilingRecords } from "@/lib/exports/stream";
import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { filterConditions, timelineOrder } from "@/lib/timeline/queries";

type Cell = string | number | null | undefined;
type Column<T> = [header: string, value: (row: T) => Cell];

const LEADING_ROLES = new Set(["lead", "co-lead"]);
const join = (values: string[]) => values.join(";");
const precisionOf = (date: string) => parsePartialDate(date)?.precision ?? "";

interface FilingRow {
  filing: FilingRecord;
  lawsuit: { docketNumber: string; court: string } | undefined;
  url: string;
}

const FILING_COLUMNS: Column<FilingRow>[] = [
  ["id", (r) => r.filing.id],
  ["dateFiled", (r) => r.filing.dateFiled],
  ["datePrecision", (r) => precisionOf(r.filing.dateFiled)],
  ["kind", (r) => r.filing.kind],
  ["title", (r) => r.filing.title],
  ["lawsuit", (r) => r.filing.lawsuit],
  ["docketNumber", (r) => r.lawsuit?.docketNumber],
  ["court", (r) => r.lawsuit?.court],
  ["leadJurisdictions", (r) => join(r.filing.states.filter((s) => LEADING_ROLES.has(s.role)).map((s) => s.jurisdiction))],
  ["joiningJurisdictions", (r) => join(r.filing.states.filter((s) => !LEADING_ROLES.has(s.role)).map((s) => s.jurisdiction))],
  ["demandCount", (r) => r.filing.demands.length],
  ["outcomes", (r) => join(r.filing.demands.map((d) => d.outcome))],
  ["url", (r) => r.url],
];

interface FilingStateRow {
  filing: FilingRecord;
  state: FilingRecord["states"][number];
  officialName: string | undefined;
  url: string;
}

const FILING_STATE_COLUMNS: Column<FilingStateRow>[] = [
  ["filingId", (r) => r.filing.id],
  ["dateFiled", (r) => r.filing.dateFiled],
  ["datePrecision", (r) => precisionOf(r.filing.dateFiled)],
  ["kind", (r) => r.filing.kind],
  ["jurisdiction", (r) => r.state.jurisdiction],
  ["jurisdictionName", (r) => getJurisdictionName(r.state.jurisdiction)],
  ["role", (r) => r.state.role],
  ["official", (r) => r.state.official],
  ["officialName", (r) => r.officialName],
  ["url", (r) => r.url],
];

const LAWSUIT_FACTS = Prisma.sql`(SELECT json_build_object('docketNumber', l.docket_number, 'court', l.court_id) FROM lawsuit l WHERE l.id = f.lawsuit_id AND l.is_public) AS lawsuit_facts`;

function records(sql: Sql, filter: Filter) {
  const selection = { conditions: filterConditions(filter), order: timelineOrder(filter.sort !== "oldest"), columns: [LAWSUIT_FACTS] };
  return publicFilingRecords<{ lawsuit_facts: FilingRow["lawsuit"] | null }>(sql, selection, 7);
}

function write<T>(columns: Column<T>[], rows: T[], bom: boolean): string {
  const header = stringify([columns.map(([header]) => header)], { bom, record_delimiter: "windows" });
  return header + (rows.length ? stringify(rows.map((row) => columns.map(([, value]) => neutralizeFormula(value(row) ?? ""))), { record_delimiter: "windows" }) : "");
}

/** filings.csv as the records give it. */
export async function oracleFilingsCsv(sql: Sql, filter: Filter, options: { origin: string; bom?: boolean }): Promise<string> {
  const rows: FilingRow[] = [];
  for await (const batch of records(sql, filter)) {
    for (const { record, extra } of batch) rows.push({ filing: record, lawsuit: extra.lawsuit_facts ?? undefined, url: filingUrl(options.origin, record.id) });
  }
  return write(FILING_COLUMNS, rows, options.bom ?? false);
}

/** filing-states.csv as the records give it. */
export async function oracleFilingStatesCsv(sql: Sql, filter: Filter, options: { origin: string; bom?: boolean }): Promise<string> {
  const officials = new Map((await sql<{ id: string; name: string }[]>`SELECT id, name FROM official`).map((o) => [o.id, o.name]));
  const rows: FilingStateRow[] = [];
  for await (const batch of records(sql, filter)) {
    for (const { record: filing } of batch) {
      for (const state of filing.states) {
        rows.push({ filing, state, officialName: state.official ? officials.get(state.official) : undefined, url: filingUrl(options.origin, filing.id) });
      }
    }
  }
  return write(FILING_STATE_COLUMNS, rows, options.bom ?? false);
}
