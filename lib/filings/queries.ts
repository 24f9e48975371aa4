import "server-only";

import { db } from "@/lib/db/client";
import { fromStored, rangeBounds, startOfPeriodContaining, type DatePrecision, type PartialDateString } from "@/lib/dates/partial-date";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";

export const MAX_PAGE_SIZE = 100;

export interface FilingListOptions {
  sort?: "newest" | "oldest";
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: filings whose date overlaps the range. */
  from?: PartialDateString;
  to?: PartialDateString;
  limit?: number;
}

/** What a list of filings shows of each: a view model, not a database row. */
export interface FilingListItem {
  id: string;
  kind: FilingKind;
  title: string;
  dateFiled: PartialDateString;
  lawsuit: { id: string; caseNameShort: string; docketNumber: string; court: string } | null;
  stateCount: number;
  leads: { code: string; name: string }[];
}

/**
 * Filings whose date overlaps [from, to]: a stored date is the first day of its
 * period, so it overlaps when it starts on or before `to`, and its period — a day, a
 * month or a year — reaches `from`.
 */
export function dateRangeWhere(range: { from?: PartialDateString; to?: PartialDateString }): Prisma.FilingWhereInput {
  const bounds = rangeBounds(range);
  const conditions: Prisma.FilingWhereInput[] = [];
  if (bounds.to) conditions.push({ dateFiled: { lte: new Date(`${bounds.to}T00:00:00Z`) } });
  if (bounds.from) {
    const from = bounds.from;
    conditions.push({
      OR: (["day", "month", "year"] as DatePrecision[]).map((precision) => ({
        dateFiledPrecision: precision,
        dateFiled: { gte: new Date(`${startOfPeriodContaining(from, precision)}T00:00:00Z`) },
      })),
    });
  }
  return conditions.length ? { AND: conditions } : {};
}

export async function listFilings(options: FilingListOptions = {}): Promise<FilingListItem[]> {
  const direction = options.sort === "oldest" ? "asc" : "desc";
  const rows = await db.filing.findMany({
    where: dateRangeWhere(options),
    // A wider period sorts before a narrower one starting the same day.
    orderBy: [{ dateFiled: direction }, { dateFiledPrecision: direction === "asc" ? "desc" : "asc" }, { id: direction }],
    take: Math.min(options.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE),
    select: {
      id: true,
      kind: true,
      title: true,
      dateFiled: true,
      dateFiledPrecision: true,
      lawsuit: { select: { id: true, caseNameShort: true, docketNumber: true, court: { select: { shortName: true } } } },
      states: { where: { role: "lead" }, orderBy: { position: "asc" }, select: { jurisdictionCode: true } },
      _count: { select: { states: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: fromDbEnum<FilingKind>(row.kind),
    title: row.title,
    dateFiled: fromStored(row.dateFiled, row.dateFiledPrecision),
    lawsuit: row.lawsuit && {
      id: row.lawsuit.id,
      caseNameShort: row.lawsuit.caseNameShort,
      docketNumber: row.lawsuit.docketNumber,
      court: row.lawsuit.court.shortName,
    },
    stateCount: row._count.states,
    leads: row.states.map((s) => ({ code: s.jurisdictionCode, name: getJurisdictionName(s.jurisdictionCode) })),
  }));
}

export async function countFilings(options: Pick<FilingListOptions, "from" | "to"> = {}): Promise<number> {
  return db.filing.count({ where: dateRangeWhere(options) });
}
