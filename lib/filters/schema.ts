// The one filter of Docketline: the same query parameters, parsed by this schema, drive
// the timeline page, the API, the exports and the feeds. A new filter is added here once.
import { z } from "zod";

import { COALITION_ROLES, DEMAND_OUTCOMES, FILING_KINDS, jurisdictionCode, partialDate, slug, type FilingKind } from "@/lib/dataset/schema";
import { OUTCOME_CLASSES, RELIEF_KINDS, RELIEF_STATUSES, STATE_SIDES } from "@/lib/dataset/vocabulary";
import { isPartialDate, periodOf } from "@/lib/dates/partial-date";
import {
  filterToSearchParams,
  isFilterParam as isFilterKey,
  isRepeatableParam as isRepeatable,
  MAX_QUERY_LENGTH,
  SEARCH_WORDS_PARAMS,
  SEARCHED_PARAMS,
  type BoundParam,
  type FilterParam,
  type RepeatableParam,
  type SearchedParam,
} from "@/lib/filters/params";
import { isFeedPosition } from "@/lib/feeds/position";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import { searchWords } from "@/lib/search-words";
import { isCursor } from "@/lib/timeline/cursor";

export const SORTS = ["newest", "oldest"] as const;
export const MATCHES = ["any", "all"] as const;
/** An agency as the policies' sources name it ("DHS"); longer is not a name. */
export const MAX_AGENCY_LENGTH = 100;
// The parameters' table and the URL of a filter are browser-safe (params.ts); server code imports them from here.
export {
  BOUND_PARAMS,
  FILTER_KEYS,
  filterToSearchParams,
  hrefWithFilter,
  isFiltered,
  MAX_QUERY_LENGTH,
  REPEATABLE_PARAMS,
  SEARCH_WORDS_PARAMS,
  SEARCHED_PARAMS,
  type SearchedParam,
} from "@/lib/filters/params";

/** The most problems one answer lists: a URL of a thousand bad parameters gets a short reply. */
export const MAX_PROBLEMS = 20;
/** How much of a parameter's name or value a message quotes back. */
const MAX_QUOTED = 60;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * How the values of a repeatable parameter are read: each value once, however it was
 * written ("state=nm,WA&state=NM" is NM and WA), in a fixed order, and no more of them
 * than there are distinct valid ones. The order and the de-duplication make equivalent
 * URLs one filter, so that they share one page, one cache entry and one set of chips.
 */
const filingKind = oneOf(FILING_KINDS);
const LISTS: Record<RepeatableParam, { item: z.ZodType<string>; max: number; normalize: (value: string) => string; rank: (value: string) => number }> = {
  state: { item: jurisdictionCode, max: JURISDICTIONS.length, normalize: (value) => value.toUpperCase(), rank: () => 0 },
  kind: { item: filingKind, max: FILING_KINDS.length, normalize: (value) => value, rank: (value) => FILING_KINDS.indexOf(value as FilingKind) },
};

