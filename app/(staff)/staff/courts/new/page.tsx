import type { Metadata } from "next";
import Link from "next/link";

import { CourtForm } from "@/components/staff/court-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";

import { saveCourtAction } from "../actions";

export const metadata: Metadata = { title: "New court · Staff", robots: { index: false, follow: false } };

export default async function NewCourtPage() {
  await requireStaff();
  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/courts">Courts</Link>
      </p>
      <h1>New court</h1>
      <p className={styles.meta}>A court is public as soon as it is created; lawsuits can then be filed in it.</p>
      <CourtForm mode="create" record={null} version={null} save={saveCourtAction} />
    </>
  );
}
