// Staff editing of one record at a time: conflict-safe saves, the draft → published
// lifecycle, soft deletion and reverts. Content is written by the importer
// (lib/dataset/import.ts writeDataset), so a form and a file are validated, written and
// recorded in history the same way; this module adds the version check in front.
import "server-only";

import { readCodingRecords } from "@/lib/coding/read";
import {
  DATASET_FORMAT,
  CourtSchema,
  FilingSchema,
  LawsuitCodingSchema,
  IssueAreaSchema,
  LawsuitSchema,
  OfficialSchema,
  PolicySchema,
  type Dataset,
} from "@/lib/dataset/schema";
import { DatasetValidationError, problemsFromZod } from "@/lib/dataset/problems";
import { readRecords, type CanonicalRecord } from "@/lib/dataset/read";
import { lockRecords, writeDataset, type WriteOptions } from "@/lib/dataset/import";
import type { Sql } from "@/lib/db/sql";
import { getBulkSql } from "@/lib/db/bulk";
import { diffRecords } from "@/lib/editing/diff";
import {
  RECORD_NOUNS,
  type Actor,
  type ConflictDetails,
  type EditableKind,
  type EditableRecord,
  type Publication,
  type PublishableKind,
  type RecordProblem,
  type RevisionAction,
  type SaveResult,
} from "@/lib/editing/types";

/** How long a soft-deleted record can be restored. */
export const RESTORE_WINDOW_DAYS = 30;

const SCHEMAS = {
  court: CourtSchema,
  official: OfficialSchema,
  lawsuit: LawsuitSchema,
  filing: FilingSchema,
  policy: PolicySchema,
  "lawsuit-coding": LawsuitCodingSchema,
  "issue-area": IssueAreaSchema,
} as const;
const PLURAL = { court: "courts", official: "officials", lawsuit: "lawsuits", filing: "filings", policy: "policies", "lawsuit-coding": "coding", "issue-area": "issueAreas" } as const;
// Table and key names come from these fixed maps only, never from input.
const TABLE = {
  court: "court",
  official: "official",
  lawsuit: "lawsuit",
  filing: "filing",
  policy: "policy",
  "lawsuit-coding": "lawsuit_coding",
  "issue-area": "issue_area",
} as const;
/** A lawsuit's coding is keyed by its lawsuit, an issue area by its slug; everything else by id. */
const KEY_FIELD = { "lawsuit-coding": ["lawsuit", "lawsuit_id"], "issue-area": ["slug", "slug"] } as const;
const KEY_COLUMN = (kind: EditableKind) => (kind in KEY_FIELD ? KEY_FIELD[kind as keyof typeof KEY_FIELD][1] : "id");
const keyOf = (kind: EditableKind, record: Record<string, unknown>) => String(record[kind in KEY_FIELD ? KEY_FIELD[kind as keyof typeof KEY_FIELD][0] : "id"]);

interface LockedRow {
  version: number;
  publication: Publication | null;
  deleted_at: Date | null;
  lawsuit_id: string | null;
}

interface SaveOptions {
  baseVersion: number | null;
  actor: Actor;
}

type Outcome = { ok: false } & SaveResult;

/** The record as staff edit it, drafts and deleted records included. */
export async function loadRecord(kind: EditableKind, id: string, sql: Sql = getBulkSql()): Promise<EditableRecord | null> {
  const row = await selectRow(sql, kind, id, false);
  if (!row) return null;
  const record = await readOne(sql, kind, id);
  return {
    kind,
    id,
    version: row.version,
    publication: row.publication,
    deletedAt: row.deleted_at ? row.deleted_at.toISOString() : null,
    record: record!,
  };
}

/** Creates (baseVersion null) or updates a record from its docketline/v1 form. */
export async function saveRecord(kind: EditableKind, input: unknown, options: SaveOptions, sql: Sql = getBulkSql()): Promise<SaveResult> {
  return write(kind, input, options, {}, sql);
}

/** Saves the content of an earlier revision as the record's new state. */
export async function revertRecord(kind: EditableKind, id: string, revisionId: string, options: { baseVersion: number; actor: Actor }, sql: Sql = getBulkSql()): Promise<SaveResult> {
  if (!/^\d{1,18}$/.test(revisionId)) return { ok: false, reason: "not-found" };
  const [revision] = await sql<{ after: CanonicalRecord }[]>`
    SELECT after FROM revision WHERE id = ${revisionId} AND record_kind = ${kind} AND record_id = ${id}`;
  if (!revision) return { ok: false, reason: "not-found" };
  return write(kind, revision.after, options, { updateAction: "revert", revertedFromId: revisionId }, sql);
}

