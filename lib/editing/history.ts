// The history of a record as people read it (a lawsuit, a filing, a lawsuit's research
// coding, a policy, an issue area): one entry per revision, who and when, and each
// changed field described by lib/editing/changes.ts.
// The public sees a public lawsuit's or filing's history from its first publication on
// (what was edited while it was a draft was never public), and a lawsuit's coding while
// and as the lawsuit is public: from the lawsuit's first publication on. Policies and
// issue areas are reference data, public whatever lawsuit cites them (the public export
// carries them all): their whole history. Staff see all of it. The public reads no
// reference to a filing or lawsuit it cannot see (lib/editing/hidden-references.ts).
import "server-only";

import { z } from "zod";

import type { Sql } from "@/lib/db/sql";
import { getBulkSql } from "@/lib/db/bulk";
import { describeChanges, inFieldOrder, labelOf, stableJson, type ChangeView } from "@/lib/editing/changes";
import { withoutHiddenReferences } from "@/lib/editing/hidden-references";
import type { HistoryKind } from "@/lib/editing/paths";
import type { Publication, RevisionAction } from "@/lib/editing/types";

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
  kind: HistoryKind;
  id: string;
  /** The filing's title, the lawsuit's short name (also for its coding), the policy's name, the issue area's label. */
  label: string;
  /**
   * The record as it is now; null when it was purged or removed (staff only see that).
   * `publication`: a lawsuit's or filing's, null for the other kinds; `isPublic`, for a
   * coding, whether its lawsuit is public.
   */
  current: { version: number; publication: Publication | null; deletedAt: string | null; isPublic: boolean } | null;
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

interface RecordRow {
  version: number;
  publication: Publication | null;
  deleted_at: Date | null;
  is_public: boolean;
  label: string;
}

/** The record as it is now, by kind; SQL written here only, never from input. */
function readRecord(sql: Sql, kind: HistoryKind, id: string) {
  switch (kind) {
    case "lawsuit":
      return sql<RecordRow[]>`SELECT version, publication::text AS publication, deleted_at, is_public, case_name_short AS label FROM lawsuit WHERE id = ${id}`;
    case "filing":
      return sql<RecordRow[]>`SELECT version, publication::text AS publication, deleted_at, is_public, title AS label FROM filing WHERE id = ${id}`;
    case "lawsuit-coding":
      return sql<RecordRow[]>`
        SELECT c.version, NULL AS publication, NULL::timestamptz AS deleted_at, l.is_public, 'Research coding of ' || l.case_name_short AS label
          FROM lawsuit_coding c JOIN lawsuit l ON l.id = c.lawsuit_id WHERE c.lawsuit_id = ${id}`;
    case "policy":
      return sql<RecordRow[]>`SELECT version, NULL AS publication, NULL::timestamptz AS deleted_at, true AS is_public, name AS label FROM policy WHERE id = ${id}`;
    case "issue-area":
      return sql<RecordRow[]>`SELECT version, NULL AS publication, NULL::timestamptz AS deleted_at, true AS is_public, label FROM issue_area WHERE slug = ${id}`;
  }
}

/**
 * Where the public's view of a history starts: a lawsuit's or filing's first publication,
 * a coding's lawsuit's; reference data, at its first revision (null: no bound).
 */
function publicFrom(sql: Sql, kind: HistoryKind, id: string) {
  if (kind === "policy" || kind === "issue-area") return null;
  const published = kind === "lawsuit-coding" ? "lawsuit" : kind;
  return sql`(SELECT min(p.id) FROM revision p WHERE p.record_kind = ${published} AND p.record_id = ${id} AND p.publication = 'published')`;
}

/**
 * A record's history for a viewer: the public (null when the record is not public;
 * revisions from its first publication on, as the header says) or staff (everything,
 * drafts and deleted records included, and which revisions may be reverted to).
 */
export async function getRecordHistory(
  kind: HistoryKind,
  id: string,
  viewer: { staff: boolean },
  sql: Sql = getBulkSql(),
): Promise<RecordHistory | null> {
  const firstPublished = publicFrom(sql, kind, id);
  const bounded = !viewer.staff && firstPublished !== null;
  const [[record], rows, [{ total }]] = await Promise.all([
    readRecord(sql, kind, id),
    sql<RevisionRow[]>`
      SELECT r.id::text AS id, r.version, r.action::text AS action, r.publication::text AS publication, r.actor_name, r.upload_id,
             r.before, r.after, r.created_at, r.reverted_from_id::text AS reverted_from_id,
             src.created_at AS reverted_from_at, src.version AS reverted_from_version, src.actor_name AS reverted_from_actor
      FROM revision r LEFT JOIN revision src ON src.id = r.reverted_from_id
      WHERE r.record_kind = ${kind} AND r.record_id = ${id} ${bounded ? sql`AND r.id >= ${firstPublished}` : sql``}
      ORDER BY r.id DESC LIMIT ${HISTORY_PAGE_SIZE}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total FROM revision
      WHERE record_kind = ${kind} AND record_id = ${id} ${bounded ? sql`AND id >= ${firstPublished}` : sql``}`,
  ]);

  if (!viewer.staff && !record?.is_public) return null;
  if (!record && rows.length === 0) return null;

  const latest = rows[0];
  const live = !!record && record.deleted_at === null;
  const currentContent = latest ? stableJson(inFieldOrder(kind, latest.after)) : null;
  // Each revision's before and after, in turn; the public reads no reference to a draft.
  const stored = rows.flatMap((row) => [row.before, row.after]);
  const readable = viewer.staff ? stored : await withoutHiddenReferences(sql, kind, stored);
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
    changes: describeChanges(kind, readable[2 * index], readable[2 * index + 1]),
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
    fromFirstPublication: bounded,
  };
}

