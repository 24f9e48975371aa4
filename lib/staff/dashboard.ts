// What the staff dashboard (/staff) shows: the latest changes across records, drafts
// awaiting publication, recently deleted records and records that need attention. Each
// section is one statement with its count, whatever the size of the database.
import "server-only";

import { z } from "zod";

import { getBulkSql } from "@/lib/db/bulk";
import type { Sql } from "@/lib/db/sql";
import { describeChanges, labelOf } from "@/lib/editing/changes";
import { RESTORE_WINDOW_DAYS } from "@/lib/editing/records";
import type { EditableKind, Publication, PublishableKind, RevisionAction } from "@/lib/editing/types";

export const DASHBOARD_SECTIONS = ["changes", "drafts", "deleted", "attention"] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** Rows per section at first, and when one section is shown whole ("show all"). */
export const DASHBOARD_ROWS = 10;
export const DASHBOARD_ALL_ROWS = 500;

/** "Recent changes" counts the changes of this many days. */
export const RECENT_DAYS = 7;

export const DashboardParamsSchema = z.object({
  show: z.enum(DASHBOARD_SECTIONS).optional().catch(undefined),
});

export interface DashboardChange {
  revisionId: string;
  kind: EditableKind;
  id: string;
  label: string;
  action: RevisionAction;
  actorName: string;
  at: string;
  /** For an update or revert, the labels of the fields it changed. */
  fields: string[];
  uploadId: string | null;
}

export interface DashboardRecord {
  kind: PublishableKind;
  id: string;
  label: string;
  updatedAt: string;
}

export interface DeletedRecord extends DashboardRecord {
  deletedAt: string;
  /** Until when it can be restored; afterwards it is purged. */
  restorableUntil: string;
}

export type AttentionReason =
  | { type: "no-source" }
  | { type: "unknown-outcome"; count: number }
  | { type: "stale-pending"; count: number }
  | { type: "no-lead" };
export type AttentionType = AttentionReason["type"];

export interface AttentionRecord extends DashboardRecord {
  publication: Publication;
  reasons: AttentionReason[];
}

export interface Section<T> {
  /** Every row there is; `rows` holds the first few. */
  total: number;
  rows: T[];
}

export interface StaffDashboard {
  changes: Section<DashboardChange> & { recentDays: number };
  drafts: Section<DashboardRecord>;
  deleted: Section<DeletedRecord>;
  attention: Section<AttentionRecord> & { counts: Record<AttentionType, number> };
}

