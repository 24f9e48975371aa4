// The history of a lawsuit or filing as people read it: one entry per revision, who and
// when, and each changed field with a label and its before → after. Lists (states,
// demands, sources, parties…) are compared item by item, long text word by word.
// The public sees a public record's history from its first publication on (what was
// edited while it was a draft was never public); staff see all of it.
import "server-only";

import { diffWords } from "diff";
import { z } from "zod";

import { formatPartialDate } from "@/lib/dates/partial-date";
import { canonicalCourt, canonicalFiling, canonicalLawsuit, canonicalOfficial } from "@/lib/dataset/records";
import type { CanonicalRecord } from "@/lib/dataset/read";
import type { Sql } from "@/lib/db/sql";
import { getBulkSql } from "@/lib/db/bulk";
import { diffRecords } from "@/lib/editing/diff";
import { fieldLabel, ITEM_PROPERTY_LABELS as P, LIST_ITEM_NOUNS } from "@/lib/editing/vocabulary";
import type { EditableKind, Publication, PublishableKind, RevisionAction } from "@/lib/editing/types";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { LAWSUIT_STATUS_LABELS } from "@/lib/lawsuits/labels";

/** The newest revisions a history page lists; older ones are summarised by a count. */
export const HISTORY_PAGE_SIZE = 200;

/** A history page's query: `reverted` names the revision a revert just restored, to say it worked. */
export const HistoryParamsSchema = z.object({
  reverted: z.string().regex(/^\d{1,18}$/).optional().catch(undefined),
});

/** Text longer than this is compared word by word rather than shown whole twice. */
const WORD_DIFF_FROM = 80;

export interface TextSegment {
  type: "same" | "added" | "removed";
  text: string;
}

/** One property of a list item that changed: "outcome pending → granted". */
export interface DetailChange {
  label: string;
  before: string | null;
  after: string | null;
  /** For long text, the word-level difference. */
  segments?: TextSegment[];
}

export interface ListItemChange {
  type: "added" | "removed" | "changed" | "reordered";
  /** "California (joined)", "Demand 2", "Listed in a new order". */
  text: string;
  details: DetailChange[];
}

export type ChangeView =
  | { field: string; label: string; type: "value"; before: string | null; after: string | null }
  | { field: string; label: string; type: "text"; before: string | null; after: string | null; segments: TextSegment[] }
  | { field: string; label: string; type: "list"; items: ListItemChange[] };

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

const CANONICAL: Record<EditableKind, (record: never) => CanonicalRecord> = {
  court: canonicalCourt,
  official: canonicalOfficial,
  lawsuit: canonicalLawsuit,
  filing: canonicalFiling,
};

/** A stored revision's record in the field order of FORMAT.md (jsonb keeps its own key order). */
export function inFieldOrder(kind: EditableKind, record: unknown): CanonicalRecord | null {
  if (record === null || record === undefined || typeof record !== "object") return null;
  return CANONICAL[kind](record as never);
}

type Item = Record<string, unknown>;

const humanize = (value: string) => value.replace(/-/g, " ");
const isBlank = (value: unknown) => value === null || value === undefined || value === "";

function readDate(value: unknown): string | null {
  if (isBlank(value)) return null;
  try {
    return formatPartialDate(String(value));
  } catch {
    return String(value);
  }
}

/** A top-level scalar as people read it. */
function readValue(kind: EditableKind, field: string, value: unknown): string | null {
  if (isBlank(value)) return null;
  switch (field) {
    case "kind":
      return FILING_KIND_LABELS[value as keyof typeof FILING_KIND_LABELS] ?? String(value);
    case "status":
      return LAWSUIT_STATUS_LABELS[value as keyof typeof LAWSUIT_STATUS_LABELS] ?? String(value);
    case "dateFiled":
    case "dateTerminated":
    case "termStart":
    case "termEnd":
      return readDate(value);
    case "jurisdiction":
      return kind === "official" ? `${getJurisdictionName(String(value))} (${String(value)})` : String(value);
    default:
      return String(value);
  }
}