async function write(kind: EditableKind, input: unknown, options: SaveOptions, extra: WriteOptions, sql: Sql): Promise<SaveResult> {
  const parsed = SCHEMAS[kind].safeParse(input);
  if (!parsed.success) return invalid(problemsFromZod(input, parsed.error));
  const record = parsed.data as Record<string, unknown>;
  const id = keyOf(kind, record);
  const dataset = {
    format: DATASET_FORMAT,
    courts: [],
    officials: [],
    issueAreas: [],
    policies: [],
    lawsuits: [],
    filings: [],
    coding: [],
    [PLURAL[kind]]: [record],
  } as unknown as Dataset;

  const result = await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    await lockRecords(t);
    const row = await selectRow(t, kind, id, true);
    if (options.baseVersion === null) {
      if (row) {
        if (kind === "lawsuit-coding") return refused("This lawsuit has been coded meanwhile: reload the page to edit its coding.");
        if (kind === "issue-area") return invalid([{ path: ["slug"], message: "is already the slug of another issue area" }]);
        return invalid([{ path: ["id"], message: `is already the id of another ${RECORD_NOUNS[kind]}` }]);
      }
    } else {
      if (!row) return { ok: false, reason: "not-found" } as const;
      if (row.deleted_at) return refused(`This ${RECORD_NOUNS[kind]} is deleted: restore it before editing.`);
      if (row.version !== options.baseVersion) return conflict(t, kind, id, options.baseVersion, row.version);
    }
    try {
      const { written } = await writeDataset(t, dataset, { ...extra, actor: options.actor, publication: "draft" });
      const version = written[0]?.version ?? row!.version;
      return { ok: true, id, version, changed: written.length > 0 } as const;
    } catch (error) {
      if (error instanceof DatasetValidationError) {
        return invalid(error.problems.map((p) => ({ path: p.path.slice(2), message: p.message })));
      }
      throw error;
    }
  });
  return result as SaveResult;
}

/** Publishes or unpublishes a lawsuit or filing. */
export async function setPublication(
  kind: PublishableKind,
  id: string,
  publication: Publication,
  options: { baseVersion: number; actor: Actor },
  sql: Sql = getBulkSql(),
): Promise<SaveResult> {
  return lifecycle(kind, id, options, sql, async (tx, row) => {
    if (row.deleted_at) return refused(`This ${RECORD_NOUNS[kind]} is deleted: restore it first.`);
    if (row.publication === publication) return null;
    if (kind === "filing" && publication === "published" && row.lawsuit_id) {
      const [lawsuit] = await tx<{ case_name_short: string; publication: Publication; deleted_at: Date | null }[]>`
        SELECT case_name_short, publication, deleted_at FROM lawsuit WHERE id = ${row.lawsuit_id}`;
      if (lawsuit && (lawsuit.publication !== "published" || lawsuit.deleted_at)) {
        return refused(`Publish its lawsuit, ${lawsuit.case_name_short}, first: a filing is public only with its lawsuit.`);
      }
    }
    return { set: tx`publication = ${publication}`, action: publication === "published" ? "publish" : "unpublish" };
  });
}

/** Soft-deletes a lawsuit or filing: hidden everywhere, restorable for RESTORE_WINDOW_DAYS. */
export async function deleteRecord(kind: PublishableKind, id: string, options: { baseVersion: number; actor: Actor }, sql: Sql = getBulkSql()): Promise<SaveResult> {
  return lifecycle(kind, id, options, sql, async (tx, row) => {
    if (row.deleted_at) return null;
    if (kind === "lawsuit") {
      const [{ count }] = await tx<{ count: number }[]>`SELECT count(*)::int AS count FROM filing WHERE lawsuit_id = ${id} AND deleted_at IS NULL`;
      if (count > 0) {
        return refused(`This lawsuit still has ${count} filing${count === 1 ? "" : "s"}: delete or move ${count === 1 ? "it" : "them"} first.`);
      }
    }
    return { set: tx`deleted_at = now()`, action: "delete" };
  });
}

/** Brings back a soft-deleted lawsuit or filing, as it was (draft or published). */
export async function restoreRecord(kind: PublishableKind, id: string, options: { baseVersion: number; actor: Actor }, sql: Sql = getBulkSql()): Promise<SaveResult> {
  return lifecycle(kind, id, options, sql, async (tx, row) => {
    if (!row.deleted_at) return null;
    if (Date.now() - row.deleted_at.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) {
      return refused(`This ${RECORD_NOUNS[kind]} was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`);
    }
    if (kind === "filing" && row.lawsuit_id) {
      const [lawsuit] = await tx<{ deleted_at: Date | null }[]>`SELECT deleted_at FROM lawsuit WHERE id = ${row.lawsuit_id}`;
      if (lawsuit?.deleted_at) return refused("Its lawsuit is deleted: restore the lawsuit first.");
    }
    return { set: tx`deleted_at = NULL`, action: "restore" };
  });
}

/**
 * Hard-deletes what was soft-deleted more than RESTORE_WINDOW_DAYS ago (filings first:
 * a lawsuit is deleted only after its filings). Their revisions stay as history.
 */