function canonicalValues(values: unknown, param: RepeatableParam): unknown {
  if (!Array.isArray(values)) return values;
  const { normalize, rank } = LISTS[param];
  const distinct = new Set<string>();
  for (const value of values) {
    if (typeof value !== "string") continue;
    // "state=NM,WA" is accepted as well as "state=NM&state=WA".
    for (const part of value.split(",")) {
      const normalized = normalize(part.trim());
      if (normalized) distinct.add(normalized);
    }
  }
  // Values outside the vocabulary (rank -1) sort last: they are refused anyway.
  const order = (value: string) => (rank(value) < 0 ? Number.MAX_SAFE_INTEGER : rank(value));
  return [...distinct].sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const valueList = <T extends z.ZodType<string>>(param: RepeatableParam, item: T) =>
  z.preprocess((values) => canonicalValues(values, param), z.array(item).max(LISTS[param].max, `may list at most ${LISTS[param].max} different values`)).default([]);

const FILTER_SHAPE = {
    /** Jurisdictions (USPS codes) that joined the filing. */
    state: valueList("state", jurisdictionCode),
    /** With several states: filings any of them joined, or all of them joined. */
    match: z.preprocess(blankToUndefined, oneOf(MATCHES).default("any")),
    /** The selected states' role; `lead` shows only filings they led. */
    role: z.preprocess(blankToUndefined, oneOf(COALITION_ROLES).optional()),
    /** The selected states' side in the lawsuit (any state's, when none is selected): filings of lawsuits where they stood on it. */
    side: z.preprocess(blankToUndefined, oneOf(STATE_SIDES).optional()),
    lawsuit: z.preprocess(blankToUndefined, slug.optional()),
    // The research coding (docs/decisions/020, 026): filings are chosen through their lawsuit's coding.
    issueArea: z.preprocess(blankToUndefined, slug.optional()),
    policy: z.preprocess(blankToUndefined, slug.optional()),
    /** Exactly as the policies name it; the panel offers the most frequent. */
    agency: z.preprocess(blankToUndefined, searchWords(MAX_AGENCY_LENGTH).optional()),
    /** An administration's id (`trump-1`): lawsuits filed during its term (administration_of). */
    administration: z.preprocess(blankToUndefined, slug.optional()),
    lawsuitOutcome: z.preprocess(blankToUndefined, oneOf(OUTCOME_CLASSES).optional()),
    /** A relief milestone: its kind, its status, or both (of the same milestone). */
    relief: z.preprocess(blankToUndefined, oneOf(RELIEF_KINDS).optional()),
    reliefStatus: z.preprocess(blankToUndefined, oneOf(RELIEF_STATUSES).optional()),
    kind: valueList("kind", filingKind),
    demandCategory: z.preprocess(blankToUndefined, slug.optional()),
    outcome: z.preprocess(blankToUndefined, oneOf(DEMAND_OUTCOMES).optional()),
    /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: filings whose date overlaps [from, to]. */
    from: z.preprocess(blankToUndefined, partialDate.optional()),
    to: z.preprocess(blankToUndefined, partialDate.optional()),
    q: z.preprocess(blankToUndefined, searchWords(MAX_QUERY_LENGTH).optional()),
    sort: z.preprocess(blankToUndefined, oneOf(SORTS).default("newest")),
    /** An opaque position in the result list, from a previous page's links. */
    cursor: z.preprocess(blankToUndefined, z.string().max(500).refine(isCursor, "is not a cursor from a Docketline link").optional()),
} satisfies Record<FilterParam, z.ZodType>;

export const FilterSchema = z
  .strictObject(FILTER_SHAPE)
  .superRefine((filter, ctx) => {
    // zod runs this even when `from` or `to` failed their own check: look before comparing.
    const { from, to } = filter;
    if (from && to && isPartialDate(from) && isPartialDate(to) && periodOf(to).end < periodOf(from).start) {
      ctx.addIssue({ code: "custom", path: ["to"], input: to, message: `is before from "${from}"` });
    }
  });

export type Filter = z.output<typeof FilterSchema>;

/** The words of a search field of the panel (SEARCH_WORDS_PARAMS, lib/filters/params.ts), and the API's `q`. */
export const SearchWordsSchema = z.preprocess(blankToUndefined, searchWords(MAX_QUERY_LENGTH).optional());

export type FilterKey = FilterParam;

export interface FilterProblem {
  /** The query parameter at fault. */
  param: string;
  message: string;
}

/**
 * A filter, or the problems of its parameters together with the filter of the good
 * ones: a page shows that filter and says what it ignored; the API refuses the request.
 */
export type FilterResult = { ok: true; filter: Filter } | { ok: false; problems: FilterProblem[]; filter: Filter };

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The values of each parameter, in a Map: names come from strangers, and a plain
 * object keyed by them would find `constructor` or `__proto__` already there.
 */
function paramValues(params: ParamSource): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  };
  if (params instanceof URLSearchParams) {
    params.forEach((value, key) => add(key, value));
  } else {
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) add(key, v);
    }
  }
  return values;
}

function cut(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/** A name or value as a message quotes it: escaped (a NUL shows as \u0000) and cut short. */
export function quoteValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(cut(value)) : "";
}

