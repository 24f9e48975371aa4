// Staff dataset uploads: a docketline/v1 file is checked, kept, previewed and only then
// applied. The file is checked (JSON and the dataset schema) when it arrives; a file with
// problems is not kept. A kept file's preview is computed once, in the background, and
// kept with it (lib/editing/upload-preview.ts, docs/decisions/024); the upload's page
// shows its progress and then the preview. Applying checks that no record the preview
// saw has changed since, then runs the import for real in one transaction, each revision
// pointing at the upload.
import "server-only";

import { randomUUID } from "node:crypto";

import { lockRecords, writeDataset, type ImportSummary } from "@/lib/dataset/import";
import { parseDatasetJson, validateDataset } from "@/lib/dataset/validate";
import { getBulkSql } from "@/lib/db/bulk";
import type { Sql } from "@/lib/db/sql";
import type { Actor, Publication } from "@/lib/editing/types";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "@/lib/editing/upload-limits";
import {
  changedSincePreview,
  changesOf,
  checkDatasetText,
  describeChangedRecord,
  emptySummary,
  ensureUploadPreview,
  problemsOf,
  recordCount,
  type PreviewStatus,
  type UploadPreview,
} from "@/lib/editing/upload-preview";

export { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL };
export { checkDatasetText, PREVIEW_LIST_LIMIT, progressPercent, type KindPreview, type PreviewRecord, type PreviewStatus, type UploadPreview } from "@/lib/editing/upload-preview";

export interface UploadView {
  id: string;
  fileName: string;
  publication: Publication;
  actorName: string;
  createdAt: string;
  appliedAt: string | null;
  /** The preview's state: pending and running until it is computed, then ready or failed. */
  status: PreviewStatus;
  /** Records of the file compared with the database so far, of all of them. */
  progress: { done: number; total: number };
  /** How many times the preview was computed (once, unless a worker died or staff asked again). */
  runs: number;
  /** When the preview was computed. */
  previewedAt: string | null;
  /** Not yet applied: what applying would do, as previewed. Applied: what it did. */
  preview: UploadPreview | null;
  /** The file does not apply (say, a record it refers to does not exist). */
  problems: string[];
}

export interface UploadListItem {
  id: string;
  fileName: string;
  actorName: string;
  createdAt: string;
  appliedAt: string | null;
  summary: ImportSummary | null;
  status: PreviewStatus;
  progress: { done: number; total: number };
}

/** How long an answer that started a preview waits for it before showing its progress instead: a small file's preview is ready by then. */
const PREVIEW_WAIT_MS = 1500;

/** Waits for a preview at most PREVIEW_WAIT_MS; it goes on in the background after that. */
export async function awaitPreviewBriefly(previewing: Promise<void>): Promise<void> {
  await Promise.race([previewing, new Promise((resolve) => setTimeout(resolve, PREVIEW_WAIT_MS))]);
}

export type UploadResult = { ok: true; id: string; previewing: Promise<void> } | { ok: false; problems: string[] };

export type ApplyResult =
  | { ok: true; id: string; summary: ImportSummary }
  | { ok: false; reason: "not-found" | "already-applied" | "not-previewed" | "conflict" | "invalid"; message: string; problems?: string[] };

/**
 * Checks a file and, when it parses and validates, keeps it as an upload and starts its
 * preview in the background (`previewing` settles when it is done). Writes no record: a
 * file with problems is not kept at all.
 */
export async function storeUpload(
  input: { fileName: string; content: string; publication: Publication; actor: Actor },
  sql: Sql = getBulkSql(),
): Promise<UploadResult> {
  if (!input.actor.userId) throw new Error("An upload is made by a signed-in staff user.");
  const checked = checkDatasetText(input.content);
  if (!checked.ok) return checked;
  const id = randomUUID();
  await sql`
    INSERT INTO dataset_upload (id, file_name, content, publication, actor_id, actor_name, preview_total)
    VALUES (${id}, ${input.fileName}, ${input.content}, ${input.publication}, ${input.actor.userId}, ${input.actor.name}, ${recordCount(checked.dataset)})`;
  return { ok: true, id, previewing: ensureUploadPreview(sql, id, checked.dataset) };
}

type UploadRow = {
  file_name: string;
  publication: Publication;
  actor_name: string;
  created_at: Date;
  applied_at: Date | null;
  summary: ImportSummary | null;
  preview_status: PreviewStatus;
  preview: UploadPreview | null;
  preview_problems: string[] | null;
  preview_done: number;
  preview_total: number;
  preview_runs: number;
  preview_finished_at: Date | null;
};

/**
 * An upload as its page shows it: its preview as computed (or its progress), or, once
 * applied, what it changed. Viewing an upload whose preview is not done makes sure a
 * worker computes it (one whose server was stopped mid-way is redone); never a second.
 */
