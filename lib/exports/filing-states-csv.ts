// /export/filing-states.csv: the long format for analysis, one row per filing and
// jurisdiction that joined it, with the role it took and the official who signed.
// A filing no jurisdiction joined has no row here (it has one in filings.csv).
import "server-only";

import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";

import { csvChunks, type CsvColumn } from "./csv";
import { datePrecisionOf, filingUrl, type CsvExportOptions } from "./filings-csv";
import { filteredFilingRecords } from "./stream";

export interface FilingStateRow {
  filingId: string;
  dateFiled: string;
  kind: string;
  jurisdiction: string;
  role: string;
  official: string | null | undefined;
  officialName: string | undefined;
  url: string;
}

export const FILING_STATES_CSV_COLUMNS: CsvColumn<FilingStateRow>[] = [
  { header: "filingId", value: (r) => r.filingId },
  { header: "dateFiled", value: (r) => r.dateFiled },
  { header: "datePrecision", value: (r) => datePrecisionOf(r.dateFiled) },
  { header: "kind", value: (r) => r.kind },
  { header: "jurisdiction", value: (r) => r.jurisdiction },
  { header: "jurisdictionName", value: (r) => getJurisdictionName(r.jurisdiction) },
  { header: "role", value: (r) => r.role },
  { header: "official", value: (r) => r.official },
  { header: "officialName", value: (r) => r.officialName },
  { header: "url", value: (r) => r.url },
];

/** The rows, a batch of filings at a time, each filing's jurisdictions in the order of its signatures. */
export async function* filingStateRowPages(sql: Sql, filter: Filter, options: CsvExportOptions): AsyncGenerator<FilingStateRow[]> {
  // Read before the filings' statement, which holds its connection until the end:
  // officials are reference data, a few per jurisdiction.
  const officials = new Map((await sql<{ id: string; name: string }[]>`SELECT id, name FROM official`).map((o) => [o.id, o.name]));
  for await (const filings of filteredFilingRecords(sql, filter, { batch: options.pageSize })) {
    yield filings.flatMap(({ record: filing }) =>
      filing.states.map((state) => ({
        filingId: filing.id,
        dateFiled: filing.dateFiled,
        kind: filing.kind,
        jurisdiction: state.jurisdiction,
        role: state.role,
        official: state.official,
        officialName: state.official ? officials.get(state.official) : undefined,
        url: filingUrl(options.origin, filing.id),
      })),
    );
  }
}

export function filingStatesCsv(sql: Sql, filter: Filter, options: CsvExportOptions): AsyncGenerator<string> {
  return csvChunks(FILING_STATES_CSV_COLUMNS, filingStateRowPages(sql, filter, options), { bom: options.bom });
}
