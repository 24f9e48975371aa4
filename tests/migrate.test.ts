// The migration runner (lib/db/migrate.ts) and the invariants the migrations add that
// Prisma's schema language cannot express (CHECK constraints).
import { createHash, randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { createSql, type Sql } from "@/lib/db/sql";

import { createTestDatabase, type TestDatabase } from "./support/database";
import { withDatabase } from "./support/urls";

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

let database: TestDatabase;
let admin: Sql;
const databases: string[] = [];
const clients: Sql[] = [];
const tempDirs: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // The same server, through its maintenance database.
  admin = createSql(withDatabase(database.url, "postgres"), { max: 1 });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end({ timeout: 5 })));
  // One at a time: concurrent drops queue on the checkpoints they each ask for.
  for (const name of databases) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end({ timeout: 5 });
  await database?.drop();
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A brand-new, empty database on the test server: no tables, no migrations table. */
async function createEmptyDatabase(): Promise<{ url: string; sql: Sql }> {
  const name = `migrate_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  databases.push(name);
  const url = withDatabase(database.url, name);
  return { url, sql: connect(url) };
}

function connect(url: string): Sql {
  const sql = createSql(url);
  clients.push(sql);
  return sql;
}

/** The migration folders as they are on disk, with the SHA-256 of each file's bytes. */
async function migrationFolders(dir = MIGRATIONS_DIR): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({ name, checksum: createHash("sha256").update(await readFile(path.join(dir, name, "migration.sql"))).digest("hex") })),
  );
}

/** A copy of prisma/migrations to change freely. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "docketline-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function history(sql: Sql): Promise<MigrationRow[]> {
  return [...(await sql<MigrationRow[]>`SELECT * FROM "_prisma_migrations" ORDER BY migration_name, started_at`)];
}

async function publicTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`;
  return rows.map((r) => r.name);
}

