// The docketline/v1 importer and the one write path for records: the CLI, the seed, the
// staff upload and the staff forms (lib/editing, one record at a time) all write here.
// Records are read as a stream and checked as they are read; the valid ones go through
// COPY into temporary staging tables. Only when every record is valid and every
// reference resolves are they merged into the real tables, in the caller's transaction,
// with a fixed number of set-based statements per kind (decision 018). The research
// coding is read by the same stream, kept in memory, checked with the references and
// written after the merge by lib/coding (decision 027). Every record created or changed
// gets a new version and a revision (who, when, before, after).
import "server-only";

import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";

import { codingReferences, findCodingProblems, type CodingInput } from "@/lib/coding/validate";
import { writeCoding } from "@/lib/coding/write";
import {
  CODING_SCHEMAS,
  isCodingKind,
  KIND_BY_NAME,
  KINDS,
  NOUN,
  RECORD_KINDS,
  type CodingRecordKind,
  type KindSpec,
  type RecordKind,
  type StagedKind,
} from "@/lib/dataset/import-kinds";
import { DatasetValidationError, describeProblem, problemsFromZod, type DatasetProblem, type ProblemPath } from "@/lib/dataset/problems";
import { readRecords } from "@/lib/dataset/read";
import { COMMAND_LINE, insert, type KindSummary, type WriteOptions } from "@/lib/dataset/rows";
import { DatasetSchema, UNIQUE_KEYS, type Dataset } from "@/lib/dataset/schema";
import { streamDataset, type DatasetChunks, type StreamedRecord } from "@/lib/dataset/stream";
import { fromStored, type DatePrecision } from "@/lib/dates/partial-date";
import { copyInto, copyLine, type CopyCell } from "@/lib/db/copy";
import type { Sql } from "@/lib/db/sql";
import type { Publication, EditableKind } from "@/lib/editing/types";

export { COMMAND_LINE, RECORD_KINDS, type KindSummary, type RecordKind, type WriteOptions };

export type ImportSummary = Record<RecordKind, KindSummary>;

export interface ImportProgress {
  /** Reading and staging the file, checking it against the database, then writing. */
  phase: "reading" | "checking" | "writing";
  records: number;
  bytes: number;
  /** The size of the input, when known. */
  totalBytes: number | null;
}

export interface ImportOptions extends WriteOptions {
  onProgress?: (progress: ImportProgress) => void;
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
// Staged rows wait in memory until there are about this many bytes, then go in one COPY
// per table while the next batch is read: two batches at most, whatever the file's size.
const STAGE_BATCH_BYTES = 4 * 1024 * 1024;
// Records whose stored form is read at a time, for the "before" of their revisions.
const BEFORE_BATCH = 1000;
const TEXT_CHUNK = 1 << 16;
// Records merged per statement (see merge).
const MERGE_CHUNK = 1000;
// A table into which an import wrote at least this many records is analysed before the
// commit: until autovacuum does (a minute or more later) the planner has no statistics
// for the new rows, and a query on 100,000 new filings took 87 s instead of milliseconds.
const ANALYZE_AFTER = 1000;
// The research coding is kept in memory until it is written (decision 027): at most one
// coding per lawsuit, a few kilobytes each. A file with more coded records than this is
// refused rather than allowed to grow the importer's heap without bound.
const MAX_CODED_RECORDS = 20_000;

/** Parses, validates and imports a JSON text. Throws DatasetSyntaxError or DatasetValidationError and writes nothing. */
export async function importDatasetText(sql: Sql, text: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return importChunks(sql, textChunks(text), { totalBytes: Buffer.byteLength(text), wholeText: async () => text }, options);
}

/** The same from a file, read as a stream: memory does not grow with the file. */
export async function importDatasetFile(sql: Sql, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const { size } = await stat(file);
  return importChunks(sql, createReadStream(file, { highWaterMark: TEXT_CHUNK }), { totalBytes: size, wholeText: () => readFile(file, "utf8") }, options);
}

/** Imports a dataset already validated (validateDataset), in one transaction. */
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
  return stageAndMerge(tx, { validate: false, written: true }, options, async (stage) => {
    for (const kind of RECORD_KINDS) {
      await stage.add(dataset[kind].map((raw, index) => ({ kind, index, raw })));
    }
  });
}

