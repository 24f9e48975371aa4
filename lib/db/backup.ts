// Backups of the whole database's content (`npm run backup` / `npm run restore`), in
// PostgreSQL's plain dump format: the SET, COPY … FROM stdin and setval statements
// that `pg_dump --data-only` writes, so that `psql --single-transaction -f FILE` can
// restore one too. pg_dump itself is not used: the embedded PostgreSQL package ships
// only initdb, pg_ctl and postgres, and a pg_dump older than the server (Debian's 15
// against the embedded 17) refuses to run.
//
// A backup holds every row of every table, as stored:
// drafts stay drafts, deleted records stay restorable, with their versions, the whole
// history, uploads, staff accounts and their password hashes. Not sessions (a restore
// signs everyone out), sign-in verifications and attempts, the migration history (the
// target is migrated by Docketline, and must be at the same migrations). The
// jurisdictions, administrations and issue areas, which a migration writes, are
// replaced by the backup's own (their timestamps are the source database's; issue areas
// may have been edited since).
//
// Restoring loads the rows as they were, derived tables included (the search index,
// facet counts): the tables' own triggers are off for the load and the foreign keys
// checked at the commit, all in one transaction, into a database whose content tables
// are empty.
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { createInterface } from "node:readline";

import type { Sql } from "@/lib/db/sql";
import { CONTENT_CHANNEL } from "@/lib/http-cache/invalidation";

/** Not content: the schema's history, and what lives only for a while (a session in a backup file would be a credential). */
const NOT_BACKED_UP = ["_prisma_migrations", "session", "verification", "login_attempt"];

interface BackedUpTable {
  name: string;
  /** The primary key's columns, in the key's order: the order of the rows in the file. */
  key: string[];
  columns: string[];
}

/** A name from the catalog as an SQL identifier. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Written by a migration, so never empty: a restore replaces their rows rather than requiring none. */
const MIGRATION_DATA_TABLES = ["jurisdiction", "administration", "issue_area"];

const FORMAT_LINE = "-- Docketline-Backup-Format: 1";
const MIGRATIONS_PREFIX = "-- Docketline-Migrations: ";

export interface BackupSummary {
  tables: number;
  rows: number;
}

export class BackupError extends Error {}

/** The tables a backup holds, each with its primary key and its columns in order. */
async function backedUpTables(sql: Sql): Promise<BackedUpTable[]> {
  const tables = await sql<{ name: string; key: string[] | null }[]>`
    SELECT c.relname AS name,
           (SELECT array_agg(a.attname::text ORDER BY k.ordinality)
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT (c.relname = ANY(${NOT_BACKED_UP}))
    ORDER BY c.relname`;
  const columns = await sql<{ table: string; column: string }[]>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`;
  return (
    tables
      .map(({ name, key }) => {
        if (!key) throw new Error(`Table ${name} has no primary key: its rows have no order to back up by.`);
        return { name, key, columns: columns.filter((c) => c.table === name).map((c) => c.column) };
      })
      // The tables a migration fills come first: their rows are replaced before any row refers to them.
      .sort((a, b) => Number(MIGRATION_DATA_TABLES.includes(b.name)) - Number(MIGRATION_DATA_TABLES.includes(a.name)))
  );
}

async function appliedMigrations(sql: Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    SELECT migration_name AS name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`;
  return rows.map((row) => row.name);
}

/** The sequences behind the backed-up tables' serial columns, with where each stands. */
async function sequencesOf(sql: Sql, tables: string[]): Promise<{ name: string; value: string; called: boolean }[]> {
  return sql<{ name: string; value: string; called: boolean }[]>`
    SELECT s.relname AS name, coalesce(q.last_value, q.start_value)::text AS value, q.last_value IS NOT NULL AS called
    FROM pg_class s
    JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_namespace n ON n.oid = s.relnamespace
    JOIN pg_sequences q ON q.schemaname = n.nspname AND q.sequencename = s.relname
    WHERE s.relkind = 'S' AND n.nspname = 'public' AND t.relname = ANY(${tables})
    ORDER BY s.relname`;
}

/**
 * A row as COPY's text format writes it: each column's text, with backslash, line
 * breaks and tab escaped, \N for null, tab-separated.
 */
