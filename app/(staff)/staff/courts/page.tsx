import type { Metadata } from "next";
import Link from "next/link";

import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { CourtListParamsSchema, listCourtsForStaff, MAX_STAFF_QUERY_LENGTH } from "@/lib/staff/reference-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Courts · Staff", robots: { index: false, follow: false } };

export default async function StaffCourtsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = CourtListParamsSchema.parse(await searchParams);
  const courts = await listCourtsForStaff(params);

  return (
    <>
      <div className={styles.header}>
        <h1>Courts</h1>
        <Link href="/staff/courts/new" className={styles.newButton}>
          New court
        </Link>
      </div>
      <form method="get" action="/staff/courts" className={styles.filters} role="search" aria-label="Search courts">
        <div className={styles.field}>
          <label htmlFor="court-q">Id or name contains</label>
          <input id="court-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={MAX_STAFF_QUERY_LENGTH} autoComplete="off" />
        </div>
        <div className={styles.actions}>
          <button type="submit">Search</button>
          {params.q ? <Link href="/staff/courts">Show all</Link> : null}
        </div>
      </form>
      <p className={styles.count}>
        {courts.length} {courts.length === 1 ? "court" : "courts"}
        {params.q ? ` match “${params.q}”` : ""}.
      </p>
      {courts.length > 0 ? (
        <TableScroll labelledBy="courts-caption">
          <table className={tableStyles.table}>
            <caption id="courts-caption" className="visually-hidden">
              Courts, by id
            </caption>
            <thead>
              <tr>
                <th scope="col">Court</th>
                <th scope="col">Id</th>
                <th scope="col">Full name</th>
                <th scope="col" className={tableStyles.number}>
                  Lawsuits
                </th>
              </tr>
            </thead>
            <tbody>
              {courts.map((court) => (
                <tr key={court.id}>
                  <th scope="row">
                    <Link href={`/staff/courts/${court.id}`} aria-label={`Edit ${court.shortName} (${court.id})`}>
                      {court.shortName}
                    </Link>
                  </th>
                  <td className={tableStyles.nowrap}>
                    <code>{court.id}</code>
                  </td>
                  <td className={styles.wide}>{court.fullName}</td>
                  <td className={tableStyles.number}>{court.lawsuitCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>
          No court matches. <Link href="/staff/courts/new">Create a court</Link>.
        </p>
      )}
    </>
  );
}
