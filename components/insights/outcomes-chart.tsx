import { scaleLinear } from "d3-scale";
import { stack } from "d3-shape";

import { tableStyles } from "@/components/ui/table-scroll";
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
      {categories.map((row, i) => (
        <g key={row.category}>
          <text className={styles.categoryLabel} x={LABEL_WIDTH - 10} y={rowY(i) + BAR / 2} dy="0.35em" textAnchor="end">
            {row.label}
          </text>
          <text className={styles.total} x={x(row.total) + 6} y={rowY(i) + BAR / 2} dy="0.35em">
            {row.total}
          </text>
        </g>
      ))}
      {layers.map((layer) => (
        <g key={layer.key}>
          {layer.map((point, i) => {
            const width = x(point[1]) - x(point[0]);
            if (width <= 0) return null;
            const count = point[1] - point[0];
            const fill = OUTCOME_COLORS[layer.key];
            return (
              <g key={point.data.category}>
                <rect className={styles.segment} x={x(point[0])} y={rowY(i)} width={width} height={BAR} fill={fill}>
                  <title>{`${point.data.label}: ${demands(count)} ${DEMAND_OUTCOME_LABELS[layer.key].toLowerCase()} (of ${point.data.total})`}</title>
                </rect>
                {width >= MIN_LABELLED && (
                  <text className={styles.segmentValue} x={x(point[0]) + width / 2} y={rowY(i) + BAR / 2} dy="0.35em" textAnchor="middle" fill={textColorOn(fill)}>
                    {count}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      ))}
      {/* An outline, so that a bar of pale outcomes still shows its length. */}
      {categories.map((row, i) => (
        <rect key={row.category} className={styles.barOutline} x={LABEL_WIDTH} y={rowY(i)} width={x(row.total) - LABEL_WIDTH} height={BAR} fill="none" />
      ))}
    </svg>
  );

  const table = (
    <table className={tableStyles.table}>
      <caption id={`${id}-table-caption`}>{title}: demands per category and outcome</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          {outcomes.map((o) => (
            <th key={o} scope="col" className={tableStyles.number}>
              {DEMAND_OUTCOME_LABELS[o]}
            </th>
          ))}
          <th scope="col" className={tableStyles.number}>
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {categories.map((row) => (
          <tr key={row.category}>
            <th scope="row">{row.label}</th>
            {outcomes.map((o) => (
              <td key={o} className={row.counts[o] ? tableStyles.number : `${tableStyles.number} ${tableStyles.muted}`}>
                {row.counts[o] ?? 0}
              </td>
            ))}
            <td className={tableStyles.number}>{row.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
