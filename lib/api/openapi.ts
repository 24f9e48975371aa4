// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the API runs on:
// the filter (lib/filters/schema.ts), `limit` (lib/api/query.ts), the dataset's record
// schemas (lib/dataset/schema.ts) through the response schemas (lib/api/schema.ts),
// and the problem details (lib/api/problem.ts). Only prose is written here.
import "server-only";

import { LRUCache } from "lru-cache";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";

import { CACHE_CONTROL } from "@/lib/api/handler";
import { ProblemSchema, PROBLEM_CONTENT_TYPE } from "@/lib/api/problem";
import { DEFAULT_LIMIT, LimitSchema } from "@/lib/api/query";
import {
  FilingListSchema,
  FilingResponseSchema,
  JurisdictionListSchema,
  JurisdictionResponseSchema,
  LawsuitListSchema,
  LawsuitResponseSchema,
  AgencyListSchema,
  PolicyListSchema,
} from "@/lib/api/schema";
import { apiPath } from "@/lib/api/urls";
import { DemandSchema, FilingStateSchema, jurisdictionCode, LawsuitRelationSchema, OtherPartySchema, partialDate, PlaintiffSchema, slug, SourceSchema } from "@/lib/dataset/schema";
import { PARTIAL_DATE_HINT } from "@/lib/dates/partial-date";
import { FilterSchema, SearchWordsSchema, MAX_AGENCY_LENGTH, MAX_QUERY_LENGTH, type FilterKey } from "@/lib/filters/schema";
import { CODING_SEARCH_LIMIT } from "@/lib/coding/search";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import { LAWSUIT_SEARCH_LIMIT } from "@/lib/lawsuits/search";
import { MAX_PAGE_SIZE } from "@/lib/timeline/queries";

export const OPENAPI_VERSION = "3.1.0";
/** Origins whose document is kept: a site has one, or a few (a staging name, localhost). */
const MAX_DOCUMENTS = 8;

/**
 * What each query parameter of the filings list means. Typed by the filter's keys, so
 * that a filter added to lib/filters/schema.ts does not type-check until it is documented.
 */
export const FILING_PARAMETER_DESCRIPTIONS: Record<FilterKey | "limit", string> = {
  state:
    "Jurisdictions (USPS codes, case-insensitive) that joined the filing, in any role. Repeat the parameter (`state=NM&state=WA`) or separate codes with commas.",
  match: "With several states: `any` (the default) gives filings any of them joined, `all` those all of them joined.",
  role: "The role the selected states had: `lead`, `co-lead` or `joined`. Without `state`, filings any state had in that role.",
  side:
    "A state's side in the lawsuit, from the research coding (the codebook at `/about/codebook` defines each). Filings of lawsuits in which the selected states (with `match=all`, every one of them) stood on that side; without `state`, in which any state did. Like `role`, it qualifies `state`, which still selects the filings they joined.",
  lawsuit: "A lawsuit's id: only its filings.",
  issueArea: "An issue area's slug (e.g. `immigration`; the codebook at `/about/codebook` lists them): filings of lawsuits coded with it.",
  policy: "A policy's id: filings of lawsuits that challenge it.",
  agency: `An agency exactly as the policies name it (e.g. \`DHS\`), at most ${MAX_AGENCY_LENGTH} characters: filings of lawsuits that challenge a policy of that agency.`,
  administration:
    "An administration's id (`obama`, `trump-1`, `biden`, `trump-2`, …): filings of lawsuits filed during its term. Derived from the lawsuit's date filed, never coded; a lawsuit dated only to a month or year that spans an inauguration has none.",
  lawsuitOutcome:
    "The coded outcome of the lawsuit for the states; `unknown` includes lawsuits not coded yet. Not to be confused with `outcome`, a demand's outcome.",
  relief:
    "A relief milestone's kind (a TRO, an injunction, a vacatur or a stay). Filings of lawsuits with such a milestone (with `reliefStatus`, the same milestone).",
  reliefStatus: "What became of a relief milestone (with `relief`, of the same milestone).",
  kind: "Kinds of filing; repeatable. Filings of any of the kinds given.",
  demandCategory: "A demand category (a slug, e.g. `reunification`): filings with a demand in it.",
  outcome: "A demand outcome: filings with a demand that had it (with `demandCategory`, the same demand).",
  from: `The start of a date range, as ${PARTIAL_DATE_HINT}: filings whose date overlaps the range (a filing dated "2018-06" overlaps "from=2018-06-20").`,
  to: `The end of a date range, as ${PARTIAL_DATE_HINT}; not before \`from\`.`,
  q: `Full-text search of titles, summaries and demands (web-search syntax: words, "quoted phrases", -excluded), at most ${MAX_QUERY_LENGTH} characters.`,
  sort: "`newest` (the default) or `oldest` first. Filings with the same date: a wider period (year, then month) first, then by id.",
  cursor: "An opaque position from the `next` or `prev` link of a previous page; do not build one yourself.",
  limit: `How many filings per page: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_LIMIT}.`,
};

