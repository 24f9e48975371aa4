import type { Metadata } from "next";
import Link from "next/link";

import { StaffListHeading, StaffListTable } from "@/components/staff/staff-list";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles } from "@/components/ui/table-scroll";
import { requireStaff } from "@/lib/auth/session";
import { listPoliciesForStaff } from "@/lib/coding/staff-queries";
import { editPath } from "@/lib/editing/paths";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Policies · Staff", robots: { index: false, follow: false } };

export default async function StaffPoliciesPage() {
  await requireStaff();
  const policies = await listPoliciesForStaff();
  return (
    <>
      <StaffListHeading title="Policies" newHref="/staff/policies/new" newLabel="New policy" />
      <p className={styles.count}>
        {policies.length} {policies.length === 1 ? "policy" : "policies"}. A lawsuit&rsquo;s coding names the policies it challenges.
      </p>
      {policies.length > 0 ? (
        <StaffListTable captionId="policies-caption" caption="Policies, by name">
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Agencies</th>
              <th scope="col" className={tableStyles.number}>
                Lawsuits
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <tr key={policy.id}>
                <th scope="row" className={styles.wide}>
                  <Link href={editPath("policy", policy.id)} aria-label={`Edit ${policy.name}`}>
                    {policy.name}
                  </Link>
                </th>
                <td>{policy.agencies.join("; ") || "Not coded"}</td>
                <td className={tableStyles.number}>{policy.lawsuitCount}</td>
              </tr>
            ))}
          </tbody>
        </StaffListTable>
      ) : (
        <p>
          No policy yet. <Link href="/staff/policies/new">Create a policy</Link>.
        </p>
      )}
    </>
  );
}
