import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CourtForm } from "@/components/staff/court-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { loadRecord } from "@/lib/editing/records";

import { saveCourtAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit court · Staff", robots: { index: false, follow: false } };

export default async function EditCourtPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const { id } = await params;
  const [court, query] = await Promise.all([loadRecord("court", id), searchParams]);
  if (!court) notFound();
  const shortName = typeof court.record.shortName === "string" ? court.record.shortName : court.id;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/courts">Courts</Link>
      </p>
      <h1>{shortName}</h1>
      <p className={styles.meta}>
        Court <code>{court.id}</code>, version {court.version}. Public: changes show on every lawsuit in this court as soon as they are saved.
      </p>
      {query.created === "1" ? (
        <p role="status" className={styles.notice}>
          The court was created.
        </p>
      ) : null}
      <CourtForm mode="edit" record={court.record} version={court.version} save={saveCourtAction} />
    </>
  );
}
