// Row helpers for the records written as rows from memory rather than through the
// staging tables: the research coding (lib/coding/write.ts), whose few records the
// importer keeps as it reads them (decision 027). Compared with the stored records in
// canonical form, upserted with a new version, one revision per record created or changed.
import "server-only";

import { toStored } from "@/lib/dates/partial-date";
import type { SourceRecord } from "@/lib/dataset/schema";
import type { CopyCell } from "@/lib/db/copy";
import type { Sql } from "@/lib/db/sql";
import type { Actor, Publication, RevisionAction, EditableKind } from "@/lib/editing/types";

export interface KindSummary {
  created: number;
  updated: number;
  unchanged: number;
}

export const COMMAND_LINE: Actor = { userId: null, name: "Command-line import" };

export interface WriteOptions {
  /** Who is writing; the command line by default. */
  actor?: Actor;
  /** What new lawsuits and filings become: imported data is reviewed, so "published" by default. Existing records keep theirs. */
  publication?: Publication;
  /** A staff upload, linked from each revision it makes. */
  uploadId?: string;
  /** How an update is recorded: "update", or "revert" with the revision restored. */
  updateAction?: Extract<RevisionAction, "update" | "revert">;
  revertedFromId?: string;
}

export type Row = Record<string, string | number | Date | boolean | null | object>;

// PostgreSQL takes at most 65,535 parameters per statement.
const MAX_PARAMETERS = 60_000;

/** A partial date as stored: the date and its precision, both null when there is none. */
export function storedCells(value: string | null | undefined): [CopyCell, CopyCell] {
  if (!value) return [null, null];
  const stored = toStored(value);
  return [stored.date, stored.precision];
}

export function storedDate(column: string, value: string | null | undefined) {
  const [date, precision] = storedCells(value);
  return { [column]: date, [`${column}_precision`]: precision };
}

export function sourceRow(source: SourceRecord, position: number, parent: Record<string, string | number | null>, now: Date) {
  return { ...parent, position, url: source.url, title: source.title, publisher: source.publisher, ...storedDate("published", source.published), updated_at: now };
}

/** What the upserts return for each written row. */
export type Versions = Map<string, { version: number; publication: Publication | null }>;

export interface Plan<T> {
  write: T[];
  /** Records that existed before and changed: their child rows are replaced. */
  replaced: string[];
  /** The stored canonical JSON of each existing record. */
  before: Map<string, string>;
  summary: KindSummary;
}

/** Compares each incoming record with the stored one in canonical form (whose key field is `storedKey`). */
export function plan<T extends { id: string }>(incoming: T[], stored: Record<string, unknown>[], canonical: (r: T) => unknown, storedKey = "id"): Plan<T> {
  const before = new Map(stored.map((r) => [r[storedKey] as string, JSON.stringify(r)]));
  const result: Plan<T> = { write: [], replaced: [], before, summary: { created: 0, updated: 0, unchanged: 0 } };
  for (const record of incoming) {
    const old = before.get(record.id);
    if (old === undefined) {
      result.write.push(record);
      result.summary.created++;
    } else if (old !== JSON.stringify(canonical(record))) {
      result.write.push(record);
      result.replaced.push(record.id);
      result.summary.updated++;
    } else {
      result.summary.unchanged++;
    }
  }
  return result;
}

export function revisionRows<T extends { id: string }>(kind: EditableKind, plan: Plan<T>, canonical: (r: T) => unknown, versions: Versions, options: WriteOptions): Row[] {
  const actor = options.actor ?? COMMAND_LINE;
  return plan.write.map((record) => {
    const before = plan.before.get(record.id);
    const { version, publication } = versions.get(record.id)!;
    return {
      record_kind: kind,
      record_id: record.id,
      version,
      action: before === undefined ? "create" : (options.updateAction ?? "update"),
      publication,
      actor_id: actor.userId,
      actor_name: actor.name,
      reverted_from_id: before === undefined ? null : (options.revertedFromId ?? null),
      upload_id: options.uploadId ?? null,
      // postgres.js serialises objects for jsonb columns itself.
      before: before === undefined ? null : JSON.parse(before),
      after: canonical(record) as Row[string],
    };
  });
}

export function chunks(rows: Row[]): Row[][] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]).length));
  const out: Row[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function insert(sql: Sql, table: string, rows: Row[]) {
  for (const chunk of chunks(rows)) {
    await sql`INSERT INTO ${sql(table)} ${sql(chunk)}`;
  }
}

// Set when a record is created, never by an update.
const INSERT_ONLY = new Set(["id"]);

/**
 * Inserts or, for an existing key (id, or the table's own), overwrites every column but
 * created_at, and moves the version on. Returns each row's new version.
 */
export async function upsert(sql: Sql, table: "issue_area" | "policy" | "lawsuit_coding", rows: Row[], key = "id"): Promise<Versions> {
  const versions: Versions = new Map();
  for (const chunk of chunks(rows)) {
    const columns = Object.keys(chunk[0]).filter((c) => !INSERT_ONLY.has(c) && c !== key);
    const assignments = [...columns.map((c) => `"${c}" = EXCLUDED."${c}"`), `"version" = "${table}"."version" + 1`].join(", ");
    const returned = await sql<{ id: string; version: number }[]>`
      INSERT INTO ${sql(table)} ${sql(chunk)} ON CONFLICT (${sql(key)}) DO UPDATE SET ${sql.unsafe(assignments)}
      RETURNING ${sql(key)} AS id, version`;
    // The coded records have no lifecycle of their own.
    for (const row of returned) versions.set(row.id, { version: row.version, publication: null });
  }
  return versions;
}
