// The lifecycle facts a lawsuit's or filing's edit page shows beside the form, drafts and
// soft-deleted records included.
import "server-only";

import { db } from "@/lib/db/client";
import type { Publication, PublishableKind, RevisionAction } from "@/lib/editing/types";

export interface StaffRecordStatus {
  id: string;
  publication: Publication;
  /** Whether the public sees it (published, not deleted, and for a filing, its lawsuit public). */
  isPublic: boolean;
  deletedAt: string | null;
  version: number;
  updatedAt: string;
  /** The last revision: who changed the record, and when. */
  lastChange: { name: string; at: string; action: RevisionAction } | null;
}

const STATUS_SELECT = { id: true, publication: true, isPublic: true, deletedAt: true, version: true, updatedAt: true } as const;

/** The lifecycle facts the edit page shows beside the form. */
export async function getRecordStatusForStaff(kind: PublishableKind, id: string): Promise<StaffRecordStatus | null> {
  const [row, revision] = await Promise.all([
    kind === "filing" ? db.filing.findUnique({ where: { id }, select: STATUS_SELECT }) : db.lawsuit.findUnique({ where: { id }, select: STATUS_SELECT }),
    db.revision.findFirst({ where: { recordKind: kind, recordId: id }, orderBy: { id: "desc" }, select: { actorName: true, createdAt: true, action: true } }),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    publication: row.publication,
    isPublic: row.isPublic,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    lastChange: revision ? { name: revision.actorName, at: revision.createdAt.toISOString(), action: revision.action } : null,
  };
}
