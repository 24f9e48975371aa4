import type { Metadata } from "next";
import Link from "next/link";

import { ListPager } from "@/components/staff/list-pager";
import { PublicationBadge } from "@/components/staff/record-actions";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import { requireStaff } from "@/lib/auth/session";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { FILING_LIST_SHOW_LABELS, FILING_LIST_SHOWS, listFilingsForStaff, StaffFilingListParamsSchema, type StaffFilingListParams } from "@/lib/staff/filings";
import { MAX_STAFF_QUERY_LENGTH } from "@/lib/staff/reference-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Filings · Staff", robots: { index: false, follow: false } };

function listHref(params: StaffFilingListParams, page: number): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.show !== "all") query.set("show", params.show);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/staff/filings?${text}` : "/staff/filings";
}

const changedAt = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function StaffFilingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = StaffFilingListParamsSchema.parse(await searchParams);
  const { filings, total, page, pageCount } = await listFilingsForStaff(params);
  const filtered = !!params.q || params.show !== "all";

  return (
    <>
      <div className={styles.header}>
        <h1>Filings</h1>
        <Link href="/staff/filings/new" className={styles.newButton}>
          New filing
        </Link>
      </div>
      <form method="get" action="/staff/filings" className={styles.filters} role="search" aria-label="Search filings">
        <div className={styles.field}>
          <label htmlFor="filing-q">Title or id contains</label>
          <input id="filing-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={MAX_STAFF_QUERY_LENGTH} autoComplete="off" />
        </div>
        <div className={styles.field}>
          <label htmlFor="filing-show">Status</label>
          <select id="filing-show" name="show" defaultValue={params.show}>
            {FILING_LIST_SHOWS.map((show) => (
              <option key={show} value={show}>
                {FILING_LIST_SHOW_LABELS[show]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.actions}>
          <button type="submit">Search</button>
          {filtered ? <Link href="/staff/filings">Show all</Link> : null}
        </div>
      </form>
      <p className={styles.count} role="status">
        {total} {total === 1 ? "filing" : "filings"}
        {filtered ? " match these filters" : ""}, most recently changed first.
      </p>
      {filings.length > 0 ? (
        <TableScroll labelledBy="filings-caption">
          <table className={tableStyles.table}>
            <caption id="filings-caption" className="visually-hidden">
              Filings, most recently changed first
            </caption>
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
                    <Link href={`/staff/filings/${filing.id}`}>{filing.title}</Link>
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
                  <td>{filing.lawsuit ? <Link href={`/staff/lawsuits/${filing.lawsuit.id}`}>{filing.lawsuit.caseNameShort}</Link> : <span className={tableStyles.muted}>None</span>}</td>
                  <td className={tableStyles.number}>{filing.stateCount}</td>
                  <td className={tableStyles.nowrap}>
                    <time dateTime={filing.updatedAt}>{changedAt(filing.updatedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>
          No filing matches. <Link href="/staff/filings/new">Create a filing</Link>.
        </p>
      )}
      <ListPager page={page} pageCount={pageCount} label="Pages of filings" hrefFor={(n) => listHref(params, n)} />
    </>
  );
}
