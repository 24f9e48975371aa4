// The one list of Docketline's export formats: what /export serves for a filter, and
// what a release (lib/releases) freezes of everything published. A format added here is
// in the next release without any other change; a column or field added to a format's
// own module is too.
import "server-only";

import { getCodebook } from "@/lib/coding/codebook";
import { exportDatasetText } from "@/lib/dataset/export";
import type { Sql } from "@/lib/db/sql";
import { EMPTY_FILTER } from "@/lib/filters/schema";
import { DATASET_FILE } from "@/lib/releases/paths";

import { CSV_CONTENT_TYPE } from "./csv";
import { filingStatesCsv } from "./filing-states-csv";
import { filingsCsv } from "./filings-csv";

export interface ExportFormat {
  /** The file's name: /export/<file> for a filter, /data/releases/<n>/<file> in a release. */
  file: string;
  /** What the file holds, for people choosing a download. */
  label: string;
  contentType: string;
  /**
   * Every published record in this format, canonical (the same data gives the same
   * bytes). `origin` makes the absolute links of the CSVs' `url` column.
   */
  everything(sql: Sql, options: { origin: string }): AsyncIterable<string>;
  /** The docketline/v1 dataset: the file that imports back, record by record. */
  dataset?: true;
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    file: DATASET_FILE,
    label: "The dataset (docketline/v1 JSON), which imports as it is",
    contentType: JSON_CONTENT_TYPE,
    // Every public record, courts and lawsuits without filings included: the file that
    // `npm run export` writes and that round-trips byte for byte.
    everything: (sql) => exportDatasetText(sql, { scope: "public" }),
    dataset: true,
  },
  {
    file: "filings.csv",
    label: "CSV, one row per filing",
    contentType: CSV_CONTENT_TYPE,
    everything: (sql, { origin }) => filingsCsv(sql, EMPTY_FILTER, { origin }),
  },
  {
    file: "filing-states.csv",
    label: "CSV, one row per filing and jurisdiction",
    contentType: CSV_CONTENT_TYPE,
    everything: (sql, { origin }) => filingStatesCsv(sql, EMPTY_FILTER, { origin }),
  },
  {
    file: "codebook.json",
    label: "The codebook: what every code of the research coding means and how it is decided",
    contentType: JSON_CONTENT_TYPE,
    everything: async function* (sql) {
      yield JSON.stringify(await getCodebook(sql), null, 2) + "\n";
    },
  },
];

/** The format served as `file`; throws for a name that is not one (a programming error). */
export function exportFormat(file: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.file === file);
  if (!format) throw new Error(`No export format is named ${file}`);
  return format;
}
