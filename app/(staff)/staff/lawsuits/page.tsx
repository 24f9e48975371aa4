import type { Metadata } from "next";
import Link from "next/link";

import { LawsuitStatusBadge } from "@/components/lawsuits/status-badge";
import { ListPager } from "@/components/ui/list-pager";
import { PublicationBadge } from "@/components/staff/record-actions";
import { LifecycleField, SearchField, StaffListCount, StaffListFilters, StaffListHeading, StaffListTable } from "@/components/staff/staff-list";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles } from "@/components/ui/table-scroll";
import { Timestamp } from "@/components/ui/timestamp";
import { requireStaff } from "@/lib/auth/session";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { editPath } from "@/lib/editing/paths";
import { listLawsuitsForStaff } from "@/lib/lawsuits/staff-queries";
import { staffListHref, StaffRecordListParamsSchema, type StaffRecordListParams } from "@/lib/staff/lists";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Lawsuits · Staff", robots: { index: false, follow: false } };

const listHref = (params: StaffRecordListParams, page: number) => staffListHref("/staff/lawsuits", { q: params.q, show: params.show === "all" ? undefined : params.show }, page);

export default async function StaffLawsuitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = StaffRecordListParamsSchema.parse(await searchParams);
  const { lawsuits, total, page, pageCount } = await listLawsuitsForStaff(params);
  const filtered = !!params.q || params.show !== "all";

  return (
    <>
      <StaffListHeading title="Lawsuits" newHref="/staff/lawsuits/new" newLabel="New lawsuit" />
      <StaffListFilters action="/staff/lawsuits" label="Search lawsuits" filtered={filtered}>
        <SearchField id="lawsuit-q" label="Caption, docket number or id contains" value={params.q} />
        <LifecycleField id="lawsuit-show" value={params.show} />
      </StaffListFilters>
      <StaffListCount total={total} noun="lawsuit" filtered={filtered} order="most recently changed first" />
      {lawsuits.length > 0 ? (
        <StaffListTable captionId="lawsuits-caption" caption="Lawsuits, most recently changed first">
          <thead>
            <tr>
              <th scope="col">Lawsuit</th>
              <th scope="col">Publication</th>
              <th scope="col">Status</th>
              <th scope="col">Court</th>
              <th scope="col">Filed</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {lawsuits.map((lawsuit) => (
              <tr key={lawsuit.id}>
                <th scope="row" className={styles.wide}>
                  <Link href={editPath("lawsuit", lawsuit.id)}>{lawsuit.caseNameShort}</Link>
                  <span className={styles.secondary}>No. {lawsuit.docketNumber}</span>
                </th>
                <td>
                  <PublicationBadge publication={lawsuit.publication} deletedAt={lawsuit.deletedAt} />
                </td>
                <td>
                  <LawsuitStatusBadge status={lawsuit.status} />
                </td>
                <td className={tableStyles.nowrap}>
                  <abbr title={lawsuit.court.fullName}>{lawsuit.court.shortName}</abbr>
                </td>
                <td className={tableStyles.nowrap}>
                  <time dateTime={lawsuit.dateFiled}>{formatPartialDate(lawsuit.dateFiled)}</time>
                </td>
                <td className={tableStyles.nowrap}>
                  <Timestamp iso={lawsuit.updatedAt} day />
                  <span className={styles.secondary}>version {lawsuit.version}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </StaffListTable>
      ) : (
        <p>
          No lawsuit matches. {filtered ? <Link href="/staff/lawsuits">Show all lawsuits</Link> : <Link href="/staff/lawsuits/new">Create a lawsuit</Link>}.
        </p>
      )}
      <ListPager page={page} pageCount={pageCount} label="Pages of lawsuits" hrefFor={(n) => listHref(params, n)} />
    </>
  );
}
