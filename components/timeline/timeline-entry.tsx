// One filing on the timeline, rendered on the server once for both views: the list and
// react-chrono's cards show the very same markup (timeline-results.tsx).
import "server-only";

import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { htmlPath } from "@/lib/api/paths";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { DEMAND_OUTCOME_LABELS, DEMAND_OUTCOME_TONES, demandCategoryLabel } from "@/lib/demands/labels";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import type { TimelineItem } from "@/lib/timeline/queries";

import { EntryHeading } from "./entry-heading";
import { Highlighted } from "./highlighted";
import styles from "./timeline-entry.module.css";

/** "Washington + 17 others", "New Mexico", "20 states, no lead recorded", "No states joined". */
export function describeCoalition(states: TimelineItem["states"]): string {
  if (states.length === 0) return "No states joined";
  const leads = states.filter((s) => s.role === "lead");
  if (leads.length === 0) return `${states.length} ${states.length === 1 ? "state" : "states"}, no lead recorded`;
  const others = states.length - leads.length;
  const named = leads.map((l) => l.name).join(" and ");
  return others > 0 ? `${named} + ${others} ${others === 1 ? "other" : "others"}` : named;
}

export function TimelineEntry({ item }: { item: TimelineItem }) {
  const headingId = `filing-${item.id}`;
  return (
    <article className={styles.entry} aria-labelledby={headingId}>
      <p className={styles.meta}>
        {/* dateTime carries only what is known: "2018-06" for a month. */}
        <time dateTime={item.dateFiled}>{formatPartialDate(item.dateFiled)}</time>
        <Badge tone="accent">{FILING_KIND_LABELS[item.kind]}</Badge>
      </p>
      <EntryHeading className={styles.title} id={headingId}>
        <Link href={htmlPath.filing(item.id)}>
          <Highlighted parts={item.titleHighlighted} fallback={item.title} />
        </Link>
      </EntryHeading>
      <p className={styles.meta}>
        {item.lawsuit ? (
          <span>
            <Link href={htmlPath.lawsuit(item.lawsuit.id)}>{item.lawsuit.caseNameShort}</Link>, No. {item.lawsuit.docketNumber}
            {item.lawsuit.court ? ` (${item.lawsuit.court})` : ""}
            {item.entryNumber !== null ? `, ECF No. ${item.entryNumber}` : ""}
          </span>
        ) : (
          <span>Outside any lawsuit</span>
        )}
      </p>
      <p className={styles.coalition}>
        <span className="visually-hidden">Joined by: </span>
        {describeCoalition(item.states)}
        {item.states.length > 1 && <span className={styles.count}> · {item.states.length} jurisdictions</span>}
      </p>
      {item.snippet && (
        <p className={styles.snippet}>
          <Highlighted parts={item.snippet} />
        </p>
      )}
      {item.demands.length > 0 && (
        <ul className={styles.demands} aria-label="Demands">
          {item.demands.map((demand, i) => (
            <li key={i}>
              <span className={styles.demandText}>{demand.text}</span>{" "}
              <span className={styles.demandMeta}>
                <span className="visually-hidden">Category: </span>
                {demandCategoryLabel(demand.category)} ·{" "}
                <span className="visually-hidden">Outcome: </span>
                <Badge tone={DEMAND_OUTCOME_TONES[demand.outcome]}>{DEMAND_OUTCOME_LABELS[demand.outcome]}</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
