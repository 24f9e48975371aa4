// What staff see of lawsuits: every one, drafts and soft-deleted ones included, unlike
// the public queries of lib/lawsuits, which read only public records.
import "server-only";

import { db } from "@/lib/db/client";
import { fromStored, type PartialDateString } from "@/lib/dates/partial-date";
import type { LawsuitStatus } from "@/lib/dataset/schema";
import type { Publication } from "@/lib/editing/types";
import { fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getRecordStatusForStaff, type StaffRecordStatus } from "@/lib/staff/record-status";
import { LIFECYCLE_COLUMNS, lifecycleOf, pageWindow, pagingOf, recentlyChangedFirst, recordListWhere, type ListPaging, type RecordLifecycle, type StaffRecordListParams } from "@/lib/staff/lists";

export interface StaffLawsuitItem extends RecordLifecycle {
  id: string;
  caseNameShort: string;
  docketNumber: string;
  court: { shortName: string; fullName: string };
  dateFiled: PartialDateString;
  status: LawsuitStatus;
}

export interface StaffLawsuitPage extends ListPaging {
  lawsuits: StaffLawsuitItem[];
}

/** Lawsuits matching the search and lifecycle filter, most recently changed first, one page at a time. */
export async function listLawsuitsForStaff(params: StaffRecordListParams): Promise<StaffLawsuitPage> {
  const where: Prisma.LawsuitWhereInput = recordListWhere(params, (q): Prisma.LawsuitWhereInput[] => {
    const contains = { contains: q, mode: "insensitive" } as const;
    return [{ caseName: contains }, { caseNameShort: contains }, { docketNumber: contains }, { id: contains }];
  });
  const [total, rows] = await Promise.all([
    db.lawsuit.count({ where }),
    db.lawsuit.findMany({
      where,
      orderBy: recentlyChangedFirst(),
      ...pageWindow(params.page),
      select: {
        id: true,
        caseNameShort: true,
        docketNumber: true,
        court: { select: { shortName: true, fullName: true } },
        dateFiled: true,
        dateFiledPrecision: true,
        status: true,
        ...LIFECYCLE_COLUMNS,
      },
    }),
  ]);
  return {
    lawsuits: rows.map((row) => ({
      id: row.id,
      caseNameShort: row.caseNameShort,
      docketNumber: row.docketNumber,
      court: row.court,
      dateFiled: fromStored(row.dateFiled, row.dateFiledPrecision),
      status: fromDbEnum<LawsuitStatus>(row.status),
      ...lifecycleOf(row),
    })),
    ...pagingOf(total, params.page),
  };
}

export interface StaffLawsuitFiling {
  id: string;
  title: string;
  kind: FilingKind;
  dateFiled: PartialDateString;
  entryNumber: number | null;
  publication: Publication;
  deletedAt: string | null;
}

/** Every filing of a lawsuit, drafts and deleted ones included, in docket order. */
export async function listLawsuitFilingsForStaff(lawsuitId: string): Promise<StaffLawsuitFiling[]> {
  const rows = await db.filing.findMany({
    where: { lawsuitId },
    orderBy: [{ dateFiled: "asc" }, { dateFiledPrecision: "desc" }, { entryNumber: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      kind: true,
      dateFiled: true,
      dateFiledPrecision: true,
      entryNumber: true,
      publication: true,
      deletedAt: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: fromDbEnum<FilingKind>(row.kind),
    dateFiled: fromStored(row.dateFiled, row.dateFiledPrecision),
    entryNumber: row.entryNumber,
    publication: row.publication,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }));
}

/** The lifecycle facts the edit page shows beside the form. */
export const getLawsuitStatusForStaff = (id: string): Promise<StaffRecordStatus | null> => getRecordStatusForStaff("lawsuit", id);
