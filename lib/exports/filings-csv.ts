// /export/filings.csv: one row per filing, in the timeline's order. Dates are written
// as the dataset writes them, "2018-07-02", "2018-06" or "2018", with their precision
// in the next column: a date known to the month never gains an invented day.
import "server-only";

import { htmlPath } from "@/lib/api/urls";
import type { FilingRecord } from "@/lib/dataset/schema";
import { parsePartialDate } from "@/lib/dates/partial-date";
import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";

import { csvChunks, joinValues, type CsvColumn } from "./csv";
import { Prisma } from "@/lib/generated/prisma/client";

import { filteredFilingRecords } from "./stream";

export interface CsvExportOptions {
  /** The site's origin, for the `url` column. */
  origin: string;
  bom?: boolean;
  /** Filings read per round trip. */
  pageSize?: number;
}

export interface FilingRow {
  filing: FilingRecord;
  lawsuit: { docketNumber: string; court: string } | undefined;
  url: string;
}

/** Leads and co-leads lead together; the long CSV tells them apart. */
const LEADING_ROLES = new Set(["lead", "co-lead"]);

export const FILINGS_CSV_COLUMNS: CsvColumn<FilingRow>[] = [
  { header: "id", value: (r) => r.filing.id },
  { header: "dateFiled", value: (r) => r.filing.dateFiled },
  { header: "datePrecision", value: (r) => datePrecisionOf(r.filing.dateFiled) },
  { header: "kind", value: (r) => r.filing.kind },
  { header: "title", value: (r) => r.filing.title },
  { header: "lawsuit", value: (r) => r.filing.lawsuit },
  { header: "docketNumber", value: (r) => r.lawsuit?.docketNumber },
  { header: "court", value: (r) => r.lawsuit?.court },
  { header: "leadJurisdictions", value: (r) => joinValues(r.filing.states.filter((s) => LEADING_ROLES.has(s.role)).map((s) => s.jurisdiction)) },
  { header: "joiningJurisdictions", value: (r) => joinValues(r.filing.states.filter((s) => !LEADING_ROLES.has(s.role)).map((s) => s.jurisdiction)) },
  { header: "demandCount", value: (r) => r.filing.demands.length },
  // One outcome per demand, in the demands' order.
  { header: "outcomes", value: (r) => joinValues(r.filing.demands.map((d) => d.outcome)) },
  { header: "url", value: (r) => r.url },
];

export function datePrecisionOf(date: string): string {
  return parsePartialDate(date)?.precision ?? "";
}

/** The filing's page, absolute. */
export function filingUrl(origin: string, id: string): string {
  return `${origin}${htmlPath.filing(id)}`;
}

/** The lawsuit's docket number and court, read in the same statement as the filing. */
const LAWSUIT_FACTS = Prisma.sql`(SELECT json_build_object('docketNumber', l.docket_number, 'court', l.court_id) FROM lawsuit l WHERE l.id = f.lawsuit_id AND l.is_public) AS lawsuit_facts`;

/** The rows, a batch at a time: the filings, and the docket number and court of their lawsuits. */
export async function* filingRowPages(sql: Sql, filter: Filter, options: CsvExportOptions): AsyncGenerator<FilingRow[]> {
  const batches = filteredFilingRecords<{ lawsuit_facts: FilingRow["lawsuit"] | null }>(sql, filter, { batch: options.pageSize, columns: [LAWSUIT_FACTS] });
  for await (const filings of batches) {
    yield filings.map(({ record, extra }) => ({
      filing: record,
      lawsuit: extra.lawsuit_facts ?? undefined,
      url: filingUrl(options.origin, record.id),
    }));
  }
}

export function filingsCsv(sql: Sql, filter: Filter, options: CsvExportOptions): AsyncGenerator<string> {
  return csvChunks(FILINGS_CSV_COLUMNS, filingRowPages(sql, filter, options), { bom: options.bom });
}
