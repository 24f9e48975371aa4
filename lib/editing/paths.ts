// Where each kind of editable record is edited (staff), where its history is read
// (public, and staff with more) and where a dataset upload is previewed, so that the
// dashboard, the upload's report, the history pages and the actions link to the same
// places. Browser-safe.
import { htmlPath } from "@/lib/api/paths";
import type { EditableKind } from "@/lib/editing/types";

/** The kinds with a history page: courts and officials are reference data whose history is no page of its own. */
export const HISTORY_KINDS = ["lawsuit", "filing", "lawsuit-coding", "policy", "issue-area"] as const satisfies readonly EditableKind[];
export type HistoryKind = (typeof HISTORY_KINDS)[number];

const EDIT_PATHS: Record<EditableKind, (id: string) => string> = {
  court: (id) => `/staff/courts/${id}`,
  official: (id) => `/staff/officials/${id}`,
  lawsuit: (id) => `/staff/lawsuits/${id}`,
  filing: (id) => `/staff/filings/${id}`,
  policy: (id) => `/staff/policies/${id}`,
  // A lawsuit's coding is keyed by its lawsuit.
  "lawsuit-coding": (id) => `/staff/lawsuits/${id}/coding`,
  "issue-area": (slug) => `/staff/issue-areas/${slug}`,
};

/** From the record's id, not yet encoded. */
const HISTORY_PATHS: Record<HistoryKind, (id: string) => string> = {
  lawsuit: (id) => `${htmlPath.lawsuit(id)}/history`,
  filing: (id) => `${htmlPath.filing(id)}/history`,
  "lawsuit-coding": (id) => `${htmlPath.lawsuit(id)}/coding/history`,
  policy: (id) => `/policies/${encodeURIComponent(id)}/history`,
  "issue-area": (slug) => `/issue-areas/${encodeURIComponent(slug)}/history`,
};

const isHistoryKind = (kind: string): kind is HistoryKind => (HISTORY_KINDS as readonly string[]).includes(kind);

/** The dataset upload's form. */
export const UPLOAD_PAGE = "/staff/upload";

/** A dataset upload's preview, then its report once applied. */
export const uploadPath = (id: string): string => `${UPLOAD_PAGE}/${encodeURIComponent(id)}`;

/** The staff form of a record. */
export const editPath = (kind: EditableKind, id: string): string => EDIT_PATHS[kind](encodeURIComponent(id));

/** The history page of a record; null for the kinds that have none. */
export function historyPath(kind: HistoryKind, id: string): string;
export function historyPath(kind: EditableKind, id: string): string | null;
export function historyPath(kind: EditableKind, id: string): string | null {
  return isHistoryKind(kind) ? HISTORY_PATHS[kind](id) : null;
}
