// The docketline/v1 dataset format (prisma/data/FORMAT.md), as one zod schema shared by
// the CLI importer and exporter, the staff forms and upload, and the API. Rules that
// involve more than one field or record are here too, so every caller enforces them.
import { z } from "zod";

import { isPartialDate, mayBeOnOrAfter, PARTIAL_DATE_HINT } from "@/lib/dates/partial-date";
import { isJurisdictionCode } from "@/lib/jurisdictions/reference";

export const DATASET_FORMAT = "docketline/v1";

/** Named limits, so that forms can show them too. */
export const LIMITS = {
  id: 120,
  title: 500,
  summary: 20_000,
  name: 500,
  shortText: 200,
  url: 2_000,
  demandText: 5_000,
} as const;

import {
  COALITION_ROLES,
  DEMAND_OUTCOMES,
  FILING_KINDS,
  LAWSUIT_RELATIONS,
  LAWSUIT_STATUSES,
  OUTCOME_CLASSES,
  PARTY_SIDES,
  RELIEF_KINDS,
  RELIEF_SCOPES,
  RELIEF_STATUSES,
  STATE_SIDES,
} from "@/lib/dataset/vocabulary";

export * from "@/lib/dataset/vocabulary";

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` });

export const slug = z
  .string({ error: "must be a text id" })
  .max(LIMITS.id, `must be at most ${LIMITS.id} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug of lowercase letters, digits and single hyphens");

