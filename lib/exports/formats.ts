// The one list of Docketline's export formats: what /export serves for a filter
// (lib/exports/serve.ts), what `npm run export` writes, what a release (lib/releases)
// freezes of everything published and what /data lists. A format added here is served,
// written and in the next release without any other change; a column or field added to
// a format's own module is too.
import "server-only";

import { getCodebook } from "@/lib/coding/codebook";
import { exportDatasetText } from "@/lib/dataset/export";
import type { Sql } from "@/lib/db/sql";
import { EMPTY_FILTER, type Filter } from "@/lib/filters/schema";
import { DATASET_FILE } from "@/lib/releases/paths";

import { CSV_CONTENT_TYPE } from "./csv";
import { filteredDatasetJson } from "./dataset-json";
import { filingStatesCsv } from "./filing-states-csv";
import { filingsCsv } from "./filings-csv";

/** What a dataset writer counts as it writes, for the command line's report. */
export interface ExportTally {
  lawsuits: number;
  /** Filings written; for a filter, those it matched. */
  filings: number;
  /** Filings outside the filter added because the file's records refer to them. */
  added: number;
}

export interface ExportOptions {
  /** The site's origin, for the CSVs' absolute `url` column. */
  origin: string;
  /** Filled as the file is written, where the format counts (the dataset). */
  tally?: ExportTally;
}

export interface ExportFormat {
  /** The file's name: /export/<file> for a filter, /data/releases/<n>/<file> in a release. */
  file: string;
  /** What the file holds, for people choosing a download. */
  label: string;
  contentType: string;
  /**
   * Every published record in this format, canonical (the same data gives the same
   * bytes): what a release freezes, and what /export/<file> and `npm run export` write
   * for a format that takes no filter.
   */
  everything(sql: Sql, options: ExportOptions): AsyncIterable<string>;
  /**
   * What the timeline shows for `filter`, in this format: /export/<file>?<filter> and
   * `npm run export -- <filters> <file>`. Absent for a format the filter does not
   * change (the codebook).
   */
  filtered?(sql: Sql, filter: Filter, options: ExportOptions & { bom: boolean }): AsyncIterable<string>;
  /** Takes `bom` (`?bom=1`, `--bom`): a byte-order mark for spreadsheet programs. */
  bom?: true;
  /** Its rows hold absolute links made from the request's origin: responses vary by it. */
  links?: true;
  /**
   * The flag of `npm run export` that picks this format among those of its file
   * extension (`--per-state`); the one without a flag is the extension's default.
   */
  option?: { flag: string; help: string };
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
    everything: (sql, { tally }) => exportDatasetText(sql, { scope: "public", tally }),
    // The filtered filings with what they and their lawsuits' coding refer to.
    filtered: (sql, filter, { tally }) => filteredDatasetJson(sql, filter, { tally }),
    dataset: true,
  },
  {
    file: "filings.csv",
    label: "CSV, one row per filing",
    contentType: CSV_CONTENT_TYPE,
    everything: (sql, { origin }) => filingsCsv(sql, EMPTY_FILTER, { origin }),
    filtered: (sql, filter, { origin, bom }) => filingsCsv(sql, filter, { origin, bom }),
    bom: true,
    links: true,
  },
  {
    file: "filing-states.csv",
    label: "CSV, one row per filing and jurisdiction",
    contentType: CSV_CONTENT_TYPE,
    everything: (sql, { origin }) => filingStatesCsv(sql, EMPTY_FILTER, { origin }),
    filtered: (sql, filter, { origin, bom }) => filingStatesCsv(sql, filter, { origin, bom }),
    bom: true,
    links: true,
    option: { flag: "per-state", help: "one row per filing and jurisdiction instead of one per filing" },
  },
  {
    file: "codebook.json",
    label: "The codebook: what every code of the research coding means and how it is decided",
    contentType: JSON_CONTENT_TYPE,
    // The companion of every dataset, whatever its filter: the codes do not depend on it.
    everything: async function* (sql) {
      yield JSON.stringify(await getCodebook(sql), null, 2) + "\n";
    },
    option: { flag: "codebook", help: "the codebook of the research coding (docketline/codebook-v1), which takes no filters" },
  },
];

/** "filings.csv" → { base: "filings", extension: "csv" }: how a format's file is named by the routes and the command. */
export function fileNameParts(file: string): { base: string; extension: string } {
  const dot = file.lastIndexOf(".");
  return { base: file.slice(0, dot), extension: file.slice(dot + 1).toLowerCase() };
}

/** The format served as `file`; throws for a name that is not one (a programming error). */
export function exportFormat(file: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.file === file);
  if (!format) throw new Error(`No export format is named ${file}`);
  return format;
}
