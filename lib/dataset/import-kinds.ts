// What the importer knows of each kind of record, one entry per kind: its schema, its
// canonical form, the table it is written to with the columns that hold it, the child
// tables that hold its lists (by position), and the references it makes to other
// records. The importer (lib/dataset/import.ts) stages, checks and merges every kind
// from this table alone, so a new kind of record is one more entry here. The research
// coding's three kinds are few and are kept in memory instead (decision 027).
import type { z } from "zod";

import { canonicalCourt, canonicalFiling, canonicalLawsuit, canonicalOfficial } from "@/lib/dataset/records";
import { storedCells as date } from "@/lib/dataset/rows";
import {
  CourtSchema,
  FilingSchema,
  IssueAreaSchema,
  LawsuitCodingSchema,
  LawsuitSchema,
  OfficialSchema,
  PolicySchema,
  type SourceRecord,
} from "@/lib/dataset/schema";
import { arrayLiteral, type CopyCell as Cell } from "@/lib/db/copy";
import type { EditableKind } from "@/lib/editing/types";
import { coalitionTokens } from "@/lib/timeline/coalition-tokens";
import { demandTokens } from "@/lib/timeline/demand-tokens";

/** Every list of records of a docketline/v1 file, in the order they are written. */
export const RECORD_KINDS = ["courts", "officials", "issueAreas", "policies", "lawsuits", "filings", "coding"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The research coding (lib/coding): checked record by record as it is read, kept in
 * memory (at most one coding per lawsuit) and written by lib/coding/write.ts once the
 * staged kinds are merged.
 */
export const CODING_SCHEMAS = { issueAreas: IssueAreaSchema, policies: PolicySchema, coding: LawsuitCodingSchema } as const;
export type CodingRecordKind = keyof typeof CODING_SCHEMAS;
/** The kinds that go through COPY and the staging tables. */
export type StagedKind = Exclude<RecordKind, CodingRecordKind>;

export function isCodingKind(kind: RecordKind): kind is CodingRecordKind {
  return Object.hasOwn(CODING_SCHEMAS, kind);
}

export interface ChildTable {
  table: string;
  /** The column naming the parent record. */
  parent: string;
  /** The field of the record that lists these rows, as problems name it ("states"). */
  field: string;
  /** The columns besides the parent and `position`, compared to tell a change. */
  columns: string[];
  /** One row per list item, in list order (its index is `position`), matching `columns`. */
  rows(record: never): Cell[][];
}

export interface Reference {
  /** A column of the record's table, or of one of its child tables (by table name). */
  table?: string;
  column: string;
  /** Where a problem is reported: the field, and for a list item its list and field. */
  field: string;
  target: StagedKind;
  /** The column of the row that must equal the target's own (an official serves the filing state's jurisdiction). */
  sameJurisdiction?: string;
}

export interface KindSpec {
  kind: StagedKind;
  /** The singular used in revisions and the editing pages. */
  editable: EditableKind;
  table: string;
  schema: z.ZodType;
  canonical(record: never): unknown;
  /** The columns besides `id`, compared to tell a change and written on every write. */
  columns: string[];
  /** The values of `columns`, in order. */
  values(record: never): Cell[];
  /**
   * Columns derived from the record's lists, which triggers keep on every other write
   * path: written with the record, never compared (the lists are), and the triggers
   * idle while the importer merges (decision 030).
   */
  derived?: { columns: string[]; values(record: never): Cell[] };
  /** Columns of the staging table alone, for values the merge needs that no column holds: their definitions, and the values. */
  staging?: { columns: string[]; definitions: string[]; values(record: never): Cell[] };
  /** Lawsuits and filings start as drafts or published; courts and officials have no lifecycle. */
  publishable: boolean;
  /** A soft-deleted record cannot be referred to anew. */
  softDeleted: boolean;
  children: ChildTable[];
  /** In the order problems are listed for one record. */
  references: Reference[];
}

type Schema<S extends z.ZodType> = z.output<S>;

const SOURCE_COLUMNS = ["url", "title", "publisher", "published", "published_precision"];
const sourceRows = (sources: SourceRecord[]): Cell[][] => sources.map((s) => [s.url, s.title, s.publisher, ...date(s.published)]);

function kind<S extends z.ZodType>(
  spec: Omit<KindSpec, "schema" | "canonical" | "values" | "derived" | "staging" | "children"> & {
    schema: S;
    canonical(record: Schema<S>): unknown;
    values(record: Schema<S>): Cell[];
    derived?: { columns: string[]; values(record: Schema<S>): Cell[] };
    staging?: { columns: string[]; definitions: string[]; values(record: Schema<S>): Cell[] };
    children: (Omit<ChildTable, "rows"> & { rows(record: Schema<S>): Cell[][] })[];
  },
): KindSpec {
  return spec as unknown as KindSpec;
}

export const KINDS: KindSpec[] = [
  kind({
    kind: "courts",
    editable: "court",
    table: "court",
    schema: CourtSchema,
    canonical: canonicalCourt,
    columns: ["short_name", "full_name"],
    values: (c) => [c.shortName, c.fullName],
    publishable: false,
    softDeleted: false,
    children: [],
    references: [],
  }),
  kind({
    kind: "officials",
    editable: "official",
    table: "official",
    schema: OfficialSchema,
    canonical: canonicalOfficial,
    columns: ["name", "office", "jurisdiction_code", "term_start", "term_start_precision", "term_end", "term_end_precision"],
    values: (o) => [o.name, o.office, o.jurisdiction, ...date(o.termStart), ...date(o.termEnd)],
    publishable: false,
    softDeleted: false,
    children: [],
    references: [],
  }),
  kind({
    kind: "lawsuits",
    editable: "lawsuit",
    table: "lawsuit",
    schema: LawsuitSchema,
    canonical: canonicalLawsuit,
    columns: [
      "case_name", "case_name_short", "court_id", "docket_number", "judge",
      "date_filed", "date_filed_precision", "date_terminated", "date_terminated_precision", "status", "summary",
    ],
    values: (l) => [l.caseName, l.caseNameShort, l.court, l.docketNumber, l.judge ?? null, ...date(l.dateFiled), ...date(l.dateTerminated), l.status, l.summary],
    publishable: true,
    softDeleted: true,
    children: [
      { table: "lawsuit_plaintiff", parent: "lawsuit_id", field: "plaintiffs", columns: ["jurisdiction_code", "role"], rows: (l) => l.plaintiffs.map((p) => [p.jurisdiction, p.role]) },
      { table: "other_party", parent: "lawsuit_id", field: "otherParties", columns: ["name", "side"], rows: (l) => l.otherParties.map((p) => [p.name, p.side]) },
      { table: "lawsuit_relation", parent: "lawsuit_id", field: "related", columns: ["related_lawsuit_id", "relation"], rows: (l) => l.related.map((r) => [r.lawsuit, r.relation]) },
      { table: "source", parent: "lawsuit_id", field: "sources", columns: SOURCE_COLUMNS, rows: (l) => sourceRows(l.sources) },
    ],
    references: [
      { column: "court_id", field: "court", target: "courts" },
      { table: "lawsuit_relation", column: "related_lawsuit_id", field: "lawsuit", target: "lawsuits" },
    ],
  }),
  kind({
    kind: "filings",
    editable: "filing",
    table: "filing",
    schema: FilingSchema,
    canonical: canonicalFiling,
    columns: ["lawsuit_id", "kind", "title", "date_filed", "date_filed_precision", "entry_number", "filed_by", "responds_to_id", "summary"],
    values: (f) => [f.lawsuit, f.kind, f.title, ...date(f.dateFiled), f.entryNumber ?? null, f.filedBy ?? null, f.respondsTo ?? null, f.summary],
    // The search document is derived too, but by PostgreSQL's text search: its own part
    // (title, summary, demands) is computed as each batch is copied in, while Node reads
    // the next, and the merge joins it with the lawsuit's names for the filings it writes
    // (migration 20261214090000).
    staging: {
      columns: ["demand_texts"],
      definitions: [
        `"demand_texts" text`,
        `"own_document" tsvector GENERATED ALWAYS AS (filing_search_own_document("title", "summary", "demand_texts")) STORED`,
      ],
      // As refresh_filing_search joins them: in order, with a space; none when there are none.
      values: (f) => [f.demands.length > 0 ? f.demands.map((d) => d.text).join(" ") : null],
    },
    derived: {
      columns: ["coalition", "demand_tokens"],
      values: (f) => [
        arrayLiteral(coalitionTokens(f.states.map((s) => ({ code: s.jurisdiction, role: s.role })))),
        arrayLiteral(demandTokens(f.demands)),
      ],
    },
    publishable: true,
    softDeleted: true,
    children: [
      {
        table: "filing_state",
        parent: "filing_id",
        field: "states",
        columns: ["jurisdiction_code", "role", "official_id", "date_joined", "date_joined_precision"],
        rows: (f) => f.states.map((s) => [s.jurisdiction, s.role, s.official ?? null, ...date(s.dateJoined)]),
      },
      { table: "demand", parent: "filing_id", field: "demands", columns: ["text", "category", "outcome", "decided_by_id"], rows: (f) => f.demands.map((d) => [d.text, d.category, d.outcome, d.decidedBy ?? null]) },
      { table: "source", parent: "filing_id", field: "sources", columns: SOURCE_COLUMNS, rows: (f) => sourceRows(f.sources) },
    ],
    references: [
      { column: "lawsuit_id", field: "lawsuit", target: "lawsuits" },
      { column: "responds_to_id", field: "respondsTo", target: "filings" },
      { table: "filing_state", column: "official_id", field: "official", target: "officials", sameJurisdiction: "jurisdiction_code" },
      { table: "demand", column: "decided_by_id", field: "decidedBy", target: "filings" },
    ],
  }),
];

export const KIND_BY_NAME = Object.fromEntries(KINDS.map((k) => [k.kind, k])) as Record<StagedKind, KindSpec>;

/** The singular of each kind, as problems name a missing target ("is not a court in …"). */
export const NOUN: Record<StagedKind, string> = Object.fromEntries(KINDS.map((k) => [k.kind, k.editable])) as Record<StagedKind, string>;
