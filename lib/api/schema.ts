// The shapes of the API's responses, as zod schemas: the OpenAPI document is generated
// from them (lib/api/openapi.ts). A record is its docketline/v1 form, from the
// dataset's own schemas (lib/dataset/schema.ts, FORMAT.md), plus where to read it on
// the site (`url`) and when it last changed (`updatedAt`).
import { z } from "zod";

import { FilingSchema, jurisdictionCode, LawsuitSchema, OfficialSchema, slug } from "@/lib/dataset/schema";

const url = z.url().meta({ description: "An absolute URL." });

/** Added to every record. */
const resourceFields = {
  url: url.meta({ description: "The record's page on the site (HTML)." }),
  updatedAt: z.iso.datetime({ offset: true }).meta({ description: "When the record last changed (ISO 8601, UTC)." }),
};

export const FilingResourceSchema = FilingSchema.safeExtend(resourceFields).meta({
  id: "Filing",
  description: "A filing in its docketline/v1 form (FORMAT.md), with its page and when it last changed.",
});

export const LawsuitResourceSchema = LawsuitSchema.safeExtend({
  ...resourceFields,
  filingCount: z.number().int().nonnegative().meta({ description: "How many filings the lawsuit has." }),
}).meta({
  id: "Lawsuit",
  description: "A lawsuit in its docketline/v1 form (FORMAT.md), with its page, when it last changed and how many filings it has.",
});

export const FilingRefSchema = z
  .object({
    id: slug,
    url: url.meta({ description: "The filing's page on the site (HTML)." }),
    href: url.meta({ description: "The filing in the API." }),
  })
  .meta({ id: "FilingRef", description: "A filing by id, with where to read it." });

export const LawsuitDetailSchema = LawsuitResourceSchema.safeExtend({
  filings: z.array(FilingRefSchema).meta({ description: "Every filing of the lawsuit, oldest first (the timeline's order)." }),
}).meta({ id: "LawsuitDetail", description: "A lawsuit with every one of its filings." });

export const JURISDICTION_KINDS = ["state", "district", "territory"] as const;

export const JurisdictionResourceSchema = z
  .object({
    code: jurisdictionCode,
    name: z.string(),
    kind: z.enum(JURISDICTION_KINDS),
    url: url.meta({ description: "The jurisdiction's page on the site (HTML)." }),
    updatedAt: resourceFields.updatedAt,
    counts: z
      .object({
        filingsJoined: z.number().int().nonnegative().meta({ description: "Filings it joined, in any role (lead, co-lead or joined)." }),
        filingsLed: z.number().int().nonnegative().meta({ description: "Filings it led (role `lead`)." }),
        lawsuits: z.number().int().nonnegative().meta({ description: "Lawsuits it is a plaintiff in." }),
      })
      .meta({ description: "What its attorney general took part in." }),
  })
  .meta({ id: "Jurisdiction", description: "One of the 56 jurisdictions (50 states, DC, 5 territories), with what it took part in." });

export const JurisdictionDetailSchema = JurisdictionResourceSchema.safeExtend({
  officials: z.array(OfficialSchema).meta({ description: "Its officials (attorneys general) in the data, in docketline/v1 form." }),
}).meta({ id: "JurisdictionDetail", description: "A jurisdiction with its officials." });

export const PolicyResourceSchema = z
  .object({
    id: slug,
    name: z.string(),
    agencies: z.array(z.string()).meta({ description: "The agencies behind it, in the order the sources name them." }),
    lawsuits: z.number().int().nonnegative().meta({ description: "How many public lawsuits challenge it." }),
    links: z.object({ filings: url.meta({ description: "The filings of the lawsuits that challenge it (`policy` filter)." }) }),
  })
  .meta({ id: "Policy", description: "A policy that lawsuits challenge (its full record, with sources, is in the dataset export), with how many do." });

export const AgencyResourceSchema = z
  .object({
    name: z.string().meta({ description: "The agency as the policies name it: the value of the `agency` filter." }),
    lawsuits: z.number().int().nonnegative().meta({ description: "How many public lawsuits challenge a policy of the agency." }),
    links: z.object({ filings: url.meta({ description: "The filings of those lawsuits (`agency` filter)." }) }),
  })
  .meta({ id: "Agency", description: "An agency named by the policies, with how many lawsuits challenge its policies." });

const links = {
  self: url.meta({ description: "This response." }),
};

export const ListLinksSchema = z
  .object({
    ...links,
    next: url.nullable().meta({ description: "The next page, or null on the last." }),
    prev: url.nullable().meta({ description: "The previous page, or null on the first." }),
  })
  .meta({ id: "ListLinks" });

export const DetailLinksSchema = z.object({
  ...links,
  filings: url.optional().meta({ description: "Its filings in full, paged, from the filings list." }),
}).meta({ id: "DetailLinks" });

function list<T extends z.ZodType>(item: T, id: string, description: string) {
  return z
    .object({
      data: z.array(item),
      total: z.number().int().nonnegative().meta({ description: "How many records match, across all pages." }),
      links: ListLinksSchema,
    })
    .meta({ id, description });
}

function detail<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: item, links: DetailLinksSchema }).meta({ id });
}

export const FilingListSchema = list(FilingResourceSchema, "FilingList", "A page of filings, in timeline order.");
export const LawsuitListSchema = list(LawsuitResourceSchema, "LawsuitList", "Every lawsuit, oldest first.");
export const PolicyListSchema = list(PolicyResourceSchema, "PolicyList", "Policies, the most challenged first.");
export const AgencyListSchema = list(AgencyResourceSchema, "AgencyList", "Agencies, the most challenged first.");
export const JurisdictionListSchema = list(JurisdictionResourceSchema, "JurisdictionList", "All 56 jurisdictions, by name.");
export const FilingResponseSchema = detail(FilingResourceSchema, "FilingResponse");
export const LawsuitResponseSchema = detail(LawsuitDetailSchema, "LawsuitResponse");
export const JurisdictionResponseSchema = detail(JurisdictionDetailSchema, "JurisdictionResponse");

export type FilingResource = z.output<typeof FilingResourceSchema>;
export type LawsuitResource = z.output<typeof LawsuitResourceSchema>;
export type LawsuitDetail = z.output<typeof LawsuitDetailSchema>;
export type JurisdictionResource = z.output<typeof JurisdictionResourceSchema>;
export type JurisdictionDetail = z.output<typeof JurisdictionDetailSchema>;
export type FilingList = z.output<typeof FilingListSchema>;
export type LawsuitList = z.output<typeof LawsuitListSchema>;
export type JurisdictionList = z.output<typeof JurisdictionListSchema>;
export type PolicyList = z.output<typeof PolicyListSchema>;
export type AgencyList = z.output<typeof AgencyListSchema>;
export type FilingRef = z.output<typeof FilingRefSchema>;
