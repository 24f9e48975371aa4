import type { Metadata } from "next";
import Link from "next/link";

import { PolicyForm } from "@/components/staff/policy-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { listIssueAreas } from "@/lib/coding/staff-queries";

import { savePolicyAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "New policy · Staff", robots: { index: false, follow: false } };

export default async function NewPolicyPage() {
  await requireStaff();
  const issueAreas = await listIssueAreas();
  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/policies">Policies</Link>
      </p>
      <h1>New policy</h1>
      <p className={styles.meta}>A policy is public as soon as it is created; lawsuits&rsquo; codings can then name it.</p>
      <PolicyForm mode="create" record={null} version={null} issueAreas={issueAreas} save={savePolicyAction} />
    </>
  );
}
