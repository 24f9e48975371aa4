// The timeline as a semantic list: years, months, filings. Server-rendered, so that
// it works without JavaScript and is what crawlers and screen readers read.
import { groupByYearAndMonth } from "@/lib/timeline/groups";
import type { TimelineItem } from "@/lib/timeline/queries";

import { TimelineEntry } from "./timeline-entry";
import styles from "./timeline-list.module.css";

export function TimelineList({ items }: { items: TimelineItem[] }) {
  return (
    <div className={styles.list}>
      {groupByYearAndMonth(items).map((year) => (
        <section key={year.year} aria-labelledby={`year-${year.year}`} className={styles.year}>
          <h2 id={`year-${year.year}`} className={styles.yearHeading}>
            {year.year}
          </h2>
          {year.months.map((month) => (
            <section key={month.key} aria-label={month.label}>
              <h3 className={styles.monthHeading}>{month.label}</h3>
              <ol className={styles.items}>
                {month.items.map((item) => (
                  <li key={item.id} className={styles.item}>
                    <TimelineEntry item={item} headingLevel={4} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
