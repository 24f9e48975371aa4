// The preview of a staff dataset upload, computed once, in the background, after the
// upload is stored, and kept with it (docs/decisions/024).
//
// The preview is the real import run inside a transaction that is rolled back, so it
// finds exactly what applying would (every reference problem, and what would be
// created, updated or left unchanged) and writes nothing. It runs kind by kind, in the
// order of RECORD_KINDS (each refers only to kinds before it or to itself), which
// gives the uploader a progress figure without reaching inside the importer. Beside the
// preview it keeps the version of every record of the file as it was then, so that
// applying checks only whether any of those moved, instead of previewing again.
//
// One worker per upload, in whatever process: the worker's transaction takes an advisory
// lock for the upload and holds it while it lives. A second worker (another view, another
// process) does not get the lock and leaves; one that gets it finds the preview already
// done, or finds it "running" with no one holding the lock (a server killed mid-way) and
// computes it again. Results are written outside the rolled-back transaction, before its
// lock is let go.
import "server-only";

import { lockRecords, RECORD_KINDS, writeDataset, type ImportSummary, type RecordKind } from "@/lib/dataset/import";
import { DatasetValidationError } from "@/lib/dataset/problems";
import type { Dataset } from "@/lib/dataset/schema";
import { DatasetSyntaxError, parseDatasetJson, validateDataset } from "@/lib/dataset/validate";
import type { Sql } from "@/lib/db/sql";
import { describeChanges, labelOf } from "@/lib/editing/changes";
import { RECORD_NOUNS, type Actor, type EditableKind, type Publication } from "@/lib/editing/types";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "@/lib/editing/upload-limits";

/** How many created or updated records of each kind a preview names; the rest are counted. */
export const PREVIEW_LIST_LIMIT = 200;

/**
 * Each kind of record of a file as the database keeps it: its revisions' kind, its table,
 * and the column and field that name one record (issue areas by slug, a lawsuit's
 * coding by its lawsuit).
 */
const TRACKED: Record<RecordKind, { kind: EditableKind; table: string; key: string; idOf: (record: Record<string, unknown>) => string }> = {
  courts: { kind: "court", table: "court", key: "id", idOf: (r) => r.id as string },
  officials: { kind: "official", table: "official", key: "id", idOf: (r) => r.id as string },
  issueAreas: { kind: "issue-area", table: "issue_area", key: "slug", idOf: (r) => r.slug as string },
  policies: { kind: "policy", table: "policy", key: "id", idOf: (r) => r.id as string },
  lawsuits: { kind: "lawsuit", table: "lawsuit", key: "id", idOf: (r) => r.id as string },
  filings: { kind: "filing", table: "filing", key: "id", idOf: (r) => r.id as string },
  coding: { kind: "lawsuit-coding", table: "lawsuit_coding", key: "lawsuit_id", idOf: (r) => r.lawsuit as string },
};

export interface PreviewRecord {
  kind: EditableKind;
  id: string;
  /** The record's title or name. */
  label: string;
  /** For an updated record, the labels of the fields that change ("Title", "Joining states"). */
  fields: string[];
}

export interface KindPreview {
  created: PreviewRecord[];
  updated: PreviewRecord[];
  counts: { created: number; updated: number; unchanged: number };
}

export type UploadPreview = Record<RecordKind, KindPreview>;

export type PreviewStatus = "pending" | "running" | "ready" | "failed";

/** A record whose version moved since the preview: applying refuses, naming it. */
export interface ChangedRecord {
  kind: EditableKind;
  id: string;
  /** Its version when previewed; null: it did not exist. */
  previewed: number | null;
  /** Its version now; null: it no longer exists. */
  now: number | null;
}

/** Every problem of a file as sentences: malformed JSON with its line and column, or each invalid field. */
export function problemsOf(error: unknown): string[] | null {
  if (error instanceof DatasetSyntaxError) return [error.message];
  if (error instanceof DatasetValidationError) return error.lines;
  return null;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Parses and validates a file's text without a database; problems as sentences. */
export function checkDatasetText(content: string): { ok: true; dataset: Dataset } | { ok: false; problems: string[] } {
  const size = Buffer.byteLength(content, "utf8");
  if (size > MAX_UPLOAD_BYTES) return { ok: false, problems: [`The file is ${megabytes(size)}; an upload may be at most ${MAX_UPLOAD_LABEL}.`] };
  try {
    return { ok: true, dataset: validateDataset(parseDatasetJson(content)) };
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) return { ok: false, problems };
    throw error;
  }
}

/** The records of a file, the progress figure's whole. */
export function recordCount(dataset: Dataset): number {
  return RECORD_KINDS.reduce((n, kind) => n + dataset[kind].length, 0);
}

/** The progress figure as a whole percentage, rounded down: 100 only when every record is compared. */
export function progressPercent({ done, total }: { done: number; total: number }): number {
  return total > 0 ? Math.floor((done / total) * 100) : 0;
}

/** Previews being computed by this process, so that views here wait on the one worker rather than ask for another. */
const working = new Map<string, Promise<void>>();

