// Where the feed and the calendar of a filter are: the timeline's query parameters on
// another path. Sort and page do not apply to them.
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";

export function feedPath(filter: Partial<Filter>): string {
  return hrefWithFilter("/feed.xml", { ...filter, cursor: undefined, sort: undefined });
}

export function calendarPath(filter: Partial<Filter>): string {
  return hrefWithFilter("/calendar.ics", { ...filter, cursor: undefined, sort: undefined });
}

/**
 * A part of a bounded feed or calendar (docs/decisions/023): the filter with its position
 * (the calendar's `cursor`, the feed's `before`) and its `limit`, left out when it is the
 * default, so that following `Link: rel=next` keeps the size the reader asked for.
 */
export function boundedPath(path: "/feed.xml" | "/calendar.ics", filter: Partial<Filter>, bound: { limit: number; defaultLimit: number; before?: string }): string {
  const url = new URL(hrefWithFilter(path, filter), "http://docketline.invalid");
  if (bound.before) url.searchParams.set("before", bound.before);
  if (bound.limit !== bound.defaultLimit) url.searchParams.set("limit", String(bound.limit));
  return url.pathname + url.search;
}
