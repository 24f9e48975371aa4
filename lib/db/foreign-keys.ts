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

/** How long lockForKeyChanges keeps trying before the caller keeps the keys instead. */
const LOCK_PATIENCE_MS = 10_000;
const LOCK_RETRY_MS = 25;

/**
 * Takes, all at once, the locks that dropping and adding back the foreign keys of
 * `tables` will need: those tables and the tables their keys refer to (ACCESS
 * EXCLUSIVE). Taken one ALTER TABLE at a time, a reader holding one of them and then
 * asking for one already taken would make a deadlock, which PostgreSQL may resolve by
 * cancelling the import. With NOWAIT nothing waits: a lock that is not free at once
 * undoes the attempt (PL/pgSQL's exception block is a savepoint) and it is tried again
 * a moment later, in the server, so that no error reaches the client's transaction.
 * False when the locks could not be had within LOCK_PATIENCE_MS (readers never letting
 * go): the caller then keeps the keys and their checks row by row.
 */
export async function lockForKeyChanges(tx: Sql, tables: string[]): Promise<boolean> {
  const [{ locked }] = await tx<{ locked: string[] }[]>`
    SELECT array_agg(DISTINCT t::regclass::text ORDER BY t::regclass::text) AS locked
    FROM (SELECT unnest(${tables}::regclass[]) AS t
          UNION SELECT c.confrelid FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY(${tables}::regclass[])) AS x`;
  // The names come from regclass::text, quoted by PostgreSQL where they need it.
  await tx.unsafe(`DO $$
    DECLARE deadline timestamptz := clock_timestamp() + interval '${LOCK_PATIENCE_MS} milliseconds';
    BEGIN
      LOOP
        BEGIN
          LOCK TABLE ${locked.join(", ")} IN ACCESS EXCLUSIVE MODE NOWAIT;
          PERFORM set_config('docketline.locked_for_keys', 'on', true);
          RETURN;
        EXCEPTION WHEN lock_not_available THEN
          IF clock_timestamp() > deadline THEN RETURN; END IF;
          PERFORM pg_sleep(${LOCK_RETRY_MS / 1000});
        END;
      END LOOP;
    END $$`);
  const [{ taken }] = await tx<{ taken: boolean }[]>`SELECT coalesce(current_setting('docketline.locked_for_keys', true), '') = 'on' AS taken`;
  return taken;
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
