// The docketline/v1 importer and the one write path for records: the CLI, the seed, the
// staff upload and the staff forms (lib/editing, one record at a time) all write here.
// Records are read as a stream and checked as they are read; the valid ones go through
// COPY into temporary staging tables. Only when every record is valid and every
// reference resolves are they merged into the real tables, in the caller's transaction,
// with a fixed number of set-based statements per kind (decision 018). The research
// coding is read by the same stream, kept in memory, checked with the references and
// written after the merge by lib/coding (decision 027). Every record created or changed
// gets a new version and a revision (who, when, before, after). A re-import leaves a
// filing that reads exactly as its kept text unstaged, as unchanged (decision 036).
import "server-only";

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";

import { codingReferences, findCodingProblems, type CodingInput } from "@/lib/coding/validate";
import { writeCoding } from "@/lib/coding/write";
import { FirstLoadCounts } from "@/lib/dataset/first-load-counts";
import {
  CODING_SCHEMAS,
  isCodingKind,
  KIND_BY_NAME,
  type ChildTable,
  KINDS,
  NOUN,
  RECORD_KINDS,
  type CodingRecordKind,
  type KindSpec,
  type RecordKind,
  type StagedKind,
} from "@/lib/dataset/import-kinds";
import { DatasetValidationError, describeProblem, problemsFromZod, type DatasetProblem, type ProblemPath } from "@/lib/dataset/problems";
import { listedRecordText } from "@/lib/dataset/records";
import { FILING_TEXT_FORMAT, readRecords } from "@/lib/dataset/read";
import { COMMAND_LINE, insert, type KindSummary, type WriteOptions } from "@/lib/dataset/rows";
import { DatasetSchema, UNIQUE_KEYS, type Dataset } from "@/lib/dataset/schema";
import { streamDataset, type DatasetChunks, type StreamedRecord } from "@/lib/dataset/stream";
import { NO_TIMINGS, type ImportTimings } from "@/lib/dataset/timings";
import { fromStored, type DatePrecision } from "@/lib/dates/partial-date";
import { copyInto, copyLine, type CopyCell } from "@/lib/db/copy";
import { addForeignKeys, dropForeignKeys, lockForKeyChanges } from "@/lib/db/foreign-keys";
import { buildIndexes, dropSecondaryIndexes, dropUnreferencedKeys } from "@/lib/db/indexes";
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
  /** Where the time goes, phase by phase (`npm run import -- --timings`). */
  timings?: ImportTimings;
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

// Staged rows wait in memory until there are about this many bytes, then go in one COPY
// per table while the next batch is read: two batches at most, whatever the file's size.
const STAGE_BATCH_BYTES = 4 * 1024 * 1024;
// Records whose stored form is read at a time, for the "before" of their revisions.
const BEFORE_BATCH = 1000;
const TEXT_CHUNK = 1 << 16;
// Filings read before the database is asked which of them read exactly as their kept
// text (decision 036): one round trip per this many, held in memory meanwhile.
const KEEP_BATCH = 1000;
// The memory each sort or hash of the merge may use before it spills to disk (work_mem).
const MERGE_WORK_MEM = "256MB";
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
  return importChunks(sql, () => textChunks(text), { totalBytes: Buffer.byteLength(text), wholeText: async () => text }, options);
}

/** The same from a file, read as a stream: memory does not grow with the file. */
export async function importDatasetFile(sql: Sql, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const { size } = await stat(file);
  return importChunks(sql, () => createReadStream(file, { highWaterMark: TEXT_CHUNK }), { totalBytes: size, wholeText: () => readFile(file, "utf8") }, options);
}

/** Imports a dataset already validated (validateDataset), in one transaction. */
export async function importDataset(sql: Sql, dataset: Dataset, options: WriteOptions = {}): Promise<ImportSummary> {
  const result = (await sql.begin((tx) => writeDataset(tx as unknown as Sql, dataset, options))) as WriteResult;
  return result.summary;
}

/**
 * Takes the lock that serialises every write of records (imports and staff saves): each
 * decides created/updated against what is there. One definition, in the database
 * (migration 20261215090000), which the kept texts' triggers take too.
 */
export async function lockRecords(tx: Sql) {
  await tx`SELECT docketline_lock_records()`;
}

/**
 * Writes a validated dataset inside the caller's transaction. Throws
 * DatasetValidationError (before writing anything) when a reference does not resolve.
 */
