// One fingerprint of everything the database holds that matters: every table's rows in
// primary-key order, hashed. Two databases with the same content have the same hash;
// any inserted, changed or deleted row changes it. A restored backup is checked with it
// (tests/backup.test.ts), and so can anything that must prove nothing changed (a
// rejected import, a crash mid-write).
//
// Left out: the migration history (the schema's, not the content's), and what lives
// only for a while: sessions, sign-in verifications and the sign-in attempts the
// lockout counts (lib/db/backup.ts leaves them out of backups too).
import { createHash } from "node:crypto";

import type { Sql } from "@/lib/db/sql";

/** Tables that are not content: never hashed, never backed up. */
export const NON_CONTENT_TABLES = ["_prisma_migrations", "session", "verification", "login_attempt"] as const;

export interface ContentTable {
  name: string;
  /** The primary key's columns, in the key's order. */
  key: string[];
}

/** Every content table of the public schema, by name, with its primary key. */
export async function listContentTables(sql: Sql): Promise<ContentTable[]> {
  const rows = await sql<{ name: string; key: string[] | null }[]>`
    SELECT c.relname AS name,
           (SELECT array_agg(a.attname::text ORDER BY k.ordinality)
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT (c.relname = ANY(${[...NON_CONTENT_TABLES]}))
    ORDER BY c.relname`;
  return rows.map((row) => {
    if (!row.key) throw new Error(`Table ${row.name} has no primary key: its rows have no order to hash or back up by.`);
    return { name: row.name, key: row.key };
  });
}

/** Each content table's row count and hash, by table name. */
export async function contentHashes(sql: Sql): Promise<Record<string, { rows: number; hash: string }>> {
  return sql.begin("ISOLATION LEVEL REPEATABLE READ READ ONLY", async (tx) => {
    // Rows as text depend on these settings: fix them, so that the hash depends on the data alone.
    await tx`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true), set_config('extra_float_digits', '3', true), set_config('IntervalStyle', 'postgres', true)`;
    const hashes: Record<string, { rows: number; hash: string }> = {};
    for (const table of await listContentTables(tx as unknown as Sql)) {
      const [row] = await tx.unsafe<{ rows: number; hash: string }[]>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(md5(t::text), '' ORDER BY ${table.key.map(quoteIdentifier).join(", ")}), '')) AS hash
         FROM ${quoteIdentifier(table.name)} t`,
      );
      hashes[table.name] = { rows: row.rows, hash: row.hash };
    }
    return hashes;
  });
}

/** The whole database's content as one hex string: equal exactly when every content table's rows are. */
export async function contentHash(sql: Sql): Promise<string> {
  const hashes = await contentHashes(sql);
  const lines = Object.entries(hashes).map(([name, { rows, hash }]) => `${name} ${rows} ${hash}\n`);
  return createHash("sha256").update(lines.join("")).digest("hex");
}

/** A name from the catalog as an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
