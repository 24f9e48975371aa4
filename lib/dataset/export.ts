// Writes the database as a docketline/v1 document. The output is canonical (fixed
// record order, fixed field order, two-space indentation), so export → import into an
// empty database → export gives the same bytes.
import { DATASET_FORMAT } from "@/lib/dataset/schema";
import { readRecords } from "@/lib/dataset/read";
import type { Sql } from "@/lib/db/sql";

export async function exportDataset(sql: Sql) {
  const records = await readRecords(sql);
  return { format: DATASET_FORMAT, ...records };
}

export function serializeDataset(dataset: object): string {
  return JSON.stringify(dataset, null, 2) + "\n";
}