export async function writeDataset(tx: Sql, dataset: Dataset, options: WriteOptions = {}): Promise<WriteResult> {
  return stageAndMerge(tx, { validate: false, written: true, keysAfter: false, keep: false }, options, async (stage) => {
    for (const kind of RECORD_KINDS) {
      await stage.add(dataset[kind].map((raw, index) => ({ kind, index, raw })));
    }
  });
}

async function importChunks(
  sql: Sql,
  open: () => DatasetChunks,
  input: { totalBytes: number; wholeText: () => Promise<string> },
  options: ImportOptions,
): Promise<ImportSummary> {
  const timings = options.timings ?? NO_TIMINGS;
  let commit = () => {};
  const result = (await sql.begin(async (tx) => {
    if (options.timings) {
      const [{ pid }] = await tx<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      timings.watchBackend(pid);
    }
    const importFile = (keep: boolean) =>
      stageAndMerge(tx as unknown as Sql, { validate: true, written: false, keysAfter: true, keep, pool: sql }, options, async (stage) => {
        const progress = (bytes: number) => options.onProgress?.({ phase: "reading", records: stage.records, bytes, totalBytes: input.totalBytes });
        const { head, repeated } = await timings.time("read: parse, validate, stage (wall)", () =>
          streamDataset(open(), (records) => stage.add(records), { wholeText: input.wholeText, onBytes: progress, timings }),
        );
        stage.checkHead(head, repeated);
      });
    // A filing left unstaged because it read as its kept text was written by someone
    // else before this import took the lock: read the file again, staging every record,
    // still under the lock (decision 036). Nothing was written yet.
    const written = await importFile(true).catch((error: unknown) => {
      if (!(error instanceof KeptTextsChanged)) throw error;
      return importFile(false);
    });
    // The deferred foreign keys (after a first load, only the coding's: decision 032) are checked at the commit, one row at a time, and the transaction made durable.
    commit = timings.begin("commit (deferred foreign keys)");
    return written;
  })) as WriteResult;
  commit();
  return result.summary;
}

async function* textChunks(text: string): DatasetChunks {
  for (let i = 0; i < text.length; i += TEXT_CHUNK) yield text.slice(i, i + TEXT_CHUNK);
}

/**
 * How a write goes: `validate` each record as it is staged (a file) or not (already
 * validated); return the records `written`; and whether a first load may check its
 * foreign keys after the merge (`keysAfter`, decision 032): only imports of a file,
 * never a staff save or an upload, which run in the app while people read it.
 */
interface WriteMode {
  validate: boolean;
  written: boolean;
  keysAfter: boolean;
  /**
   * Whether a filing whose record reads exactly as the text kept for it is left
   * unstaged, unchanged (decision 036): only an import of a file, whose records are
   * read before the lock is taken and checked again under it.
   */
  keep: boolean;
  /** Where a first load borrows a second connection, to count its facets while it writes (decision 038). */
  pool?: Sql;
}

/** Thrown under the lock when a filing left unstaged has been written since it was read. */
class KeptTextsChanged extends Error {}

