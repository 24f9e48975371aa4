// The query string of /insights and /insights/coalitions beyond the shared filter
// (lib/filters/schema.ts): what the map counts (/insights), how the coalition matrix is
// ordered, how much of it shows and whose partners are listed (/insights/coalitions). A
// value that does not parse falls back to the default: pages never fail on an old or
// mistyped link.
import { z } from "zod";

import { jurisdictionCode } from "@/lib/dataset/schema";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";

export const INSIGHTS_PATH = "/insights";
/**
 * Who joins with whom: the coalition matrix and top partners, on a page of their own so
 * that /insights weighs little (a matrix of up to 56 × 56 cells outweighs every chart).
 */
export const COALITIONS_PATH = "/insights/coalitions";

/** `filings`: most active first; `code`: by postal code; `partners`: by filings shared with `partnersOf`. */
export const MATRIX_SORTS = ["filings", "code", "partners"] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];

/** What the map shades: filings each jurisdiction joined (in any role), or led. */
export const MAP_MEASURES = ["joined", "led"] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

const single = (value: unknown) => (Array.isArray(value) ? value[value.length - 1] : value);
const upper = (value: unknown) => (typeof value === "string" ? value.trim().toUpperCase() : value);

/** Jurisdictions the coalition matrix shows unless all are asked for: its first rows and columns in the chosen order. */
export const MATRIX_LIMIT = 25;
/** `top`: the first MATRIX_LIMIT jurisdictions; `all`: every one that joined a filing (at most 56², still bounded). */
export const MATRIX_EXTENTS = ["top", "all"] as const;
export type MatrixExtent = (typeof MATRIX_EXTENTS)[number];

export const InsightsViewSchema = z.object({
  matrixSort: z.preprocess(single, z.enum(MATRIX_SORTS).default("filings")).catch("filings"),
  /** The jurisdiction whose top partners are listed; by default the most active one. */
  partnersOf: z.preprocess((v) => upper(single(v)), jurisdictionCode.optional()).catch(undefined),
  map: z.preprocess(single, z.enum(MAP_MEASURES).default("joined")).catch("joined"),
  matrix: z.preprocess(single, z.enum(MATRIX_EXTENTS).default("top")).catch("top"),
});

export type InsightsView = z.output<typeof InsightsViewSchema>;

export function parseInsightsView(searchParams: Record<string, string | string[] | undefined>): InsightsView {
  return InsightsViewSchema.parse(searchParams);
}

/** The view parameters that belong to the coalitions page (an older /insights link may carry them). */
export const COALITION_VIEW_PARAMS = ["matrixSort", "partnersOf", "matrix"] as const;

/** A page of insights with the filter (without cursor or order, which do not apply here) and the view's non-default choices. */
function viewHref(path: string, filter: Filter, view: Partial<InsightsView>, hash?: string): string {
  const href = hrefWithFilter(path, { ...filter, cursor: undefined, sort: undefined });
  const params = new URLSearchParams();
  if (view.map && view.map !== "joined") params.set("map", view.map);
  if (view.matrixSort && view.matrixSort !== "filings") params.set("matrixSort", view.matrixSort);
  if (view.partnersOf) params.set("partnersOf", view.partnersOf);
  if (view.matrix && view.matrix !== "top") params.set("matrix", view.matrix);
  const extra = params.toString();
  const withParams = extra ? `${href}${href.includes("?") ? "&" : "?"}${extra}` : href;
  return hash ? `${withParams}#${hash}` : withParams;
}

/** /insights with the filter and the map's choice. */
export function insightsHref(filter: Filter, view: Pick<Partial<InsightsView>, "map"> = {}, hash?: string): string {
  return viewHref(INSIGHTS_PATH, filter, { map: view.map }, hash);
}

/** /insights/coalitions with the filter and the matrix's and partners' choices. */
export function coalitionsHref(filter: Filter, view: Partial<Omit<InsightsView, "map">> = {}, hash?: string): string {
  return viewHref(COALITIONS_PATH, filter, { matrixSort: view.matrixSort, partnersOf: view.partnersOf, matrix: view.matrix }, hash);
}
