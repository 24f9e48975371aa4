import type { Metadata } from "next";
import Link from "next/link";

import { StaffListHeading, StaffListTable } from "@/components/staff/staff-list";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { listIssueAreas } from "@/lib/coding/staff-queries";
import { editPath } from "@/lib/editing/paths";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Issue areas · Staff", robots: { index: false, follow: false } };

export default async function StaffIssueAreasPage() {
  await requireStaff("admin");
  const areas = await listIssueAreas();
  return (
    <>
      <StaffListHeading title="Issue areas" newHref="/staff/issue-areas/new" newLabel="New issue area" />
      <p className={styles.count}>
        {areas.length} issue areas: the vocabulary that policies and lawsuits&rsquo; codings choose from, as the <Link href="/about/codebook">codebook</Link> lists it.
      </p>
      <StaffListTable captionId="issue-areas-caption" caption="Issue areas, by label">
        <thead>
          <tr>
            <th scope="col">Issue area</th>
            <th scope="col">Slug</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.slug}>
              <th scope="row">
                <Link href={editPath("issue-area", area.slug)} aria-label={`Edit ${area.label}`}>
                  {area.label}
                </Link>
              </th>
              <td>
                <code>{area.slug}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </StaffListTable>
    </>
  );
}
