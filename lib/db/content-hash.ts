// A fingerprint of everything the database holds, table by table: equal fingerprints,
// equal contents, whatever the physical order of the rows. Crash tests compare it before
// and after a process is killed; backups compare it before and after a restore.
import "server-only";

import type { Sql } from "@/lib/db/sql";

/** Bookkeeping of the migrator, not content. */
const NOT_CONTENT = new Set(["_prisma_migrations"]);

export interface ContentFingerprint {
  /** Per table: its rows and a hash of them. */
  tables: Record<string, { rows: number; hash: string }>;
  /** One hash of all the tables. */
  hash: string;
}

export async function contentFingerprint(sql: Sql, options: { tables?: string[] } = {}): Promise<ContentFingerprint> {
  const names =
    options.tables ??
    (
      await sql<{ name: string }[]>`
        SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        ORDER BY table_name`
    )
      .map((row) => row.name)
      .filter((name) => !NOT_CONTENT.has(name));
  const tables: ContentFingerprint["tables"] = {};
  for (const name of names) {
    // Row by row, then the rows' hashes in their own order: memory stays at 32 bytes a
    // row, where hashing one text of the whole table would need the table at once.
    const [row] = await sql<{ rows: number; hash: string }[]>`
      SELECT count(*)::int AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS hash
      FROM (SELECT md5(t::text) AS h FROM ${sql(name)} AS t) AS hashed`;
    tables[name] = row;
  }
  const all = Object.entries(tables).map(([name, { rows, hash }]) => `${name}:${rows}:${hash}`).join("\n");
  const [{ hash }] = await sql<{ hash: string }[]>`SELECT md5(${all}) AS hash`;
  return { tables, hash };
}
