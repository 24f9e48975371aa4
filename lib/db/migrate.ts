// Applies prisma/migrations/*/migration.sql in order, recording each in Prisma's own
// `_prisma_migrations` table, so that `prisma migrate deploy` on a machine that has
// Prisma's schema engine sees the same history (docs/decisions/002).
// Not marked server-only: the tests' global setup runs it outside the react-server
// condition (like lib/db/sql.ts).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { Sql } from "@/lib/db/sql";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Any constant works: it only has to be the same for every Docketline process.
const MIGRATION_LOCK_KEY = 7_211_842_018;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma's checksum is the SHA-256 of the file, in hex.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Applies the pending migrations, all in one transaction; returns their names. */
export async function migrate(sql: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await listMigrations(dir);
  return sql.begin(async (tx) => {
    // Two processes starting at once (the app and a CLI command) must not both migrate.
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await tx.unsafe(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum"              VARCHAR(64) NOT NULL,
        "finished_at"           TIMESTAMPTZ,
        "migration_name"        VARCHAR(255) NOT NULL,
        "logs"                  TEXT,
        "rolled_back_at"        TIMESTAMPTZ,
        "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
      )`);
    const applied = await tx<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;
    const appliedByName = new Map(applied.map((row) => [row.migration_name, row]));

    for (const row of applied) {
      const known = migrations.find((m) => m.name === row.migration_name);
      if (!known) {
        throw new Error(`The database has migration ${row.migration_name}, which this version of Docketline does not know. Is the code older than the database?`);
      }
      if (!row.finished_at) throw new Error(`Migration ${row.migration_name} started but never finished: the database needs repair by hand.`);
      if (known.checksum !== row.checksum) {
        throw new Error(`Migration ${row.migration_name} was changed after it was applied. Migrations are forward-only: add a new one instead.`);
      }
    }

    const pending = migrations.filter((m) => !appliedByName.has(m.name));
    for (const migration of pending) {
      await tx.unsafe(migration.sql);
      await tx`
        INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
        VALUES (${randomUUID()}, ${migration.checksum}, ${migration.name}, now(), now(), 1)`;
    }
    return pending.map((m) => m.name);
  });
}
