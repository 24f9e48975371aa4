import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { OfficialForm } from "@/components/staff/official-form";
import styles from "@/components/staff/staff-list.module.css";
import { htmlPath } from "@/lib/api/paths";
import { requireStaff } from "@/lib/auth/session";
import { loadRecord } from "@/lib/editing/records";

import { saveOfficialAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit official · Staff", robots: { index: false, follow: false } };

export default async function EditOfficialPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const { id } = await params;
  const [official, query] = await Promise.all([loadRecord("official", id), searchParams]);
  if (!official) notFound();
  const name = typeof official.record.name === "string" ? official.record.name : official.id;
  const jurisdiction = typeof official.record.jurisdiction === "string" ? official.record.jurisdiction : null;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/officials">Officials</Link>
      </p>
      <h1>{name}</h1>
      <p className={styles.meta}>
        Official <code>{official.id}</code>, version {official.version}. Public: changes show as soon as they are saved
        {jurisdiction ? (
          <>
            {" "}
            (see <Link href={htmlPath.jurisdiction(jurisdiction)}>the page of {jurisdiction}</Link>)
          </>
        ) : null}
        .
      </p>
      {query.created === "1" ? (
        <p role="status" className={styles.notice}>
          The official was created.
        </p>
      ) : null}
      <OfficialForm mode="edit" record={official.record} version={official.version} save={saveOfficialAction} />
    </>
  );
}
