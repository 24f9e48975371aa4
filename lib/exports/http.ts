// What the export, feed and calendar routes share: the timeline's filter read strictly
// from the query string (an unknown or malformed parameter is a 400 problem+json that
// names it, as in the API), and the headers of a download.
import { problemResponse } from "@/lib/api/handler";
import { invalidParameters, type ParamProblem } from "@/lib/api/problem";
import { decodeCursor } from "@/lib/timeline/cursor";
import { filterToSearchParams, paramProblem, parseBound, parseFilter, quoteValue, type BoundLimits, type Filter } from "@/lib/filters/schema";

/** Exports are cheap to redo and the data changes on imports: a minute's reuse is plenty. */
const CACHE_CONTROL = "public, max-age=60";

export type ExportQuery = { ok: true; filter: Filter; bom: boolean; limit: number; before: string | undefined } | { ok: false; response: Response };

/** The bound of a bounded output (the feed, the calendar): its limits, and which positions it takes. */
export interface OutputBound extends BoundLimits {
  /** `before`, a feed's position (lib/feeds/position.ts). */
  withBefore?: boolean;
  /** The timeline's `cursor`, kept as a position in the timeline's order (else ignored). */
  withCursor?: boolean;
}

/**
 * The filter of an export, feed or calendar URL. `bom` (CSV only) is `1` or `0`. The
 * cursor of a timeline page is accepted and ignored unless the output is bounded and
 * reads in the timeline's order (`bound.withCursor`): an export holds the whole
 * filtered set. `bound`: `limit` (and `before`) are read too (parseBound).
 */
export function parseExportQuery(request: Request, options: { bom?: boolean; bound?: OutputBound } = {}): ExportQuery {
  let params = new URL(request.url).searchParams;
  const problems: ParamProblem[] = [];
  let bom = false;
  if (options.bom) {
    const values = params.getAll("bom");
    params.delete("bom");
    if (values.length > 1) problems.push({ param: "bom", message: "bom may appear only once" });
    else if (values.length === 1 && values[0] !== "1" && values[0] !== "0") problems.push(paramProblem("bom", `${quoteValue(values[0])} must be 1 or 0`));
    bom = values[0] === "1";
  }
  let limit = Number.POSITIVE_INFINITY;
  let before: string | undefined;
  if (options.bound) {
    const bound = parseBound(params, options.bound, { withBefore: options.bound.withBefore });
    problems.push(...bound.problems);
    ({ limit, before } = bound);
    params = bound.rest;
  }
  const parsed = parseFilter(params, { strict: true });
  if (!parsed.ok) problems.push(...parsed.problems);
  // A bounded output goes on from where its own `Link: rel=next` left off, never back.
  if (options.bound?.withCursor && parsed.filter.cursor && decodeCursor(parsed.filter.cursor)?.direction !== "after") {
    problems.push(paramProblem("cursor", `${quoteValue(parsed.filter.cursor)} goes back a page: this address only goes on from a position its own next link gave`));
  }
  if (problems.length > 0 || !parsed.ok) return { ok: false, response: problemResponse(invalidParameters(problems), request) };
  const cursor = options.bound?.withCursor ? parsed.filter.cursor : undefined;
  return { ok: true, filter: { ...parsed.filter, cursor }, bom, limit, before };
}

/** A `Link` header's value: the next part of a bounded output. */
export function nextLink(url: string): string {
  return `<${url}>; rel="next"`;
}

/**
 * A file name that says what the file holds: "docketline-filings_state-nm_kind-motion.csv".
 * ASCII letters, digits and hyphens only, so no header quoting can go wrong.
 */
export function exportFilename(base: string, filter: Filter, extension: string): string {
  const parts: string[] = [];
  filterToSearchParams({ ...filter, cursor: undefined }).forEach((value, key) => {
    const slug = `${key}-${value}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    if (slug) parts.push(slug);
  });
  let name = ["docketline", base].join("-");
  for (const part of parts) {
    if (name.length + part.length > 150) break;
    name += `_${part}`;
  }
  return `${name}.${extension}`;
}

/**
 * A response whose body is downloaded as `filename`. `extra`: originVary() (lib/origin.ts)
 * when the body holds absolute links built from the request's host; headers that differ
 * from an export's (a release's immutable Cache-Control) override them.
 */
export function downloadResponse(body: BodyInit, contentType: string, filename: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": CACHE_CONTROL,
      "X-Content-Type-Options": "nosniff",
      ...extra,
    },
  });
}

/** A response shown or subscribed to in place (feeds); `extra` as for downloadResponse. */
export function inlineResponse(body: BodyInit, contentType: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    headers: { ...extra, "Content-Type": contentType, "Cache-Control": CACHE_CONTROL, "X-Content-Type-Options": "nosniff" },
  });
}
