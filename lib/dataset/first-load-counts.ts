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
// the trigger would have added them. Without a second connection (a pool of one, none
// free within a second, or one that fails before it has the filings) the filings are
// counted on the import's own connection right after their insert. DISABLE TRIGGER is
// transactional: a rollback turns it back on, and so does finish().
import "server-only";

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { ImportTimings } from "@/lib/dataset/timings";
import { copyInto, copyLine } from "@/lib/db/copy";
import { readThroughCursor } from "@/lib/db/cursor";
import type { Sql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** The filing columns filing_count_keys reads, in its order. */
const COUNTED = ["kind", "lawsuit_id", "date_filed", "date_filed_precision", "coalition", "demand_tokens"];
const TEXTS = COUNTED.map((c) => `"${c}"::text AS "${c}"`).join(", ");
const KEYS = `filing_count_keys(${COUNTED.map((c) => `n."${c}"`).join(", ")})`;
const CURSOR_BATCH = 5000;
// How long a first load waits for a second connection before it counts on its own.
const BORROW_WAIT_MS = 1000;

/** Adds counts (facet, value, count) to filing_count, as filing_count_apply adds those of inserted rows. */
const addCounts = (from: string) => `
  INSERT INTO filing_count AS c (facet, value, count)
  ${from}
  ORDER BY 1, 2
  ON CONFLICT (facet, value) DO UPDATE SET count = c.count + EXCLUDED.count`;

/** Thrown from the import's own connection while the filings are handed over: the import cannot go on. */
class OwnConnectionFailed extends Error {}

interface Count {
  facet: string;
  value: string;
  count: number;
}

export class FirstLoadCounts {
  /**
   * The second connection's transaction, once it has the filings. It never rejects: its
   * error is kept in `failure`. Its tables are ON COMMIT DROP and its work_mem SET LOCAL,
   * so the connection goes back to the pool as it came, however it ends. (A transaction,
   * not reserve(): postgres.js 3.4.9 throws an uncaught TypeError when a reserved
   * connection whose backend has ended is used or released; a transaction whose
   * connection is lost it fails at once, and the recovery is in handOver.)
   */
  private session: Promise<void> | null = null;
  private failure: unknown = null;
  private counts: Count[] | null = null;
  /** Told true when the import wants the counts, false when it gives them up. */
  private collect!: (wanted: boolean) => void;
  private readonly collected = new Promise<boolean>((resolve) => (this.collect = resolve));

  private constructor(
    private readonly tx: Sql,
    private readonly pool: Sql,
    private readonly workMem: string,
    private readonly timings: ImportTimings,
  ) {}

  /**
   * Turns the insert trigger of the counts off, for this transaction; the caller holds
   * "filing" ACCESS EXCLUSIVE. `workMem` is the second connection's, for its copy of the
   * filings and its hash of about 30,000 keys.
   */
  static async prepare(tx: Sql, pool: Sql, workMem: string, timings: ImportTimings): Promise<FirstLoadCounts> {
    await tx`ALTER TABLE filing DISABLE TRIGGER filing_count_after_insert`;
    return new FirstLoadCounts(tx, pool, workMem, timings);
  }

  /**
   * After the filings' insert: copies their counted columns to a second connection and
   * starts the count there, without waiting for it. When no second connection can be
   * had, or it fails before it has the filings, counts them here and now instead, as the
   * trigger would have.
   */
  async start() {
    await this.timings.time("counts: hand the filings to a second connection", () => this.handOver());
    if (this.session) return;
    await this.timings.time("counts: count on this connection", () =>
      this.tx.unsafe(addCounts(`SELECT k.facet, k.value, count(*) FROM filing n, ${KEYS} k WHERE n.is_public GROUP BY 1, 2`)),
    );
  }

  /**
   * Adds the second connection's counts to filing_count and turns the trigger back on. A
   * count that failed there fails the import: the rows may have changed since the insert,
   * and counting them now could count a change twice.
   */
  async finish() {
    if (this.session) {
      this.collect(true);
      await this.timings.time("counts: wait for the second connection", () => this.session);
      if (this.failure !== null || this.counts === null) {
        throw new Error("The filings' facets could not be counted on a second connection", { cause: this.failure });
      }
      const counts = this.counts;
      await this.timings.time("counts: write", async () => {
        await this.tx.unsafe(`CREATE TEMP TABLE first_load_count (facet text, value text, count integer) ON COMMIT DROP`);
        await copyInto(this.tx, "first_load_count", ["facet", "value", "count"], counts.map((r) => copyLine([r.facet, r.value, r.count])));
        await this.tx.unsafe(addCounts(`SELECT facet, value, count FROM first_load_count`));
        await this.tx.unsafe(`DROP TABLE first_load_count`);
      });
    }
    await this.tx`ALTER TABLE filing ENABLE TRIGGER filing_count_after_insert`;
  }

  /**
   * Ends the second connection's transaction, whether the import succeeded or not: the
   * caller's `finally`. A failed import waits for its count to end, a few seconds at
   * most: cancelling could stop the next query instead.
   */
  async release() {
    this.collect(false);
    await this.session;
  }

  /**
   * Starts the second connection's transaction and gives it the filings. Returns without
   * a session when the pool has no connection to spare within BORROW_WAIT_MS (this
   * transaction holds one, others may be busy), or when the second connection fails
   * first; an error of the import's own connection is thrown.
   */
  private async handOver() {
    if (this.pool.options.max < 2) return;
    // The columns' types as the catalogue has them: the second connection must not read
    // "filing" itself, which this import holds until it commits.
    const columns = await this.tx<{ definition: string }[]>`
      SELECT format('%I %s', attname, format_type(atttypid, atttypmod)) AS definition
      FROM pg_attribute WHERE attrelid = 'filing'::regclass AND attname = ANY(${COUNTED}::text[])
      ORDER BY array_position(${COUNTED}::text[], attname::text)`;
    let abandoned = false;
    let lost = false;
    let connected!: () => void;
    const connecting = new Promise<void>((resolve) => (connected = resolve));
    let handedOver!: () => void;
    const handing = new Promise<void>((resolve) => (handedOver = resolve));
    const session = this.pool.begin(async (helper) => {
      connected();
      // Too late: the import counted on its own connection.
      if (abandoned) return;
      try {
        await helper`SELECT set_config('work_mem', ${this.workMem}, true)`;
        await helper.unsafe(`CREATE TEMP TABLE first_load_filing (${columns.map((c) => c.definition).join(", ")}) ON COMMIT DROP`);
        // Through a cursor, as text: postgres.js leaves a connection's socket paused after a
        // COPY … TO STDOUT whose last rows filled the stream, and the next query never ends.
        const rows = readThroughCursor<Record<string, string | null>>(this.tx, Prisma.sql`SELECT ${Prisma.raw(TEXTS)} FROM filing WHERE is_public`, CURSOR_BATCH);
        const into = await helper.unsafe(`COPY first_load_filing FROM STDIN`).writable();
        await pipeline(Readable.from(copyLines(rows)), into);
        handedOver();
        const started = performance.now();
        await helper.unsafe(`CREATE TEMP TABLE first_load_count ON COMMIT DROP AS SELECT k.facet, k.value, count(*)::int AS count FROM first_load_filing n, ${KEYS} k GROUP BY 1, 2`);
        this.timings.add("counts: count on the second connection (overlaps the merge)", performance.now() - started);
        if ((await this.collected) && !lost) {
          // About 30,000 keys for 100,000 filings: they grow with the lawsuits, states and months, not with the filings.
          this.counts = await helper.unsafe<Count[]>(`SELECT facet, value, count FROM first_load_count`);
        }
      } catch (error) {
        if (!lost && !connectionLost(error)) throw error;
        lost = true;
      }
      // On a lost connection postgres.js fails the transaction at once, and the COMMIT or
      // ROLLBACK that follows this callback would be written to a closed socket, an
      // uncaught TypeError (3.4.9): this callback never ends instead.
      if (lost) await new Promise(() => {});
    });
    // Whatever happens to it later is seen through `session` or not at all (once abandoned).
    session.catch(() => (lost = true));
    let timer: NodeJS.Timeout | undefined;
    const gotOne = await Promise.race([
      connecting.then(() => true),
      session.then(() => true, () => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), BORROW_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (!gotOne) {
      abandoned = true;
      return;
    }
    const outcome = await Promise.race([handing.then(() => null), session.then(() => null, (error: unknown) => ({ error }))]);
    if (outcome !== null) {
      if (outcome.error instanceof OwnConnectionFailed) throw outcome.error.cause;
      // The second connection failed before it had the filings: count here instead.
      return;
    }
    this.session = session.then(
      () => {},
      (error: unknown) => void (this.failure = error),
    );
  }
}

/** Whether `error` says the connection itself is gone (its backend ended, its socket closed). */
function connectionLost(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "57P01" || code === "57P02" || code === "57P03" || (typeof code === "string" && code.startsWith("CONNECTION_"));
}

/** The rows as COPY text, a batch at a time; a failure to read them is the import's own connection's. */
async function* copyLines(batches: AsyncIterable<Record<string, string | null>[]>): AsyncGenerator<string> {
  try {
    for await (const rows of batches) yield rows.map((r) => copyLine(COUNTED.map((c) => r[c]))).join("");
  } catch (error) {
    throw new OwnConnectionFailed("reading the filings failed", { cause: error });
  }
}
