// The routes that take the timeline's filter in their query string. Their answer depends
// on the query only through the parsed filter and their other parameters, which is what
// lets the front server share one cache entry between equivalent URLs of the routes that
// are not pages (lib/http-cache/requests.ts) and the proxy answer a page's bad filter with a 400
// (proxy.ts). A test derives the list from app/, so a new filtered route cannot be
// left out.

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
