import type { LawsuitRelationKind, LawsuitStatus, PartySide } from "@/lib/dataset/schema";

export const LAWSUIT_STATUS_LABELS: Record<LawsuitStatus, string> = {
  open: "Open",
  stayed: "Stayed",
  transferred: "Transferred",
  dismissed: "Dismissed",
  decided: "Decided",
  settled: "Settled",
  closed: "Closed",
  unknown: "Status unknown",
};

export const PARTY_SIDE_LABELS: Record<PartySide, string> = {
  plaintiff: "Plaintiffs",
  defendant: "Defendants",
  petitioner: "Petitioners",
  respondent: "Respondents",
  appellant: "Appellants",
  appellee: "Appellees",
  intervenor: "Intervenors",
  amicus: "Amici",
  other: "Other parties",
};

/**
 * A relation read from each end: "Washington v. United States was transferred to join
 * Ms. L. v. ICE" on one page, "joined by transfer: Washington v. United States" on the other.
 */
export const LAWSUIT_RELATION_LABELS: Record<LawsuitRelationKind, { outgoing: string; incoming: string }> = {
  related: { outgoing: "Related to", incoming: "Related to" },
  "appeal-of": { outgoing: "Appeal of", incoming: "Appealed in" },
  "transferred-to-join": { outgoing: "Transferred to join", incoming: "Joined by transfer of" },
  "transferred-to": { outgoing: "Transferred to", incoming: "Transferred from" },
  "consolidated-with": { outgoing: "Consolidated with", incoming: "Consolidated with" },
};
