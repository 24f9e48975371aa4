// Rows of one statement read through a cursor, a batch at a time, with PostgreSQL
// reading the next batch while the caller works on this one: the streams of records
// and the CSV exports read this way, so that 100,000 filings take one batch of memory.
import "server-only";

import type { Sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The rows of `statement` (built with Prisma.sql, its values bound as parameters),
 * `batch` at a time, from one snapshot. The statement holds its connection until the
 * stream ends, so the caller must not wait on another query of the same pool
 * meanwhile. Leaving the loop early closes the cursor.
 */
export async function* readThroughCursor<Row>(sql: Sql, statement: Prisma.Sql, batch: number): AsyncGenerator<Row[]> {
  const batches = sql.unsafe<Row[]>(statement.text, statement.values as never[]).cursor(batch)[Symbol.asyncIterator]();
  let next: Promise<IteratorResult<Row[]>> | undefined = batches.next();
  try {
    for (;;) {
      const { value: rows, done } = await next;
      next = undefined;
      if (done) return;
      // A failure is thrown where it is awaited, not as an unhandled rejection while the reader waits.
      next = batches.next();
      next.catch(() => {});
      yield rows;
    }
  } finally {
    await next?.catch(() => {});
    await batches.return?.();
  }
}