/** A parameter's name as a message starts with it: as it is when it looks like one, else quoted. */
function nameOf(param: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(param) ? param : quoteValue(param);
}

/** A parameter at fault: named (cut short, should the name be long), with a message that starts with its name. */
export function paramProblem(param: string, message: string): FilterProblem {
  return { param: cut(param), message: `${nameOf(param)} ${message}` };
}

/** At most MAX_PROBLEMS problems, the last one counting those left out. */
export function limitProblems<P extends FilterProblem>(problems: P[]): (P | FilterProblem)[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - (MAX_PROBLEMS - 1);
  return [...problems.slice(0, MAX_PROBLEMS - 1), { param: "query", message: `and ${rest} more problems with the query` }];
}

/** What a page that shows the filter panel reads from its query (FILTERED_PAGES, lib/filters/routes.ts). */
export interface PageQuery {
  /** The filter of the good parameters. */
  filter: Filter;
  /** The words of each search field (SEARCH_WORDS_PARAMS) that holds any, good ones only. */
  words: Partial<Record<SearchedParam, string>>;
  /** The parameters the page ignored, each with why; the page says so and answers 400. */
  problems: FilterProblem[];
}

/**
 * A page's query: unknown parameters are ignored (tracking tags, old links), bad values
 * of known ones are dropped and reported, and the rest still apply.
 */
export function parsePageQuery(params: ParamSource): PageQuery {
  const parsed = parseFilter(params);
  const problems = parsed.ok ? [] : [...parsed.problems];
  const words: PageQuery["words"] = {};
  const all = paramValues(params);
  for (const searched of SEARCHED_PARAMS) {
    const param = SEARCH_WORDS_PARAMS[searched];
    const values = all.get(param) ?? [];
    const result = SearchWordsSchema.safeParse(values[values.length - 1], { reportInput: true });
    if (!result.success) problems.push(paramProblem(param, `${quoteValue(result.error.issues[0]?.input)} ${result.error.issues[0]?.message}`.trimStart()));
    else if (result.data !== undefined) words[searched] = result.data;
  }
  return { filter: parsed.filter, words, problems: limitProblems(problems) };
}

/** Only the meaningful form of a filter: `match` means something with several states only. */
function canonicalFilter(filter: Filter): Filter {
  return filter.state.length > 1 || filter.match === "any" ? filter : { ...filter, match: "any" };
}

/**
 * Parses query parameters. `strict` (the API) refuses unknown parameters and repeated
 * single-valued ones; pages ignore unknown ones (tracking tags, old links). Never throws:
 * any input is either a filter or problems that each name a parameter.
 */
export function parseFilter(params: ParamSource, { strict = false } = {}): FilterResult {
  const problems: FilterProblem[] = [];
  let input: Partial<Record<FilterKey, unknown>> = {};
  for (const [name, values] of paramValues(params)) {
    if (!isFilterKey(name)) {
      if (strict) problems.push(paramProblem(name, "is not a known parameter"));
      continue;
    }
    if (isRepeatable(name)) {
      input[name] = values;
    } else {
      if (values.length > 1 && strict) problems.push(paramProblem(name, "may appear only once"));
      input[name] = values[values.length - 1];
    }
  }
  // Each round drops the parameters at fault and reads the rest again; a second round is
  // needed when a refusal hid another (`to` before `from` is checked once both parse).
  for (let round = 0; round < 3; round++) {
    const result = FilterSchema.safeParse(input, { reportInput: true });
    if (result.success) {
      const filter = canonicalFilter(result.data);
      return problems.length ? { ok: false, problems: limitProblems(problems), filter } : { ok: true, filter };
    }
    const rest = { ...input };
    for (const issue of result.error.issues) {
      const param = String(issue.path[0] ?? "query");
      const value = issue.input !== undefined ? issue.input : input[param as FilterKey];
      problems.push(paramProblem(param, `${quoteValue(value)} ${issue.message}`.trimStart()));
      if (isRepeatable(param) && typeof issue.path[1] === "number") {
        // One bad value of several: the others still count.
        const { item, max } = LISTS[param];
        rest[param] = (canonicalValues(input[param], param) as string[]).filter((v) => item.safeParse(v).success).slice(0, max);
      } else {
        delete rest[param as FilterKey];
      }
    }
    input = rest;
  }
  return { ok: false, problems: limitProblems(problems), filter: EMPTY_FILTER };
}

