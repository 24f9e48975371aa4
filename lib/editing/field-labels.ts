// How histories and the dashboard name a record's top-level fields. Kept apart from
// lib/editing/history (which reads the database) so that the staff forms, which run in
// the browser, can use the same names.
import type { EditableKind } from "@/lib/editing/types";

export const FIELD_LABELS: Record<EditableKind, Record<string, string>> = {
  filing: {
    id: "Id",
    lawsuit: "Lawsuit",
    kind: "Kind",
    title: "Title",
    dateFiled: "Date filed",
    entryNumber: "Docket entry number",
    filedBy: "Filed by",
    respondsTo: "Responds to",
    summary: "Summary",
    states: "Joining states",
    demands: "Demands",
    sources: "Sources",
  },
  lawsuit: {
    id: "Id",
    caseName: "Case name",
    caseNameShort: "Short name",
    court: "Court",
    docketNumber: "Docket number",
    judge: "Judge",
    dateFiled: "Date filed",
    dateTerminated: "Date terminated",
    status: "Status",
    summary: "Summary",
    plaintiffs: "Plaintiff states",
    otherParties: "Other parties",
    related: "Related lawsuits",
    sources: "Sources",
  },
  court: { id: "Id", shortName: "Short name", fullName: "Full name" },
  official: { id: "Id", name: "Name", office: "Office", jurisdiction: "Jurisdiction", termStart: "Term start", termEnd: "Term end" },
};

/** How a history or a dashboard names a top-level field: "dateFiled" → "Date filed". */
export function fieldLabel(kind: EditableKind, field: string): string {
  return FIELD_LABELS[kind][field] ?? field;
}