export async function purgeDeletedRecords(sql: Sql): Promise<{ filings: number; lawsuits: number }> {
  return (await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    await lockRecords(t);
    const cutoff = sql`now() - make_interval(days => ${RESTORE_WINDOW_DAYS})`;
    const filings = await t`DELETE FROM filing WHERE deleted_at < ${cutoff} RETURNING id`;
    const lawsuits = await t`
      DELETE FROM lawsuit l WHERE l.deleted_at < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM filing f WHERE f.lawsuit_id = l.id) RETURNING id`;
    return { filings: filings.length, lawsuits: lawsuits.length };
  })) as { filings: number; lawsuits: number };
}

type Change = { set: ReturnType<Sql>; action: RevisionAction };

async function lifecycle(
  kind: PublishableKind,
  id: string,
  options: { baseVersion: number; actor: Actor },
  sql: Sql,
  decide: (tx: Sql, row: LockedRow) => Promise<Change | Outcome | null>,
): Promise<SaveResult> {
  const result = await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    await lockRecords(t);
    const row = await selectRow(t, kind, id, true);
    if (!row) return { ok: false, reason: "not-found" } as const;
    if (row.version !== options.baseVersion) return conflict(t, kind, id, options.baseVersion, row.version);
    const change = await decide(t, row);
    if (change === null) return { ok: true, id, version: row.version, changed: false } as const;
    if ("ok" in change) return change;
    const [updated] = await t<{ version: number; publication: Publication }[]>`
      UPDATE ${t(TABLE[kind])} SET ${change.set}, version = version + 1, updated_at = now()
      WHERE id = ${id} RETURNING version, publication`;
    const record = t.json((await readOne(t, kind, id)) as Parameters<Sql["json"]>[0]);
    await t`
      INSERT INTO revision (record_kind, record_id, version, action, publication, actor_id, actor_name, before, after)
      VALUES (${kind}, ${id}, ${updated.version}, ${change.action}, ${updated.publication}, ${options.actor.userId}, ${options.actor.name}, ${record}, ${record})`;
    return { ok: true, id, version: updated.version, changed: true } as const;
  });
  return result as SaveResult;
}

async function selectRow(sql: Sql, kind: EditableKind, id: string, lock: boolean): Promise<LockedRow | null> {
  const publishable = kind === "lawsuit" || kind === "filing";
  const [row] = await sql<LockedRow[]>`
    SELECT version,
           ${publishable ? sql`publication, deleted_at` : sql`NULL AS publication, NULL::timestamptz AS deleted_at`},
           ${kind === "filing" ? sql`lawsuit_id` : sql`NULL AS lawsuit_id`}
    FROM ${sql(TABLE[kind])} WHERE ${sql(KEY_COLUMN(kind))} = ${id} ${lock ? sql`FOR UPDATE` : sql``}`;
  return row ?? null;
}

async function readOne(sql: Sql, kind: EditableKind, id: string): Promise<CanonicalRecord | undefined> {
  if (kind === "policy") return (await readCodingRecords(sql, { issueAreas: [], coding: [], policies: [id] })).policies[0];
  if (kind === "lawsuit-coding") return (await readCodingRecords(sql, { issueAreas: [], policies: [], coding: [id] })).coding[0];
  if (kind === "issue-area") return (await readCodingRecords(sql, { issueAreas: [id], policies: [], coding: [] })).issueAreas[0];
  const plural = PLURAL[kind];
  const records = await readRecords(sql, { courts: [], officials: [], lawsuits: [], filings: [], [plural]: [id] });
  return records[plural][0];
}

/** What changed since the version a form was based on, and who changed it. */
async function conflict(sql: Sql, kind: EditableKind, id: string, baseVersion: number, currentVersion: number): Promise<Outcome> {
  const [current, base, since] = await Promise.all([
    readOne(sql, kind, id),
    sql<{ after: CanonicalRecord }[]>`
      SELECT after FROM revision WHERE record_kind = ${kind} AND record_id = ${id} AND version = ${baseVersion}
      ORDER BY id DESC LIMIT 1`,
    sql<{ actor_name: string; created_at: Date; action: RevisionAction }[]>`
      SELECT actor_name, created_at, action FROM revision
      WHERE record_kind = ${kind} AND record_id = ${id} AND version > ${baseVersion} ORDER BY id`,
  ]);
  const details: ConflictDetails = {
    currentVersion,
    current: current!,
    // Without the base revision (records older than history) the form still learns the current state.
    changes: base[0] ? diffRecords(base[0].after, current!) : [],
    changedBy: since.map((r) => ({ name: r.actor_name, at: r.created_at.toISOString(), action: r.action })),
  };
  return { ok: false, reason: "conflict", conflict: details };
}

function invalid(problems: RecordProblem[]): Outcome {
  return {
    ok: false,
    reason: "invalid",
    // The importer speaks of files; a form has only the database.
    problems: problems.map((p) => ({ path: p.path, message: p.message.replace(" in this dataset or the database", " that exists and is not deleted") })),
  };
}

function refused(message: string): Outcome {
  return { ok: false, reason: "refused", message };
}
