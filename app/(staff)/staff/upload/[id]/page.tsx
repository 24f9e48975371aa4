import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Timestamp } from "@/components/ui/timestamp";
import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import { requireStaff } from "@/lib/auth/session";
import { RECORD_KINDS, type RecordKind } from "@/lib/dataset/import";
import { editPath, historyPath, UPLOAD_PAGE, uploadPath } from "@/lib/editing/paths";
import { getUpload, PREVIEW_LIST_LIMIT, progressPercent, type PreviewRecord, type UploadPreview, type UploadView } from "@/lib/editing/upload";

import styles from "../upload.module.css";
import { ApplyForm } from "./apply-form";
import { PreviewAgainForm } from "./preview-again-form";

/** How often a page whose preview is being prepared reloads itself, in seconds (without JavaScript too). */
const PROGRESS_REFRESH_SECONDS = 2;

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dataset upload · Staff", robots: { index: false, follow: false } };

const KIND_NAMES: Record<RecordKind, string> = {
  courts: "Courts",
  officials: "Officials",
  issueAreas: "Issue areas",
  policies: "Policies",
  lawsuits: "Lawsuits",
  filings: "Filings",
  coding: "Lawsuit codings",
};

function RecordItem({ record, applied }: { record: PreviewRecord; applied: boolean }) {
  const history = historyPath(record.kind, record.id);
  return (
    <li>
      {applied ? <Link href={editPath(record.kind, record.id)}>{record.label}</Link> : record.label} <code className={styles.id}>{record.id}</code>
      {record.fields.length > 0 && <span className={styles.secondary}>Changes: {record.fields.join(", ")}</span>}
      {applied && history && (
        <span className={styles.secondary}>
          <Link href={history} aria-label={`History of ${record.label}`}>
            History
          </Link>
        </span>
      )}
    </li>
  );
}