describe("The migration runner", () => {
  it("applies nothing to a database that is already migrated, and returns an empty list", async () => {
    const before = await history(database.sql);
    expect(before.length).toBeGreaterThan(0);
    await expect(migrate(database.sql)).resolves.toEqual([]);
    expect(await history(database.sql)).toEqual(before);
  });

  it("records one finished row per migration folder, with the SHA-256 of its migration.sql as checksum", async () => {
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    const rows = await history(database.sql);
    expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(folders);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("keeps its history in a _prisma_migrations table of the shape Prisma's own migrate uses", async () => {
    const columns = await database.sql`
      SELECT column_name::text AS name, data_type::text AS type, character_maximum_length AS length, is_nullable::text AS nullable
      FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
      ORDER BY ordinal_position`;
    expect([...columns]).toEqual([
      { name: "id", type: "character varying", length: 36, nullable: "NO" },
      { name: "checksum", type: "character varying", length: 64, nullable: "NO" },
      { name: "finished_at", type: "timestamp with time zone", length: null, nullable: "YES" },
      { name: "migration_name", type: "character varying", length: 255, nullable: "NO" },
      { name: "logs", type: "text", length: null, nullable: "YES" },
      { name: "rolled_back_at", type: "timestamp with time zone", length: null, nullable: "YES" },
      { name: "started_at", type: "timestamp with time zone", length: null, nullable: "NO" },
      { name: "applied_steps_count", type: "integer", length: null, nullable: "NO" },
    ]);
  });

  it("applies every migration, in order, to a brand-new empty database", async () => {
    const fresh = await createEmptyDatabase();
    expect(await publicTables(fresh.sql)).toEqual([]);
    const folders = await migrationFolders();
    await expect(migrate(fresh.sql)).resolves.toEqual(folders.map((f) => f.name));
    expect((await history(fresh.sql)).map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(folders);
    // The same tables as the template every test database is cloned from, and the reference data.
    expect(await publicTables(fresh.sql)).toEqual(await publicTables(database.sql));
    const [{ count }] = await fresh.sql`SELECT count(*)::int AS count FROM jurisdiction`;
    expect(count).toBe(56);
    await expect(migrate(fresh.sql)).resolves.toEqual([]);
  });

  it("applies only the migrations added since the last run", async () => {
    const dir = await copyOfMigrations();
    const fresh = await createEmptyDatabase();
    const first = await migrate(fresh.sql, dir);
    expect(first.length).toBeGreaterThan(0);
    await addMigration(dir, "29991231000000_add_note", `CREATE TABLE "note" ("id" SERIAL PRIMARY KEY, "text" TEXT NOT NULL);`);
    await expect(migrate(fresh.sql, dir)).resolves.toEqual(["29991231000000_add_note"]);
    expect(await publicTables(fresh.sql)).toContain("note");
    expect((await history(fresh.sql)).map((r) => r.migration_name)).toEqual([...first, "29991231000000_add_note"]);
  });

  it("refuses a migration whose file changed after it was applied, saying migrations are forward-only", async () => {
    const dir = await copyOfMigrations();
    const fresh = await createEmptyDatabase();
    await migrate(fresh.sql, dir);
    const before = await history(fresh.sql);
    const [first] = await migrationFolders(dir);
    // Even a comment changes the checksum.
    await appendFile(path.join(dir, first.name, "migration.sql"), "\n-- edited after it was applied\n");
    await expect(migrate(fresh.sql, dir)).rejects.toThrow(/forward-only/);
    await expect(migrate(fresh.sql, dir)).rejects.toThrow(first.name);
    expect(await history(fresh.sql)).toEqual(before);
  });

  it("refuses a database that has a migration this version of the code does not know", async () => {
    const dir = await copyOfMigrations();
    await addMigration(dir, "29991231000000_from_the_future", `CREATE TABLE "future" ("id" INTEGER);`);
    const fresh = await createEmptyDatabase();
    await migrate(fresh.sql, dir);
    const before = await history(fresh.sql);
    // The real folder lacks the newer migration: the code is older than the database.
    await expect(migrate(fresh.sql)).rejects.toThrow(/29991231000000_from_the_future.*does not know/);
    expect(await history(fresh.sql)).toEqual(before);
  });

  it("refuses a database on which a migration started but never finished", async () => {
    const fresh = await createEmptyDatabase();
    const [first] = await migrate(fresh.sql);
    await fresh.sql`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${first}`;
    await expect(migrate(fresh.sql)).rejects.toThrow(/never finished/);
  });

  it("rolls everything back when a migration fails, and records nothing", async () => {
    const dir = await copyOfMigrations();
    await addMigration(dir, "29991231000000_fails_halfway", `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT 1 / 0;`);
    const fresh = await createEmptyDatabase();
    await expect(migrate(fresh.sql, dir)).rejects.toThrow(/division by zero/);
    // One transaction: not even the migrations before the failing one, nor the history table.
    expect(await publicTables(fresh.sql)).toEqual([]);
    const types = await fresh.sql`SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema()`;
    expect([...types]).toEqual([]);
  });

  it("lets concurrent runs on a fresh database all succeed, applying each migration exactly once", async () => {
    const fresh = await createEmptyDatabase();
    const folders = await migrationFolders();
    // Separate clients, as separate processes (the app and a CLI command) would be.
    const runners = [fresh.sql, connect(fresh.url), connect(fresh.url)];
    const results = await Promise.all(runners.map((sql) => migrate(sql)));
    const names = folders.map((f) => f.name);
    expect([...results].sort((a, b) => b.length - a.length)).toEqual([names, [], []]);
    const counts = await fresh.sql`SELECT migration_name AS name, count(*)::int AS count FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`;
    expect([...counts]).toEqual(names.map((name) => ({ name, count: 1 })));
  });
});

describe("The CHECK constraints the migrations add", () => {
  beforeAll(async () => {
    const now = new Date();
    await database.sql`INSERT INTO court ${database.sql({ id: "wawd", short_name: "W.D. Wash.", full_name: "Western District of Washington", updated_at: now })}`;
    await database.sql`INSERT INTO lawsuit ${database.sql({
      id: "a-lawsuit",
      case_name: "State v. United States",
      case_name_short: "State v. US",
      court_id: "wawd",
      docket_number: "1",
      date_filed: "2018-06-26",
      date_filed_precision: "day",
      status: "open",
      summary: "A lawsuit.",
      updated_at: now,
    })}`;
    await database.sql`INSERT INTO filing ${database.sql({
      id: "a-filing",
      lawsuit_id: "a-lawsuit",
      kind: "complaint",
      title: "Complaint",
      date_filed: "2018-06-26",
      date_filed_precision: "day",
      summary: "A complaint.",
      updated_at: now,
    })}`;
  });

  let counter = 0;
  const insertFiling = (date: string | null, precision: string | null) =>
    database.sql`INSERT INTO filing ${database.sql({
      id: `filing-${++counter}`,
      lawsuit_id: "a-lawsuit",
      kind: "order",
      title: "Order",
      date_filed: date,
      date_filed_precision: precision,
      summary: "An order.",
      updated_at: new Date(),
    })}`;
  const insertLawsuit = (date: string, precision: string, terminated: string | null = null, terminatedPrecision: string | null = null) =>
    database.sql`INSERT INTO lawsuit ${database.sql({
      id: `lawsuit-${++counter}`,
      case_name: "A v. B",
      case_name_short: "A v. B",
      court_id: "wawd",
      docket_number: String(counter),
      date_filed: date,
      date_filed_precision: precision,
      date_terminated: terminated,
      date_terminated_precision: terminatedPrecision,
      status: "open",
      summary: "A lawsuit.",
      updated_at: new Date(),
    })}`;
  const insertSource = (parents: { lawsuit_id?: string; filing_id?: string }, published: string | null = null, precision: string | null = null) =>
    database.sql`INSERT INTO source ${database.sql({
      lawsuit_id: parents.lawsuit_id ?? null,
      filing_id: parents.filing_id ?? null,
      position: ++counter,
      url: "https://example.org/",
      title: "A source",
      publisher: "A publisher",
      published,
      published_precision: precision,
      updated_at: new Date(),
    })}`;
  const violation = (constraint: string) => ({ code: "23514", constraint_name: constraint });

  it("refuses a month- or year-precision date that is not the first day of its period", async () => {
    await expect(insertFiling("2018-06-15", "month")).rejects.toMatchObject(violation("filing_date_filed_period_check"));
    await expect(insertFiling("2018-06-01", "year")).rejects.toMatchObject(violation("filing_date_filed_period_check"));
    await expect(insertLawsuit("2018-06-15", "month")).rejects.toMatchObject(violation("lawsuit_date_filed_period_check"));
    await expect(insertLawsuit("2018-02-01", "year")).rejects.toMatchObject(violation("lawsuit_date_filed_period_check"));
    // The first day of the period is accepted at every precision, and any day at day precision.
    await expect(insertFiling("2018-06-01", "month")).resolves.toBeDefined();
    await expect(insertFiling("2018-01-01", "year")).resolves.toBeDefined();
    await expect(insertFiling("2018-06-15", "day")).resolves.toBeDefined();
    await expect(insertLawsuit("2018-06-01", "month")).resolves.toBeDefined();
    await expect(insertLawsuit("2018-01-01", "year")).resolves.toBeDefined();
  });

  it("refuses a date without its precision, and a precision without its date", async () => {
    await expect(insertFiling("2018-06-15", null)).rejects.toMatchObject({ code: "23502" }); // NOT NULL
    await expect(insertSource({ lawsuit_id: "a-lawsuit" }, "2018-06-15", null)).rejects.toMatchObject(violation("source_published_precision_check"));
    await expect(insertSource({ lawsuit_id: "a-lawsuit" }, null, "day")).rejects.toMatchObject(violation("source_published_precision_check"));
    await expect(insertLawsuit("2018-06-26", "day", "2019-01-01", null)).rejects.toMatchObject(violation("lawsuit_date_terminated_precision_check"));
    await expect(insertLawsuit("2018-06-26", "day", null, "year")).rejects.toMatchObject(violation("lawsuit_date_terminated_precision_check"));
    const official = (termStart: string | null, precision: string | null) =>
      database.sql`INSERT INTO official ${database.sql({
        id: `official-${++counter}`,
        name: "An official",
        office: "Attorney General",
        jurisdiction_code: "WA",
        term_start: termStart,
        term_start_precision: precision,
        updated_at: new Date(),
      })}`;
    await expect(official("2015-01-01", null)).rejects.toMatchObject(violation("official_term_start_precision_check"));
    await expect(official(null, "year")).rejects.toMatchObject(violation("official_term_start_precision_check"));
    const filingState = (code: string, dateJoined: string | null, precision: string | null) =>
      database.sql`INSERT INTO filing_state ${database.sql({
        filing_id: "a-filing",
        jurisdiction_code: code,
        role: "joined",
        date_joined: dateJoined,
        date_joined_precision: precision,
        position: ++counter,
        updated_at: new Date(),
      })}`;
    await expect(filingState("NY", "2018-06-26", null)).rejects.toMatchObject(violation("filing_state_date_joined_precision_check"));
    await expect(filingState("NY", null, "day")).rejects.toMatchObject(violation("filing_state_date_joined_precision_check"));
    // Both, or neither, are accepted.
    await expect(insertSource({ lawsuit_id: "a-lawsuit" }, "2018-06-15", "day")).resolves.toBeDefined();
    await expect(insertSource({ lawsuit_id: "a-lawsuit" }, null, null)).resolves.toBeDefined();
    await expect(official("2015-01-01", "year")).resolves.toBeDefined();
    await expect(official(null, null)).resolves.toBeDefined();
    await expect(filingState("NY", "2018-06-26", "day")).resolves.toBeDefined();
    await expect(filingState("CA", null, null)).resolves.toBeDefined();
  });

  it("refuses a source with both a lawsuit and a filing, or with neither", async () => {
    await expect(insertSource({ lawsuit_id: "a-lawsuit", filing_id: "a-filing" })).rejects.toMatchObject(violation("source_one_parent_check"));
    await expect(insertSource({})).rejects.toMatchObject(violation("source_one_parent_check"));
    await expect(insertSource({ lawsuit_id: "a-lawsuit" })).resolves.toBeDefined();
    await expect(insertSource({ filing_id: "a-filing" })).resolves.toBeDefined();
  });

  it("refuses a lawsuit terminated before it was filed", async () => {
    await expect(insertLawsuit("2018-06-26", "day", "2018-06-25", "day")).rejects.toMatchObject(violation("lawsuit_terminated_after_filed_check"));
    await expect(insertLawsuit("2018-06-26", "day", "2018-06-26", "day")).resolves.toBeDefined();
  });
});
