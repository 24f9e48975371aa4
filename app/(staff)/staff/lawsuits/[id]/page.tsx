import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { LawsuitForm } from "@/components/staff/lawsuit-form";
import { relatedIds } from "@/lib/lawsuits/form-model";
import { LastChange } from "@/components/staff/last-change";
import { PublicationBadge, RecordActions } from "@/components/staff/record-actions";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import { htmlPath } from "@/lib/api/paths";
import { requireStaff } from "@/lib/auth/session";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { editPath, historyPath } from "@/lib/editing/paths";
import { loadRecord } from "@/lib/editing/records";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { getLawsuitStatusForStaff, listLawsuitFilingsForStaff } from "@/lib/lawsuits/staff-queries";
import { getRecordSummaries, listCourts } from "@/lib/staff/search";

import { searchLawsuitsAction } from "@/lib/staff/search-actions";
import { listCourtsAction, saveLawsuitAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit lawsuit · Staff", robots: { index: false, follow: false } };

export default async function EditLawsuitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const { id } = await params;
  const [lawsuit, status, query] = await Promise.all([loadRecord("lawsuit", id), getLawsuitStatusForStaff(id), searchParams]);
  if (!lawsuit || !status) notFound();
  const [filings, summaries, courts] = await Promise.all([listLawsuitFilingsForStaff(id), getRecordSummaries({ lawsuits: relatedIds(lawsuit.record) }), listCourts()]);
  const caption = typeof lawsuit.record.caseNameShort === "string" ? lawsuit.record.caseNameShort : lawsuit.id;
  const deleted = lawsuit.deletedAt !== null;
  const newFilingHref = `/staff/filings/new?lawsuit=${encodeURIComponent(lawsuit.id)}`;

  return (
    <>
      <p className={styles.breadcrumb}>
        <Link href="/staff/lawsuits">Lawsuits</Link>
      </p>
      <h1>{caption}</h1>
      <p className={styles.meta}>
        <span className={styles.badges}>
          <PublicationBadge publication={lawsuit.publication ?? "draft"} deletedAt={lawsuit.deletedAt} />
        </span>
        Lawsuit <code>{lawsuit.id}</code>, version {lawsuit.version}
        <LastChange change={status.lastChange} />
        . <a href="#filings">Filings ({filings.length})</a> · <Link href={editPath("lawsuit-coding", lawsuit.id)}>Research coding</Link>
      </p>
      {query.created === "1" ? (
        <p role="status" className={styles.notice}>
          The lawsuit was created as a draft. Publish it when it is ready for the public.
        </p>
      ) : null}
      <RecordActions
        kind="lawsuit"
        id={lawsuit.id}
        version={lawsuit.version}
        publication={lawsuit.publication ?? "draft"}
        deletedAt={lawsuit.deletedAt}
        isPublic={status.isPublic}
        publicHref={htmlPath.lawsuit(lawsuit.id)}
        historyHref={historyPath("lawsuit", lawsuit.id)}
      />
      {deleted ? (
        <p>This lawsuit is deleted: restore it to edit it.</p>
      ) : (
        <LawsuitForm
          mode="edit"
          record={lawsuit.record}
          version={lawsuit.version}
          references={{ lawsuits: summaries.lawsuits }}
          courts={courts}
          save={saveLawsuitAction}
          searchLawsuits={searchLawsuitsAction}
          reloadCourts={listCourtsAction}
        />
      )}

      <section aria-labelledby="filings">
        <div className={styles.header}>
          <h2 id="filings" tabIndex={-1}>
            Filings in this lawsuit
          </h2>
          {deleted ? null : (
            <Link href={newFilingHref} className={styles.newButton}>
              New filing in this lawsuit
            </Link>
          )}
        </div>
        {filings.length > 0 ? (
          <TableScroll labelledBy="filings-caption">
            <table className={tableStyles.table}>
              <caption id="filings-caption" className="visually-hidden">
                Filings in {caption}, in docket order, drafts and deleted ones included
              </caption>
              <thead>
                <tr>
                  <th scope="col">Filing</th>
                  <th scope="col">Filed</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className={tableStyles.number}>
                    ECF No.
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {filings.map((filing) => (
                  <tr key={filing.id}>
                    <th scope="row" className={styles.wide}>
                      <Link href={editPath("filing", filing.id)}>{filing.title}</Link>
                      <span className={styles.secondary}>{filing.id}</span>
                    </th>
                    <td className={tableStyles.nowrap}>
                      <time dateTime={filing.dateFiled}>{formatPartialDate(filing.dateFiled)}</time>
                    </td>
                    <td>{FILING_KIND_LABELS[filing.kind]}</td>
                    <td className={tableStyles.number}>{filing.entryNumber ?? "—"}</td>
                    <td>
                      <PublicationBadge publication={filing.publication} deletedAt={filing.deletedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>No filings in this lawsuit yet.</p>
        )}
      </section>
    </>
  );
}