/**
 * Computes the upload's preview unless it is done or being computed (here or by another
 * process); resolves when this process's part is over. `dataset`: the file already
 * checked, to save reading it again. Never rejects: an unexpected failure is logged and
 * leaves the preview pending, for the next view to try again.
 */
export function ensureUploadPreview(sql: Sql, id: string, dataset?: Dataset): Promise<void> {
  const current = working.get(id);
  if (current) return current;
  const job = computePreview(sql, id, dataset)
    .catch((error: unknown) => console.error(`The preview of upload ${id} failed; it is computed again on its next view.`, error))
    .finally(() => working.delete(id));
  working.set(id, job);
  return job;
}

/** At a server's start: previews left pending or cut short (a server killed mid-way) are computed again. */
export async function resumeUploadPreviews(sql: Sql): Promise<void> {
  const rows = await sql<{ id: string }[]>`
    SELECT id FROM dataset_upload WHERE applied_at IS NULL AND preview_status IN ('pending', 'running') ORDER BY created_at`;
  for (const { id } of rows) await ensureUploadPreview(sql, id);
}

/** Thrown at the end of a preview to roll its import back. */
class RollBack extends Error {}

async function computePreview(sql: Sql, id: string, checked?: Dataset): Promise<void> {
  // The preview holds the lock every write of records takes (lockRecords) while it writes
  // its progress and the versions it saw, which must outlive its rolled-back transaction:
  // they go through a second connection, reserved before the lock is taken. Taken from
  // the pool after, it might never come: every other connection of the pool can be a
  // staff save waiting for that same lock (seen in npm test: a preview stuck at 0% while
  // editors saved).
  const side = (await sql.reserve()) as unknown as Sql;
  try {
    await sql.begin(async (tx) => {
      const t = tx as unknown as Sql;
      const [{ claimed }] = await t<{ claimed: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`upload-preview:${id}`}, 0)) AS claimed`;
      // Another worker, in this process or another, holds it: that one writes the preview.
      if (!claimed) return;
      const [upload] = await t<{ content: string; publication: Publication; actor_name: string; preview_status: PreviewStatus; applied_at: Date | null }[]>`
        SELECT content, publication::text AS publication, actor_name, preview_status::text AS preview_status, applied_at FROM dataset_upload WHERE id = ${id}`;
      // Done already (the lock is taken after the result is written), or applied.
      if (!upload || upload.applied_at || upload.preview_status === "ready" || upload.preview_status === "failed") return;

      const file = checked ? { ok: true as const, dataset: checked } : checkDatasetText(upload.content);
      if (!file.ok) {
        await finish(side, id, { problems: file.problems });
        return;
      }
      const dataset = file.dataset;
      const total = recordCount(dataset);
      // Claimed: the run is counted and the uploader sees it start. Written outside this
      // transaction, which is rolled back, so that others see it while it runs.
      await side`
        UPDATE dataset_upload SET preview_status = 'running', preview_runs = preview_runs + 1, preview_started_at = now(), preview_finished_at = NULL,
               preview_done = 0, preview_total = ${total}, preview = NULL, preview_problems = NULL
        WHERE id = ${id}`;

      // No record changes from here until the preview is written: this transaction holds
      // the lock every write of records takes, so the versions kept are the ones compared.
      await lockRecords(t);
      await keepVersions(side, id, dataset);

      const actor: Actor = { userId: null, name: upload.actor_name };
      const summary = emptySummary();
      let done = 0;
      try {
        for (const kind of RECORD_KINDS) {
          if (dataset[kind].length === 0) continue;
          // Each kind refers only to kinds written before it, and to itself.
          const part = (await writeDataset(t, onlyKind(dataset, kind), { actor, publication: upload.publication, uploadId: id })).summary;
          summary[kind] = part[kind];
          done += dataset[kind].length;
          await side`UPDATE dataset_upload SET preview_done = ${done} WHERE id = ${id}`;
        }
      } catch (error) {
        if (!(error instanceof DatasetValidationError)) throw error;
        // One kind's problems stop the run there; the whole file, read once more, lists
        // every problem of every kind (it fails before writing anything).
        await finish(side, id, { problems: await allProblems(t, dataset, error) });
        throw new RollBack();
      }
      await finish(side, id, { preview: await changesOf(t, id, summary), total });
      throw new RollBack();
    });
  } catch (error) {
    if (error instanceof RollBack) return;
    throw error;
  } finally {
    (side as unknown as { release(): void }).release();
  }
}

/** A dataset of one kind of record of `dataset`. */
function onlyKind(dataset: Dataset, kind: RecordKind): Dataset {
  return { ...dataset, ...Object.fromEntries(RECORD_KINDS.map((k) => [k, k === kind ? dataset[k] : []])) };
}

async function allProblems(t: Sql, dataset: Dataset, first: DatasetValidationError): Promise<string[]> {
  try {
    await writeDataset(t, dataset);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) return problems;
    throw error;
  }
  return first.lines;
}

/** The preview's outcome, kept with the upload: what applying would do, or why the file does not apply. */
async function finish(sql: Sql, id: string, outcome: { preview: UploadPreview; total: number } | { problems: string[] }): Promise<void> {
  if ("preview" in outcome) {
    await sql`
      UPDATE dataset_upload SET preview_status = 'ready', preview = ${sql.json(outcome.preview as never)}, preview_done = ${outcome.total},
             summary = ${sql.json(summaryOf(outcome.preview) as never)}, preview_finished_at = now()
      WHERE id = ${id}`;
  } else {
    await sql`
      UPDATE dataset_upload SET preview_status = 'failed', preview_problems = ${sql.json(outcome.problems)}, preview_finished_at = now()
      WHERE id = ${id}`;
  }
}

/**
 * The version of every record of the file now (null where it does not exist), kept with
 * the upload. On the preview's reserved connection, statement by statement: only the
 * preview's one worker writes these rows, and they count only once the preview is
 * "ready", so a worker cut short leaves nothing the next one does not replace.
 */
async function keepVersions(sql: Sql, id: string, dataset: Dataset): Promise<void> {
  await sql`DELETE FROM dataset_upload_record WHERE upload_id = ${id}`;
  for (const kind of RECORD_KINDS) {
    if (dataset[kind].length === 0) continue;
    const { kind: recordKind, table, key, idOf } = TRACKED[kind];
    await sql`
      INSERT INTO dataset_upload_record (upload_id, record_kind, record_id, version)
      SELECT ${id}, ${recordKind}::record_kind, i.id, x.version
      FROM unnest(${dataset[kind].map((r) => idOf(r as unknown as Record<string, unknown>))}::text[]) AS i(id) LEFT JOIN ${sql(table)} x ON x.${sql(key)} = i.id`;
  }
}

/**
 * The records of the upload's file whose version moved since its preview: changed,
 * deleted, or created by someone else. Run under lockRecords, so none moves meanwhile.
 */
export async function changedSincePreview(t: Sql, id: string): Promise<ChangedRecord[]> {
  const kinds = Object.values(TRACKED);
  const current = kinds.map(({ kind, table, key }, n) => t`LEFT JOIN ${t(table)} ${t(`x${n}`)} ON r.record_kind = ${kind}::record_kind AND ${t(`x${n}`)}.${t(key)} = r.record_id`);
  const now = t.unsafe(`coalesce(${kinds.map((_, n) => `x${n}.version`).join(", ")})`);
  const rows = await t<{ record_kind: EditableKind; record_id: string; previewed: number | null; now: number | null }[]>`
    SELECT r.record_kind::text AS record_kind, r.record_id, r.version AS previewed, ${now} AS now
    FROM dataset_upload_record r
    ${current.reduce((joined, join) => t`${joined} ${join}`)}
    WHERE r.upload_id = ${id} AND r.version IS DISTINCT FROM ${now}
    ORDER BY r.record_kind, r.record_id`;
  return rows.map((r) => ({ kind: r.record_kind, id: r.record_id, previewed: r.previewed, now: r.now }));
}

/** A record that moved since the preview, as a sentence. */
export function describeChangedRecord(record: ChangedRecord): string {
  const what = `The ${RECORD_NOUNS[record.kind]} "${record.id}"`;
  if (record.previewed === null) return `${what} was created by someone else since the preview (the preview would have created it).`;
  if (record.now === null) return `${what} no longer exists (it was at version ${record.previewed} in the preview).`;
  return `${what} was changed since the preview: version ${record.previewed} then, version ${record.now} now.`;
}

/** The records an upload created and updated, from the revisions that carry its id (at most PREVIEW_LIST_LIMIT per kind and action). */
export async function changesOf(sql: Sql, uploadId: string, summary: ImportSummary): Promise<UploadPreview> {
  const rows = await sql<{ record_kind: EditableKind; record_id: string; action: string; before: unknown; after: unknown }[]>`
    SELECT record_kind::text AS record_kind, record_id, action::text AS action, before, after FROM (
      SELECT r.*, row_number() OVER (PARTITION BY record_kind, action ORDER BY id) AS n
      FROM revision r WHERE upload_id = ${uploadId}
    ) numbered
    WHERE n <= ${PREVIEW_LIST_LIMIT} ORDER BY id`;
  const preview = Object.fromEntries(
    RECORD_KINDS.map((kind): [RecordKind, KindPreview] => [kind, { created: [], updated: [], counts: { ...summary[kind] } }]),
  ) as UploadPreview;
  for (const row of rows) {
    const plural = RECORD_KINDS.find((k) => TRACKED[k].kind === row.record_kind)!;
    const record: PreviewRecord = {
      kind: row.record_kind,
      id: row.record_id,
      label: labelOf(row.record_kind, row.after) ?? row.record_id,
      fields: row.before === null ? [] : describeChanges(row.record_kind, row.before, row.after).map((c) => c.label),
    };
    (row.before === null ? preview[plural].created : preview[plural].updated).push(record);
  }
  return preview;
}

function summaryOf(preview: UploadPreview): ImportSummary {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, preview[kind].counts])) as ImportSummary;
}

export function emptySummary(): ImportSummary {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }])) as ImportSummary;
}
