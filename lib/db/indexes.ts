// Secondary indexes taken off some tables and built again, in the caller's transaction,
// as pg_restore does: rows first, then each index in one sorted pass, instead of every
// row inserted into every index as it is written (decision 035). Only indexes that
// enforce nothing are taken off: primary keys, unique indexes and those behind a
// constraint stay, so no rule is ever unchecked. DROP INDEX is transactional: a
// rollback puts them back as they were.
import "server-only";

import type { Sql } from "@/lib/db/sql";

export interface SecondaryIndex {
  /** The index's name, quoted by PostgreSQL where it needs it. */
  name: string;
  /** pg_get_indexdef: the CREATE INDEX statement that makes it again. */
  definition: string;
}

/**
 * Drops the secondary indexes of `tables` and returns what buildIndexes needs to make
 * them again. The caller must hold the tables (ACCESS EXCLUSIVE): no reader may plan a
 * query on them meanwhile.
 */
export async function dropSecondaryIndexes(tx: Sql, tables: string[]): Promise<SecondaryIndex[]> {
  const indexes = await tx<SecondaryIndex[]>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    WHERE i.indrelid = ANY(${tables}::regclass[]) AND NOT i.indisunique
      AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    ORDER BY 1`;
  if (indexes.length > 0) await tx.unsafe(`DROP INDEX ${indexes.map((i) => i.name).join(", ")}`);
  return indexes;
}

/** Makes again what dropSecondaryIndexes dropped, each index from the table's rows as they are now. */
export async function buildIndexes(tx: Sql, indexes: SecondaryIndex[]): Promise<void> {
  for (const index of indexes) await tx.unsafe(index.definition);
}