async function stageAndMerge(
  tx: Sql,
  mode: WriteMode,
  options: ImportOptions,
  feed: (stage: Stage) => Promise<void>,
): Promise<WriteResult> {
  const t = options.timings ?? NO_TIMINGS;
  const stage = await t.time("create staging tables", () => Stage.create(tx, mode, t));
  try {
    await feed(stage);
  } catch (error) {
    // A COPY still running would hold the connection the rollback needs.
    await stage.settle();
    throw error;
  }
  await t.time("read: last COPY", () => stage.finish());
  const problems = [...stage.fileProblems(), ...(await t.time("check: duplicate ids", () => duplicateProblems(tx)))];
  if (problems.length > 0) throw validationError(problems);

  options.onProgress?.({ phase: "checking", records: stage.records, bytes: 0, totalBytes: null });
  await t.time("lock records", () => lockRecords(tx));
  if (stage.keeping && (await t.time("check: kept texts still kept", () => keptTextsChanged(tx)))) throw new KeptTextsChanged();
  // Decided under the lock: no other import or save writes records until this one ends.
  const keysAfter = mode.keysAfter && (await t.time("check: empty database", () => isEmptyForMerge(tx)));
  // Records may refer to each other in any order within the file.
  await tx`SET CONSTRAINTS ALL DEFERRED`;
  // The plan's joins and the facet counts' trigger aggregate hundreds of thousands of
  // rows: in the server's default 4 MB they spill to disk. Only raised, and only for
  // this transaction.
  await raiseForMerge(tx, "work_mem");
  await t.time("index staging tables", () => indexStaging(tx, t, !keysAfter));
  // The coding's rules are checked against the staged lawsuits and filings, before
  // anything is written, so that a bad coding last in the file leaves the database as it was.
  const coding = stage.coding();
  const references = [
    ...(await t.time("check: references", () => referenceProblems(tx))),
    ...(await t.time("check: coding", () => codingProblems(tx, coding))),
  ];
  if (references.length > 0) throw validationError(references);

  options.onProgress?.({ phase: "writing", records: stage.records, bytes: 0, totalBytes: null });
  const summary = await t.time("plan: created, updated, unchanged", () => plan(tx));
  await t.time("revisions: read the before of updated records", () => stageBefores(tx, summary));
  const now = new Date();
  const written: WrittenRecord[] = [];
  // From here until the commit the merge's tables, and those they refer to, are locked
  // (ACCESS EXCLUSIVE): their readers wait for the import instead of seeing it empty.
  const locked = keysAfter && (await t.time("foreign keys: lock the tables", () => lockForKeyChanges(tx, mergedTables())));
  const keys = locked ? await t.time("foreign keys: drop", () => dropForeignKeys(tx, mergedTables())) : [];
  // Under the same locks, the indexes that enforce nothing are built after the rows (decision 035).
  // The lists' keys too: nothing looks a list row up by its key during the merge, and a
  // validated file repeats no key (its states, plaintiffs and related lawsuits are checked for repeats).
  const indexes = locked
    ? await t.time("indexes: drop", async () => [...(await dropSecondaryIndexes(tx, mergedTables())), ...(await dropUnreferencedKeys(tx, childTables()))])
    : [];
  // Under the same locks, the filings' facets are counted on a second connection (decision 038).
  const counts = locked && mode.pool && summary.filings.created > 0 ? await FirstLoadCounts.prepare(tx, mode.pool, MERGE_WORK_MEM, t) : null;
  try {
    await bulkMerge(tx, summary, t, async () => {
      for (const spec of KINDS) {
        await merge(tx, spec, summary[spec.kind], options.publication ?? "published", now, t, spec.kind === "filings" ? counts : null, locked);
        written.push(...(await t.time(`revisions: ${spec.kind}`, () => writeRevisions(tx, spec, options, mode.written))));
      }
    });
    await counts?.finish();
  } finally {
    await counts?.release();
  }
  await t.time("drop staging tables", () => dropStaging(tx));
  const coded = await t.time("coding: write", () => writeCoding(tx, coding, options, now));
  await t.time("coding: revisions", () => insert(tx, "revision", coded.revisions));
  written.push(...coded.revisions.map((r) => ({ kind: r.record_kind as EditableKind, id: r.record_id as string, version: r.version as number })));
  if (indexes.length > 0) {
    // A GIN index is built in memory runs of maintenance_work_mem: the merge's budget, for this transaction only.
    await raiseForMerge(tx, "maintenance_work_mem");
    // Timed table by table too: after the reading, the builds are the first load's largest phase.
    await t.time("indexes: build", async () => {
      for (const table of new Set(indexes.map((i) => i.table))) {
        await t.time(`indexes: build ${table}`, () => buildIndexes(tx, indexes.filter((i) => i.table === table)));
      }
    });
  }
  await t.time("analyze", () => analyzeWritten(tx, summary));
  // After ANALYZE, so that each key's validating anti-join is planned on the rows as written.
  if (keys.length > 0) await t.time("foreign keys: add back, validating", () => addForeignKeys(tx, keys));
  return { summary: { ...summary, ...coded.summary }, written };
}

/** Raises a memory setting to MERGE_WORK_MEM for this transaction only, never lowers it. */
async function raiseForMerge(tx: Sql, setting: "work_mem" | "maintenance_work_mem") {
  await tx`SELECT set_config(${setting}, ${MERGE_WORK_MEM}, true) WHERE pg_size_bytes(current_setting(${setting})) < pg_size_bytes(${MERGE_WORK_MEM})`;
}

/** Where staged rows go: one table per record table and per child table. */
const staged = (table: string) => `"stage_${table}"`;
/** The columns a kind writes: its own, then those derived from its lists. */
const writtenColumns = (spec: KindSpec) => [...spec.columns, ...(spec.derived?.columns ?? [])];
const planned = (table: string) => `"plan_${table}"`;
const q = (name: string) => `"${name}"`;

function childTables(): string[] {
  return [...new Set(KINDS.flatMap((k) => k.children.map((c) => c.table)))];
}

