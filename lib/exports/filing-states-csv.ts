// /export/filing-states.csv: the long format for analysis, one row per filing and
// jurisdiction that joined it, with the role it took and the official who signed.
// A filing no jurisdiction joined has no row here (it has one in filings.csv).
//
// One statement reads one row per filing with only what the CSV shows: its own cells
// and its jurisdictions in the order of their signatures. A line is the filing's cells,
// the jurisdiction's and the link, each run written once by csv.ts csvCells: the
// filing's once per filing, a jurisdiction's (code, role, official) once per export.
// A million lines then cost string joins, not a million records to quote.
import "server-only";

import { fromStored, type DatePrecision } from "@/lib/dates/partial-date";
import { readThroughCursor } from "@/lib/db/cursor";
import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";

import { CSV_DELIMITER, CSV_LINE_END, csvCells, csvHeader, type CsvColumn } from "./csv";
import { filingUrl, type CsvExportOptions } from "./filings-csv";
import { CSV_BATCH, exportSelection } from "./stream";

/** A filing as its statement reads it: its cells, and its jurisdictions in the order of the signatures. */
export interface FilingStatesRow {
  id: string;
  /** The stored date, the start of its period. */
  date_filed: string;
  date_filed_precision: DatePrecision;
  kind: string;
  /** [jurisdiction, role, official or null] per jurisdiction; null for none. */
  states: [string, string, string | null][] | null;
}

/** One jurisdiction of a filing, with the official's name. */
export interface FilingStateCells {
  jurisdiction: string;
  role: string;
  official: string | null;
  officialName: string | undefined;
}

/** The columns in three runs: the filing's, the jurisdiction's, the link. */
const FILING_COLUMNS: CsvColumn<FilingStatesRow>[] = [
  { header: "filingId", value: (r) => r.id },
  { header: "dateFiled", value: (r) => fromStored(r.date_filed, r.date_filed_precision) },
  { header: "datePrecision", value: (r) => r.date_filed_precision },
  { header: "kind", value: (r) => r.kind },
];
const STATE_COLUMNS: CsvColumn<FilingStateCells>[] = [
  { header: "jurisdiction", value: (s) => s.jurisdiction },
  { header: "jurisdictionName", value: (s) => getJurisdictionName(s.jurisdiction) },
  { header: "role", value: (s) => s.role },
  { header: "official", value: (s) => s.official },
  { header: "officialName", value: (s) => s.officialName },
];
const LINK_COLUMNS: CsvColumn<string>[] = [{ header: "url", value: (url) => url }];

export const FILING_STATES_CSV_HEADERS = [...FILING_COLUMNS, ...STATE_COLUMNS, ...LINK_COLUMNS].map((c) => c.header);

/** The filings the filter matches, in its order, each with its jurisdictions. */
function filingStatesStatement(filter: Filter): Prisma.Sql {
  const { where, order } = exportSelection(filter);
  // Arrays, not objects: names repeated for a million jurisdictions would be most of the bytes.
  return Prisma.sql`
    SELECT f.id, f.date_filed, f.date_filed_precision::text AS date_filed_precision, f.kind::text AS kind,
           (SELECT json_agg(json_build_array(s.jurisdiction_code, s.role, s.official_id) ORDER BY s.position)
            FROM filing_state s WHERE s.filing_id = f.id) AS states
    FROM filing f
    ${where}
    ORDER BY ${order}`;
}

/** The rows, a batch of filings at a time. */
export async function* filingStatesRowPages(sql: Sql, filter: Filter, options: { pageSize?: number } = {}): AsyncGenerator<FilingStatesRow[]> {
  yield* readThroughCursor<FilingStatesRow>(sql, filingStatesStatement(filter), options.pageSize ?? CSV_BATCH);
}

export async function* filingStatesCsv(sql: Sql, filter: Filter, options: CsvExportOptions): AsyncGenerator<string> {
  yield csvHeader(FILING_STATES_CSV_HEADERS, options);
  // Read before the filings' statement, which holds its connection until the end:
  // officials are reference data, a few per jurisdiction.
  const officials = new Map((await sql<{ id: string; name: string }[]>`SELECT id, name FROM official`).map((o) => [o.id, o.name]));
  const stateCells = new Map<string, string>();
  for await (const filings of filingStatesRowPages(sql, filter, options)) {
    let text = "";
    for (const filing of filings) {
      if (!filing.states) continue;
      const head = csvCells(FILING_COLUMNS, filing) + CSV_DELIMITER;
      const tail = CSV_DELIMITER + csvCells(LINK_COLUMNS, filingUrl(options.origin, filing.id)) + CSV_LINE_END;
      for (const [jurisdiction, role, official] of filing.states) {
        const key = `${jurisdiction}\u0000${role}\u0000${official ?? ""}`;
        let cells = stateCells.get(key);
        if (cells === undefined) {
          cells = csvCells(STATE_COLUMNS, { jurisdiction, role, official, officialName: official ? officials.get(official) : undefined });
          stateCells.set(key, cells);
        }
        text += head + cells + tail;
      }
    }
    if (text) yield text;
  }
}
