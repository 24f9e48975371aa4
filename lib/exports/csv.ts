// CSV as RFC 4180 writes it, through csv-stringify: CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break, quotes doubled. UTF-8, with an optional
// byte-order mark so that spreadsheet programs read it as UTF-8.
//
// Values are written as they are: a title starting with "=" stays as it is, so that
// the file parses back to the data. Spreadsheet users import rather than open a file
// from a source they do not trust.
import { stringify } from "csv-stringify/sync";

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

/** The header line, then one chunk of lines per page of rows. */
export async function* csvChunks<T>(columns: CsvColumn<T>[], pages: AsyncIterable<T[]>, options: { bom?: boolean } = {}): AsyncGenerator<string> {
  yield stringify([columns.map((c) => c.header)], { bom: options.bom ?? false, record_delimiter: "windows" });
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    yield stringify(
      rows.map((row) => columns.map((c) => c.value(row) ?? "")),
      { record_delimiter: "windows" },
    );
  }
}

/** Several values in one field: "NM;WA". */
export const joinValues = (values: string[]) => values.join(";");
