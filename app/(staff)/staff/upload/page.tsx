import type { Metadata } from "next";
import Link from "next/link";

import { Timestamp } from "@/components/ui/timestamp";
import { requireStaff } from "@/lib/auth/session";
import { RECORD_KINDS } from "@/lib/dataset/import";
import { uploadPath } from "@/lib/editing/paths";
import { listRecentUploads, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, progressPercent, type PreviewStatus } from "@/lib/editing/upload";

import { UploadForm } from "./upload-form";
import styles from "./upload.module.css";

export const dynamic = "force-dynamic";

/** Where an upload not yet applied stands. */
const PREVIEW_STATES: Record<PreviewStatus, string> = {
  pending: "preview waiting to start",
  running: "preview being prepared",
  ready: "preview ready",
  failed: "the file does not apply",
};

export const metadata: Metadata = { title: "Upload a dataset · Staff", robots: { index: false, follow: false } };

export default async function StaffUploadPage() {
  await requireStaff("editor");
  const uploads = await listRecentUploads();

  return (
    <div className={styles.page}>
      <h1>Upload a dataset</h1>
      <p className="lede">
        Add or update many records at once from a docketline/v1 file. Records are matched by id: new ones are created, changed ones updated, the rest left as
        they are. You see what would change before anything is written.
      </p>
      <UploadForm maxBytes={MAX_UPLOAD_BYTES} maxLabel={MAX_UPLOAD_LABEL} />

      <section aria-labelledby="recent-uploads-heading" className={styles.section}>
        <h2 id="recent-uploads-heading">Recent uploads</h2>
        {uploads.length > 0 ? (
          <ul className={styles.list}>
            {uploads.map((upload) => {
              const changed = upload.summary ? RECORD_KINDS.reduce((n, kind) => n + upload.summary![kind].created + upload.summary![kind].updated, 0) : null;
              return (
                <li key={upload.id}>
                  <Link href={uploadPath(upload.id)}>{upload.fileName}</Link>
                  <span className={styles.secondary}>
                    by {upload.actorName}, <Timestamp iso={upload.createdAt} /> ·{" "}
                    {upload.appliedAt ? (
                      <>
                        applied <Timestamp iso={upload.appliedAt} />
                        {changed !== null && `, ${changed} ${changed === 1 ? "record" : "records"} created or updated`}
                      </>
                    ) : (
                      `not applied, ${PREVIEW_STATES[upload.status]}${upload.status === "running" ? ` (${progressPercent(upload.progress)}%)` : ""}`
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p>No dataset has been uploaded yet.</p>
        )}
      </section>
    </div>
  );
}
