import { Fragment } from "react";

import { scaleLinear } from "d3-scale";

import { CountsTable } from "@/components/ui/counts-table";
import { KNOWN_OUTCOME_GROUPS, OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, type OutcomeGroup } from "@/lib/coding/groups";
import type { OutcomeRow } from "@/lib/insights/coding";
import { plural } from "@/lib/text";

import { ChartFigure, Legend } from "./chart-figure";
import styles from "./charts.module.css";
import { OUTCOME_GROUP_COLORS, textColorOn } from "./palette";

const WIDTH = 760;
const LABEL_WIDTH = 230;
const TOTAL_WIDTH = 90;
const ROW = 36;
const BAR = 22;
/** Narrower segments go without their number (the table has it). */
const MIN_LABELLED = 18;

/** "2 of 5 (40%)": a group's share of the lawsuits whose outcome is known. */
export function shareOfKnown(row: OutcomeRow, group: OutcomeGroup): string {
  const known = row.total - row.counts.unknown;
  return known ? `${row.counts[group]} of ${known} (${Math.round((100 * row.counts[group]) / known)}%)` : "no known outcome";
}

/**
 * Lawsuits per row (an administration, an issue area) as bars of equal length divided by
 * outcome group, so that shares compare across rows of different sizes; each bar says
 * how many lawsuits it stands for.
 */
export function OutcomeSharesChart({ id, title, rowHeading, rows }: { id: string; title: string; rowHeading: string; rows: OutcomeRow[] }) {
  const height = rows.length * ROW + 8;
  const x = scaleLinear().domain([0, 1]).rangeRound([LABEL_WIDTH, WIDTH - TOTAL_WIDTH]);
  const rowY = (i: number) => 4 + i * ROW + (ROW - BAR) / 2;
  const described = rows
    .map((row) => `${row.label}: ${plural(row.total, "lawsuit")}, won ${shareOfKnown(row, "won")} of those with a known outcome, ${row.counts.unknown} unknown`)
    .join("; ");

  const chart = (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{`One bar per ${rowHeading.toLowerCase()}, divided by outcome for the states. ${described}.`}</desc>
      {rows.map((row, i) => {
        let start = 0;
        return (
          <g key={row.key}>
            <title>{`${row.label}: ${plural(row.total, "lawsuit")} (${OUTCOME_GROUPS.filter((g) => row.counts[g])
              .map((g) => `${row.counts[g]} ${OUTCOME_GROUP_LABELS[g].toLowerCase()}`)
              .join(", ")})`}</title>
            <text className={styles.categoryLabel} x={LABEL_WIDTH - 10} y={rowY(i) + BAR / 2} dy="0.35em" textAnchor="end">
              {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
            </text>
            <text className={styles.total} x={WIDTH - TOTAL_WIDTH + 6} y={rowY(i) + BAR / 2} dy="0.35em">
              {plural(row.total, "lawsuit")}
            </text>
            {OUTCOME_GROUPS.map((group) => {
              const count = row.counts[group];
              if (!count || !row.total) return null;
              const from = x(start / row.total);
              start += count;
              const width = x(start / row.total) - from;
              const fill = OUTCOME_GROUP_COLORS[group];
              return (
                <Fragment key={group}>
                  <rect className={styles.segment} x={from} y={rowY(i)} width={width} height={BAR} fill={fill} />
                  {width >= MIN_LABELLED && (
                    <text className={styles.segmentValue} x={from + width / 2} y={rowY(i) + BAR / 2} dy="0.35em" textAnchor="middle" fill={textColorOn(fill)}>
                      {count}
                    </text>
                  )}
                </Fragment>
              );
            })}
            <rect className={styles.barOutline} x={LABEL_WIDTH} y={rowY(i)} width={x(1) - LABEL_WIDTH} height={BAR} fill="none" />
          </g>
        );
      })}
    </svg>
  );

  const table = (
    <CountsTable
      captionId={`${id}-table-caption`}
      caption={`${title}: lawsuits per ${rowHeading.toLowerCase()} and outcome for the states`}
      rowHeading={rowHeading}
      columns={OUTCOME_GROUPS.map((group) => ({ key: group, label: OUTCOME_GROUP_LABELS[group] }))}
      rows={rows.map((row) => ({ key: row.key, header: row.label, counts: row.counts, total: row.total }))}
      totals
    />
  );

  return (
    <ChartFigure
      id={id}
      label={title}
      chart={chart}
      legend={<Legend title="Outcome for the states" items={OUTCOME_GROUPS.map((g) => ({ key: g, label: OUTCOME_GROUP_LABELS[g], color: OUTCOME_GROUP_COLORS[g] }))} />}
      note={`Each bar is every lawsuit of its row, divided by outcome for the states; a share won is of the lawsuits whose outcome is known (${KNOWN_OUTCOME_GROUPS.map((g) => OUTCOME_GROUP_LABELS[g].toLowerCase()).join(", ")}).`}
      table={table}
    />
  );
}
