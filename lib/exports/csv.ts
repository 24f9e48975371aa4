// CSV as RFC 4180 writes it, through csv-stringify: CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break, quotes doubled. UTF-8, with an optional
// byte-order mark so that spreadsheet programs read it as UTF-8.
//
// Text that a spreadsheet would take for a formula is neutralised (OWASP's CSV
// injection rule): a cell that starts with "=", "+", "-", "@", a tab or a carriage
// return gets a leading single quote, so that `=HYPERLINK(…)` in a title shows as
// text instead of running when the file is opened. Only text cells: numbers (the
// demand count) are written as numbers, and no column of ours holds a negative one.
// Dates ("2018-07-02") and ids start with a letter or a digit and are never touched.
// The JSON exports are not CSV and keep every value as it is (lib/exports/dataset-json.ts).
import { stringify } from "csv-stringify/sync";

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

/** What separates the cells of a line, and what ends every line (RFC 4180's CRLF). */
export const CSV_DELIMITER = ",";
export const CSV_LINE_END = "\r\n";

/** csv-stringify's options for every line. */
const LINE = { delimiter: CSV_DELIMITER, record_delimiter: CSV_LINE_END };

/** The header line, with the byte-order mark if asked for. */
export function csvHeader(headers: string[], options: { bom?: boolean } = {}): string {
  return stringify([headers], { ...LINE, bom: options.bom ?? false });
}

/** The header line, then one chunk of lines per page of rows. */
export async function* csvChunks<T>(columns: CsvColumn<T>[], pages: AsyncIterable<T[]>, options: { bom?: boolean } = {}): AsyncGenerator<string> {
  yield csvHeader(columns.map((c) => c.header), options);
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    yield stringify(
      rows.map((row) => columns.map((c) => neutralizeFormula(c.value(row) ?? ""))),
      LINE,
    );
  }
}

/**
 * A run of cells of one line as csv-stringify writes them in the line (each quoted as
 * it needs, formulas neutralised), without the line's end. csv-stringify quotes a cell
 * by its own text alone, so runs joined by CSV_DELIMITER and ended by CSV_LINE_END are
 * the line it writes whole: a run that many lines share is then written once.
 */
export function csvCells<T>(columns: CsvColumn<T>[], row: T): string {
  return stringify([columns.map((c) => neutralizeFormula(c.value(row) ?? ""))], LINE).slice(0, -CSV_LINE_END.length);
}

/** The first characters that make a spreadsheet read a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's value as a spreadsheet must show it: text that would start a formula gets a leading "'". */
export function neutralizeFormula(value: string | number): string | number {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** What separates several values in one field: "NM;WA". */
export const VALUE_SEPARATOR = ";";
