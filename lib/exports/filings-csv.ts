// /export/filings.csv: one row per filing, in the timeline's order. Dates are written
// as the dataset writes them, "2018-07-02", "2018-06" or "2018", with their precision
// in the next column: a date known to the month never gains an invented day.
//
// One statement reads the cells the CSV shows and nothing else (no summaries, sources
// or demand texts): PostgreSQL joins each filing's jurisdictions and outcomes in their
// order, and Node only writes the dates, the link and the CSV (csv.ts), so 100,000
// filings take a few seconds (docs/performance.md, "Exports (issue 11)").
import "server-only";

import { htmlPath } from "@/lib/api/urls";
import { fromStored, type DatePrecision } from "@/lib/dates/partial-date";
import { readThroughCursor } from "@/lib/db/cursor";
import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";

import { csvChunks, VALUE_SEPARATOR, type CsvColumn } from "./csv";
import { CSV_BATCH, exportSelection } from "./stream";

export interface CsvExportOptions {
  /** The site's origin, for the `url` column. */
  origin: string;
  bom?: boolean;
  /** Rows read per round trip. */
  pageSize?: number;
}

/** A filing's cells as its statement reads them, and its link. */
export interface FilingRow {
  id: string;
  /** The stored date, the start of its period ("2018-06-01" for June 2018). */
  date_filed: string;
  date_filed_precision: DatePrecision;
  kind: string;
  title: string;
  lawsuit_id: string | null;
  /** The lawsuit's docket number and court, while it is public. */
  docket_number: string | null;
  court_id: string | null;
  /** The jurisdictions that lead (LEADING_ROLES) and the others, each in the order of the signatures, joined. */
  lead_jurisdictions: string | null;
  joining_jurisdictions: string | null;
  demand_count: number;
  /** One outcome per demand, in the demands' order, joined. */
  outcomes: string | null;
  url: string;
}

/** Leads and co-leads lead together; the long CSV tells them apart. */
const LEADING_ROLES = ["lead", "co-lead"];

export const FILINGS_CSV_COLUMNS: CsvColumn<FilingRow>[] = [
  { header: "id", value: (r) => r.id },
  { header: "dateFiled", value: (r) => fromStored(r.date_filed, r.date_filed_precision) },
  { header: "datePrecision", value: (r) => r.date_filed_precision },
  { header: "kind", value: (r) => r.kind },
  { header: "title", value: (r) => r.title },
  { header: "lawsuit", value: (r) => r.lawsuit_id },
  { header: "docketNumber", value: (r) => r.docket_number },
  { header: "court", value: (r) => r.court_id },
  { header: "leadJurisdictions", value: (r) => r.lead_jurisdictions },
  { header: "joiningJurisdictions", value: (r) => r.joining_jurisdictions },
  { header: "demandCount", value: (r) => r.demand_count },
  { header: "outcomes", value: (r) => r.outcomes },
  { header: "url", value: (r) => r.url },
];

/** The filing's page, absolute. */
export function filingUrl(origin: string, id: string): string {
  return `${origin}${htmlPath.filing(id)}`;
}

/**
 * The filings the filter matches, in its order, with the cells of the CSV (FilingRow).
 * The matched filings are set apart first, and their jurisdictions and demands read
 * for all of them at once: for a broad filter in one pass over filing_state and
 * demand, for a narrow one through their indexes, as the planner judges. (One probe
 * per filing took twice PostgreSQL's time for every filing, most of it reading the
 * same pages again once the tables outgrew the buffer cache.)
 */
function filingRowsStatement(filter: Filter): Prisma.Sql {
  const { where, order } = exportSelection(filter);
  const leading = Prisma.sql`CAST(${LEADING_ROLES} AS "coalition_role"[])`;
  return Prisma.sql`
    WITH matched AS MATERIALIZED (
      SELECT f.id, f.date_filed, f.date_filed_precision, f.kind, f.title, f.lawsuit_id FROM filing f ${where}
    ), states AS (
      SELECT s.filing_id,
             string_agg(s.jurisdiction_code::text, ${VALUE_SEPARATOR} ORDER BY s.position) FILTER (WHERE s.role = ANY(${leading})) AS lead_jurisdictions,
             string_agg(s.jurisdiction_code::text, ${VALUE_SEPARATOR} ORDER BY s.position) FILTER (WHERE s.role <> ALL(${leading})) AS joining_jurisdictions
      FROM filing_state s WHERE s.filing_id IN (SELECT id FROM matched) GROUP BY s.filing_id
    ), demands AS (
      SELECT d.filing_id, count(*)::int AS demand_count, string_agg(d.outcome::text, ${VALUE_SEPARATOR} ORDER BY d.position) AS outcomes
      FROM demand d WHERE d.filing_id IN (SELECT id FROM matched) GROUP BY d.filing_id
    )
    SELECT f.id, f.date_filed, f.date_filed_precision::text AS date_filed_precision, f.kind::text AS kind, f.title, f.lawsuit_id,
           fl.docket_number, fl.court_id, fs.lead_jurisdictions, fs.joining_jurisdictions, coalesce(fd.demand_count, 0) AS demand_count, fd.outcomes
    FROM matched f
    LEFT JOIN lawsuit fl ON fl.id = f.lawsuit_id AND fl.is_public
    LEFT JOIN states fs ON fs.filing_id = f.id
    LEFT JOIN demands fd ON fd.filing_id = f.id
    ORDER BY ${order}`;
}

/** The rows, a batch at a time. */
export async function* filingRowPages(sql: Sql, filter: Filter, options: CsvExportOptions): AsyncGenerator<FilingRow[]> {
  for await (const rows of readThroughCursor<FilingRow>(sql, filingRowsStatement(filter), options.pageSize ?? CSV_BATCH)) {
    for (const row of rows) row.url = filingUrl(options.origin, row.id);
    yield rows;
  }
}

export function filingsCsv(sql: Sql, filter: Filter, options: CsvExportOptions): AsyncGenerator<string> {
  return csvChunks(FILINGS_CSV_COLUMNS, filingRowPages(sql, filter, options), { bom: options.bom });
}