const text = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max.toLocaleString("en-US")} characters`)
    // JSON can carry half of a surrogate pair ("\ud800"); stored, it would become U+FFFD
    // and no longer be the text the file gave.
    .refine((value) => !LONE_SURROGATE.test(value), "must be valid Unicode text: it has half of a surrogate pair");

/** With the u flag, a character class of surrogates matches only unpaired ones. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Optional free text: absent, null, or non-empty after trimming. */
const optionalText = (max: number) => text(max).nullish();

export const partialDate = z
  .string({ error: `must be a date as ${PARTIAL_DATE_HINT}` })
  .refine(isPartialDate, `is not a valid date as ${PARTIAL_DATE_HINT}`);

export const jurisdictionCode = z
  .string({ error: "must be a USPS code" })
  .refine(isJurisdictionCode, "is not a known jurisdiction");

export const sourceUrl = z
  .string({ error: "must be a URL" })
  .trim()
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine((value) => {
    // WHATWG URL parsing also accepts "http:example.com" or "https:\\example.com"; an
    // absolute URL is written with its scheme and "//".
    if (!/^https?:\/\//i.test(value)) return false;
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be an absolute http(s) URL");

export const SourceSchema = z.strictObject({
  url: sourceUrl,
  title: text(LIMITS.title),
  publisher: text(LIMITS.name),
  published: partialDate.nullish(),
});

export const CourtSchema = z.strictObject({
  id: slug,
  shortName: text(LIMITS.shortText),
  fullName: text(LIMITS.name),
});

export const OfficialSchema = z
  .strictObject({
    id: slug,
    name: text(LIMITS.name),
    office: text(LIMITS.shortText),
    jurisdiction: jurisdictionCode,
    termStart: partialDate.nullish(),
    termEnd: partialDate.nullish(),
  })
  .superRefine((official, ctx) => {
    if (official.termStart && official.termEnd && !mayBeOnOrAfter(official.termEnd, official.termStart)) {
      ctx.addIssue({ code: "custom", path: ["termEnd"], message: `is before termStart "${official.termStart}"` });
    }
  });

export const PlaintiffSchema = z.strictObject({
  jurisdiction: jurisdictionCode,
  role: oneOf(COALITION_ROLES),
});

export const OtherPartySchema = z.strictObject({
  name: text(LIMITS.name),
  side: oneOf(PARTY_SIDES),
});

export const LawsuitRelationSchema = z.strictObject({
  lawsuit: slug,
  relation: oneOf(LAWSUIT_RELATIONS),
});

export const LawsuitSchema = z
  .strictObject({
    id: slug,
    caseName: text(LIMITS.title),
    caseNameShort: text(LIMITS.shortText),
    court: slug,
    docketNumber: text(LIMITS.shortText),
    judge: optionalText(LIMITS.name),
    dateFiled: partialDate,
    dateTerminated: partialDate.nullish(),
    status: oneOf(LAWSUIT_STATUSES),
    summary: text(LIMITS.summary),
    plaintiffs: z.array(PlaintiffSchema).default([]),
    otherParties: z.array(OtherPartySchema).default([]),
    related: z.array(LawsuitRelationSchema).default([]),
    sources: z.array(SourceSchema).default([]),
  })
  .superRefine((lawsuit, ctx) => {
    // "2018-06" may end a case filed "2018-06-26": compare whole periods, not first days.
    if (lawsuit.dateTerminated && !mayBeOnOrAfter(lawsuit.dateTerminated, lawsuit.dateFiled)) {
      ctx.addIssue({ code: "custom", path: ["dateTerminated"], message: `is before dateFiled "${lawsuit.dateFiled}"` });
    }
    reportDuplicates(ctx, lawsuit.plaintiffs, (p) => p.jurisdiction, "plaintiffs", "jurisdiction", "is listed more than once");
    reportDuplicates(ctx, lawsuit.related, (r) => r.lawsuit, "related", "lawsuit", "is listed more than once");
    lawsuit.related.forEach((relation, index) => {
      if (relation.lawsuit === lawsuit.id) {
        ctx.addIssue({ code: "custom", path: ["related", index, "lawsuit"], message: "is the lawsuit itself" });
      }
    });
  });

export const FilingStateSchema = z.strictObject({
  jurisdiction: jurisdictionCode,
  role: oneOf(COALITION_ROLES),
  official: slug.nullish(),
  dateJoined: partialDate.nullish(),
});

export const DemandSchema = z.strictObject({
  text: text(LIMITS.demandText),
  category: slug,
  outcome: oneOf(DEMAND_OUTCOMES),
  decidedBy: slug.nullish(),
});

export const FilingSchema = z
  .strictObject({
    id: slug,
    // Required, and null for a letter or statement outside any lawsuit: a missing key
    // is more likely a mistake than a deliberate "no lawsuit".
    lawsuit: slug.nullable(),
    kind: oneOf(FILING_KINDS),
    title: text(LIMITS.title),
    dateFiled: partialDate,
    entryNumber: z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .nonnegative("must not be negative")
      .max(2_147_483_647, "is too large")
      .nullish(),
    filedBy: optionalText(LIMITS.name),
    respondsTo: slug.nullish(),
    summary: text(LIMITS.summary),
    states: z.array(FilingStateSchema).default([]),
    demands: z.array(DemandSchema).default([]),
    sources: z.array(SourceSchema).default([]),
  })
  .superRefine((filing, ctx) => {
    reportDuplicates(ctx, filing.states, (s) => s.jurisdiction, "states", "jurisdiction", "appears more than once on this filing");
    if (filing.respondsTo === filing.id) {
      ctx.addIssue({ code: "custom", path: ["respondsTo"], message: "is the filing itself" });
    }
  });

// ─── Research coding (docs/decisions/020) ─────────────────────────────────────────
// Never invent a fact: a coded value cites a source, or a filing of the same lawsuit
// that shows it (the importer checks that the filing belongs to the lawsuit).
const CITE_SOMETHING = "must cite a filing or at least one source";

export const IssueAreaSchema = z.strictObject({
  slug,
  label: text(LIMITS.shortText),
  definition: text(LIMITS.summary),
});

export const PolicySchema = z
  .strictObject({
    id: slug,
    name: text(LIMITS.title),
    agencies: z.array(text(LIMITS.name)).default([]),
    dateAnnounced: partialDate.nullish(),
    citation: optionalText(LIMITS.title),
    issueAreas: z.array(slug).default([]),
    sources: z.array(SourceSchema).min(1, "must list at least one source").default([]),
  })
  .superRefine((policy, ctx) => {
    reportDuplicates(ctx, policy.agencies, (agency) => agency, "agencies", "", "is listed more than once");
    reportDuplicates(ctx, policy.issueAreas, (area) => area, "issueAreas", "", "is listed more than once");
  });

export const StateSideSchema = z
  .strictObject({
    jurisdiction: jurisdictionCode,
    side: oneOf(STATE_SIDES),
    /** The filing of this lawsuit that shows the state on this side. */
    filing: slug.nullish(),
    sources: z.array(SourceSchema).default([]),
  })
  .superRefine((side, ctx) => {
    if (!side.filing && side.sources.length === 0) ctx.addIssue({ code: "custom", path: ["sources"], message: CITE_SOMETHING });
  });

export const OutcomeSchema = z
  .strictObject({
    class: oneOf(OUTCOME_CLASSES),
    date: partialDate.nullish(),
    /** The order of this lawsuit that decided it. */
    decidedBy: slug.nullish(),
    sources: z.array(SourceSchema).default([]),
  })
  .superRefine((outcome, ctx) => {
    // "unknown" is what no source settles; every other class is a finding and cites one.
    if (outcome.class !== "unknown" && !outcome.decidedBy && outcome.sources.length === 0) {
      ctx.addIssue({ code: "custom", path: ["sources"], message: CITE_SOMETHING });
    }
  });

export const ReliefMilestoneSchema = z
  .strictObject({
    relief: oneOf(RELIEF_KINDS),
    status: oneOf(RELIEF_STATUSES),
    date: partialDate.nullish(),
    scope: oneOf(RELIEF_SCOPES).nullish(),
    /** The filing of this lawsuit that records it: the motion, or the order. */
    filing: slug.nullish(),
    sources: z.array(SourceSchema).default([]),
  })
  .superRefine((milestone, ctx) => {
    if (!milestone.filing && milestone.sources.length === 0) ctx.addIssue({ code: "custom", path: ["sources"], message: CITE_SOMETHING });
  });

/** A lawsuit's research coding: one per lawsuit, apart from its docket facts. */
export const LawsuitCodingSchema = z
  .strictObject({
    lawsuit: slug,
    policies: z.array(slug).default([]),
    issueAreas: z.array(slug).default([]),
    /** The sources of the classification: the policies challenged and the issue areas. */
    sources: z.array(SourceSchema).default([]),
    stateSides: z.array(StateSideSchema).default([]),
    outcome: OutcomeSchema.default({ class: "unknown", sources: [] }),
    reliefMilestones: z.array(ReliefMilestoneSchema).default([]),
  })
  .superRefine((coding, ctx) => {
    if ((coding.policies.length > 0 || coding.issueAreas.length > 0) && coding.sources.length === 0) {
      ctx.addIssue({ code: "custom", path: ["sources"], message: "must list at least one source for the policies and issue areas" });
    }
    reportDuplicates(ctx, coding.policies, (policy) => policy, "policies", "", "is listed more than once");
    reportDuplicates(ctx, coding.issueAreas, (area) => area, "issueAreas", "", "is listed more than once");
    reportDuplicates(ctx, coding.stateSides, (s) => s.jurisdiction, "stateSides", "jurisdiction", "has a side already");
  });

/** The field that names each record of a list, unique within the file, and how a repeat is reported. */
export const UNIQUE_KEYS = [
  { kind: "courts", field: "id", message: "is used by an earlier record too" },
  { kind: "officials", field: "id", message: "is used by an earlier record too" },
  { kind: "issueAreas", field: "slug", message: "is used by an earlier issue area too" },
  { kind: "policies", field: "id", message: "is used by an earlier record too" },
  { kind: "lawsuits", field: "id", message: "is used by an earlier record too" },
  { kind: "filings", field: "id", message: "is used by an earlier record too" },
  { kind: "coding", field: "lawsuit", message: "is coded by an earlier record too" },
] as const;

export const DatasetSchema = z
  .strictObject({
    format: z.literal(DATASET_FORMAT, { error: `must be exactly "${DATASET_FORMAT}"` }),
    title: optionalText(LIMITS.title),
    description: optionalText(LIMITS.summary),
    courts: z.array(CourtSchema).default([]),
    officials: z.array(OfficialSchema).default([]),
    issueAreas: z.array(IssueAreaSchema).default([]),
    policies: z.array(PolicySchema).default([]),
    lawsuits: z.array(LawsuitSchema).default([]),
    filings: z.array(FilingSchema).default([]),
    coding: z.array(LawsuitCodingSchema).default([]),
  })
  .superRefine((dataset, ctx) => {
    for (const { kind, field, message } of UNIQUE_KEYS) {
      reportDuplicates(ctx, dataset[kind] as Record<string, unknown>[], (r) => r[field] as string, kind, field, message);
    }
  });

export type Dataset = z.output<typeof DatasetSchema>;
export type DatasetInput = z.input<typeof DatasetSchema>;
export type CourtRecord = z.output<typeof CourtSchema>;
export type OfficialRecord = z.output<typeof OfficialSchema>;
export type LawsuitRecord = z.output<typeof LawsuitSchema>;
export type FilingRecord = z.output<typeof FilingSchema>;
export type SourceRecord = z.output<typeof SourceSchema>;
export type IssueAreaRecord = z.output<typeof IssueAreaSchema>;
export type PolicyRecord = z.output<typeof PolicySchema>;
export type LawsuitCodingRecord = z.output<typeof LawsuitCodingSchema>;

function reportDuplicates<T>(
  ctx: z.RefinementCtx,
  items: T[],
  key: (item: T) => string,
  arrayField: string,
  field: string,
  message: string,
) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    // An empty field names the list item itself (a list of plain ids).
    if (seen.has(value)) ctx.addIssue({ code: "custom", path: field ? [arrayField, index, field] : [arrayField, index], message });
    seen.add(value);
  });
}
