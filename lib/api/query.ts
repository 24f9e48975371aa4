// The API's query strings. The filings list takes exactly the timeline's filter
// (lib/filters/schema.ts, strict: unknown parameters are refused) plus `limit`, which
// only the API has; every other endpoint takes no parameters at all.
import "server-only";

import { invalidParameters, type ParamProblem } from "@/lib/api/problem";
import { SearchWordsSchema, limitSchema, paramProblem, parseBound, parseFilter, quoteValue, type Filter } from "@/lib/filters/schema";
import { MAX_PAGE_SIZE } from "@/lib/timeline/queries";

export const DEFAULT_LIMIT = 50;

/** The filings list's page size: the timeline's largest page at most. */
const API_LIMITS = { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_PAGE_SIZE };

/** How many filings a page holds. */
export const LimitSchema = limitSchema(API_LIMITS);

export interface FilingListQuery {
  filter: Filter;
  limit: number;
}

/** The filings list's query, or an ApiProblem (400) naming every parameter at fault. */
export function parseFilingListQuery(params: URLSearchParams): FilingListQuery {
  const bound = parseBound(params, API_LIMITS);
  const result = parseFilter(bound.rest, { strict: true });
  const problems = [...bound.problems, ...(result.ok ? [] : result.problems)];
  if (problems.length > 0 || !result.ok) throw invalidParameters(problems);
  return { filter: result.filter, limit: bound.limit };
}

/** The query of a list that searches (lawsuits, policies, agencies): `q`, the search words (the panel's own definition), at most once. */
export function parseSearchQuery(params: URLSearchParams): { q: string | undefined } {
  const problems: ParamProblem[] = [];
  for (const name of new Set(params.keys())) {
    if (name !== "q") problems.push(paramProblem(name, "is not a known parameter"));
  }
  const values = params.getAll("q");
  if (values.length > 1) problems.push({ param: "q", message: "q may appear only once" });
  const result = SearchWordsSchema.safeParse(values[0]);
  if (!result.success) problems.push(paramProblem("q", `${quoteValue(values[0])} ${result.error.issues[0]?.message ?? "is not valid"}`));
  if (problems.length > 0) throw invalidParameters(problems);
  return { q: result.data };
}

/** Endpoints without parameters refuse any, as the filings list refuses unknown ones. */
export function requireNoParameters(params: URLSearchParams): void {
  const names = [...new Set(params.keys())];
  if (names.length > 0) throw invalidParameters(names.map((name) => paramProblem(name, "is not a known parameter")));
}
