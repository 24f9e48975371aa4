// The closed vocabularies of the docketline/v1 format (prisma/data/FORMAT.md): filing
// kinds, statuses, roles, outcomes, sides and relations. Apart from the zod schema
// (lib/dataset/schema.ts, which re-exports them) so that browser code that only needs
// a list or a label does not download zod and the importer's schemas with it.

export const FILING_KINDS = [
  "complaint", "motion", "response", "reply", "brief", "amicus-brief",
  "letter", "order", "settlement", "notice", "hearing", "statement",
] as const;
export const LAWSUIT_STATUSES = ["open", "stayed", "transferred", "dismissed", "decided", "settled", "closed", "unknown"] as const;
export const COALITION_ROLES = ["lead", "co-lead", "joined"] as const;
export const DEMAND_OUTCOMES = ["pending", "granted", "granted-in-part", "denied", "moot", "withdrawn", "unknown"] as const;
export const PARTY_SIDES = ["plaintiff", "defendant", "petitioner", "respondent", "appellant", "appellee", "intervenor", "amicus", "other"] as const;
export const LAWSUIT_RELATIONS = ["related", "appeal-of", "transferred-to-join", "transferred-to", "consolidated-with"] as const;

export type FilingKind = (typeof FILING_KINDS)[number];
export type LawsuitStatus = (typeof LAWSUIT_STATUSES)[number];
export type CoalitionRole = (typeof COALITION_ROLES)[number];
export type DemandOutcome = (typeof DEMAND_OUTCOMES)[number];
export type PartySide = (typeof PARTY_SIDES)[number];
export type LawsuitRelationKind = (typeof LAWSUIT_RELATIONS)[number];

// Research coding (docs/decisions/020); labels, definitions and how a coder decides
// each code are in lib/coding/labels.ts, which the codebook, forms and filters read.
export const STATE_SIDES = [
  "plaintiff", "intervenor-plaintiff", "defendant", "intervenor-defendant", "amicus-plaintiff-side", "amicus-defendant-side",
] as const;
export const OUTCOME_CLASSES = [
  "success-merits", "success-injunction-only", "mixed", "failure-merits", "failure-procedural",
  "settled", "withdrawn", "moot", "pending", "unknown",
] as const;
export const RELIEF_KINDS = ["tro", "preliminary-injunction", "permanent-injunction", "vacatur", "stay"] as const;
export const RELIEF_STATUSES = ["requested", "granted", "denied", "stayed-on-appeal"] as const;
export const RELIEF_SCOPES = ["parties-only", "plaintiff-states", "nationwide"] as const;

export type StateSide = (typeof STATE_SIDES)[number];
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];
export type ReliefKind = (typeof RELIEF_KINDS)[number];
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];
export type ReliefScope = (typeof RELIEF_SCOPES)[number];
