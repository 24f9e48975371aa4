// Where the feed and the calendar of a filter are: the timeline's query parameters on
// another path. Sort and page do not apply to them.
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";

export function feedPath(filter: Partial<Filter>): string {
  return hrefWithFilter("/feed.xml", { ...filter, cursor: undefined, sort: undefined });
}

export function calendarPath(filter: Partial<Filter>): string {
  return hrefWithFilter("/calendar.ics", { ...filter, cursor: undefined, sort: undefined });
}
