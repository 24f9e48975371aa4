// Staff dataset uploads: a docketline/v1 file is checked, kept, previewed and only then
// applied. The preview is the real import run inside a transaction that is rolled back,
// so it finds exactly what applying would (every validation and reference problem, and
// what would be created, updated or left unchanged) and writes nothing. Applying runs
// the same import for real in one transaction, each revision pointing at the upload.
import "server-only";

import { randomUUID } from "node:crypto";

import { RECORD_KINDS, writeDataset, type ImportSummary, type RecordKind } from "@/lib/dataset/import";
import { DatasetValidationError } from "@/lib/dataset/problems";
import type { Dataset } from "@/lib/dataset/schema";
import { DatasetSyntaxError, parseDatasetJson, validateDataset } from "@/lib/dataset/validate";
import { getBulkSql } from "@/lib/db/bulk";
import type { Sql } from "@/lib/db/sql";
import { describeChanges, labelOf } from "@/lib/editing/changes";
import type { Actor, EditableKind, Publication } from "@/lib/editing/types";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "@/lib/editing/upload-limits";

export { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL };

/** How many created or updated records of each kind a preview names; the rest are counted. */
export const PREVIEW_LIST_LIMIT = 200;

const KIND_OF: Record<RecordKind, EditableKind> = {
  courts: "court",
  officials: "official",
  issueAreas: "issue-area",
  policies: "policy",
  lawsuits: "lawsuit",
  filings: "filing",
  coding: "lawsuit-coding",
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

export interface UploadView {
  id: string;
  fileName: string;
  publication: Publication;
  actorName: string;
  createdAt: string;
  appliedAt: string | null;
  /** Not yet applied: what applying would do now. Applied: what it did. */
  preview: UploadPreview | null;
  /** Not yet applied, and the file no longer applies (say, a record it refers to was deleted since). */
  problems: string[];
}

export interface UploadListItem {
  id: string;
  fileName: string;
  actorName: string;
  createdAt: string;
  appliedAt: string | null;
  summary: ImportSummary | null;
}

export type UploadResult = { ok: true; id: string; preview: UploadPreview } | { ok: false; problems: string[] };

export type ApplyResult =
  | { ok: true; id: string; summary: ImportSummary }
  | { ok: false; reason: "not-found" | "already-applied" | "invalid"; message: string; problems?: string[] };

/** Thrown at the end of a dry run to roll it back, carrying what it found. */
class DryRunRollback extends Error {
  constructor(readonly preview: UploadPreview) {
    super("dry run rolled back");
  }
}

/** Every problem of a file as sentences: malformed JSON with its line and column, or each invalid field. */
function problemsOf(error: unknown): string[] | null {
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

/**
 * Checks a file and, when it would import, keeps it as an upload to preview and apply.
 * Writes no record: a file with problems is not kept at all.
 */
export async function previewUpload(
  input: { fileName: string; content: string; publication: Publication; actor: Actor },
  sql: Sql = getBulkSql(),
): Promise<UploadResult> {
  if (!input.actor.userId) throw new Error("An upload is made by a signed-in staff user.");
  const checked = checkDatasetText(input.content);
  if (!checked.ok) return checked;
  const id = randomUUID();
  const preview = await dryRun(sql, checked.dataset, { id, publication: input.publication, actor: input.actor });
  if (!preview.ok) return preview;
  await sql`
    INSERT INTO dataset_upload (id, file_name, content, publication, summary, actor_id, actor_name)
    VALUES (${id}, ${input.fileName}, ${input.content}, ${input.publication}, ${sql.json(summaryOf(preview.preview) as never)},
            ${input.actor.userId}, ${input.actor.name})`;
  return { ok: true, id, preview: preview.preview };
}

/** An upload as its page shows it: not yet applied, with a fresh preview; applied, with what it changed. */
export async function getUpload(id: string, sql: Sql = getBulkSql()): Promise<UploadView | null> {
  if (!isUploadId(id)) return null;
  const [upload] = await sql<{ file_name: string; content: string; publication: Publication; actor_name: string; created_at: Date; applied_at: Date | null; summary: ImportSummary | null }[]>`
    SELECT file_name, content, publication::text AS publication, actor_name, created_at, applied_at, summary
    FROM dataset_upload WHERE id = ${id}`;
  if (!upload) return null;
  const view = {
    id,
    fileName: upload.file_name,
    publication: upload.publication,
    actorName: upload.actor_name,
    createdAt: upload.created_at.toISOString(),
    appliedAt: upload.applied_at?.toISOString() ?? null,
  };
  if (upload.applied_at) {
    return { ...view, preview: await changesOf(sql, id, upload.summary ?? emptySummary()), problems: [] };
  }
  // The database may have changed since the upload: preview against what is there now.
  const checked = checkDatasetText(upload.content);
  if (!checked.ok) return { ...view, preview: null, problems: checked.problems };
  const preview = await dryRun(sql, checked.dataset, { id, publication: upload.publication, actor: { userId: null, name: upload.actor_name } });
  return preview.ok ? { ...view, preview: preview.preview, problems: [] } : { ...view, preview: null, problems: preview.problems };
}

/** Applies an upload once, in one transaction, as `actor`; its revisions carry the upload's id. */
export async function applyUpload(id: string, actor: Actor, sql: Sql = getBulkSql()): Promise<ApplyResult> {
  if (!isUploadId(id)) return { ok: false, reason: "not-found", message: "There is no such upload." };
  try {
    const result = (await sql.begin(async (tx) => {
      const t = tx as unknown as Sql;
      // Locked: a second "Apply" waits for the first and then sees it applied.
      const [upload] = await t<{ content: string; publication: Publication; applied_at: Date | null }[]>`
        SELECT content, publication::text AS publication, applied_at FROM dataset_upload WHERE id = ${id} FOR UPDATE`;
      if (!upload) return { ok: false, reason: "not-found", message: "There is no such upload." } as const;
      if (upload.applied_at) {
        return { ok: false, reason: "already-applied", message: `This upload was already applied, on ${upload.applied_at.toISOString().slice(0, 10)}: it is applied only once.` } as const;
      }
      const dataset = validateDataset(parseDatasetJson(upload.content));
      const { summary } = await writeDataset(t, dataset, { actor, publication: upload.publication, uploadId: id });
      await t`UPDATE dataset_upload SET applied_at = now(), summary = ${t.json(summary as never)} WHERE id = ${id}`;
      return { ok: true, id, summary } as const;
    })) as ApplyResult;
    return result;
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) return { ok: false, reason: "invalid", message: "The file no longer applies: nothing was written.", problems };
    throw error;
  }
}

/** The latest uploads, newest first. */
export async function listRecentUploads(limit = 10, sql: Sql = getBulkSql()): Promise<UploadListItem[]> {
  const rows = await sql<{ id: string; file_name: string; actor_name: string; created_at: Date; applied_at: Date | null; summary: ImportSummary | null }[]>`
    SELECT id, file_name, actor_name, created_at, applied_at, summary FROM dataset_upload ORDER BY created_at DESC, id LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    actorName: r.actor_name,
    createdAt: r.created_at.toISOString(),
    appliedAt: r.applied_at?.toISOString() ?? null,
    summary: r.summary,
  }));
}

function isUploadId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
}

/** Runs the import as the upload would, reads back the revisions it made, and rolls everything back. */
async function dryRun(
  sql: Sql,
  dataset: Dataset,
  upload: { id: string; publication: Publication; actor: Actor },
): Promise<{ ok: true; preview: UploadPreview } | { ok: false; problems: string[] }> {
  try {
    await sql.begin(async (tx) => {
      const t = tx as unknown as Sql;
      const { summary } = await writeDataset(t, dataset, { actor: upload.actor, publication: upload.publication, uploadId: upload.id });
      throw new DryRunRollback(await changesOf(t, upload.id, summary));
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return { ok: true, preview: error.preview };
    const problems = problemsOf(error);
    if (problems) return { ok: false, problems };
    throw error;
  }
  throw new Error("A dry run must roll back.");
}

/** The records an upload created and updated, from the revisions that carry its id (at most PREVIEW_LIST_LIMIT per kind and action). */
async function changesOf(sql: Sql, uploadId: string, summary: ImportSummary): Promise<UploadPreview> {
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
    const plural = RECORD_KINDS.find((k) => KIND_OF[k] === row.record_kind)!;
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

function emptySummary(): ImportSummary {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }])) as ImportSummary;
}
