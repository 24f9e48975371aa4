import type { Metadata } from "next";
import Link from "next/link";

import { OfficialForm } from "@/components/staff/official-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { jurisdictionCode } from "@/lib/dataset/schema";

import { saveOfficialAction } from "../actions";

export const metadata: Metadata = { title: "New official · Staff", robots: { index: false, follow: false } };

export default async function NewOfficialPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const { jurisdiction } = await searchParams;
  const initialJurisdiction = jurisdictionCode.safeParse(jurisdiction);
  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/officials">Officials</Link>
      </p>
      <h1>New official</h1>
      <p className={styles.meta}>An official is public as soon as it is created, on the page of their jurisdiction.</p>
      <OfficialForm mode="create" record={null} version={null} initialJurisdiction={initialJurisdiction.success ? initialJurisdiction.data : null} save={saveOfficialAction} />
    </>
  );
}
