// Secondary indexes taken off some tables and built again, in the caller's transaction,
// as pg_restore does: rows first, then each index in one sorted pass, instead of every
// row inserted into every index as it is written (decision 035). dropSecondaryIndexes
// takes off only indexes that enforce nothing. dropUnreferencedKeys takes off keys too,
// for tables whose rows the caller writes in bulk and never looks up by key meanwhile;
// each rule is checked, over every row at once, when its key is added back. DDL is
// transactional: a rollback puts every index and key back as it was.
import "server-only";

import type { Sql } from "@/lib/db/sql";

export interface SecondaryIndex {
  /** The index's name, quoted by PostgreSQL where it needs it. */
  name: string;
  /** Its table's, the same way. */
  table: string;
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
    SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    WHERE i.indrelid = ANY(${tables}::regclass[]) AND NOT i.indisunique
      AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    ORDER BY 1`;
  if (indexes.length > 0) await tx.unsafe(`DROP INDEX ${indexes.map((i) => i.name).join(", ")}`);
  return indexes;
}

/**
 * Drops the primary keys and unique indexes of `tables` that no foreign key depends on,
 * and returns, like dropSecondaryIndexes, the statements that add them back. Each rule is
 * then checked once, over every row, when buildIndexes adds it back: a duplicate fails
 * that statement, and the transaction, instead of the insert that made it. For lists
 * whose rows are inserted in bulk, in an order that is not the key's (a filing's states
 * by position, keyed by jurisdiction), one sorted pass costs a fraction of the inserts'.
 * The caller must hold the tables (ACCESS EXCLUSIVE), and must not rely on the keys
 * meanwhile (an ON CONFLICT, a lookup by key).
 */
export async function dropUnreferencedKeys(tx: Sql, tables: string[]): Promise<SecondaryIndex[]> {
  const keys = await tx<(SecondaryIndex & { drop: string })[]>`
    SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table,
           CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) END AS definition,
           CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, c.conname) END AS drop
    FROM pg_index i
    LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u')
    WHERE i.indrelid = ANY(${tables}::regclass[]) AND i.indisunique
      -- An index behind another kind of constraint (an exclusion) stays, and so does one a foreign key refers to.
      AND (c.oid IS NOT NULL OR NOT EXISTS (SELECT FROM pg_constraint o WHERE o.conindid = i.indexrelid))
      AND NOT EXISTS (SELECT FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
    ORDER BY 1`;
  for (const key of keys) await tx.unsafe(key.drop);
  return keys.map(({ name, table, definition }) => ({ name, table, definition }));
}

/** Makes again what dropSecondaryIndexes and dropUnreferencedKeys dropped, each index from the table's rows as they are now. */
export async function buildIndexes(tx: Sql, indexes: SecondaryIndex[]): Promise<void> {
  for (const index of indexes) await tx.unsafe(index.definition);
}
