import type { Metadata } from "next";
import Link from "next/link";

import { LawsuitForm } from "@/components/staff/lawsuit-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { listCourts } from "@/lib/staff/search";

import { searchLawsuitsAction } from "@/lib/staff/search-actions";
import { listCourtsAction, saveLawsuitAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "New lawsuit · Staff", robots: { index: false, follow: false } };

export default async function NewLawsuitPage() {
  await requireStaff();
  const courts = await listCourts();
  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/lawsuits">Lawsuits</Link>
      </p>
      <h1>New lawsuit</h1>
      <p className={styles.meta}>A new lawsuit is saved as a draft: nobody outside the staff sees it until it is published.</p>
      <LawsuitForm mode="create" record={null} version={null} references={{ lawsuits: {} }} courts={courts} save={saveLawsuitAction} searchLawsuits={searchLawsuitsAction} reloadCourts={listCourtsAction} />
    </>
  );
}
