// Downloads of exactly the filings the timeline shows, under its current filter (every
// page of them, not only the one on screen), and the feed that follows them.
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";
import { feedPath } from "@/lib/feeds/paths";
import { insightsHref } from "@/lib/insights/schema";

import styles from "./export-links.module.css";

export function ExportLinks({ filter }: { filter: Filter }) {
  const view = { ...filter, cursor: undefined };
  return (
    <nav aria-label="Use these filings" className={styles.links}>
      <a href={hrefWithFilter("/export/filings.csv", view)} download>
        Download CSV
      </a>
      <a href={hrefWithFilter("/export/filing-states.csv", view)} download>
        CSV, one row per state
      </a>
      <a href={hrefWithFilter("/export/dataset.json", view)} download>
        Download JSON
      </a>
      <a href={feedPath(filter)} type="application/atom+xml">
        Atom feed
      </a>
      <a href={insightsHref(filter)}>Insights into these filings</a>
    </nav>
  );
}