async function importChunks(
  sql: Sql,
  chunks: DatasetChunks,
  input: { totalBytes: number; wholeText: () => Promise<string> },
  options: ImportOptions,
): Promise<ImportSummary> {
  const result = (await sql.begin((tx) =>
    stageAndMerge(tx as unknown as Sql, { validate: true, written: false }, options, async (stage) => {
      const progress = (bytes: number) => options.onProgress?.({ phase: "reading", records: stage.records, bytes, totalBytes: input.totalBytes });
      const { head, repeated } = await streamDataset(chunks, (records) => stage.add(records), { wholeText: input.wholeText, onBytes: progress });
      stage.checkHead(head, repeated);
    }),
  )) as WriteResult;
  return result.summary;
}

async function* textChunks(text: string): DatasetChunks {
  for (let i = 0; i < text.length; i += TEXT_CHUNK) yield text.slice(i, i + TEXT_CHUNK);
}

async function stageAndMerge(
  tx: Sql,
  mode: { validate: boolean; written: boolean },
  options: ImportOptions,
  feed: (stage: Stage) => Promise<void>,
): Promise<WriteResult> {
  const stage = await Stage.create(tx, mode.validate);
  try {
    await feed(stage);
  } catch (error) {
    // A COPY still running would hold the connection the rollback needs.
    await stage.settle();
    throw error;
  }
  await stage.finish();
  const problems = [...stage.fileProblems(), ...(await duplicateProblems(tx))];
  if (problems.length > 0) throw validationError(problems);

  options.onProgress?.({ phase: "checking", records: stage.records, bytes: 0, totalBytes: null });
  await lockRecords(tx);
  // Records may refer to each other in any order within the file.
  await tx`SET CONSTRAINTS ALL DEFERRED`;
  await indexStaging(tx);
  // The coding's rules are checked against the staged lawsuits and filings, before
  // anything is written, so that a bad coding last in the file leaves the database as it was.
  const coding = stage.coding();
  const references = [...(await referenceProblems(tx)), ...(await codingProblems(tx, coding))];
  if (references.length > 0) throw validationError(references);

  options.onProgress?.({ phase: "writing", records: stage.records, bytes: 0, totalBytes: null });
  const summary = await plan(tx);
  await stageBefores(tx, summary);
  const now = new Date();
  const written: WrittenRecord[] = [];
  for (const spec of KINDS) {
    await merge(tx, spec, options.publication ?? "published", now);
    written.push(...(await writeRevisions(tx, spec, options, mode.written)));
  }
  await dropStaging(tx);
  const coded = await writeCoding(tx, coding, options, now);
  await insert(tx, "revision", coded.revisions);
  written.push(...coded.revisions.map((r) => ({ kind: r.record_kind as EditableKind, id: r.record_id as string, version: r.version as number })));
  await analyzeWritten(tx, summary);
  return { summary: { ...summary, ...coded.summary }, written };
}

/** Where staged rows go: one table per record table and per child table. */
const staged = (table: string) => `"stage_${table}"`;
const planned = (table: string) => `"plan_${table}"`;
const q = (name: string) => `"${name}"`;

function childTables(): string[] {
  return [...new Set(KINDS.flatMap((k) => k.children.map((c) => c.table)))];
}

function childParents(table: string): string[] {
  return [...new Set(KINDS.flatMap((k) => k.children.filter((c) => c.table === table).map((c) => c.parent)))];
}

interface Batch {
  table: string;
  columns: string[];
  lines: string[];
}

/** Validates records as they come and sends the valid ones through COPY to the staging tables. */
class Stage {
  records = 0;
  private batches = new Map<string, Batch>();
  private bytes = 0;
  private flushing: Promise<void> = Promise.resolve();
  private problems = new Map<RecordKind, { problems: DatasetProblem[]; lines: string[] }>();
  /** The research coding as read, with each record's index in the file. */
  private coded: Record<CodingRecordKind, { index: number; record: unknown }[]> = { issueAreas: [], policies: [], coding: [] };
  private codedCount = 0;
  private head: { problems: DatasetProblem[]; lines: string[] } = { problems: [], lines: [] };
  private failed = false;

  private constructor(private readonly tx: Sql, private readonly validate: boolean) {}

