// The lawsuit form's state and its conversions. The form edits strings (what is typed)
// and chosen records (related lawsuits, found by search); the record it sends is the
// docketline/v1 lawsuit, built here and validated by LawsuitSchema — the importer's
// schema — before it leaves the browser, and again by saveRecord on the server.
import { LawsuitSchema } from "@/lib/dataset/schema";
import { problemsFromZod } from "@/lib/dataset/problems";
import type { RecordProblem } from "@/lib/editing/types";
import { FIELD_LABELS, fieldPathLabel } from "@/lib/editing/vocabulary";

import { optional, type FieldPath, type RecordOption } from "@/lib/editing/form-fields";
import { newItemKey } from "@/lib/editing/item-key";
import { proposeSlug } from "@/lib/editing/slug";
import { sourcesFromRecord, sourcesToRecord, type SourceDraft } from "@/lib/editing/source-drafts";

export interface PlaintiffDraft {
  key: string;
  jurisdiction: string;
  role: string;
}

export interface OtherPartyDraft {
  key: string;
  name: string;
  side: string;
}

export interface RelationDraft {
  key: string;
  lawsuit: RecordOption | null;
  relation: string;
}

export interface LawsuitDraft {
  id: string;
  caseName: string;
  caseNameShort: string;
  court: string;
  docketNumber: string;
  judge: string;
  dateFiled: string;
  dateTerminated: string;
  status: string;
  summary: string;
  plaintiffs: PlaintiffDraft[];
  otherParties: OtherPartyDraft[];
  related: RelationDraft[];
  sources: SourceDraft[];
}

/** Pickers' options of the lawsuits a lawsuit is related to, by id. */
export interface LawsuitReferences {
  lawsuits: Record<string, RecordOption>;
}

type Loose = Record<string, unknown>;

const str = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const list = (value: unknown) => (Array.isArray(value) ? (value as Loose[]) : []);

/** The ids a lawsuit refers to in other lawsuits, to look up their summaries. */
export function relatedIds(record: Loose): string[] {
  return list(record.related)
    .map((r) => r?.lawsuit)
    .filter((id): id is string => typeof id === "string");
}

/** A reference whose summary is unknown still shows, by its id. */
function optionFor(id: unknown, known: Record<string, RecordOption>): RecordOption | null {
  if (typeof id !== "string" || id === "") return null;
  return known[id] ?? { id, title: id, date: null, kind: "Lawsuit", detail: null, draft: false, deleted: false };
}

export function emptyLawsuitDraft(): LawsuitDraft {
  return {
    id: "",
    caseName: "",
    caseNameShort: "",
    court: "",
    docketNumber: "",
    judge: "",
    dateFiled: "",
    dateTerminated: "",
    status: "open",
    summary: "",
    plaintiffs: [],
    otherParties: [],
    related: [],
    sources: [],
  };
}

/** The related lawsuits a form state shows, to keep their summaries across a merge. */
export function referencesOfDraft(draft: LawsuitDraft): LawsuitReferences {
  return { lawsuits: Object.fromEntries(draft.related.flatMap((r) => (r.lawsuit ? [[r.lawsuit.id, r.lawsuit]] : []))) };
}

/** A record (canonical, or merged after a conflict) as form state. */
export function draftFromRecord(record: Loose, references: LawsuitReferences | null, current: LawsuitDraft | null): LawsuitDraft {
  const known = { ...(references?.lawsuits ?? {}), ...(current ? referencesOfDraft(current).lawsuits : {}) };
  return {
    id: str(record.id),
    caseName: str(record.caseName),
    caseNameShort: str(record.caseNameShort),
    court: str(record.court),
    docketNumber: str(record.docketNumber),
    judge: str(record.judge),
    dateFiled: str(record.dateFiled),
    dateTerminated: str(record.dateTerminated),
    status: str(record.status),
    summary: str(record.summary),
    plaintiffs: list(record.plaintiffs).map((p) => ({ key: newItemKey(), jurisdiction: str(p.jurisdiction), role: str(p.role) })),
    otherParties: list(record.otherParties).map((p) => ({ key: newItemKey(), name: str(p.name), side: str(p.side) })),
    related: list(record.related).map((r) => ({ key: newItemKey(), lawsuit: optionFor(r.lawsuit, known), relation: str(r.relation) })),
    sources: sourcesFromRecord(list(record.sources) as never),
  };
}

/** Leaves out absent optional fields, as the canonical form does. */
function compact(value: Loose): Loose {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));
}

/** Form state as the docketline/v1 lawsuit (not yet validated), in the canonical field order. */
export function recordFromDraft(draft: LawsuitDraft): Loose {
  return {
    ...compact({
      id: draft.id.trim(),
      caseName: draft.caseName,
      caseNameShort: draft.caseNameShort,
      court: draft.court || undefined,
      docketNumber: draft.docketNumber,
      judge: optional(draft.judge),
      dateFiled: draft.dateFiled.trim(),
      dateTerminated: optional(draft.dateTerminated)?.trim(),
      status: draft.status || undefined,
      summary: draft.summary,
    }),
    plaintiffs: draft.plaintiffs.map((p) => compact({ jurisdiction: p.jurisdiction, role: p.role || undefined })),
    otherParties: draft.otherParties.map((p) => compact({ name: p.name, side: p.side || undefined })),
    related: draft.related.map((r) => compact({ lawsuit: r.lawsuit?.id, relation: r.relation || undefined })),
    sources: sourcesToRecord(draft.sources),
  };
}

/** "washington-v-united-states-2018": the short caption and the year filed. */
export function proposeLawsuitId(draft: Pick<LawsuitDraft, "caseNameShort" | "dateFiled">): string {
  const year = /^\d{4}/.exec(draft.dateFiled.trim())?.[0];
  return proposeSlug(draft.caseNameShort, year);
}

/** The same checks as the importer's, on the form's record; a choice not made is named as such. */
export function validateLawsuit(record: Loose): RecordProblem[] {
  const result = LawsuitSchema.safeParse(record);
  if (result.success) return [];
  return problemsFromZod(record, result.error).map((problem) => {
    const [field, index, sub] = problem.path;
    if (field === "court" && record.court === undefined) return { ...problem, message: "choose the court" };
    if (field === "related" && sub === "lawsuit" && typeof index === "number" && list(record.related)[index]?.lawsuit === undefined) {
      return { ...problem, message: "search for the related lawsuit and choose it" };
    }
    return problem;
  });
}

export const LAWSUIT_FIELD_LABELS = FIELD_LABELS.lawsuit;

/** How the error summary names a field: ["plaintiffs", 1, "role"] → "Plaintiff state 2 (NM — New Mexico): role". */
export function lawsuitFieldLabel(path: FieldPath, draft?: LawsuitDraft): string {
  return fieldPathLabel("lawsuit", path, (field, index) => (field === "plaintiffs" ? draft?.plaintiffs[index]?.jurisdiction : undefined));
}