/** Word by word, as text only: the view renders the segments as <ins>/<del>. */
export function wordDiff(before: string, after: string): TextSegment[] {
  return diffWords(before, after).map((part) => ({ type: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}

const isLong = (before: string | null, after: string | null) =>
  Math.max(before?.length ?? 0, after?.length ?? 0) > WORD_DIFF_FROM || /\n/.test(`${before ?? ""}${after ?? ""}`);

interface ItemProperty {
  label: string;
  read?: (value: unknown) => string | null;
}

interface ListSpec {
  /** Items with the same key are the same item, changed; unkeyed lists are matched by content, then position. */
  key?: (item: Item) => string;
  /** "California (joined)"; `position` is 1-based. */
  describe: (item: Item, position: number) => string;
  /** The name of a changed item: "California", "Demand 2". */
  name: (item: Item, position: number) => string;
  properties: Record<string, ItemProperty>;
}

const plain = (value: unknown) => (isBlank(value) ? null : humanize(String(value)));
const quoted = (value: unknown, max = 120) => {
  const text = String(value ?? "");
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
};
const parenthesised = (parts: (string | null | undefined)[]) => {
  const present = parts.filter((p): p is string => !!p);
  return present.length ? ` (${present.join(", ")})` : "";
};

const LISTS: Record<string, ListSpec> = {
  states: {
    key: (s) => String(s.jurisdiction),
    describe: (s) => `${getJurisdictionName(String(s.jurisdiction))}${parenthesised([plain(s.role), s.official ? `official ${String(s.official)}` : null, s.dateJoined ? `joined ${readDate(s.dateJoined)}` : null])}`,
    name: (s) => getJurisdictionName(String(s.jurisdiction)),
    properties: { role: { label: P.role, read: plain }, official: { label: P.official }, dateJoined: { label: P.dateJoined, read: readDate } },
  },
  plaintiffs: {
    key: (p) => String(p.jurisdiction),
    describe: (p) => `${getJurisdictionName(String(p.jurisdiction))}${parenthesised([plain(p.role)])}`,
    name: (p) => getJurisdictionName(String(p.jurisdiction)),
    properties: { role: { label: P.role, read: plain } },
  },
  demands: {
    describe: (d, n) => `${LIST_ITEM_NOUNS.demands} ${n}: ${quoted(d.text)}${parenthesised([plain(d.category), plain(d.outcome), d.decidedBy ? `decided by ${String(d.decidedBy)}` : null])}`,
    name: (_d, n) => `${LIST_ITEM_NOUNS.demands} ${n}`,
    properties: { text: { label: P.text }, category: { label: P.category, read: plain }, outcome: { label: P.outcome, read: plain }, decidedBy: { label: P.decidedBy } },
  },
  otherParties: {
    key: (p) => String(p.name),
    describe: (p) => `${String(p.name)}${parenthesised([plain(p.side)])}`,
    name: (p) => String(p.name),
    properties: { side: { label: P.side, read: plain } },
  },
  related: {
    key: (r) => String(r.lawsuit),
    describe: (r) => `${String(r.lawsuit)}${parenthesised([plain(r.relation)])}`,
    name: (r) => String(r.lawsuit),
    properties: { relation: { label: P.relation, read: plain } },
  },
  sources: {
    // Keyed by address: a source whose URL changed reads as one removed and one added.
    key: (s) => String(s.url),
    describe: (s) => `${String(s.title)} — ${String(s.publisher)}${parenthesised([readDate(s.published)])}`,
    name: (s) => String(s.title),
    properties: { title: { label: P.title }, publisher: { label: P.publisher }, published: { label: P.published, read: readDate } },
  },
};

const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));

function itemDetails(spec: ListSpec, before: Item, after: Item): DetailChange[] {
  const details: DetailChange[] = [];
  for (const [property, { label, read }] of Object.entries(spec.properties)) {
    const reader = read ?? ((v: unknown) => (isBlank(v) ? null : String(v)));
    const b = reader(before[property]);
    const a = reader(after[property]);
    if (b === a) continue;
    details.push(isLong(b, a) && b !== null && a !== null ? { label, before: b, after: a, segments: wordDiff(b, a) } : { label, before: b, after: a });
  }
  return details;
}

/**
 * Pairs the items of two versions of a list: by key when the list has one; otherwise
 * identical items first, then items with the same text, then the rest by position.
 */
function pairItems(spec: ListSpec, before: Item[], after: Item[]): { pairs: [number, number][]; added: number[]; removed: number[] } {
  const pairs: [number, number][] = [];
  const freeBefore = new Set(before.map((_, i) => i));
  const freeAfter = new Set(after.map((_, i) => i));
  const match = (same: (b: Item, a: Item) => boolean) => {
    for (const a of [...freeAfter]) {
      for (const b of freeBefore) {
        if (same(before[b], after[a])) {
          pairs.push([b, a]);
          freeBefore.delete(b);
          freeAfter.delete(a);
          break;
        }
      }
    }
  };
  if (spec.key) {
    match((b, a) => spec.key!(b) === spec.key!(a));
  } else {
    match((b, a) => stableJson(b) === stableJson(a));
    match((b, a) => b.text === a.text);
    const restBefore = [...freeBefore];
    const restAfter = [...freeAfter];
    const n = Math.min(restBefore.length, restAfter.length);
    for (let i = 0; i < n; i++) {
      pairs.push([restBefore[i], restAfter[i]]);
      freeBefore.delete(restBefore[i]);
      freeAfter.delete(restAfter[i]);
    }
  }
  return { pairs, added: [...freeAfter].sort((x, y) => x - y), removed: [...freeBefore].sort((x, y) => x - y) };
}

/** A list field's change as added, removed and changed items ("+ California (joined)"). */
export function diffList(field: string, beforeValue: unknown, afterValue: unknown): ListItemChange[] {
  const spec = LISTS[field];
  const before = (Array.isArray(beforeValue) ? beforeValue : []) as Item[];
  const after = (Array.isArray(afterValue) ? afterValue : []) as Item[];
  const { pairs, added, removed } = pairItems(spec, before, after);
  const items: ListItemChange[] = [];
  for (const [b, a] of [...pairs].sort((x, y) => x[1] - y[1])) {
    const details = itemDetails(spec, before[b], after[a]);
    if (details.length > 0) items.push({ type: "changed", text: spec.name(after[a], a + 1), details });
  }
  for (const a of added) items.push({ type: "added", text: spec.describe(after[a], a + 1), details: [] });
  for (const b of removed) items.push({ type: "removed", text: spec.describe(before[b], b + 1), details: [] });
  // Same items, other order: still a change the reader should see.
  if (items.length === 0 && stableJson(before) !== stableJson(after)) {
    items.push({ type: "reordered", text: "Listed in a new order", details: [] });
  }
  return items;
}

/** Every changed field of one revision, labelled and readable; `before` null for a creation. */
export function describeChanges(kind: EditableKind, before: unknown, after: unknown): ChangeView[] {
  const b = inFieldOrder(kind, before);
  const a = inFieldOrder(kind, after);
  if (!a) return [];
  return diffRecords(b, a).map((change): ChangeView => {
    const label = fieldLabel(kind, change.field);
    if (change.field in LISTS && (Array.isArray(change.before) || Array.isArray(change.after))) {
      return { field: change.field, label, type: "list", items: diffList(change.field, change.before, change.after) };
    }
    const beforeText = readValue(kind, change.field, change.before);
    const afterText = readValue(kind, change.field, change.after);
    if (beforeText !== null && afterText !== null && isLong(beforeText, afterText)) {
      return { field: change.field, label, type: "text", before: beforeText, after: afterText, segments: wordDiff(beforeText, afterText) };
    }
    return { field: change.field, label, type: "value", before: beforeText, after: afterText };
  });
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

/** The name a record goes by in lists: a filing's title, a lawsuit's short name, an official's or court's name. */
export function labelOf(kind: EditableKind, record: unknown): string | null {
  if (!record || typeof record !== "object") return null;
  const r = record as Record<string, unknown>;
  const value = { filing: r.title, lawsuit: r.caseNameShort, official: r.name, court: r.shortName }[kind];
  return typeof value === "string" ? value : null;
}
