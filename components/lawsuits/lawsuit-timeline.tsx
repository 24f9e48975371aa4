import Link from "next/link";

import { htmlPath } from "@/lib/api/paths";
import { formatPartialDate, type PartialDateString } from "@/lib/dates/partial-date";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import type { LawsuitDetail } from "@/lib/lawsuits/queries";

import styles from "./lawsuit-timeline.module.css";

export interface LawsuitTimelineEvent {
  key: string;
  date: PartialDateString;
  /** "Complaint", "Order", "Lawsuit filed". */
  label: string;
  title?: string;
  href?: string;
}

/** The lawsuit's life in date order: when it was filed, its filings, and when it ended. */
export function lawsuitEvents(lawsuit: LawsuitDetail): LawsuitTimelineEvent[] {
  const events: LawsuitTimelineEvent[] = [];
  const hasComplaintOnFilingDay = lawsuit.filings.some((f) => f.kind === "complaint" && f.dateFiled === lawsuit.dateFiled);
  if (!hasComplaintOnFilingDay) {
    events.push({ key: "filed", date: lawsuit.dateFiled, label: "Lawsuit filed", title: `in the ${lawsuit.court.fullName}` });
  }
  for (const filing of lawsuit.filings) {
    events.push({ key: filing.id, date: filing.dateFiled, label: FILING_KIND_LABELS[filing.kind], title: filing.title, href: htmlPath.filing(filing.id) });
  }
  if (lawsuit.dateTerminated) {
    events.push({ key: "terminated", date: lawsuit.dateTerminated, label: "Case terminated" });
  }
  return events;
}

/** A compact, vertical timeline: events in date order, grouped under their year. */
export function LawsuitTimeline({ events, labelledBy }: { events: LawsuitTimelineEvent[]; labelledBy: string }) {
  const years = new Map<string, LawsuitTimelineEvent[]>();
  for (const event of events) {
    const year = event.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), event]);
  }
  return (
    <ol className={styles.years} aria-labelledby={labelledBy}>
      {[...years].map(([year, yearEvents]) => (
        <li key={year} className={styles.year}>
          <h3 className={styles.yearHeading}>{year}</h3>
          <ol className={styles.events}>
            {yearEvents.map((event) => (
              <li key={event.key} className={styles.event}>
                <time className={styles.date} dateTime={event.date}>
                  {formatPartialDate(event.date)}
                </time>
                <span className={styles.what}>
                  <span className={styles.label}>{event.label}</span>
                  {event.title && (event.href ? <Link href={event.href}>{event.title}</Link> : <span>{event.title}</span>)}
                </span>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
