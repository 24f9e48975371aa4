// The facet counts of a first load, counted on a second connection (decision 038).
//
// A filing inserted is counted by the statement trigger filing_count_apply (migration
// 20261211090000): about 117 keys per filing, 11.7 million rows hashed for 100,000
// filings, 7 to 9 s of the import's one backend while the other core waits. A first
// load (decision 032: every merged table empty, all of them held ACCESS EXCLUSIVE) turns
// that trigger off for its insert and hands the public filings' counted columns to a
// second connection, which counts them with the same function (filing_count_keys) while
// the import's own connection goes on with the filings' lists, revisions and search
// documents. The counts come back before the commit and are added in one statement, as
// the trigger would have added them. DISABLE TRIGGER is transactional: a rollback turns
// it back on, and so does finish().
import "server-only";

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { ImportTimings } from "@/lib/dataset/timings";
import { copyInto, copyLine } from "@/lib/db/copy";
import { readThroughCursor } from "@/lib/db/cursor";
import type { Sql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The filing columns filing_count_keys reads, in its order, with their types: the second
 * connection must not read "filing" itself, which this import holds until it commits.
 */
const COUNTED = [
  ["kind", "filing_kind"],
  ["lawsuit_id", "text"],
  ["date_filed", "date"],
  ["date_filed_precision", "date_precision"],
  ["coalition", "text[]"],
  ["demand_tokens", "text[]"],
] as const;
const TEXTS = COUNTED.map(([c]) => `"${c}"::text AS "${c}"`).join(", ");
const KEYS = `filing_count_keys(${COUNTED.map(([c]) => `n."${c}"`).join(", ")})`;
// The second connection's hash of about 30,000 keys, and its copy of the filings.
const HELPER_WORK_MEM = "256MB";
const CURSOR_BATCH = 5000;

/** Adds counts (facet, value, count) to filing_count, as filing_count_apply adds those of inserted rows. */
const addCounts = (from: string) => `
  INSERT INTO filing_count AS c (facet, value, count)
  ${from}
  ORDER BY 1, 2
  ON CONFLICT (facet, value) DO UPDATE SET count = c.count + EXCLUDED.count`;

export class FirstLoadCounts {
  private helper: Awaited<ReturnType<Sql["reserve"]>> | null = null;
  private query: ReturnType<Sql["unsafe"]> | null = null;
  private counting: Promise<unknown> | null = null;
  private settled = false;
  private failure: unknown = null;

  private constructor(
    private readonly tx: Sql,
    private readonly pool: Sql,
    private readonly timings: ImportTimings,
  ) {}

  /** Turns the insert trigger of the counts off, for this transaction; the caller holds "filing" ACCESS EXCLUSIVE. */
  static async prepare(tx: Sql, pool: Sql, timings: ImportTimings): Promise<FirstLoadCounts> {
    await tx`ALTER TABLE filing DISABLE TRIGGER filing_count_after_insert`;
    return new FirstLoadCounts(tx, pool, timings);
  }

  /**
   * After the filings' insert: copies their counted columns to the second connection and
   * starts the count there, without waiting for it. A second connection that cannot be
   * had, or fails, leaves the count to finish(), on the import's own connection.
   */
  async start() {
    const end = this.timings.begin("counts: hand the filings to a second connection");
    try {
      // A pool of one connection has none to lend while this transaction holds it.
      if (this.pool.options.max < 2) throw new Error("no second connection");
      this.helper = await this.pool.reserve();
      const helper = this.helper;
      await helper.unsafe(`SET work_mem = '${HELPER_WORK_MEM}'`);
      await helper.unsafe(`CREATE TEMP TABLE first_load_filing (${COUNTED.map(([c, type]) => `"${c}" ${type}`).join(", ")})`);
      // Through a cursor, as text: postgres.js leaves a connection's socket paused after a
      // COPY … TO STDOUT whose last rows filled the stream, and the next query never ends.
      const rows = readThroughCursor<Record<string, string | null>>(this.tx, Prisma.sql`SELECT ${Prisma.raw(TEXTS)} FROM filing WHERE is_public`, CURSOR_BATCH);
      const into = await helper.unsafe(`COPY first_load_filing FROM STDIN`).writable();
      await pipeline(Readable.from(copyLines(rows)), into);
      const started = performance.now();
      this.query = helper.unsafe(`CREATE TEMP TABLE first_load_count AS SELECT k.facet, k.value, count(*)::int AS count FROM first_load_filing n, ${KEYS} k GROUP BY 1, 2`);
      this.counting = this.query
        .then(() => this.timings.add("counts: count on the second connection (overlaps the merge)", performance.now() - started))
        .finally(() => (this.settled = true));
      // Seen by finish(); until then nobody waits on it.
      this.counting.catch((error: unknown) => (this.failure = error));
    } catch (error) {
      this.failure = error;
    } finally {
      end();
    }
  }

  /** Adds the counts to filing_count and turns the trigger back on. */
  async finish() {
    try {
      await this.timings.time("counts: wait for the second connection", () => this.counting?.catch(() => {}));
      if (this.helper && this.counting && this.failure === null) {
        const helper = this.helper;
        await this.timings.time("counts: write", async () => {
          // About 30,000 keys for 100,000 filings, whatever the number of filings beyond the lawsuits and years they span.
          const counted = await helper.unsafe<{ facet: string; value: string; count: number }[]>(`SELECT facet, value, count FROM first_load_count`);
          await this.tx.unsafe(`CREATE TEMP TABLE first_load_count (facet text, value text, count integer) ON COMMIT DROP`);
          await copyInto(this.tx, "first_load_count", ["facet", "value", "count"], counted.map((r) => copyLine([r.facet, r.value, r.count])));
          await this.tx.unsafe(addCounts(`SELECT facet, value, count FROM first_load_count`));
          await this.tx.unsafe(`DROP TABLE first_load_count`);
        });
      } else {
        // What the trigger does, on this connection.
        await this.timings.time("counts: count on this connection", () =>
          this.tx.unsafe(addCounts(`SELECT k.facet, k.value, count(*) FROM filing n, ${KEYS} k WHERE n.is_public GROUP BY 1, 2`)),
        );
      }
      await this.tx`ALTER TABLE filing ENABLE TRIGGER filing_count_after_insert`;
    } finally {
      await this.release();
    }
  }

  /** Gives the second connection back as it was lent: no tables of ours, the default work_mem. */
  async release() {
    const helper = this.helper;
    this.helper = null;
    if (!helper) return;
    // A count still running (the import failed meanwhile) would hold the connection.
    if (!this.settled) this.query?.cancel();
    await this.counting?.catch(() => {});
    await helper.unsafe(`DROP TABLE IF EXISTS first_load_filing, first_load_count; RESET work_mem`).catch(() => {});
    helper.release();
  }
}

/** The rows as COPY text, a batch at a time. */
async function* copyLines(batches: AsyncIterable<Record<string, string | null>[]>): AsyncGenerator<string> {
  for await (const rows of batches) yield rows.map((r) => copyLine(COUNTED.map(([c]) => r[c]))).join("");
}
