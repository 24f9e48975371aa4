import "server-only";

import { cache } from "react";

import { db } from "@/lib/db/client";
import { comparePartialDates, fromStored, type PartialDateString } from "@/lib/dates/partial-date";
import { PARTY_SIDES, type LawsuitRelationKind, type LawsuitStatus, type PartySide } from "@/lib/dataset/schema";
import { fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { COALITION_ROLE_ORDER, type CoalitionRole } from "@/lib/jurisdictions/roles";
import { citeLawsuit } from "@/lib/lawsuits/citation";
import { LAWSUITS_PAGE_SIZE, type LawsuitListParams, type LawsuitSort, type SortDirection } from "@/lib/lawsuits/schema";

/** Relations that move a case from one docket to another: followed from lawsuit to lawsuit. */
const CHAIN_RELATIONS: LawsuitRelationKind[] = ["appeal-of", "transferred-to", "transferred-to-join"];
/** A guard against a runaway chain; real chains have a handful of links. */
const MAX_CHAIN_LINKS = 100;

/** A lawsuit as other pages link to it. */
export interface LawsuitRef {
  id: string;
  caseNameShort: string;
  docketNumber: string;
  court: string;
  dateFiled: PartialDateString;
  status: LawsuitStatus;
}

export interface PlaintiffItem {
  code: string;
  name: string;
  role: CoalitionRole;
}

export interface PartyGroup {
  side: PartySide;
  names: string[];
}

/** A relation read from this lawsuit's end: outgoing ("Transferred to join") or incoming ("Joined by transfer of"). */
export interface RelatedLawsuit {
  relation: LawsuitRelationKind;
  direction: "outgoing" | "incoming";
  lawsuit: LawsuitRef;
}

/** A link of the transfer and appeal chain that does not touch this lawsuit: "B was appealed in C". */
export interface ChainLink {
  relation: LawsuitRelationKind;
  from: LawsuitRef;
  to: LawsuitRef;
}

export interface DocketEntry {
  id: string;
  entryNumber: number | null;
  dateFiled: PartialDateString;
  kind: FilingKind;
  title: string;
  filedBy: string | null;
  stateCount: number;
  /** Lead and co-lead jurisdictions, lead first. */
  leads: PlaintiffItem[];
}

export interface SourceItem {
  url: string;
  title: string;
  publisher: string;
  published: PartialDateString | null;
}

export interface LawsuitDetail {
  id: string;
  caseName: string;
  caseNameShort: string;
  /** The docket's plain-text citation (lib/lawsuits/citation.ts). */
  citation: string;
  court: { id: string; shortName: string; fullName: string };
  docketNumber: string;
  judge: string | null;
  status: LawsuitStatus;
  dateFiled: PartialDateString;
  dateTerminated: PartialDateString | null;
  summary: string;
  /** In caption order; `role` marks the lead. */
  plaintiffs: PlaintiffItem[];
  /** In the order of PARTY_SIDES, each side's names in caption order. */
  otherParties: PartyGroup[];
  related: RelatedLawsuit[];
  chain: ChainLink[];
  /** By date, then docket entry number (entries without one last). */
  filings: DocketEntry[];
  sources: SourceItem[];
}

const lawsuitRefSelect = {
  id: true,
  caseNameShort: true,
  docketNumber: true,
  dateFiled: true,
  dateFiledPrecision: true,
  status: true,
  court: { select: { shortName: true } },
} satisfies Prisma.LawsuitSelect;

type LawsuitRefRow = Prisma.LawsuitGetPayload<{ select: typeof lawsuitRefSelect }>;

function toLawsuitRef(row: LawsuitRefRow): LawsuitRef {
  return {
    id: row.id,
    caseNameShort: row.caseNameShort,
    docketNumber: row.docketNumber,
    court: row.court.shortName,
    dateFiled: fromStored(row.dateFiled, row.dateFiledPrecision),
    status: fromDbEnum<LawsuitStatus>(row.status),
  };
}

interface ChainRow {
  lawsuit_id: string;
  related_lawsuit_id: string;
  relation: string;
}

/**
 * Every transfer and appeal link reachable from the lawsuit, in either direction, in
 * one statement: UNION (not UNION ALL) drops links already found, so the recursion
 * ends even if the data holds a cycle. Only links between public lawsuits are
 * followed: a chain never passes through a draft.
 */
async function listChainLinks(id: string): Promise<ChainRow[]> {
  const kinds = Prisma.join(CHAIN_RELATIONS.map((kind) => Prisma.sql`CAST(${kind} AS lawsuit_relation_kind)`));
  return db.$queryRaw<ChainRow[]>`
    WITH RECURSIVE public_relation AS (
        SELECT r.lawsuit_id, r.related_lawsuit_id, r.relation
          FROM lawsuit_relation r
          JOIN lawsuit a ON a.id = r.lawsuit_id AND a.is_public
          JOIN lawsuit b ON b.id = r.related_lawsuit_id AND b.is_public
         WHERE r.relation IN (${kinds})
    ),
    chain (lawsuit_id, related_lawsuit_id, relation) AS (
        SELECT r.lawsuit_id, r.related_lawsuit_id, r.relation
          FROM public_relation r
         WHERE r.lawsuit_id = ${id} OR r.related_lawsuit_id = ${id}
      UNION
        SELECT r.lawsuit_id, r.related_lawsuit_id, r.relation
          FROM chain c
          JOIN public_relation r
            ON r.lawsuit_id IN (c.lawsuit_id, c.related_lawsuit_id)
            OR r.related_lawsuit_id IN (c.lawsuit_id, c.related_lawsuit_id)
    )
    SELECT lawsuit_id, related_lawsuit_id, relation::text AS relation
      FROM chain
     LIMIT ${MAX_CHAIN_LINKS}`;
}

/**
 * A lawsuit with everything its page shows, in a fixed number of statements whatever
 * its size: the lawsuit with its parties, relations and sources; its filings; its
 * transfer and appeal chain; and the lawsuits of that chain. Public records only: null
 * when there is no public lawsuit with that id. Cached per request, so that the page
 * and its metadata share one read.
 */
export const getLawsuit = cache(async (id: string): Promise<LawsuitDetail | null> => {
  const [row, filings, chainRows] = await Promise.all([
    db.lawsuit.findUnique({
      where: { id, isPublic: true },
      select: {
        id: true,
        caseName: true,
        caseNameShort: true,
        court: { select: { id: true, shortName: true, fullName: true } },
        docketNumber: true,
        judge: true,
        status: true,
        dateFiled: true,
        dateFiledPrecision: true,
        dateTerminated: true,
        dateTerminatedPrecision: true,
        summary: true,
        plaintiffs: { orderBy: { position: "asc" }, select: { jurisdictionCode: true, role: true } },
        otherParties: { orderBy: { position: "asc" }, select: { name: true, side: true } },
        relations: {
          where: { relatedLawsuit: { isPublic: true } },
          orderBy: { position: "asc" },
          select: { relation: true, relatedLawsuit: { select: lawsuitRefSelect } },
        },
        relatedFrom: {
          where: { lawsuit: { isPublic: true } },
          orderBy: [{ lawsuit: { dateFiled: "asc" } }, { lawsuitId: "asc" }],
          select: { relation: true, lawsuit: { select: lawsuitRefSelect } },
        },
        sources: {
          orderBy: { position: "asc" },
          select: { url: true, title: true, publisher: true, published: true, publishedPrecision: true },
        },
      },
    }),
    db.filing.findMany({
      where: { lawsuitId: id, isPublic: true },
      // A wider period (a month) sorts before a day of that month, as on the timeline.
      orderBy: [{ dateFiled: "asc" }, { dateFiledPrecision: "desc" }, { entryNumber: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: {
        id: true,
        entryNumber: true,
        dateFiled: true,
        dateFiledPrecision: true,
        kind: true,
        title: true,
        filedBy: true,
        states: { where: { role: { in: ["lead", "co_lead"] } }, orderBy: { position: "asc" }, select: { jurisdictionCode: true, role: true } },
        _count: { select: { states: true } },
      },
    }),
    listChainLinks(id),
  ]);
  if (!row) return null;

  // Links that touch this lawsuit are shown as its own relations; the chain keeps the rest.
  const farLinks = chainRows.filter((link) => link.lawsuit_id !== id && link.related_lawsuit_id !== id);
  const chainIds = [...new Set(farLinks.flatMap((link) => [link.lawsuit_id, link.related_lawsuit_id]))];
  const chainLawsuits = chainIds.length
    ? await db.lawsuit.findMany({ where: { id: { in: chainIds }, isPublic: true }, select: lawsuitRefSelect })
    : [];
  const chainById = new Map(chainLawsuits.map((lawsuit) => [lawsuit.id, toLawsuitRef(lawsuit)]));
  const chain = farLinks
    .filter((link) => chainById.has(link.lawsuit_id) && chainById.has(link.related_lawsuit_id))
    .map((link) => ({
      relation: fromDbEnum<LawsuitRelationKind>(link.relation),
      from: chainById.get(link.lawsuit_id)!,
      to: chainById.get(link.related_lawsuit_id)!,
    }))
    .sort((a, b) => comparePartialDates(a.from.dateFiled, b.from.dateFiled));

  const dateFiled = fromStored(row.dateFiled, row.dateFiledPrecision);
  return {
    id: row.id,
    caseName: row.caseName,
    caseNameShort: row.caseNameShort,
    citation: citeLawsuit({ caseNameShort: row.caseNameShort, docketNumber: row.docketNumber, courtShortName: row.court.shortName, dateFiled }),
    court: row.court,
    docketNumber: row.docketNumber,
    judge: row.judge,
    status: fromDbEnum<LawsuitStatus>(row.status),
    dateFiled,
    dateTerminated: row.dateTerminated && row.dateTerminatedPrecision ? fromStored(row.dateTerminated, row.dateTerminatedPrecision) : null,
    summary: row.summary,
    plaintiffs: row.plaintiffs.map((p) => ({
      code: p.jurisdictionCode,
      name: getJurisdictionName(p.jurisdictionCode),
      role: fromDbEnum<CoalitionRole>(p.role),
    })),
    otherParties: PARTY_SIDES.map((side) => ({
      side,
      names: row.otherParties.filter((party) => fromDbEnum<PartySide>(party.side) === side).map((party) => party.name),
    })).filter((group) => group.names.length > 0),
    related: mergeRelations(
      row.relations.map((r) => ({ relation: fromDbEnum<LawsuitRelationKind>(r.relation), direction: "outgoing", lawsuit: toLawsuitRef(r.relatedLawsuit) })),
      row.relatedFrom.map((r) => ({ relation: fromDbEnum<LawsuitRelationKind>(r.relation), direction: "incoming", lawsuit: toLawsuitRef(r.lawsuit) })),
    ),
    chain,
    filings: filings.map((filing) => ({
      id: filing.id,
      entryNumber: filing.entryNumber,
      dateFiled: fromStored(filing.dateFiled, filing.dateFiledPrecision),
      kind: fromDbEnum<FilingKind>(filing.kind),
      title: filing.title,
      filedBy: filing.filedBy,
      stateCount: filing._count.states,
      leads: filing.states
        .map((s) => ({ code: s.jurisdictionCode, name: getJurisdictionName(s.jurisdictionCode), role: fromDbEnum<CoalitionRole>(s.role) }))
        .sort((a, b) => COALITION_ROLE_ORDER[a.role] - COALITION_ROLE_ORDER[b.role]),
    })),
    sources: row.sources.map((source) => ({
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      published: source.published && source.publishedPrecision ? fromStored(source.published, source.publishedPrecision) : null,
    })),
  };
});

/**
 * Outgoing relations first, then incoming ones. A plain "related" link is dropped when
 * the same two lawsuits are also linked by a more telling relation (a transfer, an
 * appeal) in either direction: "Joined by transfer of" says all "Related to" would.
 */
function mergeRelations(outgoing: RelatedLawsuit[], incoming: RelatedLawsuit[]): RelatedLawsuit[] {
  const all = [...outgoing, ...incoming];
  const specific = new Set(all.filter((r) => r.relation !== "related").map((r) => r.lawsuit.id));
  const seen = new Set<string>();
  return all.filter((r) => {
    if (r.relation === "related" && specific.has(r.lawsuit.id)) return false;
    const key = `${r.direction}:${r.relation}:${r.lawsuit.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One row of the lawsuit list. */
export interface LawsuitListItem {
  id: string;
  caseName: string;
  caseNameShort: string;
  court: { id: string; shortName: string; fullName: string };
  docketNumber: string;
  status: LawsuitStatus;
  dateFiled: PartialDateString;
  filingCount: number;
  /** Jurisdictions suing as plaintiffs. */
  plaintiffCount: number;
  /** The most jurisdictions that joined any one of its filings (amicus briefs included). */
  largestFilingCoalition: number;
}

export interface CourtOption {
  id: string;
  shortName: string;
  fullName: string;
}

interface LawsuitListRow {
  id: string;
  case_name: string;
  case_name_short: string;
  court_id: string;
  court_short_name: string;
  court_full_name: string;
  docket_number: string;
  status: string;
  date_filed: string;
  date_filed_precision: "day" | "month" | "year";
  filing_count: number;
  plaintiff_count: number;
  largest_filing_coalition: number;
}

/** Column expressions of the list's SELECT below; never user input. */
const SORT_EXPRESSIONS: Record<LawsuitSort, Prisma.Sql> = {
  filed: Prisma.sql`l.date_filed`,
  name: Prisma.sql`lower(l.case_name_short)`,
  filings: Prisma.sql`filing_count`,
  // Coalition size: plaintiff jurisdictions, then the most jurisdictions on one filing.
  coalition: Prisma.sql`plaintiff_count`,
};

function orderBy(sort: LawsuitSort, dir: SortDirection): Prisma.Sql {
  const direction = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const tieBreak = sort === "coalition" ? Prisma.sql`, largest_filing_coalition ${direction}` : Prisma.empty;
  return Prisma.sql`ORDER BY ${SORT_EXPRESSIONS[sort]} ${direction}${tieBreak}, lower(l.case_name_short) ASC, l.id ASC`;
}

export interface LawsuitListPage {
  /** One page of the public lawsuits matching the list's filters, sorted. */
  lawsuits: LawsuitListItem[];
  /** How many match, on every page. */
  total: number;
  page: number;
  /** At least 1, so that an empty list still has its first page. */
  pageCount: number;
  courts: CourtOption[];
}

/**
 * One page (LAWSUITS_PAGE_SIZE, from `params.page`) of the public lawsuits matching the
 * list's filters, sorted, with their counts of public filings, in one statement; how
 * many match, in another; and the courts that have public lawsuits, for the court filter.
 */
export async function listLawsuits(params: LawsuitListParams, pageSize = LAWSUITS_PAGE_SIZE): Promise<LawsuitListPage> {
  const conditions: Prisma.Sql[] = [Prisma.sql`l.is_public`];
  if (params.status) conditions.push(Prisma.sql`l.status = CAST(${params.status} AS lawsuit_status)`);
  if (params.court) conditions.push(Prisma.sql`l.court_id = ${params.court}`);
  if (params.q) {
    // A plain substring, without LIKE's wildcards: "50%" means "50%".
    conditions.push(Prisma.sql`(strpos(lower(l.case_name), lower(${params.q})) > 0 OR strpos(lower(l.case_name_short), lower(${params.q})) > 0)`);
  }
  const where = Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;

  const [rows, [{ total }], courts] = await Promise.all([
    db.$queryRaw<LawsuitListRow[]>`
      SELECT l.id, l.case_name, l.case_name_short, l.court_id,
             c.short_name AS court_short_name, c.full_name AS court_full_name,
             l.docket_number, l.status::text AS status,
             to_char(l.date_filed, 'YYYY-MM-DD') AS date_filed, l.date_filed_precision::text AS date_filed_precision,
             (SELECT count(*)::int FROM filing f WHERE f.lawsuit_id = l.id AND f.is_public) AS filing_count,
             (SELECT count(*)::int FROM lawsuit_plaintiff p WHERE p.lawsuit_id = l.id) AS plaintiff_count,
             (SELECT coalesce(max(n), 0)::int
                FROM (SELECT count(*) AS n
                        FROM filing f JOIN filing_state fs ON fs.filing_id = f.id
                       WHERE f.lawsuit_id = l.id AND f.is_public
                       GROUP BY f.id) AS per_filing) AS largest_filing_coalition
        FROM lawsuit l
        JOIN court c ON c.id = l.court_id
      ${where}
      ${orderBy(params.sort, params.dir)}
      LIMIT ${pageSize} OFFSET ${(params.page - 1) * pageSize}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM lawsuit l ${where}`,
    db.court.findMany({
      where: { lawsuits: { some: { isPublic: true } } },
      orderBy: { shortName: "asc" },
      select: { id: true, shortName: true, fullName: true },
    }),
  ]);

  return {
    lawsuits: rows.map((row) => ({
      id: row.id,
      caseName: row.case_name,
      caseNameShort: row.case_name_short,
      court: { id: row.court_id, shortName: row.court_short_name, fullName: row.court_full_name },
      docketNumber: row.docket_number,
      status: fromDbEnum<LawsuitStatus>(row.status),
      dateFiled: fromStored(row.date_filed, row.date_filed_precision),
      filingCount: row.filing_count,
      plaintiffCount: row.plaintiff_count,
      largestFilingCoalition: row.largest_filing_coalition,
    })),
    total,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    courts,
  };
}
