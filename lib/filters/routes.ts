// The routes that take the timeline's filter in their query string. Their answer depends
// on the query only through the parsed filter and their other parameters, which is what
// lets the front server share one cache entry between equivalent URLs of the routes that
// are not pages (lib/http-cache/requests.ts) and answer a page's bad filter with a 400
// (lib/http-cache/front-server.ts). A test derives the list from app/, so a new filtered
// route cannot be left out.
import { parsePageQuery } from "@/lib/filters/schema";

/** Pages that show the filter panel: a bad parameter is shown, with a 400, and ignored. */
export const FILTERED_PAGES = ["/", "/insights", "/insights/coalitions"] as const;

/** Every route that reads the filter: the pages, then what answers a filter strictly (400 problem+json). */
export const FILTERED_ROUTES: readonly string[] = [
  ...FILTERED_PAGES,
  "/feed.xml",
  "/calendar.ics",
  "/export/filings.csv",
  "/export/filing-states.csv",
  "/export/dataset.json",
  "/api/v1/filings",
];

/**
 * A page that shows the filter panel asked with a parameter it has to ignore: it is still
 * rendered, with the good filters applied and a notice naming the bad one, but answered
 * 400, so that a crawler or a link checker sees the link as broken (Next.js gives a page
 * no way to set its own status; the front server sets it).
 */
export function pageIgnoresParameters(url: URL): boolean {
  return (FILTERED_PAGES as readonly string[]).includes(url.pathname) && parsePageQuery(url.searchParams).problems.length > 0;
}
