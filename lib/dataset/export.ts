// Writes the database as a docketline/v1 document. The output is canonical (fixed
// record order, fixed field order, two-space indentation), so export → import into an
// empty database → export gives the same bytes.
import "server-only";

import { readCodingRecords } from "@/lib/coding/read";
import { jsonArray } from "@/lib/dataset/records";
import { DATASET_FORMAT } from "@/lib/dataset/schema";
import { FILING_EXPORT_ORDER, readRecords, streamFilingTexts } from "@/lib/dataset/read";
import type { Sql } from "@/lib/db/sql";

/**
 * "public": what researchers see on the site, every reference resolving within it.
 * "all": every record, drafts and deleted ones (still restorable) included, for a
 * backup. The docketline/v1 format has no publication field, so in such a file drafts
 * are plain records: importing it publishes them (or makes new ones drafts, with --draft).
 */
export type ExportScope = "public" | "all";

export async function exportDataset(sql: Sql, options: { scope?: ExportScope } = {}) {
  const publicOnly = (options.scope ?? "public") === "public";
  const [{ courts, officials, lawsuits, filings }, { issueAreas, policies, coding }] = await Promise.all([
    readRecords(sql, undefined, { publicOnly }),
    readCodingRecords(sql, {}, { publicOnly }),
  ]);
  // FORMAT.md's member order: reference records, then what refers to them.
  return { format: DATASET_FORMAT, courts, officials, issueAreas, policies, lawsuits, filings, coding };
}

export function serializeDataset(dataset: object): string {
  return JSON.stringify(dataset, null, 2) + "\n";
}

/**
 * The text of serializeDataset(await exportDataset(sql, options)), written as it is
 * read: courts, officials and lawsuits (a few thousand at most) first, then the filings
 * from one statement through a cursor, so memory stays flat however many there are.
 */
export async function* exportDatasetText(
  sql: Sql,
  options: { scope?: ExportScope; batch?: number; /** Counts what was written, as it is. */ tally?: { lawsuits: number; filings: number } } = {},
): AsyncGenerator<string> {
  const publicOnly = (options.scope ?? "public") === "public";
  const tally = options.tally ?? { lawsuits: 0, filings: 0 };
  const [{ courts, officials, lawsuits }, { issueAreas, policies, coding }] = await Promise.all([
    readRecords(sql, { filings: [] }, { publicOnly }),
    readCodingRecords(sql, {}, { publicOnly }),
  ]);
  tally.lawsuits = lawsuits.length;
  yield `{\n  "format": ${JSON.stringify(DATASET_FORMAT)},\n`;
  yield* jsonArray("courts", [courts]);
  yield ",\n";
  yield* jsonArray("officials", [officials]);
  yield ",\n";
  yield* jsonArray("issueAreas", [issueAreas]);
  yield ",\n";
  yield* jsonArray("policies", [policies]);
  yield ",\n";
  yield* jsonArray("lawsuits", [lawsuits]);
  yield ",\n";
  const filings = streamFilingTexts(sql, { conditions: [], order: FILING_EXPORT_ORDER }, { publicOnly, batch: options.batch });
  yield* jsonArray("filings", (async function* () {
    for await (const batch of filings) {
      tally.filings += batch.length;
      yield batch;
    }
  })());
  yield ",\n";
  yield* jsonArray("coding", [coding]);
  yield "\n}\n";
}