function copyLineOf(columns: string[]): string {
  const field = (column: string) =>
    `coalesce(replace(replace(replace(replace(${quoteIdentifier(column)}::text, '\\', '\\\\'), E'\\n', '\\n'), E'\\r', '\\r'), E'\\t', '\\t'), '\\N')`;
  return `concat_ws(E'\\t', ${columns.map(field).join(", ")})`;
}

async function write(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await once(output, "drain");
}

/** Writes a backup of the content to `output`, from one consistent snapshot. */
export async function writeBackup(sql: Sql, output: Writable): Promise<BackupSummary> {
  return sql.begin("ISOLATION LEVEL REPEATABLE READ READ ONLY", async (tx) => {
    const db = tx as unknown as Sql;
    // COPY writes dates and times by these settings; the file says them, so that any restore reads them back alike.
    await tx`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true), set_config('extra_float_digits', '3', true), set_config('IntervalStyle', 'postgres', true)`;
    const [tables, migrations] = await Promise.all([backedUpTables(db), appliedMigrations(db)]);
    const [{ version }] = await tx<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
    const names = tables.map((t) => `public.${quoteIdentifier(t.name)}`);
    await write(
      output,
      [
        "--",
        "-- Docketline backup: PostgreSQL's plain dump format, data only (as pg_dump --data-only writes it).",
        "-- Restore it with `npm run restore -- FILE`, or with `psql --single-transaction -f FILE` into a",
        "-- database that Docketline has migrated to the migrations below and that holds no content yet.",
        `-- Made ${new Date().toISOString()} from PostgreSQL ${version}.`,
        "--",
        FORMAT_LINE,
        `${MIGRATIONS_PREFIX}${migrations.join(" ")}`,
        "",
        "SET client_encoding = 'UTF8';",
        "SET standard_conforming_strings = on;",
        "SET TimeZone = 'UTC';",
        "SET DateStyle = 'ISO, YMD';",
        "SET IntervalStyle = 'postgres';",
        "SET CONSTRAINTS ALL DEFERRED;",
        ...names.map((name) => `ALTER TABLE ${name} DISABLE TRIGGER USER;`),
        "",
      ].join("\n") + "\n",
    );
    let rows = 0;
    for (const table of tables) {
      const columns = table.columns.map(quoteIdentifier).join(", ");
      if (MIGRATION_DATA_TABLES.includes(table.name)) await write(output, `DELETE FROM public.${quoteIdentifier(table.name)};\n`);
      await write(output, `COPY public.${quoteIdentifier(table.name)} (${columns}) FROM stdin;\n`);
      // COPY's text format, one line per row, built in SQL and read through a cursor
      // (postgres.js's COPY TO stream can leave its connection paused after a large table).
      const cursor = tx.unsafe<{ line: string }[]>(`SELECT ${copyLineOf(table.columns)} AS line FROM ${quoteIdentifier(table.name)} ORDER BY ${table.key.map(quoteIdentifier).join(", ")}`).cursor(500);
      for await (const page of cursor) {
        rows += page.length;
        await write(output, page.map((row) => `${row.line}\n`).join(""));
      }
      await write(output, "\\.\n\n");
    }
    for (const sequence of await sequencesOf(db, tables.map((t) => t.name))) {
      await write(output, `SELECT pg_catalog.setval('public.${quoteIdentifier(sequence.name)}', ${sequence.value}, ${sequence.called});\n`);
    }
    // The foreign keys are checked here, before the triggers come back on (a table with
    // checks pending cannot be altered).
    await write(output, ["", "SET CONSTRAINTS ALL IMMEDIATE;", ...names.map((name) => `ALTER TABLE ${name} ENABLE TRIGGER USER;`), ""].join("\n"));
    return { tables: tables.length, rows };
  });
}

/**
 * Restores a backup from `input` into the database behind `sql`, which must be migrated
 * to the backup's migrations and hold no content. All or nothing: one transaction.
 */