/**
 * Every table the merge writes rows into: the records', their lists', the search
 * documents' and the revisions'. A first load drops the foreign keys declared on them
 * and adds them back after the merge, and only when all of them are empty (decision 032);
 * their secondary indexes too, built again from the rows (decision 035).
 */
function mergedTables(): string[] {
  return [...KINDS.map((k) => k.table), ...childTables(), "filing_search", "filing_record", "revision"];
}

/** True when none of the merge's tables holds a row, deleted or not: an import into an empty database. */
async function isEmptyForMerge(tx: Sql): Promise<boolean> {
  const [{ empty }] = await tx.unsafe<{ empty: boolean }[]>(`SELECT ${mergedTables().map((t) => `NOT EXISTS (SELECT FROM ${q(t)})`).join(" AND ")} AS empty`);
  return empty;
}

function childParents(table: string): string[] {
  return [...new Set(KINDS.flatMap((k) => k.children.filter((c) => c.table === table).map((c) => c.parent)))];
}

/** A staging table and the columns a kind's rows fill in it. */
interface Target {
  table: string;
  columns: string[];
}

interface Batch extends Target {
  lines: string[];
}

/** Where each kind's records go: the whole record, its id alone (once a record is bad), each list. */
const TARGETS = new Map<KindSpec, { record: Target; id: Target; children: Target[] }>(
  KINDS.map((spec) => [
    spec,
    {
      record: { table: spec.table, columns: ["idx", "id", ...writtenColumns(spec), ...(spec.staging?.columns ?? []), "after"] },
      id: { table: spec.table, columns: ["idx", "id"] },
      children: spec.children.map((child) => ({ table: child.table, columns: [child.parent, "position", ...child.columns] })),
    },
  ]),
);

/**
 * The kind whose records have a kept text (filing_record, decision 034). A filing that
 * reads exactly as its kept text is staged as its id and the kept row's version
 * (`kept_xmin`) alone: its row and lists are the stored ones, which the text vouches
 * for (decision 036).
 */
const KEPT = KIND_BY_NAME.filings;
const KEPT_TARGET: Target = { table: KEPT.table, columns: ["idx", "id", "kept_xmin"] };

/** A filing read, held until the database says whether it reads as its kept text. */
interface Pending {
  index: number;
  id: string;
  record: unknown;
  text: string;
}

/** The record's staged rows as the file has them: a kept filing's are its stored ones. */
function recordsAsRead(spec: KindSpec): string {
  if (spec !== KEPT) return staged(spec.table);
  const columns = spec.columns.map(q);
  return `(SELECT s.idx, s.id, ${columns.map((c) => `s.${c}`).join(", ")} FROM ${staged(spec.table)} s WHERE s.kept_xmin IS NULL
           UNION ALL
           SELECT s.idx, s.id, ${columns.map((c) => `t.${c}`).join(", ")} FROM ${staged(spec.table)} s JOIN ${q(spec.table)} t ON t.id = s.id WHERE s.kept_xmin IS NOT NULL)`;
}

/** The same for one of its lists. */
function listAsRead(spec: KindSpec, child: ChildTable): string {
  if (spec !== KEPT) return staged(child.table);
  const columns = [q(child.parent), "position", ...child.columns.map(q)];
  return `(SELECT ${columns.map((c) => `c.${c}`).join(", ")} FROM ${staged(child.table)} c WHERE c.${q(child.parent)} IS NOT NULL
           UNION ALL
           SELECT ${columns.map((c) => `c.${c}`).join(", ")} FROM ${staged(spec.table)} s JOIN ${q(child.table)} c ON c.${q(child.parent)} = s.id WHERE s.kept_xmin IS NOT NULL)`;
}

/**
 * True when a filing left unstaged no longer has the kept text it read as, in the same
 * row version: written (or forgotten) by someone else between the reading and the lock.
 * (VACUUM's freezing keeps the xmin that the column shows: it is no change.)
 */
async function keptTextsChanged(tx: Sql): Promise<boolean> {
  const [{ changed }] = await tx.unsafe<{ changed: boolean }[]>(
    `SELECT EXISTS (
       SELECT FROM ${staged(KEPT.table)} s
       WHERE s.kept_xmin IS NOT NULL
         AND NOT EXISTS (SELECT FROM filing_record r WHERE r.filing_id = s.id AND r.format = $1 AND r.xmin = s.kept_xmin)) AS changed`,
    [FILING_TEXT_FORMAT],
  );
  return changed;
}

