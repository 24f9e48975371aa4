// The timeline as a semantic list: years, months, filings. Rendered on the server (and
// hydrated as part of timeline-views.tsx), so that it works without JavaScript and is
// what crawlers and screen readers read.
import type { ReactNode } from "react";

import type { YearGroup } from "@/lib/timeline/groups";

import styles from "./timeline-list.module.css";

/** One filing of the current page: its entry (timeline-entry.tsx) rendered by the server. */
export interface TimelineCard {
  id: string;
  dateFiled: string;
  entry: ReactNode;
}

export function TimelineList({ groups }: { groups: YearGroup<TimelineCard>[] }) {
  return (
    <div className={styles.list}>
      {groups.map((year) => (
        <section key={year.year} aria-labelledby={`year-${year.year}`} className={styles.year}>
          <h2 id={`year-${year.year}`} className={styles.yearHeading}>
            {year.year}
          </h2>
          {year.months.map((month) => (
            <section key={month.key} aria-label={month.label}>
              <h3 className={styles.monthHeading}>{month.label}</h3>
              <ol className={styles.items}>
                {month.items.map((card) => (
                  <li key={card.id} className={styles.item}>
                    {card.entry}
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
