import type { Metadata } from "next";
import Link from "next/link";

import { LawsuitStatusBadge } from "@/components/lawsuit-status-badge";
import { ListPager } from "@/components/staff/list-pager";
import { PublicationBadge } from "@/components/staff/record-actions";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import { requireStaff } from "@/lib/auth/session";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { LAWSUIT_LIST_SHOW_LABELS, LAWSUIT_LIST_SHOWS, listLawsuitsForStaff, StaffLawsuitListParamsSchema, type StaffLawsuitListParams } from "@/lib/staff/lawsuits";
import { MAX_STAFF_QUERY_LENGTH } from "@/lib/staff/reference-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Lawsuits · Staff", robots: { index: false, follow: false } };

function listHref(params: StaffLawsuitListParams, page: number): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.show !== "all") query.set("show", params.show);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/staff/lawsuits?${text}` : "/staff/lawsuits";
}

export default async function StaffLawsuitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = StaffLawsuitListParamsSchema.parse(await searchParams);
  const { lawsuits, total, page, pageCount } = await listLawsuitsForStaff(params);
  const filtered = !!params.q || params.show !== "all";

  return (
    <>
      <div className={styles.header}>
        <h1>Lawsuits</h1>
        <Link href="/staff/lawsuits/new" className={styles.newButton}>
          New lawsuit
        </Link>
      </div>
      <form method="get" action="/staff/lawsuits" className={styles.filters} role="search" aria-label="Search lawsuits">
        <div className={styles.field}>
          <label htmlFor="lawsuit-q">Caption, docket number or id contains</label>
          <input id="lawsuit-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={MAX_STAFF_QUERY_LENGTH} autoComplete="off" />
        </div>
        <div className={styles.field}>
          <label htmlFor="lawsuit-show">Show</label>
          <select id="lawsuit-show" name="show" defaultValue={params.show}>
            {LAWSUIT_LIST_SHOWS.map((show) => (
              <option key={show} value={show}>
                {LAWSUIT_LIST_SHOW_LABELS[show]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.actions}>
          <button type="submit">Search</button>
          {filtered ? <Link href="/staff/lawsuits">Show all</Link> : null}
        </div>
      </form>
      <p className={styles.count}>
        {total} {total === 1 ? "lawsuit" : "lawsuits"}
        {filtered ? " match these filters" : ""}, most recently changed first.
      </p>
      {lawsuits.length > 0 ? (
        <TableScroll labelledBy="lawsuits-caption">
          <table className={tableStyles.table}>
            <caption id="lawsuits-caption" className="visually-hidden">
              Lawsuits, most recently changed first
            </caption>
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
                    <Link href={`/staff/lawsuits/${lawsuit.id}`}>{lawsuit.caseNameShort}</Link>
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
                    <time dateTime={lawsuit.updatedAt}>{new Date(lawsuit.updatedAt).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}</time>
                    <span className={styles.secondary}>version {lawsuit.version}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>
          No lawsuit matches. {filtered ? <Link href="/staff/lawsuits">Show all lawsuits</Link> : <Link href="/staff/lawsuits/new">Create a lawsuit</Link>}.
        </p>
      )}
      <ListPager page={page} pageCount={pageCount} label="Pages of lawsuits" hrefFor={(n) => listHref(params, n)} />
    </>
  );
}
