// What every export shares: the filtered filings' records in timeline order from one
// statement read through a cursor (lib/dataset/read.ts streamFilingRecords, with the
// timeline's filter, lib/timeline/queries.ts filterConditions), and text chunks turned
// into a byte stream read on demand. One batch is in memory at a time, so 100,000
// filings export as easily as ten, at the pace PostgreSQL reads them.
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
 * Every public filing the filter matches, as records in the timeline's order, `batch`
 * at a time from one statement, with the caller's `columns` (streamFilingRecords). The
 * filter's cursor is ignored: an export holds the whole filtered set, not one page of it.
 */
export function filteredFilingRecords<Extra extends Record<string, unknown> = Record<string, unknown>>(
  sql: Sql,
  filter: Filter,
  options: { batch?: number; columns?: Prisma.Sql[] } = {},
): AsyncGenerator<{ record: FilingRecord; extra: Extra }[]> {
  return streamFilingRecords<Extra>(
    sql,
    { conditions: filterConditions(filter), order: timelineOrder(filter.sort !== "oldest"), columns: options.columns },
    { publicOnly: true, batch: options.batch },
  ) as AsyncGenerator<{ record: FilingRecord; extra: Extra }[]>;
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