/** Validates records as they come and sends the valid ones through COPY to the staging tables. */
class Stage {
  records = 0;
  private batches = new Map<Target, Batch>();
  private bytes = 0;
  /** The work under way on the transaction's connection, one statement at a time: COPYs, and comparisons with kept texts. */
  private flushing: Promise<void> = Promise.resolve();
  private problems = new Map<RecordKind, { problems: DatasetProblem[]; lines: string[] }>();
  /** The research coding as read, with each record's index in the file. */
  private coded: Record<CodingRecordKind, { index: number; record: unknown }[]> = { issueAreas: [], policies: [], coding: [] };
  private codedCount = 0;
  private head: { problems: DatasetProblem[]; lines: string[] } = { problems: [], lines: [] };
  private failed = false;
  private pending: Pending[] = [];

  private constructor(
    private readonly tx: Sql,
    private readonly validate: boolean,
    private readonly timings: ImportTimings,
    /** Whether filings are compared with their kept texts as they are read. */
    readonly keeping: boolean,
  ) {}

  static async create(tx: Sql, mode: WriteMode, timings: ImportTimings): Promise<Stage> {
    await dropStaging(tx);
    const statements = [
      ...KINDS.map(
        (k) => `CREATE TEMP TABLE ${staged(k.table)} ON COMMIT DROP AS SELECT ${["id", ...writtenColumns(k)].map(q).join(", ")} FROM ${q(k.table)} WITH NO DATA;
                ALTER TABLE ${staged(k.table)} ${["idx integer", "after text", ...(k.staging?.definitions ?? []), ...(k === KEPT ? ["kept_xmin xid"] : [])].map((d) => `ADD COLUMN ${d}`).join(", ")}`,
      ),
      ...childTables().map((table) => {
        const columns = [...childParents(table), "position", ...childColumns(table)];
        return `CREATE TEMP TABLE ${staged(table)} ON COMMIT DROP AS SELECT ${columns.map(q).join(", ")} FROM ${q(table)} WITH NO DATA`;
      }),
      `CREATE TEMP TABLE "stage_before" (kind text, id text, before jsonb) ON COMMIT DROP`,
    ];
    await tx.unsafe(statements.join(";\n"));
    // An import into a database without kept texts (a first load) asks nothing.
    const [{ kept }] = mode.keep
      ? await tx<{ kept: boolean }[]>`SELECT EXISTS (SELECT FROM filing_record WHERE format = ${FILING_TEXT_FORMAT}) AS kept`
      : [{ kept: false }];
    return new Stage(tx, mode.validate, timings, kept);
  }

