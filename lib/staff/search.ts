// Lookups behind the staff forms' pickers. Unlike the public queries these see drafts
// (a new filing may answer a draft motion), but not soft-deleted records, which a
// record must not come to refer to; getRecordOptions still names deleted ones that a
// record already refers to, so that the form can show what is chosen.
import "server-only";

import { db } from "@/lib/db/client";
import { fromStored } from "@/lib/dates/partial-date";
import { FILING_KIND_LABELS, fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A record as a picker shows it (the shape of components/staff/fields/record-picker's RecordOption). */
export interface RecordSummary {
  id: string;
  title: string;
  date: string | null;
  kind: string | null;
  detail: string | null;
  draft: boolean;
  deleted: boolean;
}

export interface OfficialSummary {
  id: string;
  name: string;
  office: string;
  jurisdiction: string;
  termStart: string | null;
  termEnd: string | null;
}

export interface CourtSummary {
  id: string;
  shortName: string;
  fullName: string;
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;

const limitOf = (limit: number | undefined) => Math.min(Math.max(1, Math.trunc(limit ?? DEFAULT_SEARCH_LIMIT)), MAX_SEARCH_LIMIT);

const filingSelect = {
  id: true,
  title: true,
  kind: true,
  dateFiled: true,
  dateFiledPrecision: true,
  entryNumber: true,
  publication: true,
  deletedAt: true,
  lawsuit: { select: { caseNameShort: true } },
} satisfies Prisma.FilingSelect;

type FilingRow = Prisma.FilingGetPayload<{ select: typeof filingSelect }>;

function filingSummary(row: FilingRow): RecordSummary {
  const detail = [row.lawsuit?.caseNameShort, row.entryNumber !== null ? `ECF No. ${row.entryNumber}` : null].filter(Boolean).join(" · ");
  return {
    id: row.id,
    title: row.title,
    date: fromStored(row.dateFiled, row.dateFiledPrecision),
    kind: FILING_KIND_LABELS[fromDbEnum<FilingKind>(row.kind)],
    detail: detail || null,
    draft: row.publication === "draft",
    deleted: row.deletedAt !== null,
  };
}

const lawsuitSelect = {
  id: true,
  caseNameShort: true,
  docketNumber: true,
  dateFiled: true,
  dateFiledPrecision: true,
  publication: true,
  deletedAt: true,
  court: { select: { shortName: true } },
} satisfies Prisma.LawsuitSelect;

type LawsuitRow = Prisma.LawsuitGetPayload<{ select: typeof lawsuitSelect }>;

function lawsuitSummary(row: LawsuitRow): RecordSummary {
  return {
    id: row.id,
    title: row.caseNameShort,
    date: fromStored(row.dateFiled, row.dateFiledPrecision),
    kind: "Lawsuit",
    detail: `No. ${row.docketNumber} (${row.court.shortName})`,
    draft: row.publication === "draft",
    deleted: row.deletedAt !== null,
  };
}

/** An exact id first: an editor who pastes an id wants that record on top. */
function exactIdFirst<T extends { id: string }>(rows: T[], q: string): T[] {
  const exact = rows.findIndex((row) => row.id === q);
  return exact <= 0 ? rows : [rows[exact], ...rows.slice(0, exact), ...rows.slice(exact + 1)];
}

/**
 * Filings whose title or id contains `q` (every filing when `q` is blank), newest filed
 * first, drafts included. `lawsuitId` restricts to one lawsuit's filings (the order that
 * decided a demand); `excludeId` leaves out the filing being edited.
 */
export async function searchFilings(q: string, options: { lawsuitId?: string | null; excludeId?: string | null; limit?: number } = {}): Promise<RecordSummary[]> {
  const text = q.trim();
  const where: Prisma.FilingWhereInput = {
    deletedAt: null,
    ...(options.lawsuitId ? { lawsuitId: options.lawsuitId } : {}),
    ...(options.excludeId ? { id: { not: options.excludeId } } : {}),
    ...(text ? { OR: [{ title: { contains: text, mode: "insensitive" } }, { id: { contains: text.toLowerCase() } }] } : {}),
  };
  const rows = await db.filing.findMany({
    where,
    select: filingSelect,
    orderBy: [{ dateFiled: "desc" }, { dateFiledPrecision: "asc" }, { id: "asc" }],
    take: limitOf(options.limit),
  });
  return exactIdFirst(rows, text).map(filingSummary);
}

/** Lawsuits whose captions, docket number or id contain `q`, newest filed first, drafts included. */
export async function searchLawsuits(q: string, options: { excludeId?: string | null; limit?: number } = {}): Promise<RecordSummary[]> {
  const text = q.trim();
  const contains = { contains: text, mode: "insensitive" } as const;
  const where: Prisma.LawsuitWhereInput = {
    deletedAt: null,
    ...(options.excludeId ? { id: { not: options.excludeId } } : {}),
    ...(text ? { OR: [{ caseName: contains }, { caseNameShort: contains }, { docketNumber: contains }, { id: { contains: text.toLowerCase() } }] } : {}),
  };
  const rows = await db.lawsuit.findMany({
    where,
    select: lawsuitSelect,
    orderBy: [{ dateFiled: "desc" }, { id: "asc" }],
    take: limitOf(options.limit),
  });
  return exactIdFirst(rows, text).map(lawsuitSummary);
}

/** The summaries of records a form already refers to, deleted ones included, by id. */
export async function getRecordSummaries(ids: { lawsuits?: string[]; filings?: string[] }): Promise<{ lawsuits: Record<string, RecordSummary>; filings: Record<string, RecordSummary> }> {
  const lawsuitIds = [...new Set(ids.lawsuits ?? [])];
  const filingIds = [...new Set(ids.filings ?? [])];
  const [lawsuits, filings] = await Promise.all([
    lawsuitIds.length ? db.lawsuit.findMany({ where: { id: { in: lawsuitIds } }, select: lawsuitSelect }) : [],
    filingIds.length ? db.filing.findMany({ where: { id: { in: filingIds } }, select: filingSelect }) : [],
  ]);
  return {
    lawsuits: Object.fromEntries(lawsuits.map((row) => [row.id, lawsuitSummary(row)])),
    filings: Object.fromEntries(filings.map((row) => [row.id, filingSummary(row)])),
  };
}

/** Officials, of some jurisdictions or all, by jurisdiction then name. */
export async function listOfficials(options: { jurisdictions?: string[] } = {}): Promise<OfficialSummary[]> {
  const rows = await db.official.findMany({
    where: options.jurisdictions ? { jurisdictionCode: { in: options.jurisdictions } } : {},
    select: { id: true, name: true, office: true, jurisdictionCode: true, termStart: true, termStartPrecision: true, termEnd: true, termEndPrecision: true },
    orderBy: [{ jurisdictionCode: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    office: row.office,
    jurisdiction: row.jurisdictionCode,
    termStart: row.termStart && row.termStartPrecision ? fromStored(row.termStart, row.termStartPrecision) : null,
    termEnd: row.termEnd && row.termEndPrecision ? fromStored(row.termEnd, row.termEndPrecision) : null,
  }));
}

export async function listCourts(): Promise<CourtSummary[]> {
  return db.court.findMany({ select: { id: true, shortName: true, fullName: true }, orderBy: [{ shortName: "asc" }, { id: "asc" }] });
}

/** The demand categories in use, to suggest them; categories are open-ended slugs. */
export async function listDemandCategories(): Promise<string[]> {
  const rows = await db.demand.findMany({ distinct: ["category"], select: { category: true }, orderBy: { category: "asc" } });
  return rows.map((row) => row.category);
}
