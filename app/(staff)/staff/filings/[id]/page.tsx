import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { FilingForm } from "@/components/staff/filing-form";
import { referencedIds } from "@/lib/filings/form-model";
import { LastChange } from "@/components/staff/last-change";
import { PublicationBadge, RecordActions } from "@/components/staff/record-actions";
import styles from "@/components/staff/staff-list.module.css";
import { htmlPath } from "@/lib/api/paths";
import { requireStaff } from "@/lib/auth/session";
import { historyPath } from "@/lib/editing/paths";
import { loadRecord } from "@/lib/editing/records";
import { getFilingStatusForStaff } from "@/lib/filings/staff-queries";
import { getRecordSummaries, listDemandCategories, listOfficials } from "@/lib/staff/search";

import { searchFilingsAction, searchLawsuitsAction } from "@/lib/staff/search-actions";
import { saveFilingAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit filing · Staff", robots: { index: false, follow: false } };

export default async function EditFilingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const { id } = await params;
  const [filing, status, query] = await Promise.all([loadRecord("filing", id), getFilingStatusForStaff(id), searchParams]);
  if (!filing || !status) notFound();
  const [summaries, officials, categories] = await Promise.all([getRecordSummaries(referencedIds(filing.record)), listOfficials(), listDemandCategories()]);
  const title = typeof filing.record.title === "string" ? filing.record.title : filing.id;
  const publication = filing.publication ?? "draft";

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/filings">Filings</Link>
      </p>
      <h1>{title}</h1>
      <p className={styles.meta}>
        <span className={styles.badges}>
          <PublicationBadge publication={publication} deletedAt={filing.deletedAt} />
        </span>
        Filing <code>{filing.id}</code>, version {filing.version}
        <LastChange change={status.lastChange} />
        .
      </p>
      {query.created === "1" ? (
        <p role="status" className={styles.notice}>
          The filing was created as a draft. Publish it when it is ready for the public.
        </p>
      ) : null}
      <RecordActions
        kind="filing"
        id={filing.id}
        version={filing.version}
        publication={publication}
        deletedAt={filing.deletedAt}
        isPublic={status.isPublic}
        publicHref={htmlPath.filing(filing.id)}
        historyHref={historyPath("filing", filing.id)}
      />
      {filing.deletedAt ? (
        <p>This filing is deleted: restore it to edit it.</p>
      ) : (
        <FilingForm
          mode="edit"
          record={filing.record}
          version={filing.version}
          references={summaries}
          officials={officials}
          categories={categories}
          save={saveFilingAction}
          searchLawsuits={searchLawsuitsAction}
          searchFilings={searchFilingsAction}
        />
      )}
    </>
  );
}
