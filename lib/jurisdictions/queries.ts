import "server-only";

import { cache } from "react";

import { htmlPath } from "@/lib/api/paths";
import { db } from "@/lib/db/client";
import { fromStored, type DatePrecision, type PartialDateString } from "@/lib/dates/partial-date";
import type { LawsuitStatus } from "@/lib/dataset/schema";
import { fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import { Prisma } from "@/lib/generated/prisma/client";
import type { JurisdictionKind } from "@/lib/jurisdictions/reference";
import type { CoalitionRole } from "@/lib/jurisdictions/roles";
import type { JurisdictionSort } from "@/lib/jurisdictions/schema";

/** How many of a jurisdiction's filings its page lists, newest first; the timeline has the rest. */

/** A jurisdiction's page, at a page of its lawsuits. */
export const statePath = (code: string, page = 1) => `${htmlPath.jurisdiction(code)}${page > 1 ? `?page=${page}` : ""}`;
export const JURISDICTION_FILINGS_LIMIT = 20;
/** Lawsuits per page of a jurisdiction's "Lawsuits as plaintiff": the page weighs the same whatever the collection. */
export const JURISDICTION_LAWSUITS_PAGE_SIZE = 10;

export interface OfficialItem {
  id: string;
  name: string;
  office: string;
  termStart: PartialDateString | null;
  termEnd: PartialDateString | null;
}

/** A year of a jurisdiction's activity: filings it joined (in any role) and those it led. */
export interface YearActivity {
  year: number;
  joined: number;
  led: number;
  coLed: number;
}

export interface JurisdictionLawsuitItem {
  id: string;
  caseNameShort: string;
  docketNumber: string;
  court: string;
  status: LawsuitStatus;
  dateFiled: PartialDateString;
  role: CoalitionRole;
}

export interface JurisdictionFilingItem {
  id: string;
  kind: FilingKind;
  title: string;
  dateFiled: PartialDateString;
  role: CoalitionRole;
  lawsuit: { id: string; caseNameShort: string } | null;
}

export interface JurisdictionDetail {
  code: string;
  name: string;
  kind: JurisdictionKind;
  officials: OfficialItem[];
  totals: { joined: number; led: number; coLed: number };
  /** Oldest year first; years without filings are left out. */
  byYear: YearActivity[];
  /** One page of the lawsuits it is a plaintiff in, newest first. */
  lawsuits: JurisdictionLawsuitItem[];
  /** Every public lawsuit it is a plaintiff in, and the pages of them (at least 1). */
  lawsuitCount: number;
  lawsuitPage: number;
  lawsuitPageCount: number;
  /** The latest JURISDICTION_FILINGS_LIMIT filings, newest first. */
  filings: JurisdictionFilingItem[];
}

interface FilingRow {
  id: string;
  kind: string;
  title: string;
  date_filed: Date;
  date_filed_precision: DatePrecision;
  role: string;
  lawsuit_id: string | null;
  case_name_short: string | null;
}

interface YearRow {
  year: number;
  joined: number;
  led: number;
  co_led: number;
}

/**
 * A jurisdiction with everything its page shows, in three statements: the jurisdiction
 * with its officials and a page of its lawsuits (`lawsuitPage`, from 1), its latest
 * filings, and its activity per year; public lawsuits and filings only. Null for a code
 * that is not in the reference list. Cached per request.
 */
export const getJurisdiction = cache(async (code: string, lawsuitPage = 1): Promise<JurisdictionDetail | null> => {
  const [row, filingRows, yearRows] = await Promise.all([
    db.jurisdiction.findUnique({
      where: { code },
      select: {
        code: true,
        name: true,
        kind: true,
        officials: {
          orderBy: [{ termStart: { sort: "desc", nulls: "last" } }, { name: "asc" }],
          select: { id: true, name: true, office: true, termStart: true, termStartPrecision: true, termEnd: true, termEndPrecision: true },
        },
        _count: { select: { lawsuitPlaintiffs: { where: { lawsuit: { isPublic: true } } } } },
        lawsuitPlaintiffs: {
          where: { lawsuit: { isPublic: true } },
          orderBy: [{ lawsuit: { dateFiled: "desc" } }, { lawsuitId: "asc" }],
          skip: (lawsuitPage - 1) * JURISDICTION_LAWSUITS_PAGE_SIZE,
          take: JURISDICTION_LAWSUITS_PAGE_SIZE,
          select: {
            role: true,
            lawsuit: {
              select: {
                id: true,
                caseNameShort: true,
                docketNumber: true,
                status: true,
                dateFiled: true,
                dateFiledPrecision: true,
                court: { select: { shortName: true } },
              },
            },
          },
        },
      },
    }),
    // Its latest public filings: the timeline's order index walked newest first, with the
    // coalition tokens it carries (docs/decisions/014), instead of sorting all the
    // jurisdiction's filing_state rows by their filings' dates (16,000 for a busy one).
    db.$queryRaw<FilingRow[]>`
      SELECT f."id", f."kind"::text AS "kind", f."title", f."date_filed", f."date_filed_precision"::text AS "date_filed_precision",
             fs."role"::text AS "role", l."id" AS "lawsuit_id", l."case_name_short"
      FROM (
        SELECT f."id", f."kind", f."title", f."date_filed", f."date_filed_precision", f."lawsuit_id" FROM "filing" f
        WHERE f."is_public" AND f."coalition" && CAST(${[code]} AS text[])
        ORDER BY f."date_filed" DESC, f."id" DESC LIMIT ${JURISDICTION_FILINGS_LIMIT}
      ) f
      JOIN "filing_state" fs ON fs."filing_id" = f."id" AND fs."jurisdiction_code" = ${code}
      LEFT JOIN "lawsuit" l ON l."id" = f."lawsuit_id"
      ORDER BY f."date_filed" DESC, f."id" DESC`,
    // Public filings per year and role, kept by the database in filing_count
    // (migration 20261202110000): "NM|2018" in any role, "NM:lead|2018", "NM:co-lead|2018".
    db.$queryRaw<YearRow[]>`
      SELECT split_part(c.value, '|', 2)::int AS year,
             (sum(c.count) FILTER (WHERE c.value LIKE ${`${code}|%`}))::int AS joined,
             coalesce(sum(c.count) FILTER (WHERE c.value LIKE ${`${code}:lead|%`}), 0)::int AS led,
             coalesce(sum(c.count) FILTER (WHERE c.value LIKE ${`${code}:co-lead|%`}), 0)::int AS co_led
        FROM filing_count c
       WHERE c.facet = 'state-year' AND c.value LIKE ${`${code}%`} AND c.count > 0
       GROUP BY 1
      HAVING sum(c.count) FILTER (WHERE c.value LIKE ${`${code}|%`}) > 0
       ORDER BY 1`,
  ]);
  if (!row) return null;

  const byYear = yearRows.map((y) => ({ year: y.year, joined: y.joined, led: y.led, coLed: y.co_led }));
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    officials: row.officials.map((official) => ({
      id: official.id,
      name: official.name,
      office: official.office,
      termStart: official.termStart && official.termStartPrecision ? fromStored(official.termStart, official.termStartPrecision) : null,
      termEnd: official.termEnd && official.termEndPrecision ? fromStored(official.termEnd, official.termEndPrecision) : null,
    })),
    totals: {
      joined: byYear.reduce((sum, y) => sum + y.joined, 0),
      led: byYear.reduce((sum, y) => sum + y.led, 0),
      coLed: byYear.reduce((sum, y) => sum + y.coLed, 0),
    },
    byYear,
    lawsuitCount: row._count.lawsuitPlaintiffs,
    lawsuitPage,
    lawsuitPageCount: Math.max(1, Math.ceil(row._count.lawsuitPlaintiffs / JURISDICTION_LAWSUITS_PAGE_SIZE)),
    lawsuits: row.lawsuitPlaintiffs.map(({ role, lawsuit }) => ({
      id: lawsuit.id,
      caseNameShort: lawsuit.caseNameShort,
      docketNumber: lawsuit.docketNumber,
      court: lawsuit.court.shortName,
      status: fromDbEnum<LawsuitStatus>(lawsuit.status),
      dateFiled: fromStored(lawsuit.dateFiled, lawsuit.dateFiledPrecision),
      role: fromDbEnum<CoalitionRole>(role),
    })),
    filings: filingRows.map((filing) => ({
      id: filing.id,
      kind: fromDbEnum<FilingKind>(filing.kind),
      title: filing.title,
      dateFiled: fromStored(filing.date_filed, filing.date_filed_precision),
      role: fromDbEnum<CoalitionRole>(filing.role),
      lawsuit: filing.lawsuit_id && filing.case_name_short ? { id: filing.lawsuit_id, caseNameShort: filing.case_name_short } : null,
    })),
  };
});