export async function restoreBackup(sql: Sql, input: Readable): Promise<BackupSummary> {
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    return done ? null : (value as string);
  };

  // The header: the format, then the migrations the backup was made at.
  let migrations: string[] | null = null;
  let format = false;
  let line: string | null;
  for (line = await next(); line !== null && (line.startsWith("--") || line === ""); line = await next()) {
    if (line === FORMAT_LINE) format = true;
    if (line.startsWith(MIGRATIONS_PREFIX)) migrations = line.slice(MIGRATIONS_PREFIX.length).split(" ").filter(Boolean);
  }
  if (!format || !migrations) throw new BackupError("This file is not a Docketline backup (made by `npm run backup`): it has no Docketline-Backup-Format line.");

  return sql.begin(async (tx) => {
    const db = tx as unknown as Sql;
    const current = await appliedMigrations(db);
    if (current.join(" ") !== migrations.join(" ")) {
      throw new BackupError(
        `The backup was made at migration ${migrations.at(-1) ?? "(none)"}, this database is at ${current.at(-1) ?? "(none)"}: restore it with the version of Docketline that made it, into a database that version migrated.`,
      );
    }
    const tables = await backedUpTables(db);
    const known = new Set(tables.map((t) => t.name));
    const filled: string[] = [];
    for (const table of tables.filter((t) => !MIGRATION_DATA_TABLES.includes(t.name))) {
      const [{ any }] = await tx.unsafe<{ any: boolean }[]>(`SELECT EXISTS (SELECT FROM ${quoteIdentifier(table.name)}) AS any`);
      if (any) filled.push(table.name);
    }
    if (filled.length > 0) {
      throw new BackupError(`Nothing was restored: the database already holds content (in ${filled.join(", ")}). Restore into an empty database, such as a new DOCKETLINE_DATA_DIR.`);
    }

    const tableOf = (name: string) => {
      const table = /^public\."((?:[^"]|"")+)"$/.exec(name)?.[1]?.replace(/""/g, '"');
      if (!table || !known.has(table)) throw new BackupError(`The backup names a table this database does not back up: ${name}`);
      return table;
    };
    let rows = 0;
    const restored = new Set<string>();
    for (; line !== null; line = await next()) {
      if (line === "" || line.startsWith("--")) continue;
      const copy = /^COPY (public\."(?:[^"]|"")+") \(([^)]*)\) FROM stdin;$/.exec(line);
      if (copy) {
        restored.add(tableOf(copy[1]));
        const stream = await tx.unsafe(`COPY ${copy[1]} (${copy[2]}) FROM STDIN`).writable();
        for (line = await next(); line !== null && line !== "\\."; line = await next()) {
          rows += 1;
          if (!stream.write(`${line}\n`)) await once(stream, "drain");
        }
        if (line === null) throw new BackupError(`The backup ends inside the rows of ${copy[1]}: the file is cut short.`);
        stream.end();
        await once(stream, "finish");
        continue;
      }
      const alter = /^ALTER TABLE (public\."(?:[^"]|"")+") (DISABLE|ENABLE) TRIGGER USER;$/.exec(line);
      if (alter) tableOf(alter[1]);
      const replace = /^DELETE FROM (public\."(?:[^"]|"")+");$/.exec(line);
      if (replace && !MIGRATION_DATA_TABLES.includes(tableOf(replace[1]))) throw new BackupError(`The backup deletes rows of ${replace[1]}, which a backup never does.`);
      // Only the statements a backup writes: it is data, never a script to run.
      if (
        alter ||
        replace ||
        /^SET (client_encoding = 'UTF8'|standard_conforming_strings = on|TimeZone = 'UTC'|DateStyle = 'ISO, YMD'|IntervalStyle = 'postgres'|CONSTRAINTS ALL (DEFERRED|IMMEDIATE));$/.test(line) ||
        /^SELECT pg_catalog\.setval\('public\."[a-z0-9_]+"', \d+, (true|false)\);$/.test(line)
      ) {
        await tx.unsafe(line);
        continue;
      }
      throw new BackupError(`The backup holds a statement a backup does not write: ${line.slice(0, 120)}`);
    }
    // A running app empties its cache of pages (the content triggers were off for the load).
    await tx`SELECT pg_notify(${CONTENT_CHANNEL}, 'restore')`;
    return { tables: restored.size, rows };
  });
}