/** The dashboard, one section shown whole when `show` names it. */
export async function getStaffDashboard(options: { show?: DashboardSection } = {}, sql: Sql = getBulkSql()): Promise<StaffDashboard> {
  const limit = (section: DashboardSection) => (options.show === section ? DASHBOARD_ALL_ROWS : DASHBOARD_ROWS);
  const [changes, [{ recent }], drafts, deleted, attention] = await Promise.all([
    sql<{ id: string; kind: EditableKind; record_id: string; action: RevisionAction; actor_name: string; created_at: Date; upload_id: string | null; before: unknown; after: unknown }[]>`
      SELECT r.id::text AS id, r.record_kind::text AS kind, r.record_id, r.action::text AS action, r.actor_name, r.created_at, r.upload_id, r.before, r.after
      FROM revision r ORDER BY r.id DESC LIMIT ${limit("changes")}`,
    sql<{ recent: number }[]>`
      SELECT count(*)::int AS recent FROM revision WHERE created_at > now() - make_interval(days => ${RECENT_DAYS})`,
    sql<{ kind: PublishableKind; id: string; label: string; updated_at: Date; total: number }[]>`
      SELECT kind, id, label, updated_at, count(*) OVER ()::int AS total FROM (
        SELECT 'lawsuit' AS kind, id, case_name_short AS label, updated_at FROM lawsuit WHERE publication = 'draft' AND deleted_at IS NULL
        UNION ALL
        SELECT 'filing', id, title, updated_at FROM filing WHERE publication = 'draft' AND deleted_at IS NULL
      ) drafts ORDER BY updated_at DESC, kind, id LIMIT ${limit("drafts")}`,
    sql<{ kind: PublishableKind; id: string; label: string; updated_at: Date; deleted_at: Date; total: number }[]>`
      SELECT kind, id, label, updated_at, deleted_at, count(*) OVER ()::int AS total FROM (
        SELECT 'lawsuit' AS kind, id, case_name_short AS label, updated_at, deleted_at FROM lawsuit WHERE deleted_at IS NOT NULL
        UNION ALL
        SELECT 'filing', id, title, updated_at, deleted_at FROM filing WHERE deleted_at IS NOT NULL
      ) deleted ORDER BY deleted_at DESC, kind, id LIMIT ${limit("deleted")}`,
    sql<{ kind: PublishableKind; id: string; label: string; publication: Publication; updated_at: Date; reasons: AttentionReason[]; total: number; counts: Record<string, number> | null }[]>`
      WITH issue AS (
        SELECT 'filing' AS kind, f.id, 'no-source' AS reason, 0 AS n FROM filing f
        WHERE f.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM source s WHERE s.filing_id = f.id)
        UNION ALL
        SELECT 'lawsuit', l.id, 'no-source', 0 FROM lawsuit l
        WHERE l.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM source s WHERE s.lawsuit_id = l.id)
        UNION ALL
        SELECT 'filing', f.id, 'unknown-outcome', count(*)::int FROM filing f JOIN demand d ON d.filing_id = f.id
        WHERE f.deleted_at IS NULL AND d.outcome = 'unknown' GROUP BY f.id
        UNION ALL
        -- Pending more than a year after the filing: the end of its known period, so that
        -- a filing dated only "2025" is not called a year old in January 2026.
        SELECT 'filing', f.id, 'stale-pending', count(*)::int FROM filing f JOIN demand d ON d.filing_id = f.id
        WHERE f.deleted_at IS NULL AND d.outcome = 'pending'
          AND f.date_filed + CASE f.date_filed_precision WHEN 'year' THEN interval '1 year' WHEN 'month' THEN interval '1 month' ELSE interval '1 day' END
              <= current_date - interval '1 year'
        GROUP BY f.id
        UNION ALL
        -- Co-leads lead too: only a coalition with nobody leading is flagged.
        SELECT 'filing', f.id, 'no-lead', 0 FROM filing f
        WHERE f.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM filing_state fs WHERE fs.filing_id = f.id)
          AND NOT EXISTS (SELECT 1 FROM filing_state fs WHERE fs.filing_id = f.id AND fs.role IN ('lead', 'co-lead'))
      ),
      flagged AS (
        SELECT kind, id, json_agg(json_build_object('type', reason, 'count', n) ORDER BY reason) AS reasons FROM issue GROUP BY kind, id
      ),
      counted AS (SELECT json_object_agg(reason, n) AS counts FROM (SELECT reason, count(*)::int AS n FROM issue GROUP BY reason) c)
      SELECT fl.kind, fl.id, fl.reasons, coalesce(f.title, l.case_name_short) AS label,
             coalesce(f.publication, l.publication)::text AS publication, coalesce(f.updated_at, l.updated_at) AS updated_at,
             count(*) OVER ()::int AS total, (SELECT counts FROM counted) AS counts
      FROM flagged fl
      LEFT JOIN filing f ON fl.kind = 'filing' AND f.id = fl.id
      LEFT JOIN lawsuit l ON fl.kind = 'lawsuit' AND l.id = fl.id
      ORDER BY updated_at DESC, fl.kind, fl.id LIMIT ${limit("attention")}`,
  ]);

  const restorableUntil = (deletedAt: Date) => new Date(deletedAt.getTime() + RESTORE_WINDOW_DAYS * 86_400_000).toISOString();
  const counts = attention[0]?.counts ?? {};

  return {
    changes: {
      total: recent,
      recentDays: RECENT_DAYS,
      rows: changes.map((r) => ({
        revisionId: r.id,
        kind: r.kind,
        id: r.record_id,
        label: labelOf(r.kind, r.after) ?? r.record_id,
        action: r.action,
        actorName: r.actor_name,
        at: r.created_at.toISOString(),
        // A lifecycle change stores the same record before and after: no fields.
        fields: r.before === null ? [] : describeChanges(r.kind, r.before, r.after).map((c) => c.label),
        uploadId: r.upload_id,
      })),
    },
    drafts: {
      total: drafts[0]?.total ?? 0,
      rows: drafts.map((r) => ({ kind: r.kind, id: r.id, label: r.label, updatedAt: r.updated_at.toISOString() })),
    },
    deleted: {
      total: deleted[0]?.total ?? 0,
      rows: deleted.map((r) => ({
        kind: r.kind,
        id: r.id,
        label: r.label,
        updatedAt: r.updated_at.toISOString(),
        deletedAt: r.deleted_at.toISOString(),
        restorableUntil: restorableUntil(r.deleted_at),
      })),
    },
    attention: {
      total: attention[0]?.total ?? 0,
      counts: {
        "no-source": counts["no-source"] ?? 0,
        "unknown-outcome": counts["unknown-outcome"] ?? 0,
        "stale-pending": counts["stale-pending"] ?? 0,
        "no-lead": counts["no-lead"] ?? 0,
      },
      rows: attention.map((r) => ({
        kind: r.kind,
        id: r.id,
        label: r.label,
        publication: r.publication,
        updatedAt: r.updated_at.toISOString(),
        reasons: r.reasons,
      })),
    },
  };
}
