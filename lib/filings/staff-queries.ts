// What staff see of filings: every one, drafts and soft-deleted ones included, unlike the
// public queries (lib/timeline, lib/filings), which read only public filings.
import "server-only";

import { db } from "@/lib/db/client";
import { fromStored, type PartialDateString } from "@/lib/dates/partial-date";
import { fromDbEnum, type FilingKind } from "@/lib/filings/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getRecordStatusForStaff, type StaffRecordStatus } from "@/lib/staff/record-status";
import { LIFECYCLE_COLUMNS, lifecycleOf, pageWindow, pagingOf, recentlyChangedFirst, recordListWhere, type ListPaging, type RecordLifecycle, type StaffRecordListParams } from "@/lib/staff/lists";

export interface StaffFilingItem extends RecordLifecycle {
  id: string;
  title: string;
  kind: FilingKind;
  dateFiled: PartialDateString;
  lawsuit: { id: string; caseNameShort: string } | null;
  stateCount: number;
}

export interface StaffFilingPage extends ListPaging {
  filings: StaffFilingItem[];
}

/** Filings matching the search and lifecycle filter, most recently changed first, one page at a time. */
export async function listFilingsForStaff(params: StaffRecordListParams): Promise<StaffFilingPage> {
  const where: Prisma.FilingWhereInput = recordListWhere(params, (q): Prisma.FilingWhereInput[] => [{ title: { contains: q, mode: "insensitive" } }, { id: { contains: q.toLowerCase() } }]);
  const [total, rows] = await Promise.all([
    db.filing.count({ where }),
    db.filing.findMany({
      where,
      orderBy: recentlyChangedFirst(),
      ...pageWindow(params.page),
      select: {
        id: true,
        title: true,
        kind: true,
        dateFiled: true,
        dateFiledPrecision: true,
        lawsuit: { select: { id: true, caseNameShort: true } },
        _count: { select: { states: true } },
        ...LIFECYCLE_COLUMNS,
      },
    }),
  ]);
  return {
    filings: rows.map((row) => ({
      id: row.id,
      title: row.title,
      kind: fromDbEnum<FilingKind>(row.kind),
      dateFiled: fromStored(row.dateFiled, row.dateFiledPrecision),
      lawsuit: row.lawsuit,
      stateCount: row._count.states,
      ...lifecycleOf(row),
    })),
    ...pagingOf(total, params.page),
  };
}

/** The lifecycle facts the edit page shows beside the form. */
export const getFilingStatusForStaff = (id: string): Promise<StaffRecordStatus | null> => getRecordStatusForStaff("filing", id);
