import type { Metadata } from "next";
import Link from "next/link";

import { ListPager } from "@/components/ui/list-pager";
import { PublicationBadge } from "@/components/staff/record-actions";
import { LifecycleField, SearchField, StaffListCount, StaffListFilters, StaffListHeading, StaffListTable } from "@/components/staff/staff-list";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles } from "@/components/ui/table-scroll";
import { Timestamp } from "@/components/ui/timestamp";
import { requireStaff } from "@/lib/auth/session";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { editPath } from "@/lib/editing/paths";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { listFilingsForStaff } from "@/lib/filings/staff-queries";
import { staffListHref, StaffRecordListParamsSchema, type StaffRecordListParams } from "@/lib/staff/lists";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Filings · Staff", robots: { index: false, follow: false } };

const listHref = (params: StaffRecordListParams, page: number) => staffListHref("/staff/filings", { q: params.q, show: params.show === "all" ? undefined : params.show }, page);

export default async function StaffFilingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = StaffRecordListParamsSchema.parse(await searchParams);
  const { filings, total, page, pageCount } = await listFilingsForStaff(params);
  const filtered = !!params.q || params.show !== "all";

  return (
    <>
      <StaffListHeading title="Filings" newHref="/staff/filings/new" newLabel="New filing" />
      <StaffListFilters action="/staff/filings" label="Search filings" filtered={filtered}>
        <SearchField id="filing-q" label="Title or id contains" value={params.q} />
        <LifecycleField id="filing-show" value={params.show} />
      </StaffListFilters>
      <StaffListCount total={total} noun="filing" filtered={filtered} order="most recently changed first" />
      {filings.length > 0 ? (
        <StaffListTable captionId="filings-caption" caption="Filings, most recently changed first">
          <thead>
            <tr>
              <th scope="col">Filing</th>
              <th scope="col">Status</th>
              <th scope="col">Filed</th>
              <th scope="col">Kind</th>
              <th scope="col">Lawsuit</th>
              <th scope="col" className={tableStyles.number}>
                States
              </th>
              <th scope="col">Last changed (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {filings.map((filing) => (
              <tr key={filing.id}>
                <th scope="row" className={styles.wide}>
                  <Link href={editPath("filing", filing.id)}>{filing.title}</Link>
                  <span className={styles.secondary}>{filing.id}</span>
                </th>
                <td>
                  <span className={styles.badges}>
                    <PublicationBadge publication={filing.publication} deletedAt={filing.deletedAt} />
                  </span>
                </td>
                <td className={tableStyles.nowrap}>
                  <time dateTime={filing.dateFiled}>{formatPartialDate(filing.dateFiled)}</time>
                </td>
                <td>{FILING_KIND_LABELS[filing.kind]}</td>
                <td>{filing.lawsuit ? <Link href={editPath("lawsuit", filing.lawsuit.id)}>{filing.lawsuit.caseNameShort}</Link> : <span className={tableStyles.muted}>None</span>}</td>
                <td className={tableStyles.number}>{filing.stateCount}</td>
                <td className={tableStyles.nowrap}>
                  <Timestamp iso={filing.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </StaffListTable>
      ) : (
        <p>
          No filing matches. <Link href="/staff/filings/new">Create a filing</Link>.
        </p>
      )}
      <ListPager page={page} pageCount={pageCount} label="Pages of filings" hrefFor={(n) => listHref(params, n)} />
    </>
  );
}
