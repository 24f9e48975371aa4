import type { Metadata } from "next";
import Link from "next/link";

import { IssueAreaForm } from "@/components/staff/issue-area-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";

import { saveIssueAreaAction } from "../actions";

export const metadata: Metadata = { title: "New issue area · Staff", robots: { index: false, follow: false } };

export default async function NewIssueAreaPage() {
  await requireStaff("admin");
  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/issue-areas">Issue areas</Link>
      </p>
      <h1>New issue area</h1>
      <p className={styles.meta}>An issue area is public as soon as it is created: the codebook lists it.</p>
      <IssueAreaForm mode="create" record={null} version={null} save={saveIssueAreaAction} />
    </>
  );
}
