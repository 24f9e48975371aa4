// The filing form's state and its conversions. The form edits strings (what is typed)
// and chosen records (pickers); the record it sends is the docketline/v1 filing, built
// here and validated by FilingSchema — the importer's schema — before it leaves the
// browser, and again by saveRecord on the server.
import { FilingSchema } from "@/lib/dataset/schema";
import { problemsFromZod } from "@/lib/dataset/problems";
import type { RecordProblem } from "@/lib/editing/types";
import { FIELD_LABELS, fieldPathLabel } from "@/lib/editing/vocabulary";

import { optional, type FieldPath, type RecordOption } from "@/lib/editing/form-fields";
import { newItemKey } from "@/lib/editing/item-key";
import { sourcesFromRecord, sourcesToRecord, type SourceDraft } from "@/lib/editing/source-drafts";

export interface StateDraft {
  key: string;
  jurisdiction: string;
  role: string;
  official: string;
  dateJoined: string;
}

export interface DemandDraft {
  key: string;
  text: string;
  category: string;
  outcome: string;
  decidedBy: RecordOption | null;
}

export interface FilingDraft {
  id: string;
  lawsuit: RecordOption | null;
  kind: string;
  title: string;
  dateFiled: string;
  entryNumber: string;
  filedBy: string;
  respondsTo: RecordOption | null;
  summary: string;
  states: StateDraft[];
  demands: DemandDraft[];
  sources: SourceDraft[];
}

/** Pickers' options of the records a filing refers to, by id. */
export interface FilingReferences {
  lawsuits: Record<string, RecordOption>;
  filings: Record<string, RecordOption>;
}

/** The ids a record refers to, to look up their summaries. */
export function referencedIds(record: Record<string, unknown>): { lawsuits: string[]; filings: string[] } {
  const filings: string[] = [];
  if (typeof record.respondsTo === "string") filings.push(record.respondsTo);
  if (Array.isArray(record.demands)) {
    for (const demand of record.demands as Loose[]) if (typeof demand?.decidedBy === "string") filings.push(demand.decidedBy);
  }
  return { lawsuits: typeof record.lawsuit === "string" ? [record.lawsuit] : [], filings };
}

type Loose = Record<string, unknown>;

const str = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** A reference whose summary is unknown still shows, by its id. */
function optionFor(id: unknown, known: Record<string, RecordOption>): RecordOption | null {
  if (typeof id !== "string" || id === "") return null;
  return known[id] ?? { id, title: id, date: null, kind: null, detail: null, draft: false, deleted: false };
}

export function emptyFilingDraft(): FilingDraft {
  return {
    id: "",
    lawsuit: null,
    kind: "",
    title: "",
    dateFiled: "",
    entryNumber: "",
    filedBy: "",
    respondsTo: null,
    summary: "",
    states: [],
    demands: [],
    sources: [],
  };
}

/**
 * A record (canonical, or merged after a conflict) as form state. The references the
 * form already shows (`current`) win over `references`, so a picked record keeps its summary.
 */
export function draftFromRecord(record: Loose, references: FilingReferences | null, current: FilingDraft | null): FilingDraft {
  const list = (value: unknown) => (Array.isArray(value) ? (value as Loose[]) : []);
  const mine = current ? referencesOfDraft(current) : null;
  const known: FilingReferences = {
    lawsuits: { ...(references?.lawsuits ?? {}), ...(mine?.lawsuits ?? {}) },
    filings: { ...(references?.filings ?? {}), ...(mine?.filings ?? {}) },
  };
  return {
    id: str(record.id),
    lawsuit: optionFor(record.lawsuit, known.lawsuits),
    kind: str(record.kind),
    title: str(record.title),
    dateFiled: str(record.dateFiled),
    entryNumber: str(record.entryNumber),
    filedBy: str(record.filedBy),
    respondsTo: optionFor(record.respondsTo, known.filings),
    summary: str(record.summary),
    states: list(record.states).map((s) => ({ key: newItemKey(), jurisdiction: str(s.jurisdiction), role: str(s.role), official: str(s.official), dateJoined: str(s.dateJoined) })),
    demands: list(record.demands).map((d) => ({ key: newItemKey(), text: str(d.text), category: str(d.category), outcome: str(d.outcome), decidedBy: optionFor(d.decidedBy, known.filings) })),
    sources: sourcesFromRecord(list(record.sources) as never),
  };
}

/** "15" → 15; anything else that is not blank goes as typed, for the schema to name. */
function entryNumberOf(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Leaves out absent optional fields, as the canonical form does. */
function compact(value: Loose): Loose {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));
}

/** Form state as the docketline/v1 filing (not yet validated), in the canonical field order. */
export function recordFromDraft(draft: FilingDraft): Loose {
  return {
    ...compact({
      id: draft.id.trim(),
      lawsuit: undefined,
      kind: draft.kind || undefined,
      title: draft.title,
      dateFiled: draft.dateFiled.trim(),
      entryNumber: entryNumberOf(draft.entryNumber),
      filedBy: optional(draft.filedBy),
      respondsTo: draft.respondsTo?.id,
      summary: draft.summary,
    }),
    // Required, and null for a filing outside any lawsuit.
    lawsuit: draft.lawsuit?.id ?? null,
    states: draft.states.map((s) => compact({ jurisdiction: s.jurisdiction, role: s.role || undefined, official: optional(s.official), dateJoined: optional(s.dateJoined)?.trim() })),
    demands: draft.demands.map((d) => compact({ text: d.text, category: d.category.trim(), outcome: d.outcome || undefined, decidedBy: d.decidedBy?.id })),
    sources: sourcesToRecord(draft.sources),
  };
}

const FIELD_ORDER = Object.keys({ id: 0, lawsuit: 0, kind: 0, title: 0, dateFiled: 0, entryNumber: 0, filedBy: 0, respondsTo: 0, summary: 0, states: 0, demands: 0, sources: 0 });

/** Problems in the order of the form's fields, top to bottom, as the error summary lists them. */
export function inFormOrder(problems: readonly RecordProblem[]): RecordProblem[] {
  const rank = (p: RecordProblem) => {
    const field = FIELD_ORDER.indexOf(String(p.path[0]));
    return [field === -1 ? FIELD_ORDER.length : field, typeof p.path[1] === "number" ? p.path[1] : -1];
  };
  return [...problems].sort((a, b) => {
    const [fa, ia] = rank(a);
    const [fb, ib] = rank(b);
    return fa - fb || ia - ib;
  });
}

/** The same checks as the importer's, on the form's record. */
export function validateFiling(record: Loose): RecordProblem[] {
  const result = FilingSchema.safeParse(record);
  return result.success ? [] : problemsFromZod(record, result.error);
}

/** The references a form state holds, to keep their summaries across a merge. */
export function referencesOfDraft(draft: FilingDraft): FilingReferences {
  const filings: Record<string, RecordOption> = {};
  if (draft.respondsTo) filings[draft.respondsTo.id] = draft.respondsTo;
  for (const d of draft.demands) if (d.decidedBy) filings[d.decidedBy.id] = d.decidedBy;
  return { lawsuits: draft.lawsuit ? { [draft.lawsuit.id]: draft.lawsuit } : {}, filings };
}

export const FILING_FIELD_LABELS = FIELD_LABELS.filing;

/** How the error summary names a field: ["states", 2, "jurisdiction"] → "Joining state 3 (CA — California): jurisdiction". */
export function filingFieldLabel(path: FieldPath, draft?: FilingDraft): string {
  return fieldPathLabel("filing", path, (field, index) => (field === "states" ? draft?.states[index]?.jurisdiction : undefined));
}
