// The staff lists of reference data: courts and officials. They are public the moment
// they are saved (no drafts), so these lists read the same tables as the public pages.
import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { fromStored, type PartialDateString } from "@/lib/dates/partial-date";
import { jurisdictionCode } from "@/lib/dataset/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, pagingOf, singleParam, staffQueryParam, staffPageParam, type ListPaging } from "@/lib/staff/lists";

export const CourtListParamsSchema = z.object({ q: staffQueryParam });
export type CourtListParams = z.output<typeof CourtListParamsSchema>;

export const OfficialListParamsSchema = z.object({
  q: staffQueryParam,
  jurisdiction: z.preprocess(singleParam, jurisdictionCode.optional()).catch(undefined),
  page: staffPageParam,
});
export type OfficialListParams = z.output<typeof OfficialListParamsSchema>;

export interface StaffCourtItem {
  id: string;
  shortName: string;
  fullName: string;
  lawsuitCount: number;
}

/** Every court matching the search, by id: courts number in the tens, so one page holds them all. */
export async function listCourtsForStaff(params: CourtListParams): Promise<StaffCourtItem[]> {
  const q = params.q;
  const where: Prisma.CourtWhereInput = q
    ? {
        OR: [
          { id: { contains: q, mode: "insensitive" } },
          { shortName: { contains: q, mode: "insensitive" } },
          { fullName: { contains: q, mode: "insensitive" } },
        ],
      }
    : {};
  const rows = await db.court.findMany({
    where,
    orderBy: { id: "asc" },
    select: { id: true, shortName: true, fullName: true, _count: { select: { lawsuits: true } } },
  });
  return rows.map((row) => ({ id: row.id, shortName: row.shortName, fullName: row.fullName, lawsuitCount: row._count.lawsuits }));
}

export interface StaffOfficialItem {
  id: string;
  name: string;
  office: string;
  jurisdiction: { code: string; name: string };
  termStart: PartialDateString | null;
  termEnd: PartialDateString | null;
}

export interface StaffOfficialPage extends ListPaging {
  officials: StaffOfficialItem[];
}

/** Officials matching the search and jurisdiction, by jurisdiction then name, one page at a time. */
export async function listOfficialsForStaff(params: OfficialListParams): Promise<StaffOfficialPage> {
  const q = params.q;
  const where: Prisma.OfficialWhereInput = {
    ...(params.jurisdiction ? { jurisdictionCode: params.jurisdiction } : {}),
    ...(q
      ? {
          OR: [
            { id: { contains: q, mode: "insensitive" } },
            { name: { contains: q, mode: "insensitive" } },
            { office: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.official.count({ where }),
    db.official.findMany({
      where,
      orderBy: [{ jurisdictionCode: "asc" }, { name: "asc" }, { id: "asc" }],
      ...pageWindow(params.page),
      select: {
        id: true,
        name: true,
        office: true,
        jurisdictionCode: true,
        termStart: true,
        termStartPrecision: true,
        termEnd: true,
        termEndPrecision: true,
      },
    }),
  ]);
  return {
    officials: rows.map((row) => ({
      id: row.id,
      name: row.name,
      office: row.office,
      jurisdiction: { code: row.jurisdictionCode, name: getJurisdictionName(row.jurisdictionCode) },
      termStart: row.termStart && row.termStartPrecision ? fromStored(row.termStart, row.termStartPrecision) : null,
      termEnd: row.termEnd && row.termEndPrecision ? fromStored(row.termEnd, row.termEndPrecision) : null,
    })),
    ...pagingOf(total, params.page),
  };
}
