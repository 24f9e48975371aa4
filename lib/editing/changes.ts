// What changed between two versions of a record, as people read it: each changed field
// with a label and its before → after. Lists (states, demands, sources, parties…) are
// compared item by item, long text word by word. Pure: no database (the history pages,
// the dashboard and the upload preview all describe changes with it).
import { diffWords } from "diff";

import { codeLabel, OUTCOME_CLASS_CODES, RELIEF_KIND_CODES, RELIEF_SCOPE_CODES, RELIEF_STATUS_CODES, STATE_SIDE_CODES, type CodeDefinition } from "@/lib/coding/labels";
import { formatPartialDate } from "@/lib/dates/partial-date";
import {
  canonicalCoding,
  canonicalCourt,
  canonicalFiling,
  canonicalIssueArea,
  canonicalLawsuit,
  canonicalOfficial,
  canonicalPolicy,
} from "@/lib/dataset/records";
import type { CanonicalRecord } from "@/lib/dataset/read";
import { diffRecords } from "@/lib/editing/diff";
import { fieldLabel, ITEM_PROPERTY_LABELS as P, LIST_ITEM_NOUNS } from "@/lib/editing/vocabulary";
import type { EditableKind } from "@/lib/editing/types";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { LAWSUIT_STATUS_LABELS } from "@/lib/lawsuits/labels";

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

const CANONICAL: Record<EditableKind, (record: never) => CanonicalRecord> = {
  court: canonicalCourt,
  official: canonicalOfficial,
  lawsuit: canonicalLawsuit,
  filing: canonicalFiling,
  policy: canonicalPolicy,
  "lawsuit-coding": canonicalCoding,
  "issue-area": canonicalIssueArea,
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

/** A code of the research coding by its label ("Intervenor-plaintiff"), an unknown one as it is. */
const readCode = (codes: Record<string, CodeDefinition>) => (value: unknown) => (isBlank(value) ? null : codeLabel(codes, String(value)));

/** The sources an item of the coding cites, by title. */
const readSources = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.map((s: Item) => String(s.title)).join("; ") : null);

/** A top-level scalar (or the coding's outcome) as people read it. */
function readValue(kind: EditableKind, field: string, value: unknown): string | null {
  if (isBlank(value)) return null;
  switch (field) {
    case "outcome": {
      // The coding's outcome for the states: one value with its date, deciding order and sources.
      if (kind !== "lawsuit-coding" || typeof value !== "object") return String(value);
      const o = value as Item;
      return `${readCode(OUTCOME_CLASS_CODES)(o.class)}${parenthesised([o.date ? readDate(o.date) : null, o.decidedBy ? `decided by ${String(o.decidedBy)}` : null, readSources(o.sources) ? `sources: ${readSources(o.sources)}` : null])}`;
    }
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

/** A list of plain names (agencies, issue areas, policies): each name is its own key. */
const NAMES: ListSpec = { key: (name) => String(name), describe: (name) => String(name), name: (name) => String(name), properties: {} };

const LISTS: Record<string, ListSpec> = {
  agencies: NAMES,
  issueAreas: NAMES,
  policies: NAMES,
  stateSides: {
    key: (s) => String(s.jurisdiction),
    describe: (s) => `${getJurisdictionName(String(s.jurisdiction))}${parenthesised([readCode(STATE_SIDE_CODES)(s.side), s.filing ? `shown by ${String(s.filing)}` : null])}`,
    name: (s) => getJurisdictionName(String(s.jurisdiction)),
    properties: { side: { label: P.side, read: readCode(STATE_SIDE_CODES) }, filing: { label: P.filing }, sources: { label: P.sources, read: readSources } },
  },
  reliefMilestones: {
    describe: (m, n) =>
      `${LIST_ITEM_NOUNS.reliefMilestones} ${n}: ${readCode(RELIEF_KIND_CODES)(m.relief)}, ${readCode(RELIEF_STATUS_CODES)(m.status)}${parenthesised([readDate(m.date), readCode(RELIEF_SCOPE_CODES)(m.scope), m.filing ? `recorded by ${String(m.filing)}` : null])}`,
    name: (_m, n) => `${LIST_ITEM_NOUNS.reliefMilestones} ${n}`,
    properties: {
      relief: { label: P.relief, read: readCode(RELIEF_KIND_CODES) },
      status: { label: P.status, read: readCode(RELIEF_STATUS_CODES) },
      date: { label: P.date, read: readDate },
      scope: { label: P.scope, read: readCode(RELIEF_SCOPE_CODES) },
      filing: { label: P.filing },
      sources: { label: P.sources, read: readSources },
    },
  },
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

export const stableJson = (value: unknown): string =>
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

/** The name a record goes by in lists: a filing's title, a lawsuit's short name, an official's or court's name. */
export function labelOf(kind: EditableKind, record: unknown): string | null {
  if (!record || typeof record !== "object") return null;
  const r = record as Record<string, unknown>;
  const value = { filing: r.title, lawsuit: r.caseNameShort, official: r.name, court: r.shortName, policy: r.name, "lawsuit-coding": r.lawsuit, "issue-area": r.label }[kind];
  return typeof value === "string" ? value : null;
}