const filingListQuery = z.strictObject(
  Object.fromEntries(
    Object.entries({ ...FilterSchema.shape, limit: LimitSchema }).map(([name, schema]) => [
      name,
      schema.meta({ description: FILING_PARAMETER_DESCRIPTIONS[name as FilterKey | "limit"] }),
    ]),
  ),
);

const ifNoneMatch = z.object({
  "If-None-Match": z
    .string()
    .optional()
    .meta({ description: "The ETag of a response you hold: a 304 with no body answers when it is still current.", param: { id: "IfNoneMatch" } }),
});

const headers = z.object({
  ETag: z.string().meta({ description: "A strong validator of the body; send it back in If-None-Match.", header: { id: "ETag" } }),
  "Cache-Control": z.string().meta({ description: `\`${CACHE_CONTROL}\`.`, header: { id: "CacheControl" } }),
  "Access-Control-Allow-Origin": z.literal("*").meta({ description: "Any web page may read the API.", header: { id: "AccessControlAllowOrigin" } }),
});

const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } });

function responses(schema: z.ZodType, description: string, { notFound = false } = {}): ZodOpenApiResponsesObject {
  return {
    "200": { description, headers, content: { "application/json": { schema } } },
    "304": { description: "Not modified: the ETag in If-None-Match is current.", headers },
    "400": problem("A parameter is unknown or has a bad value; `errors` names each one."),
    ...(notFound ? { "404": problem("No record has this id or code.") } : {}),
  };
}

function get(operation: Omit<ZodOpenApiOperationObject, "requestParams"> & { query?: z.ZodObject; path?: z.ZodObject }): { get: ZodOpenApiOperationObject } {
  const { query, path, ...rest } = operation;
  return { get: { ...rest, requestParams: { ...(query ? { query } : {}), ...(path ? { path } : {}), header: ifNoneMatch } } };
}

/** The lists of the coding's policies and agencies: everything, or a search with `q`. */
function codingList({ operationId, summary, every, one, many, schema }: { operationId: string; summary: string; every: string; one: string; many: string; schema: z.ZodType }) {
  return get({
    operationId,
    summary,
    description:
      `${every}, the most challenged first, each with how many public lawsuits challenge it and the link to their filings. Not paged: \`links.next\` is always null. ` +
      `With \`q\`, a search instead: at most ${CODING_SEARCH_LIMIT} ${many} whose name has all the words (each word may be the start of one); \`total\` counts every match.`,
    query: z.strictObject({ q: SearchWordsSchema.meta({ description: `Words of the ${one}'s name; at most ${MAX_QUERY_LENGTH} characters.` }) }),
    responses: responses(schema, `Every ${one}, or the best matches of \`q\`.`),
  });
}

const toTemplate = (path: string) => path.replace(/%7B(\w+)%7D/g, "{$1}");

