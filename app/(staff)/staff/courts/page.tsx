import type { Metadata } from "next";
import Link from "next/link";

import { SearchField, StaffListFilters, StaffListHeading, StaffListTable } from "@/components/staff/staff-list";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles } from "@/components/ui/table-scroll";
import { requireStaff } from "@/lib/auth/session";
import { editPath } from "@/lib/editing/paths";
import { CourtListParamsSchema, listCourtsForStaff } from "@/lib/staff/reference-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Courts · Staff", robots: { index: false, follow: false } };

export default async function StaffCourtsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = CourtListParamsSchema.parse(await searchParams);
  const courts = await listCourtsForStaff(params);

  return (
    <>
      <StaffListHeading title="Courts" newHref="/staff/courts/new" newLabel="New court" />
      <StaffListFilters action="/staff/courts" label="Search courts" filtered={!!params.q}>
        <SearchField id="court-q" label="Id or name contains" value={params.q} />
      </StaffListFilters>
      <p className={styles.count}>
        {courts.length} {courts.length === 1 ? "court" : "courts"}
        {params.q ? ` match “${params.q}”` : ""}.
      </p>
      {courts.length > 0 ? (
        <StaffListTable captionId="courts-caption" caption="Courts, by id">
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
                  <Link href={editPath("court", court.id)} aria-label={`Edit ${court.shortName} (${court.id})`}>
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
        </StaffListTable>
      ) : (
        <p>
          No court matches. <Link href="/staff/courts/new">Create a court</Link>.
        </p>
      )}
    </>
  );
}