function Preview({ preview, applied }: { preview: UploadPreview; applied: boolean }) {
  const kinds = RECORD_KINDS.filter((kind) => preview[kind].counts.created + preview[kind].counts.updated + preview[kind].counts.unchanged > 0);
  return (
    <>
      <TableScroll labelledBy="summary-caption">
        <table className={tableStyles.table}>
          <caption id="summary-caption">{applied ? "What the upload did" : "What applying would do"}</caption>
          <thead>
            <tr>
              <th scope="col">Records</th>
              <th scope="col" className={tableStyles.number}>
                {applied ? "Created" : "To create"}
              </th>
              <th scope="col" className={tableStyles.number}>
                {applied ? "Updated" : "To update"}
              </th>
              <th scope="col" className={tableStyles.number}>
                Unchanged
              </th>
            </tr>
          </thead>
          <tbody>
            {RECORD_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{KIND_NAMES[kind]}</th>
                <td className={tableStyles.number}>{preview[kind].counts.created}</td>
                <td className={tableStyles.number}>{preview[kind].counts.updated}</td>
                <td className={tableStyles.number}>{preview[kind].counts.unchanged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {kinds.length === 0 && <p>The file holds no records.</p>}
      {kinds.map((kind) => {
        const { created, updated, counts } = preview[kind];
        if (counts.created + counts.updated === 0) return null;
        return (
          <section key={kind} aria-labelledby={`${kind}-heading`} className={styles.section}>
            <h2 id={`${kind}-heading`}>{KIND_NAMES[kind]}</h2>
            {created.length > 0 && (
              <>
                <h3 id={`${kind}-created`}>{applied ? "Created" : "To create"} ({counts.created})</h3>
                <ul aria-labelledby={`${kind}-created`} className={styles.list}>
                  {created.map((record) => (
                    <RecordItem key={record.id} record={record} applied={applied} />
                  ))}
                </ul>
                {counts.created > created.length && <p className={styles.secondary}>and {counts.created - created.length} more (the first {PREVIEW_LIST_LIMIT} are listed).</p>}
              </>
            )}
            {updated.length > 0 && (
              <>
                <h3 id={`${kind}-updated`}>{applied ? "Updated" : "To update"} ({counts.updated})</h3>
                <ul aria-labelledby={`${kind}-updated`} className={styles.list}>
                  {updated.map((record) => (
                    <RecordItem key={record.id} record={record} applied={applied} />
                  ))}
                </ul>
                {counts.updated > updated.length && <p className={styles.secondary}>and {counts.updated - updated.length} more (the first {PREVIEW_LIST_LIMIT} are listed).</p>}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The preview being prepared: how far it has got, the page reloading itself until it is done. */
function PreviewProgress({ upload }: { upload: UploadView }) {
  const { done, total } = upload.progress;
  const percent = progressPercent(upload.progress);
  return (
    <section aria-labelledby="progress-heading" className={styles.section}>
      {/* React puts it in the head: the page reloads itself, with or without JavaScript. */}
      <meta httpEquiv="refresh" content={String(PROGRESS_REFRESH_SECONDS)} />
      <h2 id="progress-heading">Preparing the preview</h2>
      <p role="status" className={styles.notice}>
        {upload.status === "pending" ? "Waiting to start" : "Comparing the file with the records"}: {done.toLocaleString("en-US")} of {total.toLocaleString("en-US")}{" "}
        {total === 1 ? "record" : "records"} ({percent}%).
      </p>
      <progress className={styles.progress} value={done} max={Math.max(total, 1)} aria-labelledby="progress-heading">
        {percent}%
      </progress>
      <p className={styles.secondary}>
        This page reloads itself every {PROGRESS_REFRESH_SECONDS} seconds; the preview goes on if you leave it. <Link href={uploadPath(upload.id)}>Reload now</Link>
      </p>
    </section>
  );
}

export default async function StaffUploadPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff("editor");
  const { id } = await params;
  const upload = await getUpload(id);
  if (!upload) notFound();
  const applied = upload.appliedAt !== null;
  const becomes = upload.publication === "draft" ? "drafts" : "published";
  const changes = upload.preview ? RECORD_KINDS.reduce((n, kind) => n + upload.preview![kind].counts.created + upload.preview![kind].counts.updated, 0) : 0;

  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href={UPLOAD_PAGE}>Upload a dataset</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{upload.fileName}</span>
      </nav>
      <h1>{applied ? "Upload applied" : "Upload preview"}: {upload.fileName}</h1>
      <p className={styles.secondary}>
        Uploaded by {upload.actorName}, <Timestamp iso={upload.createdAt} />. New lawsuits and filings become {becomes}.
      </p>
      {applied ? (
        <p role="status" className={styles.success}>
          Applied <Timestamp iso={upload.appliedAt!} />. Every change is in the records&apos; history{upload.publication === "draft" ? "; the new records are drafts, listed on the dashboard" : ""}.
        </p>
      ) : (
        <p className={styles.notice}>
          Nothing has been written yet.{" "}
          {upload.status === "ready" && upload.previewedAt && (
            <>
              This is what applying the file would do, as previewed <Timestamp iso={upload.previewedAt} />; applying first checks that none of its records changed since.
            </>
          )}
        </p>
      )}

      {!applied && (upload.status === "pending" || upload.status === "running") && <PreviewProgress upload={upload} />}

      {upload.problems.length > 0 && (
        <section role="alert" aria-labelledby="problems-heading" className={styles.problems}>
          <h2 id="problems-heading">The file does not apply: {upload.problems.length === 1 ? "1 problem" : `${upload.problems.length} problems`}</h2>
          <ul>
            {upload.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
          <p>
            Correct the file and <Link href={UPLOAD_PAGE}>upload it again</Link>.
          </p>
        </section>
      )}

      {upload.preview && <Preview preview={upload.preview} applied={applied} />}

      {!applied && upload.preview && (
        <ApplyForm
          uploadId={upload.id}
          description={
            changes === 0
              ? "Applying would change nothing: every record in the file is already as it is here."
              : `Applying writes ${changes === 1 ? "this change" : `these ${changes} changes`} in one go, as you, recorded in each record's history.`
          }
        />
      )}
      {!applied && (upload.status === "ready" || upload.status === "failed") && <PreviewAgainForm uploadId={upload.id} />}
    </div>
  );
}