  static async create(tx: Sql, validate: boolean): Promise<Stage> {
    await dropStaging(tx);
    const statements = [
      ...KINDS.map(
        (k) => `CREATE TEMP TABLE ${staged(k.table)} ON COMMIT DROP AS SELECT ${["id", ...k.columns].map(q).join(", ")} FROM ${q(k.table)} WITH NO DATA;
                ALTER TABLE ${staged(k.table)} ADD COLUMN idx integer, ADD COLUMN after jsonb`,
      ),
      ...childTables().map((table) => {
        const columns = [...childParents(table), "position", ...childColumns(table)];
        return `CREATE TEMP TABLE ${staged(table)} ON COMMIT DROP AS SELECT ${columns.map(q).join(", ")} FROM ${q(table)} WITH NO DATA`;
      }),
      `CREATE TEMP TABLE "stage_before" (kind text, id text, before jsonb) ON COMMIT DROP`,
    ];
    await tx.unsafe(statements.join(";\n"));
    return new Stage(tx, validate);
  }

  async add(records: StreamedRecord[]) {
    for (const { kind, index, raw } of records) {
      this.records++;
      if (isCodingKind(kind)) {
        this.keepCoded(kind, index, raw);
        continue;
      }
      const spec = KIND_BY_NAME[kind];
      let record = raw;
      if (this.validate) {
        const parsed = spec.schema.safeParse(raw);
        if (!parsed.success) {
          this.fail(kind, index, raw, problemsFromZod(raw, parsed.error));
          this.stageId(spec, index, raw);
          continue;
        }
        record = parsed.data;
      }
      if (this.failed) {
        // Nothing will be written: only the ids are still needed, to find duplicates.
        this.stageId(spec, index, record);
        continue;
      }
      const id = (record as { id: string }).id;
      this.push(spec.table, ["idx", "id", ...spec.columns, "after"], [index, id, ...spec.values(record as never), JSON.stringify(spec.canonical(record as never))]);
      for (const child of spec.children) {
        const columns = [child.parent, "position", ...child.columns];
        child.rows(record as never).forEach((row, position) => this.push(child.table, columns, [id, position, ...row]));
      }
    }
    if (this.bytes >= STAGE_BATCH_BYTES) await this.flush();
  }

  private keepCoded(kind: CodingRecordKind, index: number, raw: unknown) {
    if (++this.codedCount === MAX_CODED_RECORDS + 1) {
      this.fail(kind, index, raw, [{ path: [], message: `is past the ${MAX_CODED_RECORDS.toLocaleString("en-US")} issue areas, policies and codings a file may hold; import the coding in parts` }]);
    }
    if (this.failed && this.codedCount > MAX_CODED_RECORDS) return;
    let record = raw;
    if (this.validate) {
      const parsed = CODING_SCHEMAS[kind].safeParse(raw);
      if (!parsed.success) {
        this.fail(kind, index, raw, problemsFromZod(raw, parsed.error));
        // Kept for its key only: a record used twice is reported even beside other problems.
        this.coded[kind].push({ index, record: raw });
        return;
      }
      record = parsed.data;
    }
    this.coded[kind].push({ index, record });
  }

  /** Keys used twice within a kind of the coding, found in memory as the staged kinds' are in SQL. */
  private codedDuplicates() {
    for (const { kind, field, message } of UNIQUE_KEYS) {
      if (!isCodingKind(kind)) continue;
      const seen = new Set<unknown>();
      for (const { index, record } of this.coded[kind]) {
        const key = (record as Record<string, unknown> | null)?.[field];
        if (typeof key !== "string") continue;
        if (seen.has(key)) this.fail(kind, index, record, [{ path: [field], message }]);
        seen.add(key);
      }
    }
  }

  /** The coding read, once every record is known to be valid. */
  coding(): Pick<Dataset, CodingRecordKind> {
    const records = (kind: CodingRecordKind) => this.coded[kind].map((c) => c.record) as never[];
    return { issueAreas: records("issueAreas"), policies: records("policies"), coding: records("coding") };
  }

  /** The document's own fields, checked once its records have been read. */
  checkHead(head: unknown, repeated: string[]) {
    // The record lists were read and emptied; the rest is checked as the dataset schema says.
    const result = DatasetSchema.safeParse(head);
    // JSON.parse would keep the last of a field given twice; the stream has read both.
    const problems: DatasetProblem[] = [
      ...(result.success ? [] : problemsFromZod(head, result.error)),
      ...repeated.map((key) => ({ path: [], message: `has the field ${JSON.stringify(key)} more than once` })),
    ];
    this.head = { problems, lines: problems.map((p) => describeProblem(head, p)) };
  }

