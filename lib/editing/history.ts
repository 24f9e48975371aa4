// The history of a lawsuit or filing as people read it: one entry per revision, who and
// when, and each changed field described by lib/editing/changes.ts.
// The public sees a public record's history from its first publication on (what was
// edited while it was a draft was never public); staff see all of it.
import "server-only";

import { z } from "zod";

import type { Sql } from "@/lib/db/sql";
import { getBulkSql } from "@/lib/db/bulk";
import { describeChanges, inFieldOrder, labelOf, stableJson, type ChangeView } from "@/lib/editing/changes";
import type { Publication, PublishableKind, RevisionAction } from "@/lib/editing/types";

/** The newest revisions a history page lists; older ones are summarised by a count. */
export const HISTORY_PAGE_SIZE = 200;

/** A history page's query: `reverted` names the revision a revert just restored, to say it worked. */
export const HistoryParamsSchema = z.object({
  reverted: z.string().regex(/^\d{1,18}$/).optional().catch(undefined),
});

export interface RevisionView {
  id: string;
  version: number;
  action: RevisionAction;
  actorName: string;
  /** ISO timestamp. */
  at: string;
  /** The record's publication after this change (lawsuits and filings). */
  publication: Publication | null;
  uploadId: string | null;
  /** For a revert: the revision whose content was restored. */
  revertedFrom: { id: string; at: string; version: number; actorName: string } | null;
  changes: ChangeView[];
  /** Whether staff may restore this revision's content (an earlier, different version of a live record). */
  revertible: boolean;
}

export interface RecordHistory {
  kind: PublishableKind;
  id: string;
  /** The filing's title or the lawsuit's short name. */
  label: string;
  /** The record as it is now; null when it was purged (staff only see that). */
  current: { version: number; publication: Publication; deletedAt: string | null; isPublic: boolean } | null;
  /** Newest first. */
  revisions: RevisionView[];
  /** How many older revisions were left out of `revisions` (beyond HISTORY_PAGE_SIZE). */
  olderCount: number;
  /** The public view starts at the first publication. */
  fromFirstPublication: boolean;
}
interface RevisionRow {
  id: string;
  version: number;
  action: RevisionAction;
  publication: Publication | null;
  actor_name: string;
  upload_id: string | null;
  before: unknown;
  after: unknown;
  created_at: Date;
  reverted_from_id: string | null;
  reverted_from_at: Date | null;
  reverted_from_version: number | null;
  reverted_from_actor: string | null;
}

// Table names come from this fixed map only, never from input.
const TABLE = { lawsuit: "lawsuit", filing: "filing" } as const;

interface RecordRow {
  version: number;
  publication: Publication;
  deleted_at: Date | null;
  is_public: boolean;
  label: string;
}

/**
 * A lawsuit's or filing's history for a viewer: the public (null when the record is
 * not public; revisions from its first publication on) or staff (everything, drafts
 * and deleted records included, and which revisions may be reverted to).
 */
export async function getRecordHistory(
  kind: PublishableKind,
  id: string,
  viewer: { staff: boolean },
  sql: Sql = getBulkSql(),
): Promise<RecordHistory | null> {
  const label = kind === "filing" ? sql`title` : sql`case_name_short`;
  const firstPublished = sql`(SELECT min(p.id) FROM revision p WHERE p.record_kind = ${kind} AND p.record_id = ${id} AND p.publication = 'published')`;
  const [[record], rows, [{ total }]] = await Promise.all([
    sql<RecordRow[]>`
      SELECT version, publication::text AS publication, deleted_at, is_public, ${label} AS label
      FROM ${sql(TABLE[kind])} WHERE id = ${id}`,
    sql<RevisionRow[]>`
      SELECT r.id::text AS id, r.version, r.action::text AS action, r.publication::text AS publication, r.actor_name, r.upload_id,
             r.before, r.after, r.created_at, r.reverted_from_id::text AS reverted_from_id,
             src.created_at AS reverted_from_at, src.version AS reverted_from_version, src.actor_name AS reverted_from_actor
      FROM revision r LEFT JOIN revision src ON src.id = r.reverted_from_id
      WHERE r.record_kind = ${kind} AND r.record_id = ${id} ${viewer.staff ? sql`` : sql`AND r.id >= ${firstPublished}`}
      ORDER BY r.id DESC LIMIT ${HISTORY_PAGE_SIZE}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total FROM revision
      WHERE record_kind = ${kind} AND record_id = ${id} ${viewer.staff ? sql`` : sql`AND id >= ${firstPublished}`}`,
  ]);

  if (!viewer.staff && !record?.is_public) return null;
  if (!record && rows.length === 0) return null;

  const latest = rows[0];
  const live = !!record && record.deleted_at === null;
  const currentContent = latest ? stableJson(inFieldOrder(kind, latest.after)) : null;
  const revisions = rows.map((row, index): RevisionView => ({
    id: row.id,
    version: row.version,
    action: row.action,
    actorName: row.actor_name,
    at: row.created_at.toISOString(),
    publication: row.publication,
    uploadId: row.upload_id,
    revertedFrom:
      row.reverted_from_id && row.reverted_from_at
        ? { id: row.reverted_from_id, at: row.reverted_from_at.toISOString(), version: row.reverted_from_version!, actorName: row.reverted_from_actor! }
        : null,
    changes: describeChanges(kind, row.before, row.after),
    // Reverting to what the record already holds would change nothing.
    revertible: viewer.staff && live && index > 0 && stableJson(inFieldOrder(kind, row.after)) !== currentContent,
  }));

  return {
    kind,
    id,
    label: record?.label ?? labelOf(kind, latest?.after) ?? id,
    current: record
      ? { version: record.version, publication: record.publication, deletedAt: record.deleted_at?.toISOString() ?? null, isPublic: record.is_public }
      : null,
    revisions,
    olderCount: Math.max(0, total - rows.length),
    fromFirstPublication: !viewer.staff,
  };
}