  async add(records: StreamedRecord[]) {
    let validating = 0;
    const start = performance.now();
    for (const { kind, index, raw } of records) {
      this.records++;
      if (isCodingKind(kind)) {
        this.keepCoded(kind, index, raw);
        continue;
      }
      const spec = KIND_BY_NAME[kind];
      let record = raw;
      if (this.validate) {
        const began = performance.now();
        const parsed = spec.schema.safeParse(raw);
        validating += performance.now() - began;
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
      // The revision's "after", and a filing's text in filing_record (decision 034).
      const text = listedRecordText(spec.canonical(record as never) as object);
      if (spec === KEPT && this.keeping) this.pending.push({ index, id, record, text });
      else this.stageRecord(spec, index, id, record, text);
    }
    this.timings.add("read: validate (zod)", validating);
    this.timings.add("read: COPY rows and canonical form", performance.now() - start - validating);
    if (this.pending.length >= KEEP_BATCH) await this.timings.time("read: compare with kept texts", () => this.stagePending());
    if (this.bytes >= STAGE_BATCH_BYTES) await this.timings.time("read: wait for the previous COPY", () => this.flush());
  }

  private stageRecord(spec: KindSpec, index: number, id: string, record: unknown, text: string) {
    const targets = TARGETS.get(spec)!;
    this.push(targets.record, [
      index,
      id,
      ...spec.values(record as never),
      ...(spec.derived?.values(record as never) ?? []),
      ...(spec.staging?.values(record as never) ?? []),
      text,
    ]);
    spec.children.forEach((child, c) => {
      child.rows(record as never).forEach((row, position) => this.push(targets.children[c], [id, position, ...row]));
    });
  }

  /**
   * Stages the filings held: as their id and kept row version those that read exactly
   * as their kept text (compared by SHA-256, computed on both sides), in full the
   * others. The database is asked while the next filings are read, after the work
   * before it on the connection; the comparison before this one is waited for, so
   * that at most two batches of filings are held.
   */
  private async stagePending() {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const hashes = this.failed ? [] : pending.map((p) => createHash("sha256").update(p.text).digest("hex"));
    const previous = this.flushing;
    this.flushing = previous.then(async () => {
      if (this.failed) {
        // Nothing will be written: only the ids are still needed, to find duplicates.
        for (const p of pending) this.stageId(KEPT, p.index, p.record);
        return;
      }
      const kept = await this.timings.time("read: ask for kept texts (overlaps reading)", async () =>
        new Map(
          (
            // By position in the batch: a file that gives the list twice repeats indexes (and is refused).
            await this.tx<{ n: string; xmin: string }[]>`
              SELECT k.n, r.xmin::text AS xmin
              FROM unnest(${pending.map((p) => p.id)}::text[], ${hashes}::text[]) WITH ORDINALITY AS k(id, hash, n)
              JOIN filing_record r ON r.filing_id = k.id
              WHERE r.format = ${FILING_TEXT_FORMAT} AND encode(sha256(convert_to(r.text, 'UTF8')), 'hex') = k.hash`
          ).map((r) => [Number(r.n) - 1, r.xmin]),
        ),
      );
      for (const [n, p] of pending.entries()) {
        const xmin = kept.get(n);
        if (xmin === undefined) this.stageRecord(KEPT, p.index, p.id, p.record, p.text);
        else this.push(KEPT_TARGET, [p.index, p.id, xmin]);
      }
    });
    // A failure is thrown where the next flush or finish() awaits it.
    this.flushing.catch(() => {});
    await previous;
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
    await this.timings.time("read: compare with kept texts", () => this.stagePending());
    // The last comparison stages its filings when it ends: then the last COPY.
    await this.flushing;
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
    if (typeof id === "string") this.push(TARGETS.get(spec)!.id, [index, id]);
  }

  private push(target: Target, cells: CopyCell[]) {
    let batch = this.batches.get(target);
    if (!batch) this.batches.set(target, (batch = { ...target, lines: [] }));
    const line = copyLine(cells);
    batch.lines.push(line);
    this.bytes += line.length;
  }

  /** Starts sending the batch read so far, once the work before it on the connection (a COPY, a comparison) is done. */
  private async flush() {
    const batches = [...this.batches.values()];
    this.batches = new Map();
    this.bytes = 0;
    const previous = this.flushing;
    this.flushing = previous.then(async () => {
      for (const b of batches) await this.timings.time(`COPY into staging: ${b.table} (overlaps reading)`, () => copyInto(this.tx, `stage_${b.table}`, b.columns, b.lines));
    });
    // A failure is thrown where the next flush or finish() awaits it.
    this.flushing.catch(() => {});
    await previous;
  }
}

function childColumns(table: string): string[] {
  return [...new Set(KINDS.flatMap((k) => k.children.filter((c) => c.table === table).flatMap((c) => c.columns)))];
}

/**
 * Statistics for the planner (temporary tables get none by themselves), and indexes for
 * the merge's lookups by record and by parent. An import into an empty database has no
 * lookups by parent: every staged list row is written, and its joins read the lists whole.
 */
async function indexStaging(tx: Sql, t: ImportTimings, byParent: boolean) {
  for (const k of KINDS) {
    await t.time(`index staging ${k.table}`, () => tx.unsafe([`CREATE INDEX ON ${staged(k.table)} (idx)`, `CREATE INDEX ON ${staged(k.table)} (id)`].join(";\n")));
    // kept_xmin too: without its statistics the planner takes "not kept" for 0.5% of the filings.
    await t.time(`analyze staging ${k.table}`, () => tx.unsafe(`ANALYZE ${staged(k.table)} (${["idx", "id", ...(k === KEPT ? ["kept_xmin"] : [])].join(", ")})`));
  }
  for (const table of childTables()) {
    if (byParent) await t.time(`index staging ${table}`, () => tx.unsafe(childParents(table).map((parent) => `CREATE INDEX ON ${staged(table)} (${q(parent)})`).join(";\n")));
    await t.time(`analyze staging ${table}`, () => tx.unsafe(`ANALYZE ${staged(table)} (${[...childParents(table), "position"].map(q).join(", ")})`));
  }
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
    tx.unsafe<{ id: string; lawsuit_id: string }[]>(`SELECT id, lawsuit_id FROM ${recordsAsRead(KEPT)} s WHERE id = ANY($1::text[])`, [filingIds]),
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
      // A filing left unstaged is checked too, with its stored references: a lawsuit
      // deleted since, or an official the file moves to another jurisdiction, is as
      // wrong for it as for a filing read in full.
      const from = child
        ? `${listAsRead(spec, child)} c JOIN ${staged(spec.table)} s ON s.id = c.${q(child.parent)}`
        : `${recordsAsRead(spec)} s CROSS JOIN LATERAL (SELECT s.*, NULL::integer AS position) c`;
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
    // A filing left unstaged reads as its kept text: unchanged, and its lists unread.
    const readInFull = spec === KEPT ? "WHERE kept_xmin IS NULL" : "";
    const changedChildren = spec.children.map(
      (c) => `
        SELECT coalesce(n.${q(c.parent)}, o.${q(c.parent)})
        FROM (SELECT * FROM ${staged(c.table)} WHERE ${q(c.parent)} IS NOT NULL) n
        FULL JOIN (SELECT * FROM ${q(c.table)} WHERE ${q(c.parent)} IN (SELECT id FROM ${staged(spec.table)} ${readInFull})) o
          ON o.${q(c.parent)} = n.${q(c.parent)} AND o.position = n.position
        WHERE n.${q(c.parent)} IS NULL OR o.${q(c.parent)} IS NULL OR ${rowOf("n", c.columns)} IS DISTINCT FROM ${rowOf("o", c.columns)}`,
    );
    await tx.unsafe(`
      CREATE TEMP TABLE ${planned(spec.table)} ON COMMIT DROP AS
      SELECT s.idx, s.id,
             CASE ${spec === KEPT ? "WHEN s.kept_xmin IS NOT NULL THEN 'unchanged'" : ""}
                  WHEN t.id IS NULL THEN 'created'
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
 * leaves the rest, one statement per table. The columns derived from the lists
 * (a filing's coalition and demand tokens) are written with the record, computed as it
 * was staged, and the triggers that derive them on other write paths are idle (see
 * bulkMerge).
 */
async function merge(
  tx: Sql,
  spec: KindSpec,
  summary: KindSummary,
  publication: Publication,
  now: Date,
  t: ImportTimings,
  counts: FirstLoadCounts | null,
  /** Under the first load's locks (decision 035): the tables' triggers may be turned off. */
  firstLoad: boolean,
) {
  if (summary.created + summary.updated === 0) return;
  const table = q(spec.table);
  const columns = writtenColumns(spec).map(q);
  if (summary.created > 0) {
    // In a first load the filings' is_public is written with them, their lawsuits' flags
    // joined, instead of by the row trigger that looks each one's lawsuit up (decision 039).
    const publicFlag = firstLoad && spec.table === "filing";
    if (publicFlag) await tx`ALTER TABLE filing DISABLE TRIGGER filing_is_public_before_write`;
    await t.time(`merge ${spec.kind}: insert created`, () =>
      tx.unsafe(
        `INSERT INTO ${table} (id, ${columns.join(", ")}, ${spec.publishable ? "publication, " : ""}${publicFlag ? "is_public, " : ""}updated_at)
         SELECT s.id, ${columns.map((c) => `s.${c}`).join(", ")}, ${spec.publishable ? "$2::publication, " : ""}${publicFlag ? "filing_is_public($2::publication, NULL, s.lawsuit_id, l.is_public), " : ""}$1::timestamptz
         FROM ${planned(spec.table)} p JOIN ${staged(spec.table)} s ON s.idx = p.idx ${publicFlag ? "LEFT JOIN lawsuit l ON l.id = s.lawsuit_id " : ""}WHERE p.status = 'created' ORDER BY p.idx`,
        spec.publishable ? [now, publication] : [now],
      ),
    );
    if (publicFlag) await tx`ALTER TABLE filing ENABLE TRIGGER filing_is_public_before_write`;
    await counts?.start();
  }
  if (summary.updated > 0) {
    // Publication is left as it is: publishing is its own action.
    await t.time(`merge ${spec.kind}: update changed`, () =>
      tx.unsafe(
        `UPDATE ${table} t SET ${columns.map((c) => `${c} = s.${c}`).join(", ")}, updated_at = $1::timestamptz, version = t.version + 1
         FROM ${planned(spec.table)} p JOIN ${staged(spec.table)} s ON s.idx = p.idx
         WHERE p.status = 'updated' AND t.id = s.id`,
        [now],
      ),
    );
  }
  for (const child of spec.children) {
    const parent = q(child.parent);
    const childColumns = ["position", ...child.columns].map(q);
    if (summary.updated > 0) {
      await t.time(`merge ${spec.kind}: delete ${child.table}`, () =>
        tx.unsafe(`DELETE FROM ${q(child.table)} WHERE ${parent} IN (SELECT p.id FROM ${planned(spec.table)} p WHERE p.status = 'updated')`),
      );
    }
    await t.time(`merge ${spec.kind}: insert ${child.table}`, () =>
      tx.unsafe(
        `INSERT INTO ${q(child.table)} (${parent}, ${childColumns.join(", ")}, updated_at)
         SELECT c.${parent}, ${childColumns.map((c) => `c.${c}`).join(", ")}, $1::timestamptz
         FROM ${planned(spec.table)} p JOIN ${staged(child.table)} c ON c.${parent} = p.id
         WHERE p.status <> 'unchanged' ORDER BY p.idx, c.position`,
        [now],
      ),
    );
  }
}

/**
 * Runs `merge` with the derived-column triggers idle (migration 20261214090000): the
 * setting lasts until it is turned off here or the transaction ends, and a savepoint
 * rolled back takes it back with it. Then the search documents of exactly the filings
 * written, and of those whose lawsuit changed (its names are in them), are refreshed
 * in one statement, as the triggers would have.
 */
async function bulkMerge(tx: Sql, summary: Record<StagedKind, KindSummary>, t: ImportTimings, merge: () => Promise<void>) {
  await tx`SELECT set_config('docketline.bulk_merge', 'on', true)`;
  try {
    await merge();
    if (summary.filings.created + summary.filings.updated > 0) {
      // The filings written, from their own staged document and their lawsuit's names, as refresh_filing_search would from the rows.
      await t.time("derived: search documents", () =>
        tx.unsafe(`
          INSERT INTO filing_search (filing_id, document, updated_at)
          SELECT s.id,
                 s.own_document || coalesce(l.document, filing_search_lawsuit_document(NULL, NULL, NULL)),
                 CURRENT_TIMESTAMP
          FROM ${planned("filing")} p
          JOIN ${staged("filing")} s ON s.idx = p.idx
          LEFT JOIN (
            SELECT id, filing_search_lawsuit_document(case_name, case_name_short, docket_number) AS document
            FROM lawsuit WHERE id IN (SELECT lawsuit_id FROM ${staged("filing")})
          ) l ON l.id = s.lawsuit_id
          WHERE p.status <> 'unchanged'
          ON CONFLICT (filing_id) DO UPDATE SET document = EXCLUDED.document, updated_at = EXCLUDED.updated_at`),
      );
    }
    // Each filing written keeps its text as a dataset lists it, staged as its revision's
    // "after"; so does an unchanged one whose text was forgotten since, or written in
    // another format (decision 034).
    await t.time("derived: filing records", () =>
      tx.unsafe(
        `INSERT INTO filing_record (filing_id, text, format)
         SELECT p.id, s.after, $1
         FROM ${planned("filing")} p JOIN ${staged("filing")} s ON s.idx = p.idx
         WHERE (p.status <> 'unchanged' OR NOT EXISTS (SELECT FROM filing_record r WHERE r.filing_id = p.id AND r.format = $1))
           -- A filing left unstaged has no text here: one deleted since the check stays forgotten.
           AND s.after IS NOT NULL
         ON CONFLICT (filing_id) DO UPDATE SET text = EXCLUDED.text, format = EXCLUDED.format`,
        [FILING_TEXT_FORMAT],
      ),
    );
    if (summary.lawsuits.updated > 0) {
      // The other filings of a lawsuit whose names may have changed, as its trigger would.
      await t.time("derived: search documents of changed lawsuits", () =>
        tx.unsafe(`
          SELECT refresh_filing_search(ARRAY(
            SELECT f.id FROM filing f JOIN ${planned("lawsuit")} p ON p.id = f.lawsuit_id WHERE p.status = 'updated'
            EXCEPT
            SELECT p.id FROM ${planned("filing")} p WHERE p.status <> 'unchanged'))`),
      );
    }
  } finally {
    // An error leaves the transaction to be rolled back; otherwise the writes after the
    // merge (the coding, a caller's own) have their triggers back.
    await tx`SELECT set_config('docketline.bulk_merge', 'off', true)`.catch(() => {});
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
            $3::text, $4::text, CASE WHEN p.status = 'created' THEN NULL ELSE $5::bigint END, $6::text, b.before, s.after::jsonb
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
