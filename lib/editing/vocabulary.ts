// How Docketline names a record's fields and what was done to a record: the one table
// that the staff forms, their error summaries and conflict notices, the histories and
// the dashboard all read, so that a field or an action is called the same everywhere.
// Kept apart from lib/editing/history (which reads the database) so that the staff
// forms, which run in the browser, can use it.
import type { EditableKind, RevisionAction } from "@/lib/editing/types";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";

/** The top-level fields of each kind of record, named as a form labels them. */
export const FIELD_LABELS = {
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
  court: { id: "Court id", shortName: "Short name", fullName: "Full name" },
  official: { id: "Id", name: "Name", office: "Office", jurisdiction: "Jurisdiction", termStart: "Term start", termEnd: "Term end" },
  policy: {
    id: "Id",
    name: "Name",
    agencies: "Agencies",
    dateAnnounced: "Date announced",
    citation: "Citation",
    issueAreas: "Issue areas",
    sources: "Sources",
  },
  "lawsuit-coding": {
    lawsuit: "Lawsuit",
    policies: "Policies challenged",
    issueAreas: "Issue areas",
    sources: "Sources of the classification",
    stateSides: "States' sides",
    outcome: "Outcome for the states",
    reliefMilestones: "Relief milestones",
  },
  "issue-area": { slug: "Slug", label: "Label", definition: "Definition" },
} as const satisfies Record<EditableKind, Record<string, string>>;

/** One item of a list field, numbered by the reader: "Joining state 3", "Demand 2". */
export const LIST_ITEM_NOUNS: Record<string, string> = {
  states: "Joining state",
  plaintiffs: "Plaintiff state",
  otherParties: "Other party",
  related: "Related lawsuit",
  demands: "Demand",
  sources: "Source",
  agencies: "Agency",
  issueAreas: "Issue area",
  policies: "Policy",
  stateSides: "State's side",
  reliefMilestones: "Relief milestone",
};

/** The properties of a list's items, in the middle of a sentence: "Demand 2: decided by". */
export const ITEM_PROPERTY_LABELS = {
  jurisdiction: "jurisdiction",
  role: "role",
  official: "official",
  dateJoined: "date joined",
  text: "text",
  category: "category",
  outcome: "outcome",
  decidedBy: "decided by",
  name: "name",
  side: "side",
  lawsuit: "lawsuit",
  relation: "relation",
  filing: "filing",
  class: "outcome",
  date: "date",
  relief: "relief",
  status: "status",
  scope: "scope",
  url: "URL",
  title: "title",
  publisher: "publisher",
  published: "published",
  sources: "sources",
} as const;

/** How a form, a history or a dashboard names a top-level field: "dateFiled" → "Date filed". */
export function fieldLabel(kind: EditableKind, field: string): string {
  return (FIELD_LABELS[kind] as Record<string, string>)[field] ?? field;
}

/** How an error summary names a list item's property; an unknown one by its key. */
export function itemPropertyLabel(property: string): string {
  return (ITEM_PROPERTY_LABELS as Record<string, string>)[property] ?? property;
}

/** What was done to a record, as a past participle: "last edited by", "published by". */
export const REVISION_ACTION_WORDS: Record<RevisionAction, string> = {
  create: "created",
  update: "edited",
  publish: "published",
  unpublish: "unpublished",
  delete: "deleted",
  restore: "restored",
  revert: "reverted",
};

/** What someone did to the record, after their name: "Alice saved changes", "Bob published it". */
export function revisionPredicate(action: RevisionAction): string {
  if (action === "update") return "saved changes";
  if (action === "revert") return "reverted it to an earlier version";
  return `${REVISION_ACTION_WORDS[action]} it`;
}

/**
 * How an error summary names a place in a record: ["plaintiffs", 1, "role"] →
 * "Plaintiff state 2 (NM — New Mexico): role". `jurisdictionAt` gives the code of a
 * list item that is a jurisdiction, when the form knows it.
 */
export function fieldPathLabel(kind: EditableKind, path: readonly (string | number)[], jurisdictionAt?: (field: string, index: number) => string | undefined): string {
  const [field, index, property] = path;
  const top = fieldLabel(kind, String(field));
  if (typeof index !== "number") return top;
  const code = jurisdictionAt?.(String(field), index);
  const item = `${LIST_ITEM_NOUNS[String(field)] ?? top} ${index + 1}${code ? ` (${code} — ${getJurisdictionName(code)})` : ""}`;
  return property === undefined ? item : `${item}: ${itemPropertyLabel(String(property))}`;
}
