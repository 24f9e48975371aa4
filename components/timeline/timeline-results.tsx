// The current page of filings, for both views: each entry is rendered here once, on the
// server, and the list and the visual timeline (timeline-views.tsx) show the same
// elements. Before, the visual timeline took the filings as data and rendered them again
// in the browser, and every page carried them twice: as markup and as props (issue 9).
import "server-only";

import { groupByYearAndMonth } from "@/lib/timeline/groups";
import type { TimelineItem } from "@/lib/timeline/queries";

import { TimelineEntry } from "./timeline-entry";
import { TimelineViews } from "./timeline-views";

export function TimelineResults({ items }: { items: TimelineItem[] }) {
  const groups = groupByYearAndMonth(items.map((item) => ({ id: item.id, dateFiled: item.dateFiled, entry: <TimelineEntry item={item} /> })));
  return <TimelineViews groups={groups} />;
}