/** The filter with nothing chosen. */
export const EMPTY_FILTER: Filter = FilterSchema.parse({});

/**
 * The query string of a URL that takes the filter, written one way for all the ways of
 * writing the same filter: the filter's parameters as filterToSearchParams writes them
 * (values de-duplicated and ordered, defaults left out), then every other parameter as
 * sent, sorted by name. Null when a filter parameter has a problem (the strict reading:
 * a repeated single parameter is one). The front server keys its cache on it.
 */
export function canonicalFilterQuery(params: URLSearchParams): string | null {
  const filterParams = new URLSearchParams();
  const others = new URLSearchParams();
  params.forEach((value, name) => (isFilterKey(name) ? filterParams : others).append(name, value));
  const parsed = parseFilter(filterParams, { strict: true });
  if (!parsed.ok) return null;
  const canonical = filterToSearchParams(parsed.filter);
  others.sort();
  others.forEach((value, name) => canonical.append(name, value));
  return canonical.toString();
}

/** How many items a bounded output (the API's page, a feed, the calendar) holds unless asked, and at most. */
export interface BoundLimits {
  defaultLimit: number;
  maxLimit: number;
}

const limitMessage = (maxLimit: number) => `must be a whole number from 1 to ${maxLimit}`;

/** `limit`, within an output's bounds. */
export function limitSchema({ defaultLimit, maxLimit }: BoundLimits) {
  const message = limitMessage(maxLimit);
  return z.coerce.number<string>().int(message).min(1, message).max(maxLimit, message).default(defaultLimit);
}

/** `before`: a position a feed's own `Link: rel=next` gave (lib/feeds/position.ts). */
const BeforeSchema = z.string().max(500).refine(isFeedPosition, "is not a position from a Docketline feed's link");

export interface Bound {
  limit: number;
  /** The `before` position as sent (valid), when the output takes one. */
  before: string | undefined;
  /** Every other parameter, for parseFilter. */
  rest: URLSearchParams;
  problems: FilterProblem[];
}

/**
 * The bound parameters (BOUND_PARAMS) of a query, taken out of it: `limit` always,
 * `before` only where `withBefore` (elsewhere it stays in `rest`, and a strict
 * parseFilter refuses it as unknown). Each at most once; problems name the parameter.
 */
export function parseBound(params: URLSearchParams, limits: BoundLimits, { withBefore = false } = {}): Bound {
  const rest = new URLSearchParams(params);
  const problems: FilterProblem[] = [];
  const take = (name: BoundParam): string | undefined => {
    const values = rest.getAll(name);
    rest.delete(name);
    if (values.length > 1) problems.push(paramProblem(name, "may appear only once"));
    return values.length === 1 ? values[0] : undefined;
  };
  let limit = limits.defaultLimit;
  const limitValue = take("limit");
  if (limitValue !== undefined) {
    // z.coerce would read "" as 0 and " 7 " as 7: a limit is written as digits.
    const result = /^\d{1,9}$/.test(limitValue) ? limitSchema(limits).safeParse(limitValue) : null;
    if (result?.success) limit = result.data;
    else problems.push(paramProblem("limit", `${quoteValue(limitValue)} ${result?.error.issues[0]?.message ?? limitMessage(limits.maxLimit)}`));
  }
  let before: string | undefined;
  if (withBefore) {
    const value = take("before");
    if (value !== undefined) {
      const result = BeforeSchema.safeParse(value);
      if (result.success) before = result.data;
      else problems.push(paramProblem("before", `${quoteValue(value)} ${result.error.issues[0]?.message}`));
    }
  }
  return { limit, before, rest, problems };
}
