// What every export shares: the filtered filings in timeline order from one statement
// read through a cursor (the timeline's filter, lib/timeline/queries.ts
// filterConditions; records from lib/dataset/read.ts streamFilingRecords, or the CSVs'
// own lean rows through lib/db/cursor.ts), and text chunks turned into a byte stream
// read on demand. One batch is in memory at a time, so 100,000 filings export as easily
// as ten, at the pace PostgreSQL reads them.
//
// Exports read through postgres.js (a `sql` from lib/db/bulk.ts in the app, or the
// CLI's connection), running the Prisma-built filter through it.
import "server-only";

import { streamFilingRecords } from "@/lib/dataset/read";
import type { FilingRecord } from "@/lib/dataset/schema";
import type { Sql } from "@/lib/db/sql";
import type { Filter } from "@/lib/filters/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterConditions, listFilingIds, runWithPostgres, timelineOrder, whereClause } from "@/lib/timeline/queries";

/** Filings read per statement: the largest page listFilingIds gives. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * What an export of `filter` holds, as SQL over `filing f`: the public filings the
 * filter matches (filterConditions) and the timeline's order for its sort. The filter's
 * cursor is ignored: an export holds the whole filtered set, not one page of it.
 */
export function exportSelection(filter: Filter): { where: Prisma.Sql; order: Prisma.Sql } {
  return { where: whereClause(filterConditions(filter)), order: timelineOrder(filter.sort !== "oldest") };
}

/** Rows of a CSV's statement read per round trip (filings, in filing-states.csv): larger batches bought no time and cost memory. */
export const CSV_BATCH = 1000;

/** Public filings under any conditions (the filter's and a bound's), as records in `order`, `batch` at a time from one statement (streamFilingRecords). */
export function publicFilingRecords<Extra extends Record<string, unknown> = Record<string, unknown>>(
  sql: Sql,
  selection: { conditions: Prisma.Sql[]; order: Prisma.Sql; columns?: Prisma.Sql[] },
  batch?: number,
): AsyncGenerator<{ record: FilingRecord; extra: Extra }[]> {
  return streamFilingRecords<Extra>(sql, selection, { publicOnly: true, batch }) as AsyncGenerator<{ record: FilingRecord; extra: Extra }[]>;
}

/**
 * Every filing the filter matches, as pages of ids in the filter's order. The filter's
 * cursor is ignored: an export holds the whole filtered set, not one page of it.
 */
export async function* filingIdPages(sql: Sql, filter: Filter, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string[]> {
  const run = runWithPostgres(sql);
  let cursor: string | undefined;
  do {
    const page = await listFilingIds({ ...filter, cursor }, pageSize, run);
    if (page.ids.length > 0) yield page.ids;
    cursor = page.next ?? undefined;
  } while (cursor);
}

/**
 * A byte stream that pulls the next chunk only when the reader wants more, so a slow
 * download never makes the server read ahead; cancelling stops the reads.
 */
export function toByteStream(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A pull must enqueue or close: the stream does not ask again after an empty one.
        for (;;) {
          const { value, done } = await iterator.next();
          if (done) return controller.close();
          if (value.length > 0) return controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
        }
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** Concatenates the chunks: for tests and small outputs. */
export async function collectText(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** How many filings the filter matches; one statement. */
export async function countFilings(sql: Sql, filter: Filter): Promise<number> {
  const [{ total }] = await runWithPostgres(sql)<{ total: number }>(
    Prisma.sql`SELECT count(*)::int AS "total" FROM "filing" f ${whereClause(filterConditions(filter))}`,
  );
  return total;
}

/** What a bounded answer names before its body streams: its first and last rows, how many, and whether more follow. */
export interface Boundary<Row> {
  first: Row | undefined;
  last: Row | undefined;
  count: number;
  more: boolean;
}

/**
 * The first and last of at most `limit` filings under `conditions` in `order`, with the
 * `columns` that name a position (an id, a date), and whether more follow; one
 * statement that reads positions only, so headers (`Link: rel=next`, the range) and the
 * text before the first entry can say the bound before the entries stream.
 */
export async function readBoundary<Row extends Record<string, unknown>>(
  sql: Sql,
  selection: { columns: Prisma.Sql; conditions: Prisma.Sql[]; order: Prisma.Sql },
  limit: number,
): Promise<Boundary<Row>> {
  const rows = await runWithPostgres(sql)<Row & { n: number }>(Prisma.sql`
    WITH b AS (
      SELECT ${selection.columns}, row_number() OVER (ORDER BY ${selection.order})::int AS n
      FROM "filing" f ${whereClause(selection.conditions)}
      ORDER BY ${selection.order} LIMIT ${limit + 1}
    )
    SELECT * FROM b WHERE n = 1 OR n >= (SELECT max(n) FROM b) - 1 ORDER BY n`);
  const more = rows.length > 0 && rows[rows.length - 1].n > limit;
  const inside = rows.filter((r) => r.n <= limit);
  const last = inside[inside.length - 1];
  return { first: inside[0], last, count: last?.n ?? 0, more };
}

/** The name, docket number and court (short name) of a filing's lawsuit while it is public, as a column of the filing's own statement (`lawsuit_name`). */
export const LAWSUIT_NAME_COLUMN = Prisma.sql`(SELECT json_build_object('caseNameShort', l.case_name_short, 'docketNumber', l.docket_number, 'court', coalesce(c.short_name, l.court_id))
  FROM lawsuit l LEFT JOIN court c ON c.id = l.court_id WHERE l.id = f.lawsuit_id AND l.is_public) AS lawsuit_name`;
export type LawsuitName = { caseNameShort: string; docketNumber: string; court: string };

/**
 * A document written around streamed items, as its library writes it: `document` (the
 * library's text of it without items) up to `closing`, then at most `limit` items, each
 * as `write` gives it, a batch per chunk, then `closing` and what follows. `afterBatch`
 * lets the writer drop what it kept of the batch.
 */
export async function* writeAround<T>(
  document: string,
  closing: string,
  batches: AsyncIterable<T[]>,
  write: (item: T) => string,
  options: { limit: number; afterBatch?: () => void },
): AsyncGenerator<string> {
  const end = document.lastIndexOf(closing);
  yield document.slice(0, end);
  let written = 0;
  for await (const batch of batches) {
    const items = batch.slice(0, options.limit - written);
    written += items.length;
    const text = items.map(write).join("");
    options.afterBatch?.();
    yield text;
    // Leaving the loop closes the batches' cursor.
    if (written >= options.limit) break;
  }
  yield document.slice(end);
}
