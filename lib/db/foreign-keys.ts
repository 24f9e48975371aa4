// Foreign keys taken off some tables and put back, in the caller's transaction, as
// pg_restore does: rows first, constraints after. Putting a key back validates it with
// one anti-join over the whole table instead of one check per row written; taking it off
// needs only the tables' ownership, not a superuser. ALTER TABLE locks the tables and
// the tables they refer to (ACCESS EXCLUSIVE) until the transaction ends, and a rollback
// puts the keys back as they were: DDL is transactional (decision 032).
import type { Sql } from "@/lib/db/sql";

export interface ForeignKey {
  /** The referencing table and the constraint's name, quoted as identifiers. */
  table: string;
  name: string;
  /** pg_get_constraintdef: the definition as PostgreSQL would print it, which it reads back as the same constraint. */
  definition: string;
}

/** Drops every foreign key declared on `tables` and returns what addForeignKeys needs to add them back. */
export async function dropForeignKeys(tx: Sql, tables: string[]): Promise<ForeignKey[]> {
  const keys = await tx<ForeignKey[]>`
    SELECT c.conrelid::regclass::text AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    WHERE c.contype = 'f' AND c.conrelid = ANY(${tables}::regclass[])
    ORDER BY c.conrelid::regclass::text, c.conname`;
  await alterEach(tx, keys, (k) => `DROP CONSTRAINT ${k.name}`);
  return keys;
}

/** Adds back what dropForeignKeys dropped; each key is validated over its whole table as it is added. */
export async function addForeignKeys(tx: Sql, keys: ForeignKey[]): Promise<void> {
  await alterEach(tx, keys, (k) => `ADD CONSTRAINT ${k.name} ${k.definition}`);
}

/** One ALTER TABLE per table, with one clause per key. */
async function alterEach(tx: Sql, keys: ForeignKey[], clause: (key: ForeignKey) => string) {
  for (const table of new Set(keys.map((k) => k.table))) {
    await tx.unsafe(`ALTER TABLE ${table} ${keys.filter((k) => k.table === table).map(clause).join(", ")}`);
  }
}
