// The one filter of Docketline: the same query parameters, parsed by this schema, drive
// the timeline page, the API, the exports and the feeds. A new filter is added here once.
import { z } from "zod";

import { COALITION_ROLES, DEMAND_OUTCOMES, FILING_KINDS, jurisdictionCode, partialDate, slug } from "@/lib/dataset/schema";
import { periodOf } from "@/lib/dates/partial-date";
import { LAWSUIT_WORDS_PARAM, MAX_QUERY_LENGTH } from "@/lib/filters/params";

export const SORTS = ["newest", "oldest"] as const;
export const MATCHES = ["any", "all"] as const;
export { LAWSUIT_WORDS_PARAM, MAX_QUERY_LENGTH };

/** Query parameters that may appear more than once (`?state=NM&state=WA`). */
export const REPEATABLE_PARAMS = ["state", "kind"] as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });
const upper = (value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value);
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const FilterSchema = z
  .strictObject({
    /** Jurisdictions (USPS codes) that joined the filing. */
    state: z.array(z.preprocess(upper, jurisdictionCode)).max(56).default([]),
    /** With several states: filings any of them joined, or all of them joined. */
    match: z.preprocess(blankToUndefined, oneOf(MATCHES).default("any")),
    /** The selected states' role; `lead` shows only filings they led. */
    role: z.preprocess(blankToUndefined, oneOf(COALITION_ROLES).optional()),
    lawsuit: z.preprocess(blankToUndefined, slug.optional()),
    kind: z.array(oneOf(FILING_KINDS)).default([]),
    demandCategory: z.preprocess(blankToUndefined, slug.optional()),
    outcome: z.preprocess(blankToUndefined, oneOf(DEMAND_OUTCOMES).optional()),
    /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: filings whose date overlaps [from, to]. */
    from: z.preprocess(blankToUndefined, partialDate.optional()),
    to: z.preprocess(blankToUndefined, partialDate.optional()),
    q: z.preprocess(blankToUndefined, z.string().trim().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional()),
    sort: z.preprocess(blankToUndefined, oneOf(SORTS).default("newest")),
    /** An opaque position in the result list, from a previous page's links. */
    cursor: z.preprocess(blankToUndefined, z.string().max(500).regex(/^[abAB]\.[A-Za-z0-9_-]+$/, "is not a cursor from a Docketline link").optional()),
  })
  .superRefine((filter, ctx) => {
    if (filter.from && filter.to && periodOf(filter.to).end < periodOf(filter.from).start) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `is before from "${filter.from}"` });
    }
  });

export type Filter = z.output<typeof FilterSchema>;

/** The words of the lawsuit search field (LAWSUIT_WORDS_PARAM, lib/filters/params.ts). */
export const LawsuitWordsSchema = z.preprocess(
  blankToUndefined,
  z.string().trim().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional(),
);

/** The lawsuit search words of a page's query, or undefined (a bad value is ignored, as pages ignore bad filters). */
export function parseLawsuitWords(params: ParamSource): string | undefined {
  const values = toRecord(params)[LAWSUIT_WORDS_PARAM] ?? [];
  const result = LawsuitWordsSchema.safeParse(values[values.length - 1]);
  return result.success ? result.data : undefined;
}
export type FilterKey = keyof Filter;
export const FILTER_KEYS = Object.keys(FilterSchema.shape) as FilterKey[];

export interface FilterProblem {
  /** The query parameter at fault. */
  param: string;
  message: string;
}

export type FilterResult = { ok: true; filter: Filter } | { ok: false; problems: FilterProblem[] };

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: ParamSource): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  const add = (key: string, value: string) => (record[key] ??= []).push(value);
  if (params instanceof URLSearchParams) {
    params.forEach((value, key) => add(key, value));
  } else {
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) add(key, v);
    }
  }
  return record;
}

/**
 * Parses query parameters. `strict` (the API) refuses unknown parameters and repeated
 * single-valued ones; pages ignore unknown ones (tracking tags, old links).
 */
export function parseFilter(params: ParamSource, { strict = false } = {}): FilterResult {
  const record = toRecord(params);
  const problems: FilterProblem[] = [];
  const input: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(record)) {
    if (!(FILTER_KEYS as string[]).includes(key)) {
      if (strict) problems.push({ param: key, message: `${key} is not a known parameter` });
      continue;
    }
    if ((REPEATABLE_PARAMS as readonly string[]).includes(key)) {
      // "state=NM,WA" is accepted as well as "state=NM&state=WA".
      input[key] = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    } else {
      if (values.length > 1 && strict) problems.push({ param: key, message: `${key} may appear only once` });
      input[key] = values[values.length - 1];
    }
  }
  const result = FilterSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [param, index] = issue.path;
      const value = typeof index === "number" ? (input[String(param)] as string[])[index] : input[String(param)];
      const quoted = typeof value === "string" ? ` "${value}"` : "";
      problems.push({ param: String(param ?? "query"), message: `${String(param)}${quoted} ${issue.message}` });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, filter: (result as { data: Filter }).data };
}

/** The filter with nothing chosen. */
export const EMPTY_FILTER: Filter = FilterSchema.parse({});

/** Whether any filter (not sort or page) is set. */
export function isFiltered(filter: Filter): boolean {
  return (
    filter.state.length > 0 ||
    filter.kind.length > 0 ||
    !!(filter.role || filter.lawsuit || filter.demandCategory || filter.outcome || filter.from || filter.to || filter.q)
  );
}

/** Query parameters for a filter, leaving out defaults; the inverse of parseFilter. */
export function filterToSearchParams(filter: Partial<Filter>): URLSearchParams {
  const params = new URLSearchParams();
  for (const code of filter.state ?? []) params.append("state", code);
  if (filter.match && filter.match !== "any" && (filter.state?.length ?? 0) > 1) params.set("match", filter.match);
  if (filter.role) params.set("role", filter.role);
  if (filter.lawsuit) params.set("lawsuit", filter.lawsuit);
  for (const kind of filter.kind ?? []) params.append("kind", kind);
  if (filter.demandCategory) params.set("demandCategory", filter.demandCategory);
  if (filter.outcome) params.set("outcome", filter.outcome);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.q) params.set("q", filter.q);
  if (filter.sort && filter.sort !== "newest") params.set("sort", filter.sort);
  if (filter.cursor) params.set("cursor", filter.cursor);
  return params;
}

/** A path with the filter's query string: `/` + `?state=NM`. */
export function hrefWithFilter(path: string, filter: Partial<Filter>): string {
  const query = filterToSearchParams(filter).toString();
  return query ? `${path}?${query}` : path;
}
