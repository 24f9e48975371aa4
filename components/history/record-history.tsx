// A record's history page (a lawsuit, a filing, a lawsuit's coding, a policy, an issue
// area): newest change first, each with who, when, what it did and its field-by-field
// changes; for staff, "Revert to this version" on every earlier version that differs from
// the record as it is.
import Link from "next/link";

import { Timestamp } from "@/components/ui/timestamp";
import { formatTimestampDay } from "@/lib/dates/timestamp";
import type { RecordHistory, RevisionView } from "@/lib/editing/history";
import { editPath, uploadPath } from "@/lib/editing/paths";
import { RECORD_NOUNS } from "@/lib/editing/types";
import { REVISION_ACTION_WORDS } from "@/lib/editing/vocabulary";

import { ChangeList } from "./change-list";
import { RevertButton } from "./revert-button";
import styles from "./history.module.css";

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function headline(revision: RevisionView): string {
  switch (revision.action) {
    case "create":
      // Only lawsuits and filings are published; the other kinds are simply created.
      return revision.publication === null ? "Created" : revision.publication === "draft" ? "Created as a draft" : "Created and published";
    case "unpublish":
      return "Unpublished: back to draft";
    case "revert":
      return revision.revertedFrom ? `Reverted to the version of ${formatTimestampDay(revision.revertedFrom.at)}` : "Reverted to an earlier version";
    default:
      return capitalized(REVISION_ACTION_WORDS[revision.action]);
  }
}

function Revision({ history, revision, staff, shownIds }: { history: RecordHistory; revision: RevisionView; staff: boolean; shownIds: Set<string> }) {
  const titleId = `revision-${revision.id}-title`;
  const lifecycle = ["publish", "unpublish", "delete", "restore"].includes(revision.action);
  return (
    <li>
      <article id={`revision-${revision.id}`} aria-labelledby={titleId} className={styles.revision}>
        <h2 id={titleId} className={styles.headline}>
          <span className={styles.version}>Version {revision.version}</span> {headline(revision)} by {revision.actorName}
        </h2>
        <p className={styles.meta}>
          <Timestamp iso={revision.at} />
          {revision.uploadId && <> · from a dataset upload{staff && <> (<Link href={uploadPath(revision.uploadId)}>see the upload</Link>)</>}</>}
          {revision.revertedFrom && (
            <>
              {" "}
              · restores{" "}
              {shownIds.has(revision.revertedFrom.id) ? (
                <a href={`#revision-${revision.revertedFrom.id}`}>version {revision.revertedFrom.version}</a>
              ) : (
                `version ${revision.revertedFrom.version}`
              )}
              , by {revision.revertedFrom.actorName}
            </>
          )}
        </p>
        {revision.changes.length > 0 ? (
          <ChangeList changes={revision.changes} />
        ) : (
          !lifecycle && revision.action !== "create" && <p className={styles.none}>No field changed.</p>
        )}
        {staff && revision.revertible && history.current && (
          <RevertButton kind={history.kind} id={history.id} revisionId={revision.id} baseVersion={history.current.version} describedBy={titleId} />
        )}
      </article>
    </li>
  );
}

export function RecordHistoryView({ history, staff, recordHref, reverted }: { history: RecordHistory; staff: boolean; recordHref: string; reverted: boolean }) {
  const noun = RECORD_NOUNS[history.kind];
  const shownIds = new Set(history.revisions.map((r) => r.id));
  const { current } = history;
  return (
    <article className={styles.history} aria-labelledby="history-title">
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        {current?.isPublic ? <Link href={recordHref}>{history.label}</Link> : <span>{history.label}</span>}
        <span aria-hidden="true"> / </span>
        <span aria-current="page">History</span>
      </nav>
      <h1 id="history-title">History of this {noun}</h1>
      <p className="lede">
        Every change to “{history.label}”, newest first: who made it, when, and what it changed.
      </p>
      {history.fromFirstPublication && (
        <p className={styles.note}>{history.kind === "lawsuit-coding" ? "Changes made before the lawsuit was published are not shown." : "Changes made before publication are not shown."}</p>
      )}
      {staff && (
        <div className={styles.staffNote}>
          <p>
            You are signed in as staff: this is the whole history, drafts included.{" "}
            {current === null
              ? `This ${noun} no longer exists.`
              : current.deletedAt
                ? `This ${noun} is deleted; restore it before reverting.`
                : current.publication === "draft"
                  ? `This ${noun} is a draft: the public does not see it.`
                  : !current.isPublic
                    ? `The public does not see this ${noun} while ${history.kind === "lawsuit-coding" ? "the lawsuit" : "its lawsuit"} is not public.`
                    : null}
          </p>
          {current && (
            <p>
              <Link href={editPath(history.kind, history.id)}>Edit this {noun}</Link>
            </p>
          )}
        </div>
      )}
      {reverted && staff && (
        <p role="status" className={styles.success}>
          Reverted. The {noun} now holds that version{current?.isPublic ? ", and the public page shows it" : ""}.
        </p>
      )}
      {history.revisions.length > 0 ? (
        <ol className={styles.revisions} aria-label="Changes, newest first">
          {history.revisions.map((revision) => (
            <Revision key={revision.id} history={history} revision={revision} staff={staff} shownIds={shownIds} />
          ))}
        </ol>
      ) : (
        <p>No change to this {noun} has been recorded yet.</p>
      )}
      {history.olderCount > 0 && (
        <p className={styles.note}>
          {history.olderCount} older {history.olderCount === 1 ? "change is" : "changes are"} not listed here.
        </p>
      )}
    </article>
  );
}
