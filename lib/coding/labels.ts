// How the codes of the research coding read, what each means and how a coder decides
// it: the one definition that the codebook (/about/codebook and its export), the staff
// forms and the filters read (docs/decisions/013, 020). The lists themselves are the
// format's, in lib/dataset/vocabulary.ts. Browser-safe.
import {
  OUTCOME_CLASSES,
  RELIEF_KINDS,
  RELIEF_SCOPES,
  RELIEF_STATUSES,
  STATE_SIDES,
  type OutcomeClass,
  type ReliefKind,
  type ReliefScope,
  type ReliefStatus,
  type StateSide,
} from "@/lib/dataset/vocabulary";

export interface CodeDefinition {
  label: string;
  definition: string;
  /** How a coder decides between this code and its neighbours. */
  decide: string;
}

export const STATE_SIDE_CODES: Record<StateSide, CodeDefinition> = {
  plaintiff: {
    label: "Plaintiff",
    definition: "The state brought the lawsuit, alone or in a coalition.",
    decide: "The state is named as a plaintiff in the complaint or an amended complaint. Code the filing that names it.",
  },
  "intervenor-plaintiff": {
    label: "Intervenor on the plaintiffs' side",
    definition: "The state joined a lawsuit that others brought, as a party, to press the plaintiffs' claims.",
    decide: "The court granted the state's motion to intervene, and the state's filings seek what the plaintiffs seek.",
  },
  defendant: {
    label: "Defendant",
    definition: "The state was sued.",
    decide: "The state, its officers in their official capacity or its agencies are named as defendants.",
  },
  "intervenor-defendant": {
    label: "Intervenor on the defendants' side",
    definition: "The state joined as a party to defend the challenged action, for example a federal rule.",
    decide: "The court granted the state's motion to intervene, and the state's filings defend the challenged action.",
  },
  "amicus-plaintiff-side": {
    label: "Amicus for the plaintiffs' side",
    definition: "The state filed or joined an amicus brief supporting the party challenging the action.",
    decide: "The brief says it supports the plaintiffs, petitioners or appellees who challenged the action. On appeal, follow the side, not the label: a brief for appellees who were the plaintiffs below is on the plaintiffs' side.",
  },
  "amicus-defendant-side": {
    label: "Amicus for the defendants' side",
    definition: "The state filed or joined an amicus brief supporting the party defending the action.",
    decide: "The brief says it supports the defendants or the party defending the challenged action.",
  },
};

export const OUTCOME_CLASS_CODES: Record<OutcomeClass, CodeDefinition> = {
  "success-merits": {
    label: "Success on the merits",
    definition: "A final judgment for the states' side on the merits: the action was held unlawful.",
    decide: "A summary judgment, judgment after trial or appellate decision on the merits favours the states' side and is not undone. Cite the order.",
  },
  "success-injunction-only": {
    label: "Success by injunction only",
    definition: "The states obtained a TRO or preliminary injunction, but the case ended without a merits decision for them.",
    decide: "Temporary relief was granted and never reversed, and the case was then dismissed as moot, withdrawn or left without judgment. If a merits decision followed, code that instead.",
  },
  mixed: {
    label: "Mixed results",
    definition: "The states won on some claims or for some parties and lost on others.",
    decide: "The deciding order grants part and denies part of what the states sought on the merits.",
  },
  "failure-merits": {
    label: "Failure on the merits",
    definition: "The court decided the merits against the states' side.",
    decide: "A judgment on the merits upholds the challenged action. Cite the order.",
  },
  "failure-procedural": {
    label: "Failure by procedural dismissal",
    definition: "The case was dismissed without reaching the merits: standing, ripeness, jurisdiction or venue.",
    decide: "The dismissal rests on a threshold ground. A transfer to another court is not an outcome: code the transferee case.",
  },
  settled: {
    label: "Settled",
    definition: "The parties settled, with the court's approval where one was needed.",
    decide: "A settlement or consent decree ended the case. Cite the approval order or the settlement filing.",
  },
  withdrawn: {
    label: "Withdrawn",
    definition: "The states dismissed their own case voluntarily.",
    decide: "A notice or stipulation of voluntary dismissal by the states, without a settlement.",
  },
  moot: {
    label: "Moot",
    definition: "The case ended because the challenged action was rescinded, replaced or expired.",
    decide: "The court dismissed the case as moot, or the states dismissed it because the action was withdrawn by the government.",
  },
  pending: {
    label: "Pending",
    definition: "The case is still open.",
    decide: "A source shows the case open as of its date and none shows it ended. Cite that source.",
  },
  unknown: {
    label: "Unknown",
    definition: "No source in the data settles how the case ended.",
    decide: "The default. Never infer an outcome from silence, from news of a related case, or from a transfer.",
  },
};