  async finish() {
    this.codedDuplicates();
    await this.flush();
    await this.flushing;
  }

  /** Waits for the COPY under way, if any, whatever its outcome. */
  async settle() {
    await this.flushing.catch(() => {});
  }

  /** Every problem of the file itself, in the order of the dataset schema's fields. */
  fileProblems(): Located[] {
    const out: Located[] = [];
    const head = this.head.problems.map((problem, i) => ({ problem, line: this.head.lines[i] }));
    const keys = Object.keys(DatasetSchema.shape);
    for (const key of keys) {
      out.push(...head.filter((h) => h.problem.path[0] === key));
      const own = this.problems.get(key as RecordKind);
      if (own) out.push(...own.problems.map((problem, i) => ({ problem, line: own.lines[i] })));
    }
    // Unknown fields and a document that is not an object come last, as zod lists them.
    out.push(...head.filter((h) => !keys.includes(h.problem.path[0] as string)));
    return out;
  }

  private fail(kind: RecordKind, index: number, raw: unknown, problems: DatasetProblem[]) {
    this.failed = true;
    const list = this.problems.get(kind) ?? { problems: [], lines: [] };
    this.problems.set(kind, list);
    for (const problem of problems) {
      const located = { path: [kind, index, ...problem.path], message: problem.message };
      list.problems.push(located);
      list.lines.push(describeProblem({ [kind]: { [index]: raw } }, located));
    }
  }

  private stageId(spec: KindSpec, index: number, raw: unknown) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === "string") this.push(spec.table, ["idx", "id"], [index, id]);
  }

  private push(table: string, columns: string[], cells: CopyCell[]) {
    const key = `${table} ${columns.join(",")}`;
    let batch = this.batches.get(key);
    if (!batch) this.batches.set(key, (batch = { table, columns, lines: [] }));
    const line = copyLine(cells);
    batch.lines.push(line);
    this.bytes += line.length;
  }

  /** Starts sending the batch read so far, once the previous one is in. */
  private async flush() {
    const batches = [...this.batches.values()];
    this.batches = new Map();
    this.bytes = 0;
    const previous = this.flushing;
    this.flushing = previous.then(async () => {
      for (const b of batches) await copyInto(this.tx, `stage_${b.table}`, b.columns, b.lines);
    });
    // A failure is thrown where the next flush or finish() awaits it.
    this.flushing.catch(() => {});
    await previous;
  }
}

function childColumns(table: string): string[] {
  return [...new Set(KINDS.flatMap((k) => k.children.filter((c) => c.table === table).flatMap((c) => c.columns)))];
}

/** Indexes for the merge's lookups by record and by parent, and statistics for the planner (temporary tables get none by themselves). */
async function indexStaging(tx: Sql) {
  const statements = [
    ...KINDS.flatMap((k) => [`CREATE INDEX ON ${staged(k.table)} (idx)`, `CREATE INDEX ON ${staged(k.table)} (id)`, `ANALYZE ${staged(k.table)}`]),
    ...childTables().flatMap((t) => [...childParents(t).map((parent) => `CREATE INDEX ON ${staged(t)} (${q(parent)})`), `ANALYZE ${staged(t)}`]),
  ];
  await tx.unsafe(statements.join(";\n"));
}

async function dropStaging(tx: Sql) {
  const tables = [...KINDS.flatMap((k) => [staged(k.table), planned(k.table)]), ...childTables().map(staged), `"stage_before"`];
  await tx.unsafe(`DROP TABLE IF EXISTS ${tables.map((t) => `pg_temp.${t}`).join(", ")}`);
}

interface Located {
  problem: DatasetProblem;
  line: string;
}

function validationError(located: Located[]): DatasetValidationError {
  return new DatasetValidationError(
    located.map((l) => l.problem),
    located.map((l) => l.line),
  );
}

/** A problem found in the staging tables, described as if the record were at hand: its id and the value at `path`. */
function stagedProblem(path: ProblemPath, message: string, id: string, value: unknown): Located {
  const [kind, index, ...rest] = path;
  const record: Record<string | number, unknown> = { id };
  let node = record;
  rest.forEach((key, i) => {
    if (i === rest.length - 1) node[key] = value;
    else node = (node[key] = {}) as Record<string | number, unknown>;
  });
  const problem = { path, message };
  return { problem, line: describeProblem({ [kind]: { [index]: record } }, problem) };
}

