import type { Metadata } from "next";
import Link from "next/link";

import { ListPager } from "@/components/staff/list-pager";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import { requireStaff } from "@/lib/auth/session";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import { listOfficialsForStaff, MAX_STAFF_QUERY_LENGTH, OfficialListParamsSchema, type OfficialListParams } from "@/lib/staff/reference-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Officials · Staff", robots: { index: false, follow: false } };

function listHref(params: OfficialListParams, page: number): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.jurisdiction) query.set("jurisdiction", params.jurisdiction);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/staff/officials?${text}` : "/staff/officials";
}

function term(start: string | null, end: string | null): string {
  if (!start && !end) return "—";
  return `${start ? formatPartialDate(start) : "?"} – ${end ? formatPartialDate(end) : "present"}`;
}

export default async function StaffOfficialsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = OfficialListParamsSchema.parse(await searchParams);
  const { officials, total, page, pageCount } = await listOfficialsForStaff(params);
  const filtered = !!(params.q || params.jurisdiction);
  const newHref = params.jurisdiction ? `/staff/officials/new?jurisdiction=${params.jurisdiction}` : "/staff/officials/new";

  return (
    <>
      <div className={styles.header}>
        <h1>Officials</h1>
        <Link href={newHref} className={styles.newButton}>
          New official
        </Link>
      </div>
      <form method="get" action="/staff/officials" className={styles.filters} role="search" aria-label="Search officials">
        <div className={styles.field}>
          <label htmlFor="official-q">Name, office or id contains</label>
          <input id="official-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={MAX_STAFF_QUERY_LENGTH} autoComplete="off" />
        </div>
        <div className={styles.field}>
          <label htmlFor="official-jurisdiction">Jurisdiction</label>
          <select id="official-jurisdiction" name="jurisdiction" defaultValue={params.jurisdiction ?? ""}>
            <option value="">Any jurisdiction</option>
            {JURISDICTIONS.map((j) => (
              <option key={j.code} value={j.code}>
                {j.code} — {j.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.actions}>
          <button type="submit">Search</button>
          {filtered ? <Link href="/staff/officials">Show all</Link> : null}
        </div>
      </form>
      <p className={styles.count}>
        {total} {total === 1 ? "official" : "officials"}
        {filtered ? " match these filters" : ""}.
      </p>
      {officials.length > 0 ? (
        <TableScroll labelledBy="officials-caption">
          <table className={tableStyles.table}>
            <caption id="officials-caption" className="visually-hidden">
              Officials, by jurisdiction and name
            </caption>
            <thead>
              <tr>
                <th scope="col">Official</th>
                <th scope="col">Office</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Term</th>
              </tr>
            </thead>
            <tbody>
              {officials.map((official) => (
                <tr key={official.id}>
                  <th scope="row" className={styles.wide}>
                    <Link href={`/staff/officials/${official.id}`}>{official.name}</Link>
                    <span className={styles.secondary}>{official.id}</span>
                  </th>
                  <td>{official.office}</td>
                  <td className={tableStyles.nowrap}>
                    <abbr title={official.jurisdiction.name}>{official.jurisdiction.code}</abbr>
                  </td>
                  <td className={tableStyles.nowrap}>{term(official.termStart, official.termEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>
          No official matches. <Link href={newHref}>Create an official</Link>.
        </p>
      )}
      <ListPager page={page} pageCount={pageCount} label="Pages of officials" hrefFor={(n) => listHref(params, n)} />
    </>
  );
}
