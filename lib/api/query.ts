// The API's query strings. The filings list takes exactly the timeline's filter
// (lib/filters/schema.ts, strict: unknown parameters are refused) plus `limit`, which
// only the API has; every other endpoint takes no parameters at all.
import "server-only";

import { z } from "zod";

import { invalidParameters, type ParamProblem } from "@/lib/api/problem";
import { LawsuitWordsSchema, paramProblem, parseFilter, quoteValue, type Filter } from "@/lib/filters/schema";
import { MAX_PAGE_SIZE } from "@/lib/timeline/queries";

export const DEFAULT_LIMIT = 50;

/** How many filings a page holds. */
export const LimitSchema = z.coerce
  .number<string>()
  .int(`must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  .min(1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  .max(MAX_PAGE_SIZE, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  .default(DEFAULT_LIMIT);

export interface FilingListQuery {
  filter: Filter;
  limit: number;
}

function parseLimit(values: string[]): { limit: number; problems: ParamProblem[] } {
  if (values.length > 1) return { limit: DEFAULT_LIMIT, problems: [{ param: "limit", message: "limit may appear only once" }] };
  const value = values[0];
  if (value === undefined) return { limit: DEFAULT_LIMIT, problems: [] };
  // z.coerce would read "" as 0 and " 7 " as 7: a limit is written as digits.
  const result = /^\d{1,9}$/.test(value) ? LimitSchema.safeParse(value) : null;
  if (result?.success) return { limit: result.data, problems: [] };
  const message = result?.error.issues[0]?.message ?? `must be a whole number from 1 to ${MAX_PAGE_SIZE}`;
  return { limit: DEFAULT_LIMIT, problems: [paramProblem("limit", `${quoteValue(value)} ${message}`)] };
}

/** The filings list's query, or an ApiProblem (400) naming every parameter at fault. */
export function parseFilingListQuery(params: URLSearchParams): FilingListQuery {
  const filterParams = new URLSearchParams(params);
  const limitValues = filterParams.getAll("limit");
  filterParams.delete("limit");

  const limit = parseLimit(limitValues);
  const result = parseFilter(filterParams, { strict: true });
  const problems = [...limit.problems, ...(result.ok ? [] : result.problems)];
  if (problems.length > 0 || !result.ok) throw invalidParameters(problems);
  return { filter: result.filter, limit: limit.limit };
}

/** The lawsuits list's query: `q`, the lawsuit search words (the timeline's own definition), at most once. */
export function parseLawsuitListQuery(params: URLSearchParams): { q: string | undefined } {
  const problems: ParamProblem[] = [];
  for (const name of new Set(params.keys())) {
    if (name !== "q") problems.push(paramProblem(name, "is not a known parameter"));
  }
  const values = params.getAll("q");
  if (values.length > 1) problems.push({ param: "q", message: "q may appear only once" });
  const result = LawsuitWordsSchema.safeParse(values[0]);
  if (!result.success) problems.push(paramProblem("q", `${quoteValue(values[0])} ${result.error.issues[0]?.message ?? "is not valid"}`));
  if (problems.length > 0) throw invalidParameters(problems);
  return { q: result.data };
}

/** Endpoints without parameters refuse any, as the filings list refuses unknown ones. */
export function requireNoParameters(params: URLSearchParams): void {
  const names = [...new Set(params.keys())];
  if (names.length > 0) throw invalidParameters(names.map((name) => paramProblem(name, "is not a known parameter")));
}
