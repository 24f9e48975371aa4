// The filter's query parameters as a table, and the URL of a filter, apart from the zod
// schema (lib/filters/schema.ts, which derives its keys from this table and re-exports
// all of it) so that browser code (the filter panel, the lawsuit search field) can use
// them without downloading zod and the dataset schema with it.
import type { Filter } from "@/lib/filters/schema";

export const MAX_QUERY_LENGTH = 200;

/**
 * Words that find a value of a filter whose values are too many to list (`?lawsuitq=flores`,
 * `?policyq=zero+tolerance`, `?agencyq=homeland`): what the panel's search fields submit
 * without JavaScript; the API searches the same way (`/api/v1/lawsuits?q=`,
 * `/api/v1/policies?q=`, `/api/v1/agencies?q=`). Not filters themselves: the page resolves
 * the words to a value and the filter keeps it (`lawsuit`, `policy`, `agency`), so that a
 * shared link names a lawsuit or a policy rather than a search.
 */
export const SEARCH_WORDS_PARAMS = { lawsuit: "lawsuitq", policy: "policyq", agency: "agencyq" } as const;
/** The filters that a search field of the panel sets. */
export type SearchedParam = keyof typeof SEARCH_WORDS_PARAMS;
export const SEARCHED_PARAMS = Object.keys(SEARCH_WORDS_PARAMS) as SearchedParam[];

interface ParamSpec {
  /** May appear more than once (`?state=NM&state=WA`, or `?state=NM,WA`). */
  readonly repeatable?: true;
  /** Narrows the set of filings (what "filtered" means); the others order, page or qualify it. */
  readonly narrows?: true;
  /** The value a URL leaves out. */
  readonly default?: string;
  /** Written only when several values of that repeatable parameter are (`match` with states). */
  readonly withSeveral?: "state";
}

/**
 * Every parameter of the filter, in the order a URL writes them. FilterSchema has
 * exactly these keys (its shape is checked against this table), so a new filter is
 * added here and in the schema, and the URL, the panel and "is anything filtered" follow.
 */
export const FILTER_PARAMS = {
  state: { repeatable: true, narrows: true },
  match: { default: "any", withSeveral: "state" },
  role: { narrows: true },
  side: { narrows: true },
  lawsuit: { narrows: true },
  issueArea: { narrows: true },
  policy: { narrows: true },
  agency: { narrows: true },
  administration: { narrows: true },
  lawsuitOutcome: { narrows: true },
  relief: { narrows: true },
  reliefStatus: { narrows: true },
  kind: { repeatable: true, narrows: true },
  demandCategory: { narrows: true },
  outcome: { narrows: true },
  from: { narrows: true },
  to: { narrows: true },
  q: { narrows: true },
  sort: { default: "newest" },
  cursor: {},
} as const satisfies Record<string, ParamSpec>;

export type FilterParam = keyof typeof FILTER_PARAMS;

/**
 * Parameters that bound an output rather than filter it (lib/filters/schema.ts parses
 * them): `limit`, how many items one answer holds (the API's page, the feed's entries,
 * the calendar's events), and `before`, where the feed's older entries start (a
 * position its own `Link: rel=next` gave). Never part of a Filter: the timeline pages
 * ignore them, and the same filter with another bound is still the same filter.
 */
export const BOUND_PARAMS = ["limit", "before"] as const;
export type BoundParam = (typeof BOUND_PARAMS)[number];
type Spec<K extends FilterParam> = (typeof FILTER_PARAMS)[K] & ParamSpec;

export const FILTER_KEYS = Object.keys(FILTER_PARAMS) as FilterParam[];

/** Query parameters that may appear more than once (`?state=NM&state=WA`). */
export const REPEATABLE_PARAMS = FILTER_KEYS.filter((key) => (FILTER_PARAMS[key] as ParamSpec).repeatable) as RepeatableParam[];
export type RepeatableParam = { [K in FilterParam]: Spec<K> extends { repeatable: true } ? K : never }[FilterParam];

export const isFilterParam = (name: string): name is FilterParam => Object.hasOwn(FILTER_PARAMS, name);
export const isRepeatableParam = (name: string): name is RepeatableParam => isFilterParam(name) && (FILTER_PARAMS[name] as ParamSpec).repeatable === true;

const valuesOf = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : []);

/** Whether any filter (not sort, page or match) is set. */
export function isFiltered(filter: Partial<Filter>): boolean {
  return FILTER_KEYS.some((key) => (FILTER_PARAMS[key] as ParamSpec).narrows && valuesOf(filter[key]).length > 0);
}

/** Query parameters for a filter, leaving out defaults; the inverse of parseFilter. */
export function filterToSearchParams(filter: Partial<Filter>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const spec: ParamSpec = FILTER_PARAMS[key];
    const values = valuesOf(filter[key]);
    if (spec.withSeveral && valuesOf(filter[spec.withSeveral]).length < 2) continue;
    for (const value of values) if (value !== spec.default) params.append(key, value);
  }
  return params;
}

/** A path with the filter's query string: `/` + `?state=NM`. */
export function hrefWithFilter(path: string, filter: Partial<Filter>): string {
  const query = filterToSearchParams(filter).toString();
  return query ? `${path}?${query}` : path;
}
