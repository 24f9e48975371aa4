// The query string of the lawsuit list (`/lawsuits?sort=filings&dir=desc&status=open`).
// Pages never fail on a bad link: a value that does not parse falls back to its default.
import { z } from "zod";

import { LAWSUIT_STATUSES, slug } from "@/lib/dataset/schema";
import { searchWords } from "@/lib/search-words";

export const LAWSUIT_SORTS = ["filed", "name", "filings", "coalition"] as const;
export type LawsuitSort = (typeof LAWSUIT_SORTS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const MAX_LAWSUIT_QUERY_LENGTH = 200;
/** Lawsuits per page of the list: the page weighs the same whatever the size of the collection. */
export const LAWSUITS_PAGE_SIZE = 50;

/** Names read A→Z; dates and counts read newest or largest first. */
export const DEFAULT_DIRECTION: Record<LawsuitSort, SortDirection> = {
  filed: "desc",
  name: "asc",
  filings: "desc",
  coalition: "desc",
};

/** The last value of a repeated parameter, blanks as absent. */
const single = (value: unknown) => {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === "string" && last.trim() === "" ? undefined : last;
};

/** A page number of a paged public list (`?page=2`), from 1; anything else is page 1. */
export const pageParam = z.preprocess(single, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1);

export const LawsuitListParamsSchema = z
  .object({
    sort: z.preprocess(single, z.enum(LAWSUIT_SORTS).default("filed")).catch("filed"),
    dir: z.preprocess(single, z.enum(SORT_DIRECTIONS).optional()).catch(undefined),
    status: z.preprocess(single, z.enum(LAWSUIT_STATUSES).optional()).catch(undefined),
    court: z.preprocess(single, slug.optional()).catch(undefined),
    q: z.preprocess(single, searchWords(MAX_LAWSUIT_QUERY_LENGTH).optional()).catch(undefined),
    /** From 1; a page past the end shows none, with a link back. */
    page: pageParam,
  })
  .transform((params) => ({ ...params, dir: params.dir ?? DEFAULT_DIRECTION[params.sort] }));

export type LawsuitListParams = z.output<typeof LawsuitListParamsSchema>;

/** Parses a page's `searchParams`; never throws. */
export function parseLawsuitListParams(searchParams: Record<string, string | string[] | undefined>): LawsuitListParams {
  return LawsuitListParamsSchema.parse(searchParams);
}

