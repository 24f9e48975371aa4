import type { ReactNode } from "react";

import { TableScroll } from "@/components/ui/table-scroll";

import styles from "./charts.module.css";

/**
 * A chart with its table alternative: the picture (an SVG with role="img", a title and
 * a description), a legend for sighted readers, and the same numbers as a table behind
 * "Show as table". The chart scrolls inside its own box on a narrow screen, never the page.
 */
export function ChartFigure({ id, label, chart, legend, note, table }: { id: string; label: string; chart: ReactNode; legend?: ReactNode; note?: ReactNode; table: ReactNode }) {
  return (
    <figure className={styles.figure}>
      <div className={styles.chartScroll} role="region" aria-label={label} tabIndex={0}>
        {chart}
      </div>
      {legend}
      {note && <figcaption className={styles.note}>{note}</figcaption>}
      <details className={styles.tableToggle}>
        <summary>Show as table</summary>
        <TableScroll labelledBy={`${id}-table-caption`}>{table}</TableScroll>
      </details>
    </figure>
  );
}

export interface LegendItem {
  key: string;
  label: string;
  color: string;
}

/** The colours' meanings, in the order of the stacks. Hidden from screen readers, which get the table. */
export function Legend({ title, items }: { title: string; items: LegendItem[] }) {
  return (
    <div className={styles.legend} aria-hidden="true">
      <span className={styles.legendTitle}>{title}</span>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <span className={styles.swatch} style={{ background: item.color }} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
