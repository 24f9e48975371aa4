// Writes the database as a docketline/v1 document. The output is canonical (fixed
// record order, fixed field order, two-space indentation), so export → import into an
// empty database → export gives the same bytes.
import "server-only";

import { DATASET_FORMAT } from "@/lib/dataset/schema";
import { readRecords } from "@/lib/dataset/read";
import type { Sql } from "@/lib/db/sql";

/**
 * "public": what researchers see on the site, every reference resolving within it.
 * "all": every record, drafts and deleted ones (still restorable) included, for a
 * backup. The docketline/v1 format has no publication field, so in such a file drafts
 * are plain records: importing it publishes them (or makes new ones drafts, with --draft).
 */
export type ExportScope = "public" | "all";

export async function exportDataset(sql: Sql, options: { scope?: ExportScope } = {}) {
  const records = await readRecords(sql, undefined, { publicOnly: (options.scope ?? "public") === "public" });
  return { format: DATASET_FORMAT, ...records };
}

export function serializeDataset(dataset: object): string {
  return JSON.stringify(dataset, null, 2) + "\n";
}