export const RELIEF_KIND_CODES: Record<ReliefKind, CodeDefinition> = {
  tro: {
    label: "Temporary restraining order",
    definition: "Emergency relief for days or weeks, often before the other side is heard.",
    decide: "The motion or order calls itself a TRO, or an application for one.",
  },
  "preliminary-injunction": {
    label: "Preliminary injunction",
    definition: "Relief that holds until the case is decided.",
    decide: "The motion or order calls itself a preliminary injunction; a \"classwide\" one is still preliminary.",
  },
  "permanent-injunction": {
    label: "Permanent injunction",
    definition: "Relief ordered in a final judgment.",
    decide: "The injunction is part of a final judgment.",
  },
  vacatur: {
    label: "Vacatur",
    definition: "The court set aside the challenged rule or action itself (under the Administrative Procedure Act), not only its application to the parties.",
    decide: "The order vacates, sets aside or holds unlawful and sets aside the action.",
  },
  stay: {
    label: "Stay",
    definition: "The court postponed the action's effective date (5 U.S.C. § 705) or paused it pending review.",
    decide: "The order stays the challenged action. A stay of a court's own order on appeal is coded as \"stayed on appeal\" on the relief it stays.",
  },
};

export const RELIEF_STATUS_CODES: Record<ReliefStatus, CodeDefinition> = {
  requested: {
    label: "Requested",
    definition: "A party asked for the relief.",
    decide: "Date it by the motion; cite the motion, or a filing that says it was made.",
  },
  granted: {
    label: "Granted",
    definition: "The court ordered the relief, in whole or in part.",
    decide: "Date it by the order and cite the order.",
  },
  denied: {
    label: "Denied",
    definition: "The court refused the relief.",
    decide: "Date it by the order and cite the order.",
  },
  "stayed-on-appeal": {
    label: "Stayed on appeal",
    definition: "A higher court paused relief that had been granted.",
    decide: "Date it by the appellate order; code it in the case where the relief was granted.",
  },
};

export const RELIEF_SCOPE_CODES: Record<ReliefScope, CodeDefinition> = {
  "parties-only": {
    label: "Parties only",
    definition: "The relief protects only the named parties (or a certified class).",
    decide: "The order limits itself to the plaintiffs or to class members.",
  },
  "plaintiff-states": {
    label: "Plaintiff states",
    definition: "The relief applies within the plaintiff states.",
    decide: "The order limits itself to the states that sued, or to their residents.",
  },
  nationwide: {
    label: "Nationwide or universal",
    definition: "The relief applies everywhere, to everyone the action would reach.",
    decide: "The order bars the action's enforcement against anyone, anywhere. Leave the scope out when no source says.",
  },
};

/** Every closed list of the coding with its definitions, in the codebook's order. */
export const CODE_LISTS = [
  { key: "stateSides", title: "A state's side in a lawsuit", field: "coding[].stateSides[].side", codes: STATE_SIDES, definitions: STATE_SIDE_CODES },
  { key: "outcomes", title: "Outcome for the states", field: "coding[].outcome.class", codes: OUTCOME_CLASSES, definitions: OUTCOME_CLASS_CODES },
  { key: "reliefKinds", title: "Relief", field: "coding[].reliefMilestones[].relief", codes: RELIEF_KINDS, definitions: RELIEF_KIND_CODES },
  { key: "reliefStatuses", title: "What became of the relief", field: "coding[].reliefMilestones[].status", codes: RELIEF_STATUSES, definitions: RELIEF_STATUS_CODES },
  { key: "reliefScopes", title: "Whom the relief protects", field: "coding[].reliefMilestones[].scope", codes: RELIEF_SCOPES, definitions: RELIEF_SCOPE_CODES },
] as const;

/**
 * The fields of a policy and of a lawsuit's coding, as the codebook explains them. The
 * codebook's test checks this against the zod schemas, so a new field cannot go unexplained.
 */
export const CODING_FIELDS = {
  policy: {
    id: "A stable slug naming the policy.",
    name: "The policy as the sources name it.",
    agencies: "The agencies behind it, as the sources name them. Left empty when no source says.",
    dateAnnounced: "When it was announced, to the precision a source gives (YYYY, YYYY-MM or YYYY-MM-DD). Its administration is derived from this date, never typed.",
    citation: "Where it is published: Federal Register citation, memorandum or executive order number.",
    issueAreas: "One or more issue areas (slugs of the vocabulary below).",
    sources: "At least one public source for the policy.",
  },
  coding: {
    lawsuit: "The lawsuit coded (its id in the dataset). One coding per lawsuit.",
    policies: "The policies the lawsuit challenges (ids of policies).",
    issueAreas: "One or more issue areas of the lawsuit.",
    sources: "Sources for the policies and issue areas; required when either is coded.",
    stateSides: "Each state's side, with the filing of the lawsuit that shows it or a source. A state has one side per lawsuit.",
    outcome: "The outcome for the states (class, date, the order of the lawsuit that decided it, sources). \"unknown\" unless a filing or source settles it.",
    reliefMilestones: "Each TRO, injunction, vacatur or stay: requested, granted, denied or stayed on appeal, with its date (never before the lawsuit was filed), scope, and the filing of the lawsuit that records it or a source.",
  },
} as const;

export const ISSUE_AREA_DECIDE =
  "Code every area a policy or lawsuit substantially concerns, as its complaint and sources describe it, not areas it touches in passing. Admins keep the vocabulary; a missing area is added to it, not typed free.";

export const ADMINISTRATION_DECIDE =
  "Never coded: derived from a date. A lawsuit's administration is the one in office on its date filed; a policy's, the one in office when it was announced. A date known only to the month or year that spans an inauguration has no administration rather than a guess.";

export function codeLabel(definitions: Record<string, CodeDefinition>, code: string): string {
  return definitions[code]?.label ?? code;
}
