// The docketline/v1 importer and the one write path for records: the CLI, the seed, the
// staff upload and the staff forms (lib/editing, one record at a time) all write here.
// Everything is validated before anything is written; then everything is written in
// one transaction, upserting by id, with a fixed number of batched statements per
// kind (no statement per row), so 100,000 filings import in seconds. Every record
// created or changed gets a new version and a revision (who, when, before, after).
import "server-only";

import { toStored } from "@/lib/dates/partial-date";
import { canonicalCourt, canonicalFiling, canonicalLawsuit, canonicalOfficial } from "@/lib/dataset/records";
import { readRecords } from "@/lib/dataset/read";
import type { Dataset, FilingRecord, LawsuitRecord, SourceRecord } from "@/lib/dataset/schema";
import {
  externalReferences,
  findReferenceProblems,
  parseDatasetJson,
  toValidationError,
  validateDataset,
} from "@/lib/dataset/validate";
import type { Sql } from "@/lib/db/sql";
import { findCodingProblems } from "@/lib/coding/validate";
import { writeCoding } from "@/lib/coding/write";
import type { Actor, Publication, RevisionAction, EditableKind } from "@/lib/editing/types";

export const RECORD_KINDS = ["courts", "officials", "issueAreas", "policies", "lawsuits", "filings", "coding"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface KindSummary {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportSummary = Record<RecordKind, KindSummary>;

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

/** A record that was created or changed, with its new version. */
export interface WrittenRecord {
  kind: EditableKind;
  id: string;
  version: number;
}

export interface WriteResult {
  summary: ImportSummary;
  written: WrittenRecord[];
}

// Imports never run two at once: each decides created/updated against what is there.
const IMPORT_LOCK_KEY = 7_211_842_019;
// PostgreSQL takes at most 65,535 parameters per statement.
const MAX_PARAMETERS = 60_000;

/** Parses, validates and imports a JSON text. Throws DatasetSyntaxError or DatasetValidationError and writes nothing. */
export async function importDatasetText(sql: Sql, text: string, options: WriteOptions = {}): Promise<ImportSummary> {
  return importDataset(sql, validateDataset(parseDatasetJson(text)), options);
}

export async function importDataset(sql: Sql, dataset: Dataset, options: WriteOptions = {}): Promise<ImportSummary> {
  const result = (await sql.begin((tx) => writeDataset(tx as unknown as Sql, dataset, options))) as WriteResult;
  return result.summary;
}

/** Takes the lock that serialises every write of records (imports and staff saves). */
export async function lockRecords(tx: Sql) {
  await tx`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
}

/**
 * Writes a validated dataset inside the caller's transaction. Throws
 * DatasetValidationError (before writing anything) when a reference does not resolve.
 */
export async function writeDataset(tx: Sql, dataset: Dataset, options: WriteOptions = {}): Promise<WriteResult> {
  await lockRecords(tx);
  // Records may refer to each other in any order within the file.
  await tx`SET CONSTRAINTS ALL DEFERRED`;

  const outside = externalReferences(dataset);
  const [courts, officials, lawsuits, filings] = await Promise.all([
    tx<{ id: string }[]>`SELECT id FROM court WHERE id = ANY(${outside.courts})`,
    tx<{ id: string; jurisdiction_code: string }[]>`SELECT id, jurisdiction_code FROM official WHERE id = ANY(${outside.officials})`,
    // A deleted record cannot be referred to anew: it is on its way out.
    tx<{ id: string }[]>`SELECT id FROM lawsuit WHERE id = ANY(${outside.lawsuits}) AND deleted_at IS NULL`,
    tx<{ id: string }[]>`SELECT id FROM filing WHERE id = ANY(${outside.filings}) AND deleted_at IS NULL`,
  ]);
  const problems = findReferenceProblems(dataset, {
    courts: new Set(courts.map((r) => r.id)),
    officials: new Map(officials.map((r) => [r.id, r.jurisdiction_code.trim()])),
    lawsuits: new Set(lawsuits.map((r) => r.id)),
    filings: new Set(filings.map((r) => r.id)),
  });
  problems.push(...(await findCodingProblems(tx, dataset)));
  if (problems.length > 0) throw toValidationError(dataset, problems);

  const existing = await readRecords(tx as unknown as Sql, {
    courts: dataset.courts.map((r) => r.id),
    officials: dataset.officials.map((r) => r.id),
    lawsuits: dataset.lawsuits.map((r) => r.id),
    filings: dataset.filings.map((r) => r.id),
  });

  const courtPlan = plan(dataset.courts, existing.courts, canonicalCourt);
  const officialPlan = plan(dataset.officials, existing.officials, canonicalOfficial);
  const lawsuitPlan = plan(dataset.lawsuits, existing.lawsuits, canonicalLawsuit);
  const filingPlan = plan(dataset.filings, existing.filings, canonicalFiling);
  const now = new Date();
  const w = tx as unknown as Sql;
  const publication = options.publication ?? "published";

  const courtVersions = await upsert(w, "court", courtPlan.write.map((c) => ({ id: c.id, short_name: c.shortName, full_name: c.fullName, updated_at: now })));
  const officialVersions = await upsert(
    w,
    "official",
    officialPlan.write.map((o) => ({
      id: o.id,
      name: o.name,
      office: o.office,
      jurisdiction_code: o.jurisdiction,
      ...storedDate("term_start", o.termStart),
      ...storedDate("term_end", o.termEnd),
      updated_at: now,
    })),
  );
  const lawsuitVersions = await writeLawsuits(w, lawsuitPlan, publication, now);
  const filingVersions = await writeFilings(w, filingPlan, publication, now);
  const coding = await writeCoding(w, dataset, options, now);

  const revisions = [
    ...revisionRows("court", courtPlan, canonicalCourt, courtVersions, options),
    ...revisionRows("official", officialPlan, canonicalOfficial, officialVersions, options),
    ...revisionRows("lawsuit", lawsuitPlan, canonicalLawsuit, lawsuitVersions, options),
    ...revisionRows("filing", filingPlan, canonicalFiling, filingVersions, options),
  ];
  revisions.push(...coding.revisions);
  await insert(w, "revision", revisions);

  return {
    summary: {
      courts: courtPlan.summary,
      officials: officialPlan.summary,
      lawsuits: lawsuitPlan.summary,
      filings: filingPlan.summary,
      ...coding.summary,
    },
    written: revisions.map((r) => ({ kind: r.record_kind as EditableKind, id: r.record_id as string, version: r.version as number })),
  };
}

/** What the upserts return for each written row. */
export type Versions = Map<string, { version: number; publication: Publication | null }>;

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

export function storedDate(column: string, value: string | null | undefined) {
  if (!value) return { [column]: null, [`${column}_precision`]: null };
  const stored = toStored(value);
  return { [column]: stored.date, [`${column}_precision`]: stored.precision };
}

async function writeLawsuits(sql: Sql, lawsuits: Plan<LawsuitRecord>, publication: Publication, now: Date): Promise<Versions> {
  const versions = await upsert(
    sql,
    "lawsuit",
    lawsuits.write.map((l) => ({
      id: l.id,
      case_name: l.caseName,
      case_name_short: l.caseNameShort,
      court_id: l.court,
      docket_number: l.docketNumber,
      judge: l.judge ?? null,
      ...storedDate("date_filed", l.dateFiled),
      ...storedDate("date_terminated", l.dateTerminated),
      status: l.status,
      summary: l.summary,
      publication,
      updated_at: now,
    })),
  );
  if (lawsuits.replaced.length > 0) {
    const ids = lawsuits.replaced;
    await sql`DELETE FROM lawsuit_plaintiff WHERE lawsuit_id = ANY(${ids})`;
    await sql`DELETE FROM other_party WHERE lawsuit_id = ANY(${ids})`;
    await sql`DELETE FROM lawsuit_relation WHERE lawsuit_id = ANY(${ids})`;
    await sql`DELETE FROM source WHERE lawsuit_id = ANY(${ids})`;
  }
  const w = lawsuits.write;
  await insert(sql, "lawsuit_plaintiff", w.flatMap((l) => l.plaintiffs.map((p, position) => ({ lawsuit_id: l.id, jurisdiction_code: p.jurisdiction, role: p.role, position, updated_at: now }))));
  await insert(sql, "other_party", w.flatMap((l) => l.otherParties.map((p, position) => ({ lawsuit_id: l.id, name: p.name, side: p.side, position, updated_at: now }))));
  await insert(sql, "lawsuit_relation", w.flatMap((l) => l.related.map((r, position) => ({ lawsuit_id: l.id, related_lawsuit_id: r.lawsuit, relation: r.relation, position, updated_at: now }))));
  await insert(sql, "source", w.flatMap((l) => l.sources.map((s, position) => sourceRow(s, position, { lawsuit_id: l.id, filing_id: null }, now))));
  return versions;
}

async function writeFilings(sql: Sql, filings: Plan<FilingRecord>, publication: Publication, now: Date): Promise<Versions> {
  const versions = await upsert(
    sql,
    "filing",
    filings.write.map((f) => ({
      id: f.id,
      lawsuit_id: f.lawsuit,
      kind: f.kind,
      title: f.title,
      ...storedDate("date_filed", f.dateFiled),
      entry_number: f.entryNumber ?? null,
      filed_by: f.filedBy ?? null,
      responds_to_id: f.respondsTo ?? null,
      summary: f.summary,
      publication,
      updated_at: now,
    })),
  );
  if (filings.replaced.length > 0) {
    const ids = filings.replaced;
    await sql`DELETE FROM filing_state WHERE filing_id = ANY(${ids})`;
    await sql`DELETE FROM demand WHERE filing_id = ANY(${ids})`;
    await sql`DELETE FROM source WHERE filing_id = ANY(${ids})`;
  }
  const w = filings.write;
  await insert(
    sql,
    "filing_state",
    w.flatMap((f) =>
      f.states.map((s, position) => ({
        filing_id: f.id,
        jurisdiction_code: s.jurisdiction,
        role: s.role,
        official_id: s.official ?? null,
        ...storedDate("date_joined", s.dateJoined),
        position,
        updated_at: now,
      })),
    ),
  );
  await insert(
    sql,
    "demand",
    w.flatMap((f) =>
      f.demands.map((d, position) => ({
        filing_id: f.id,
        position,
        text: d.text,
        category: d.category,
        outcome: d.outcome,
        decided_by_id: d.decidedBy ?? null,
        updated_at: now,
      })),
    ),
  );
  await insert(sql, "source", w.flatMap((f) => f.sources.map((s, position) => sourceRow(s, position, { lawsuit_id: null, filing_id: f.id }, now))));
  return versions;
}

export function sourceRow(source: SourceRecord, position: number, parent: Record<string, string | number | null>, now: Date) {
  return { ...parent, position, url: source.url, title: source.title, publisher: source.publisher, ...storedDate("published", source.published), updated_at: now };
}

export type Row = Record<string, string | number | Date | boolean | null | object>;

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

// Set when a record is created, never by an update: publishing is its own action.
const INSERT_ONLY = new Set(["id", "publication"]);

/**
 * Inserts or, for an existing key (id, or the table's own), overwrites every column but
 * created_at and publication, and moves the version on. Returns each row's new version.
 */
export async function upsert(sql: Sql, table: "court" | "official" | "lawsuit" | "filing" | "issue_area" | "policy" | "lawsuit_coding", rows: Row[], key = "id"): Promise<Versions> {
  const versions: Versions = new Map();
  const hasPublication = table === "lawsuit" || table === "filing";
  for (const chunk of chunks(rows)) {
    const columns = Object.keys(chunk[0]).filter((c) => !INSERT_ONLY.has(c) && c !== key);
    const assignments = [...columns.map((c) => `"${c}" = EXCLUDED."${c}"`), `"version" = "${table}"."version" + 1`].join(", ");
    const returned = await sql<{ id: string; version: number; publication: Publication | null }[]>`
      INSERT INTO ${sql(table)} ${sql(chunk)} ON CONFLICT (${sql(key)}) DO UPDATE SET ${sql.unsafe(assignments)}
      RETURNING ${sql(key)} AS id, version, ${hasPublication ? sql`publication` : sql`NULL`} AS publication`;
    for (const row of returned) versions.set(row.id, { version: row.version, publication: row.publication });
  }
  return versions;
}