/**
 * The coding's rules across records (lib/coding/validate.ts), with the file's lawsuits
 * and filings read from the staging tables: only those the coding refers to.
 */
async function codingProblems(tx: Sql, coding: Pick<Dataset, CodingRecordKind>): Promise<Located[]> {
  const { lawsuitIds, filingIds } = codingReferences(coding);
  if (coding.coding.length === 0 && coding.policies.length === 0) return [];
  const [lawsuits, filings] = await Promise.all([
    tx<{ id: string; date_filed: string; date_filed_precision: DatePrecision }[]>`
      SELECT id, date_filed, date_filed_precision FROM stage_lawsuit WHERE id = ANY(${lawsuitIds}) AND date_filed IS NOT NULL`,
    tx<{ id: string; lawsuit_id: string }[]>`SELECT id, lawsuit_id FROM stage_filing WHERE id = ANY(${filingIds})`,
  ]);
  const input: CodingInput = {
    ...coding,
    lawsuits: lawsuits.map((l) => ({ id: l.id, dateFiled: fromStored(l.date_filed, l.date_filed_precision) })),
    filings: filings.map((f) => ({ id: f.id, lawsuit: f.lawsuit_id })),
  };
  return (await findCodingProblems(tx, input)).map((problem) => ({ problem, line: describeProblem(coding, problem) }));
}

/** Statistics for the planner on every table an import filled (see ANALYZE_AFTER). */
async function analyzeWritten(tx: Sql, summary: Record<StagedKind, KindSummary>) {
  const tables = KINDS.filter((k) => summary[k.kind].created + summary[k.kind].updated >= ANALYZE_AFTER).flatMap((k) => [k.table, ...k.children.map((c) => c.table)]);
  if (tables.length > 0) await tx.unsafe(`ANALYZE ${[...new Set(tables)].map(q).join(", ")}`);
}

/** Ids used by more than one record of a kind: each later one is reported. */
async function duplicateProblems(tx: Sql): Promise<Located[]> {
  const out: Located[] = [];
  for (const spec of KINDS) {
    const rows = await tx.unsafe<{ idx: number; id: string }[]>(`
      SELECT idx, id FROM (SELECT idx, id, row_number() OVER (PARTITION BY id ORDER BY idx) AS n FROM ${staged(spec.table)}) d
      WHERE n > 1 ORDER BY idx`);
    for (const r of rows) out.push(stagedProblem([spec.kind, r.idx, "id"], "is used by an earlier record too", r.id, r.id));
  }
  return out;
}

/** Every reference must resolve, in the dataset or in the database; listed by record, then field. */
async function referenceProblems(tx: Sql): Promise<Located[]> {
  const found: { order: number[]; located: Located }[] = [];
  for (const [kindOrder, spec] of KINDS.entries()) {
    for (const [refOrder, ref] of spec.references.entries()) {
      const target = KIND_BY_NAME[ref.target];
      const child = ref.table ? spec.children.find((c) => c.table === ref.table)! : undefined;
      const from = child
        ? `${staged(child.table)} c JOIN ${staged(spec.table)} s ON s.id = c.${q(child.parent)}`
        : `${staged(spec.table)} s CROSS JOIN LATERAL (SELECT s.*, NULL::integer AS position) c`;
      const served = ref.sameJurisdiction ? `coalesce(own.jurisdiction_code, db.jurisdiction_code)` : "NULL::text";
      const rows = await tx.unsafe<{ idx: number; id: string; position: number | null; value: string; found: boolean; served: string | null; jurisdiction: string | null }[]>(`
        SELECT s.idx, s.id, c.position, c.${q(ref.column)} AS value, (own.id IS NOT NULL OR db.id IS NOT NULL) AS found,
               ${served} AS served, ${ref.sameJurisdiction ? `c.${q(ref.sameJurisdiction)}` : "NULL::text"} AS jurisdiction
        FROM ${from}
        LEFT JOIN ${staged(target.table)} own ON own.id = c.${q(ref.column)}
        LEFT JOIN ${q(target.table)} db ON db.id = c.${q(ref.column)} ${target.softDeleted ? "AND db.deleted_at IS NULL" : ""}
        WHERE c.${q(ref.column)} IS NOT NULL
          AND (own.id IS NULL AND db.id IS NULL ${ref.sameJurisdiction ? `OR ${served} IS DISTINCT FROM c.${q(ref.sameJurisdiction)}` : ""})`);
      for (const r of rows) {
        const path: ProblemPath = child ? [spec.kind, r.idx, child.field, r.position!, ref.field] : [spec.kind, r.idx, ref.field];
        const message = r.found ? `serves ${r.served!.trim()}, not ${r.jurisdiction!.trim()}` : `is not ${article(NOUN[ref.target])} in this dataset or the database`;
        found.push({ order: [kindOrder, r.idx, refOrder, r.position ?? 0], located: stagedProblem(path, message, r.id, r.value) });
      }
    }
  }
  const byOrder = (a: number[], b: number[]) => a.findIndex((x, i) => x !== b[i]);
  found.sort((a, b) => {
    const i = byOrder(a.order, b.order);
    return i < 0 ? 0 : a.order[i] - b.order[i];
  });
  return found.map((f) => f.located);
}

