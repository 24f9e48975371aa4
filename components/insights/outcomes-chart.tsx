import { Fragment } from "react";

import { scaleLinear } from "d3-scale";
import { stack } from "d3-shape";

import { CountsTable } from "@/components/ui/counts-table";
import { DEMAND_OUTCOME_LABELS, type DemandOutcome } from "@/lib/demands/labels";
import type { DemandOutcomes, OutcomeRow } from "@/lib/insights/queries";

import { ChartFigure, Legend } from "./chart-figure";
import styles from "./charts.module.css";
import { OUTCOME_COLORS, textColorOn } from "./palette";

const WIDTH = 760;
const LABEL_WIDTH = 200;
const TOTAL_WIDTH = 44;
const ROW = 36;
const BAR = 22;
/** Narrower segments go without their number (the table has it). */
const MIN_LABELLED = 18;

const demands = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "demand" : "demands"}`;

/** Demands per category as horizontal bars stacked by outcome, most demands first. */
export function OutcomesChart({ id, data }: { id: string; data: DemandOutcomes }) {
  const { categories, outcomes, total } = data;
  const height = categories.length * ROW + 8;
  const max = Math.max(1, ...categories.map((c) => c.total));
  const x = scaleLinear()
    .domain([0, max])
    // Whole pixels: the same picture with lighter markup.
    .rangeRound([LABEL_WIDTH, WIDTH - TOTAL_WIDTH]);
  const layers = stack<OutcomeRow, DemandOutcome>()
    .keys(outcomes)
    .value((row, outcome) => row.counts[outcome] ?? 0)(categories);
  const rowY = (i: number) => 4 + i * ROW + (ROW - BAR) / 2;

  const decided = (["granted", "granted-in-part", "denied"] as const).reduce((n, o) => n + categories.reduce((m, c) => m + (c.counts[o] ?? 0), 0), 0);
  const title = "Demand outcomes by category";
  const description = `${demands(total)} in ${categories.length} ${categories.length === 1 ? "category" : "categories"}, one bar per category, stacked by outcome. ${
    categories[0] ? `Most are about ${categories[0].label.toLowerCase()} (${categories[0].total}). ` : ""
  }${decided} ${decided === 1 ? "was" : "were"} granted, granted in part or denied.`;

  const chart = (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {/* One group and one tooltip per category, naming each outcome: a page lighter than one per segment. */}
      {categories.map((row, i) => (
        <g key={row.category}>
          <title>{`${row.label}: ${demands(row.total)} (${outcomes
            .filter((o) => row.counts[o])
            .map((o) => `${row.counts[o]} ${DEMAND_OUTCOME_LABELS[o].toLowerCase()}`)
            .join(", ")})`}</title>
          <text className={styles.categoryLabel} x={LABEL_WIDTH - 10} y={rowY(i) + BAR / 2} dy="0.35em" textAnchor="end">
            {row.label}
          </text>
          <text className={styles.total} x={x(row.total) + 6} y={rowY(i) + BAR / 2} dy="0.35em">
            {row.total}
          </text>
          {layers.map((layer) => {
            const point = layer[i];
            const width = x(point[1]) - x(point[0]);
            if (width <= 0) return null;
            const count = point[1] - point[0];
            const fill = OUTCOME_COLORS[layer.key];
            return (
              <Fragment key={layer.key}>
                <rect className={styles.segment} x={x(point[0])} y={rowY(i)} width={width} height={BAR} fill={fill} />
                {width >= MIN_LABELLED && (
                  <text className={styles.segmentValue} x={x(point[0]) + width / 2} y={rowY(i) + BAR / 2} dy="0.35em" textAnchor="middle" fill={textColorOn(fill)}>
                    {count}
                  </text>
                )}
              </Fragment>
            );
          })}
          {/* An outline, so that a bar of pale outcomes still shows its length. */}
          <rect className={styles.barOutline} x={LABEL_WIDTH} y={rowY(i)} width={x(row.total) - LABEL_WIDTH} height={BAR} fill="none" />
        </g>
      ))}
    </svg>
  );

  const table = (
    <CountsTable
      captionId={`${id}-table-caption`}
      caption={`${title}: demands per category and outcome`}
      rowHeading="Category"
      columns={outcomes.map((o) => ({ key: o, label: DEMAND_OUTCOME_LABELS[o] }))}
      rows={categories.map((row) => ({ key: row.category, header: row.label, counts: row.counts, total: row.total }))}
      totals
    />
  );

  return (
    <ChartFigure
      id={id}
      label={title}
      chart={chart}
      legend={<Legend title="Outcome" items={outcomes.map((o) => ({ key: o, label: DEMAND_OUTCOME_LABELS[o], color: OUTCOME_COLORS[o] }))} />}
      table={table}
    />
  );
}
