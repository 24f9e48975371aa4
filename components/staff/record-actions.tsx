// RecordActions: the lifecycle of a lawsuit or filing on its staff page — its status,
// Publish / Unpublish, Delete (soft, confirmed) / Restore (within the restore window),
// and links to its public page (when public) and its history.
// Props: `kind` ("lawsuit" | "filing"), `id`, `version` (the one the page shows; an
// action on an out-of-date page is refused), `publication`, `deletedAt` (ISO or null),
// `isPublic` (whether the public sees it now), `publicHref`, `historyHref`.
// PublicationBadge: Draft / Published / Deleted, for lists and headers.
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { formatTimestampDay } from "@/lib/dates/timestamp";
import { RESTORE_WINDOW_DAYS } from "@/lib/editing/records";
import type { Publication, PublishableKind } from "@/lib/editing/types";

import { RecordActionButtons } from "./record-action-buttons";
import styles from "./record-actions.module.css";

export function PublicationBadge({ publication, deletedAt }: { publication: Publication; deletedAt: string | null }) {
  if (deletedAt) return <Badge tone="negative">Deleted</Badge>;
  return publication === "published" ? <Badge tone="positive">Published</Badge> : <Badge tone="partial">Draft</Badge>;
}

const DAY_MS = 86_400_000;

/** When a deleted record stops being restorable, and whether that is still ahead. */
function restoreWindow(deletedAt: string | null): { deadline: Date | null; open: boolean } {
  if (!deletedAt) return { deadline: null, open: false };
  const deadline = new Date(new Date(deletedAt).getTime() + RESTORE_WINDOW_DAYS * DAY_MS);
  return { deadline, open: deadline.getTime() > Date.now() };
}

export function RecordActions({ kind, id, version, publication, deletedAt, isPublic, publicHref, historyHref }: { kind: PublishableKind; id: string; version: number; publication: Publication; deletedAt: string | null; isPublic: boolean; publicHref: string; historyHref: string }) {
  // Decided on the server (this is a server component), whose clock restoreRecord uses too.
  const { deadline: restoreDeadline, open: restorable } = restoreWindow(deletedAt);
  return (
    <section className={styles.panel} aria-label={`Status and actions of this ${kind}`}>
      <div className={styles.links}>
        {isPublic ? <Link href={publicHref}>View public page</Link> : <span className={styles.muted}>{deletedAt ? "Not public: deleted." : publication === "draft" ? "Not public: a draft." : "Not public: its lawsuit is not public."}</span>}
        <Link href={historyHref}>History</Link>
      </div>
      <RecordActionButtons
        kind={kind}
        id={id}
        version={version}
        publication={publication}
        deleted={deletedAt !== null}
        restorable={restorable}
        restoreDeadline={restoreDeadline ? formatTimestampDay(restoreDeadline) : null}
        restoreWindowDays={RESTORE_WINDOW_DAYS}
      />
    </section>
  );
}