const article = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

const rowOf = (alias: string, columns: string[]) => `ROW(${columns.map((c) => `${alias}.${q(c)}`).join(", ")})`;

/**
 * Decides, for every staged record, whether it is created, updated or unchanged: a
 * record is unchanged when its row and every row of its lists (by position) are equal
 * to the stored ones, which is what comparing canonical records used to tell.
 */
async function plan(tx: Sql): Promise<Record<StagedKind, KindSummary>> {
  const summary = {} as Record<StagedKind, KindSummary>;
  for (const spec of KINDS) {
    const changedChildren = spec.children.map(
      (c) => `
        SELECT coalesce(n.${q(c.parent)}, o.${q(c.parent)})
        FROM (SELECT * FROM ${staged(c.table)} WHERE ${q(c.parent)} IS NOT NULL) n
        FULL JOIN (SELECT * FROM ${q(c.table)} WHERE ${q(c.parent)} IN (SELECT id FROM ${staged(spec.table)})) o
          ON o.${q(c.parent)} = n.${q(c.parent)} AND o.position = n.position
        WHERE n.${q(c.parent)} IS NULL OR o.${q(c.parent)} IS NULL OR ${rowOf("n", c.columns)} IS DISTINCT FROM ${rowOf("o", c.columns)}`,
    );
    await tx.unsafe(`
      CREATE TEMP TABLE ${planned(spec.table)} ON COMMIT DROP AS
      SELECT s.idx, s.id,
             CASE WHEN t.id IS NULL THEN 'created'
                  WHEN ${rowOf("s", spec.columns)} IS DISTINCT FROM ${rowOf("t", spec.columns)}
                       ${changedChildren.length ? `OR s.id IN (${changedChildren.join(" UNION ")})` : ""} THEN 'updated'
                  ELSE 'unchanged' END AS status
      FROM ${staged(spec.table)} s LEFT JOIN ${q(spec.table)} t ON t.id = s.id;
      CREATE INDEX ON ${planned(spec.table)} (idx);
      ANALYZE ${planned(spec.table)}`);
    const counts = await tx.unsafe<{ status: keyof KindSummary; n: number }[]>(`SELECT status, count(*)::int AS n FROM ${planned(spec.table)} GROUP BY status`);
    summary[spec.kind] = { created: 0, updated: 0, unchanged: 0 };
    for (const { status, n } of counts) summary[spec.kind][status] = n;
  }
  return summary;
}

/** The stored form of every record about to change, for its revision's "before", read a batch at a time. */
async function stageBefores(tx: Sql, summary: Record<StagedKind, KindSummary>) {
  for (const spec of KINDS) {
    if (summary[spec.kind].updated === 0) continue;
    for (let after = -1; ; ) {
      const ids = await tx.unsafe<{ idx: number; id: string }[]>(
        `SELECT idx, id FROM ${planned(spec.table)} WHERE status = 'updated' AND idx > $1 ORDER BY idx LIMIT ${BEFORE_BATCH}`,
        [after],
      );
      if (ids.length === 0) break;
      const selection = Object.fromEntries(KINDS.map((k) => [k.kind, k.kind === spec.kind ? ids.map((r) => r.id) : []]));
      const records = (await readRecords(tx, selection))[spec.kind];
      await copyInto(tx, "stage_before", ["kind", "id", "before"], records.map((r) => copyLine([spec.kind, r.id as string, JSON.stringify(r)])));
      after = ids[ids.length - 1].idx;
    }
  }
}

