import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { IssueAreaForm } from "@/components/staff/issue-area-form";
import styles from "@/components/staff/staff-list.module.css";
import { requireStaff } from "@/lib/auth/session";
import { loadRecord } from "@/lib/editing/records";

import { saveIssueAreaAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit issue area · Staff", robots: { index: false, follow: false } };

export default async function EditIssueAreaPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("admin");
  const { slug } = await params;
  const [area, query] = await Promise.all([loadRecord("issue-area", slug), searchParams]);
  if (!area) notFound();
  const label = typeof area.record.label === "string" ? area.record.label : area.id;
  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/issue-areas">Issue areas</Link>
      </p>
      <h1>{label}</h1>
      <p className={styles.meta}>
        Issue area <code>{area.id}</code>, version {area.version}. Public: the codebook shows changes as soon as they are saved.
      </p>
      {query.created === "1" ? (
        <p role="status" className={styles.notice}>
          The issue area was created.
        </p>
      ) : null}
      <IssueAreaForm mode="edit" record={area.record} version={area.version} save={saveIssueAreaAction} />
    </>
  );
}