/** One row of the jurisdiction list. */
export interface JurisdictionListItem {
  code: string;
  name: string;
  kind: JurisdictionKind;
  /** Filings it joined, in any role. */
  joined: number;
  led: number;
  /** Lawsuits it is a plaintiff in. */
  lawsuits: number;
}

interface JurisdictionListRow {
  code: string;
  name: string;
  kind: JurisdictionKind;
  joined: number;
  led: number;
  lawsuits: number;
}

const JURISDICTION_ORDER: Record<JurisdictionSort, Prisma.Sql> = {
  name: Prisma.sql`j.name ASC`,
  joined: Prisma.sql`joined DESC, j.name ASC`,
  led: Prisma.sql`led DESC, joined DESC, j.name ASC`,
  lawsuits: Prisma.sql`lawsuits DESC, joined DESC, j.name ASC`,
};

/** Every jurisdiction of the reference table with its counts of public records, in one statement. */
export async function listJurisdictions(sort: JurisdictionSort = "name"): Promise<JurisdictionListItem[]> {
  const rows = await db.$queryRaw<JurisdictionListRow[]>`
    SELECT j.code, j.name, j.kind::text AS kind,
           -- Public filings joined and led, kept by the database (migration 20261202110000).
           (SELECT coalesce(sum(c.count), 0)::int FROM filing_count c
             WHERE c.facet = 'state' AND c.value = CAST(j.code AS text)) AS joined,
           coalesce(led.count, 0) AS led,
           coalesce(ls.count, 0) AS lawsuits
      FROM jurisdiction j
      -- One pass over the plaintiffs for every jurisdiction, rather than one per jurisdiction.
      LEFT JOIN (SELECT p.jurisdiction_code, count(*)::int AS count FROM lawsuit_plaintiff p
                   JOIN lawsuit l ON l.id = p.lawsuit_id AND l.is_public GROUP BY 1) ls ON ls.jurisdiction_code = j.code
      LEFT JOIN (SELECT split_part(c.value, ':', 1) AS code, sum(c.count)::int AS count FROM filing_count c
                  WHERE c.facet = 'state-year' AND c.value LIKE '%:lead|%' GROUP BY 1) led ON led.code = CAST(j.code AS text)
     ORDER BY ${JURISDICTION_ORDER[sort]}`;
  return rows.map((row) => ({ ...row, code: row.code.trim() }));
}