function buildDocument(origin: string) {
  return createDocument(
    {
      openapi: OPENAPI_VERSION,
      info: {
        title: "Docketline API",
        version: "1",
        description:
          "Read-only JSON API of Docketline: multistate legal actions, their filings and the jurisdictions that join them. " +
          "Records use the docketline/v1 dataset format's ids and field names, plus `url` (the record's page) and `updatedAt`. " +
          "Errors are RFC 9457 problem details. Every response allows any origin (CORS) and carries an ETag for conditional requests.",
        license: { name: "MIT", identifier: "MIT" },
      },
      servers: [{ url: origin }],
      externalDocs: { description: "The API page", url: `${origin}/api` },
      components: {
        // Registered so that the record schemas refer to them by name.
        schemas: {
          PartialDate: partialDate,
          JurisdictionCode: jurisdictionCode,
          FilingState: FilingStateSchema,
          Demand: DemandSchema,
          Source: SourceSchema,
          Plaintiff: PlaintiffSchema,
          OtherParty: OtherPartySchema,
          LawsuitRelation: LawsuitRelationSchema,
        },
      },
      paths: {
        [apiPath.filings]: get({
          operationId: "listFilings",
          summary: "List filings",
          description: `Filings under the timeline's filters, newest first by default, one page at a time (keyset pagination: follow \`links.next\`). \`total\` counts every match.`,
          query: filingListQuery,
          responses: responses(FilingListSchema, "A page of filings."),
        }),
        [toTemplate(apiPath.filing("{id}"))]: get({
          operationId: "getFiling",
          summary: "Get a filing",
          path: z.object({ id: slug.meta({ description: "The filing's id." }) }),
          responses: responses(FilingResponseSchema, "The filing.", { notFound: true }),
        }),
        [apiPath.lawsuits]: get({
          operationId: "listLawsuits",
          summary: "List lawsuits",
          description:
            "Every lawsuit, oldest first, each with its number of filings. Not paged: `links.next` is always null. " +
            `With \`q\`, a search instead: at most ${LAWSUIT_SEARCH_LIMIT} lawsuits whose caption has all the words (each word may be the start of one) ` +
            "or whose docket number starts with the text (letters and digits only, division optional: `18-cv-939` finds `2:18-cv-00939`), " +
            "an exact docket number first, then the best matches; `total` counts every match.",
          query: z.strictObject({
            q: SearchWordsSchema.meta({ description: `Words of the caption, or a docket number; at most ${MAX_QUERY_LENGTH} characters.` }),
          }),
          responses: responses(LawsuitListSchema, "Every lawsuit, or the best matches of `q`."),
        }),
        [toTemplate(apiPath.lawsuit("{id}"))]: get({
          operationId: "getLawsuit",
          summary: "Get a lawsuit with its filings",
          description: "The lawsuit, with the id and links of every one of its filings, oldest first. `links.filings` gives them in full, paged.",
          path: z.object({ id: slug.meta({ description: "The lawsuit's id." }) }),
          responses: responses(LawsuitResponseSchema, "The lawsuit.", { notFound: true }),
        }),
        [apiPath.policies]: codingList({
          operationId: "listPolicies",
          summary: "List policies",
          every: "Every policy that the research coding names",
          one: "policy",
          many: "policies",
          schema: PolicyListSchema,
        }),
        [apiPath.agencies]: codingList({
          operationId: "listAgencies",
          summary: "List agencies",
          every: "Every agency the policies name (as they name it: the value of the filings' `agency` filter)",
          one: "agency",
          many: "agencies",
          schema: AgencyListSchema,
        }),
        [apiPath.jurisdictions]: get({
          operationId: "listJurisdictions",
          summary: "List jurisdictions",
          description: "All 56 jurisdictions (50 states, DC, 5 territories) by name, with how many filings each joined and led. Not paged.",
          responses: responses(JurisdictionListSchema, "All jurisdictions."),
        }),
        [toTemplate(apiPath.jurisdiction("{code}"))]: get({
          operationId: "getJurisdiction",
          summary: "Get a jurisdiction",
          description: "A jurisdiction with its counts and officials. `links.filings` lists the filings it joined.",
          path: z.object({ code: z.string().meta({ description: "The USPS code (case-insensitive): NM, DC, PR…" }) }),
          responses: responses(JurisdictionResponseSchema, "The jurisdiction.", { notFound: true }),
        }),
        [apiPath.openapi]: get({
          operationId: "getOpenApiDocument",
          summary: "This document",
          responses: {
            "200": { description: "The OpenAPI 3.1 document of the API.", headers, content: { "application/json": { schema: z.looseObject({ openapi: z.string() }) } } },
            "304": { description: "Not modified.", headers },
            "400": problem("This endpoint takes no parameters."),
          },
        }),
      },
    },
    {
      override: ({ jsonSchema, zodSchema }) => {
        // The refinements behind these two cannot be written as JSON Schema by zod; say what they accept.
        if (zodSchema === partialDate) {
          jsonSchema.pattern = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
          jsonSchema.description = `A date known to the day, the month or the year: ${PARTIAL_DATE_HINT}. The precision is part of the data.`;
          jsonSchema.examples = ["2018-07-02", "2018-06", "2018"];
        } else if (jsonSchema.format === "date-time") {
          // zod's own ISO pattern repeats what `format` says, in 400 unreadable characters.
          delete jsonSchema.pattern;
        } else if (zodSchema === jurisdictionCode) {
          jsonSchema.enum = JURISDICTIONS.map((j) => j.code);
          jsonSchema.description = "A USPS code: the 50 states, DC and the 5 inhabited territories.";
        }
      },
    },
  );
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

/**
 * Built documents by origin. The origin comes from the request's Host header when
 * DOCKETLINE_PUBLIC_URL is unset, so anyone can ask for new ones: keep only a few.
 */
const documents = new LRUCache<string, OpenApiDocument>({ max: MAX_DOCUMENTS });

/** The document for a site origin (its `servers` and links name it); built once per origin while it is among the last few asked for. */
export function getOpenApiDocument(origin: string): OpenApiDocument {
  let document = documents.get(origin);
  if (!document) documents.set(origin, (document = buildDocument(origin)));
  return document;
}