export async function getUpload(id: string, sql: Sql = getBulkSql()): Promise<UploadView | null> {
  if (!isUploadId(id)) return null;
  const [upload] = await sql<UploadRow[]>`
    SELECT file_name, publication::text AS publication, actor_name, created_at, applied_at, summary, preview_status::text AS preview_status,
           preview, preview_problems, preview_done, preview_total, preview_runs, preview_finished_at
    FROM dataset_upload WHERE id = ${id}`;
  if (!upload) return null;
  const view = {
    id,
    fileName: upload.file_name,
    publication: upload.publication,
    actorName: upload.actor_name,
    createdAt: upload.created_at.toISOString(),
    appliedAt: upload.applied_at?.toISOString() ?? null,
    status: upload.preview_status,
    progress: { done: upload.preview_done, total: upload.preview_total },
    runs: upload.preview_runs,
    previewedAt: upload.preview_finished_at?.toISOString() ?? null,
  };
  if (upload.applied_at) return { ...view, preview: await changesOf(sql, id, upload.summary ?? emptySummary()), problems: [] };
  if (upload.preview_status === "pending" || upload.preview_status === "running") void ensureUploadPreview(sql, id);
  return { ...view, preview: upload.preview_status === "ready" ? upload.preview : null, problems: upload.preview_problems ?? [] };
}

/** Computes the preview again (after a refusal because records changed since): back to pending, and started. */
export async function previewUploadAgain(id: string, sql: Sql = getBulkSql()): Promise<{ ok: boolean; previewing: Promise<void> }> {
  if (!isUploadId(id)) return { ok: false, previewing: Promise.resolve() };
  const rows = await sql`
    UPDATE dataset_upload SET preview_status = 'pending', preview_done = 0
    WHERE id = ${id} AND applied_at IS NULL AND preview_status IN ('ready', 'failed') RETURNING id`;
  return { ok: rows.length > 0, previewing: ensureUploadPreview(sql, id) };
}

/**
 * Applies an upload once, in one transaction, as `actor`; its revisions carry the
 * upload's id. Refused until its preview is ready, and when a record the preview saw
 * has changed since (naming each): the preview would no longer say what applying does.
 */
export async function applyUpload(id: string, actor: Actor, sql: Sql = getBulkSql()): Promise<ApplyResult> {
  if (!isUploadId(id)) return { ok: false, reason: "not-found", message: "There is no such upload." };
  try {
    const result = (await sql.begin(async (tx) => {
      const t = tx as unknown as Sql;
      // Locked: a second "Apply" waits for the first and then sees it applied.
      const [upload] = await t<{ content: string; publication: Publication; applied_at: Date | null; preview_status: PreviewStatus; preview_problems: string[] | null }[]>`
        SELECT content, publication::text AS publication, applied_at, preview_status::text AS preview_status, preview_problems
        FROM dataset_upload WHERE id = ${id} FOR UPDATE`;
      if (!upload) return { ok: false, reason: "not-found", message: "There is no such upload." } as const;
      if (upload.applied_at) {
        return { ok: false, reason: "already-applied", message: `This upload was already applied, on ${upload.applied_at.toISOString().slice(0, 10)}: it is applied only once.` } as const;
      }
      if (upload.preview_status === "failed") {
        return { ok: false, reason: "invalid", message: "The file does not apply: nothing was written.", problems: upload.preview_problems ?? [] } as const;
      }
      if (upload.preview_status !== "ready") {
        return { ok: false, reason: "not-previewed", message: "The preview is still being prepared: apply the upload once you have seen it." } as const;
      }
      // Only what changed since the preview is checked; nothing can change while this transaction holds the lock.
      await lockRecords(t);
      const changed = await changedSincePreview(t, id);
      if (changed.length > 0) {
        return {
          ok: false,
          reason: "conflict",
          message: `${changed.length === 1 ? "A record" : `${changed.length} records`} of the file changed since the preview, so it no longer shows what applying would do: nothing was written. Preview the upload again to see what it would do now.`,
          problems: changed.map(describeChangedRecord),
        } as const;
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
  const rows = await sql<
    { id: string; file_name: string; actor_name: string; created_at: Date; applied_at: Date | null; summary: ImportSummary | null; preview_status: PreviewStatus; preview_done: number; preview_total: number }[]
  >`
    SELECT id, file_name, actor_name, created_at, applied_at, summary, preview_status::text AS preview_status, preview_done, preview_total
    FROM dataset_upload ORDER BY created_at DESC, id LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    actorName: r.actor_name,
    createdAt: r.created_at.toISOString(),
    appliedAt: r.applied_at?.toISOString() ?? null,
    summary: r.summary,
    status: r.preview_status,
    progress: { done: r.preview_done, total: r.preview_total },
  }));
}

function isUploadId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
}