/**
 * Inserts the created records, overwrites the updated ones (their lists replaced) and
 * leaves the rest, MERGE_CHUNK records per statement: the triggers that keep a filing's
 * coalition, demand tokens and search document take the ids a statement touched as an
 * array and test `id = ANY(…)`, which costs the array's length per row it looks at.
 */
async function merge(tx: Sql, spec: KindSpec, publication: Publication, now: Date) {
  const table = q(spec.table);
  const columns = spec.columns.map(q);
  const chunks = await tx.unsafe<{ chunk: number }[]>(
    `SELECT idx / ${MERGE_CHUNK} AS chunk FROM ${planned(spec.table)} WHERE status <> 'unchanged' GROUP BY 1 ORDER BY 1`,
  );
  for (const { chunk } of chunks) {
    const range = `p.idx >= ${chunk * MERGE_CHUNK} AND p.idx < ${(chunk + 1) * MERGE_CHUNK}`;
    await tx.unsafe(
      `INSERT INTO ${table} (id, ${columns.join(", ")}, ${spec.publishable ? "publication, " : ""}updated_at)
       SELECT s.id, ${columns.map((c) => `s.${c}`).join(", ")}, ${spec.publishable ? "$2::publication, " : ""}$1::timestamptz
       FROM ${planned(spec.table)} p JOIN ${staged(spec.table)} s ON s.idx = p.idx WHERE p.status = 'created' AND ${range} ORDER BY p.idx`,
      spec.publishable ? [now, publication] : [now],
    );
    // Publication is left as it is: publishing is its own action.
    await tx.unsafe(
      `UPDATE ${table} t SET ${columns.map((c) => `${c} = s.${c}`).join(", ")}, updated_at = $1::timestamptz, version = t.version + 1
       FROM ${planned(spec.table)} p JOIN ${staged(spec.table)} s ON s.idx = p.idx
       WHERE p.status = 'updated' AND ${range} AND t.id = s.id`,
      [now],
    );
    for (const child of spec.children) {
      const parent = q(child.parent);
      const childColumns = ["position", ...child.columns].map(q);
      await tx.unsafe(`DELETE FROM ${q(child.table)} WHERE ${parent} IN (SELECT p.id FROM ${planned(spec.table)} p WHERE p.status = 'updated' AND ${range})`);
      await tx.unsafe(
        `INSERT INTO ${q(child.table)} (${parent}, ${childColumns.join(", ")}, updated_at)
         SELECT c.${parent}, ${childColumns.map((c) => `c.${c}`).join(", ")}, $1::timestamptz
         FROM ${planned(spec.table)} p JOIN ${staged(child.table)} c ON c.${parent} = p.id
         WHERE p.status <> 'unchanged' AND ${range} ORDER BY p.idx, c.position`,
        [now],
      );
    }
  }
}

/** One revision per created or updated record, in file order, in one statement. */
async function writeRevisions(tx: Sql, spec: KindSpec, options: WriteOptions, returning: boolean): Promise<WrittenRecord[]> {
  const actor = options.actor ?? COMMAND_LINE;
  const rows = await tx.unsafe<{ id: string; version: number }[]>(
    `INSERT INTO revision (record_kind, record_id, version, action, publication, actor_id, actor_name, reverted_from_id, upload_id, before, after)
     SELECT $1::record_kind, p.id, t.version,
            (CASE WHEN p.status = 'created' THEN 'create' ELSE $2 END)::revision_action,
            ${spec.publishable ? "t.publication" : "NULL"},
            $3::text, $4::text, CASE WHEN p.status = 'created' THEN NULL ELSE $5::bigint END, $6::text, b.before, s.after
     FROM ${planned(spec.table)} p
     JOIN ${staged(spec.table)} s ON s.idx = p.idx
     JOIN ${q(spec.table)} t ON t.id = p.id
     LEFT JOIN "stage_before" b ON b.kind = $7 AND b.id = p.id
     WHERE p.status <> 'unchanged'
     ORDER BY p.idx
     ${returning ? "RETURNING record_id AS id, version" : ""}`,
    [spec.editable, options.updateAction ?? "update", actor.userId, actor.name, options.revertedFromId ?? null, options.uploadId ?? null, spec.kind],
  );
  return returning ? rows.map((r) => ({ kind: spec.editable, id: r.id, version: r.version })) : [];
}
