import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";

import { CountsTable } from "@/components/ui/counts-table";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import type { FilingsOverTime, PeriodBar } from "@/lib/insights/queries";
import { plural } from "@/lib/text";

import { ChartFigure, Legend } from "./chart-figure";
import styles from "./charts.module.css";
import { KIND_COLORS } from "./palette";

const WIDTH = 760;
const HEIGHT = 280;
const MARGIN = { top: 20, right: 8, bottom: 48, left: 34 };
/** Room for each year-only bar and its two-line label, right of the months. */
const YEAR_ONLY_SLOT = 60;
const YEAR_ONLY_GAP = 20;

const kindName = (kind: keyof typeof FILING_KIND_LABELS, n: number) => {
  const label = FILING_KIND_LABELS[kind].toLowerCase();
  return plural(n, label, kind === "amicus-brief" ? "amicus briefs" : `${label}s`);
};

/** A year label every `step` years, so that the labels do not collide. */
function yearStep(band: number): number {
  return [1, 2, 5, 10, 20, 25, 50, 100].find((step) => band * step >= 36) ?? 100;
}

/**
 * Filings per month (or per year over long spans) as stacked bars by kind. Months
 * without filings keep their place, as gaps. Filings dated only to a year are drawn
 * apart, right of the months, never in a month.
 */
export function FilingsOverTimeChart({ id, data, total }: { id: string; data: FilingsOverTime; total: number }) {
  const { bars, yearOnly, kinds, unit } = data;
  const yearOnlyWidth = yearOnly.length ? YEAR_ONLY_GAP + yearOnly.length * YEAR_ONLY_SLOT : 0;
  const plotBottom = HEIGHT - MARGIN.bottom;
  const monthsRight = WIDTH - MARGIN.right - yearOnlyWidth;

  const x = scaleBand<string>()
    .domain(bars.map((b) => b.period))
    .range([MARGIN.left, monthsRight])
    .paddingInner(bars.length > 60 ? 0.15 : 0.25)
    .paddingOuter(0.1)
    // Whole pixels: the same picture, and a page a third lighter than with 15-digit coordinates.
    .round(bars.length <= 120);
  const max = Math.max(1, ...bars.map((b) => b.total), ...yearOnly.map((b) => b.total));
  const y = scaleLinear().domain([0, max]).nice(Math.min(max, 5)).rangeRound([plotBottom, MARGIN.top]);
  const ticks = y.ticks(Math.min(max, 5)).filter(Number.isInteger);
  const band = x.bandwidth();

  const layers = (items: PeriodBar[]) =>
    stack<PeriodBar, (typeof kinds)[number]>()
      .keys(kinds)
      .value((bar, kind) => bar.counts[kind] ?? 0)(items);

  const yearOnlyX = (i: number) => monthsRight + YEAR_ONLY_GAP + i * YEAR_ONLY_SLOT;
  const yearOnlyBand = Math.min(28, Math.max(band, 14));

  // Axis labels: in months, the month's initial and each year once, centred under its months.
  const years = new Map<string, { first: number; last: number }>();
  for (const bar of bars) {
    const year = bar.period.slice(0, 4);
    const left = x(bar.period)!;
    const span = years.get(year);
    years.set(year, span ? { first: span.first, last: left + band } : { first: left, last: left + band });
  }
  const step = yearStep(band);

  const busiest = [...bars].sort((a, b) => b.total - a.total)[0];
  const unitWord = unit === "month" ? "month" : "year";
  const yearOnlyTotal = yearOnly.reduce((n, b) => n + b.total, 0);
  const title = unit === "month" ? "Filings per month, by kind" : "Filings per year, by kind";
  const description = [
    bars.length ? `${plural(total, "filing")} from ${bars[0].label} to ${bars.at(-1)!.label}, one bar per ${unitWord}, stacked by kind.` : `${plural(total, "filing")}.`,
    busiest && busiest.total > 0 ? `The busiest ${unitWord} was ${busiest.label}, with ${plural(busiest.total, "filing")}.` : "",
    yearOnlyTotal ? `${plural(yearOnlyTotal, "filing is", "filings are")} dated only to the year and shown apart, after the months.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  const barTitle = (bar: PeriodBar, suffix = "") =>
    `${bar.label}${suffix}: ${plural(bar.total, "filing")} (${kinds
      .filter((kind) => bar.counts[kind])
      .map((kind) => kindName(kind, bar.counts[kind]!))
      .join(", ")})`;
  const stacked = layers(bars);

  const chart = (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="2.5" height="6" fill="#ffffff" opacity="0.55" />
        </pattern>
      </defs>

      <g className={styles.grid}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} className={t === 0 ? styles.baseline : undefined} />
            <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className={styles.tick}>
              {t}
            </text>
          </g>
        ))}
      </g>

      {unit === "month" &&
        [...years].slice(1).map(([year, span]) => (
        <line key={year} className={styles.separator} x1={span.first - 1.5} x2={span.first - 1.5} y1={MARGIN.top} y2={plotBottom + 36} />
      ))}

      {/* One tooltip per bar, naming each kind in it: a page lighter than one per segment. */}
      {bars.map((bar, i) =>
        bar.total > 0 ? (
          <g key={bar.period}>
            <title>{barTitle(bar)}</title>
            {stacked.map((layer) =>
              layer[i][1] > layer[i][0] ? (
                <rect key={layer.key} className={styles.segment} fill={KIND_COLORS[layer.key]} x={x(bar.period)} y={y(layer[i][1])} width={band} height={y(layer[i][0]) - y(layer[i][1])} />
              ) : null,
            )}
          </g>
        ) : null,
      )}
      {bars.map((bar) =>
        bar.total > 0 ? (
          <text key={bar.period} className={styles.total} x={x(bar.period)! + band / 2} y={y(bar.total) - 4} textAnchor="middle">
            {bar.total}
          </text>
        ) : null,
      )}

      {/* The x axis: months' initials and years, or every step-th year. */}
      <g className={styles.axis}>
        {unit === "month"
          ? bars.map((bar) =>
              band >= 8 ? (
                <text key={bar.period} className={styles.monthInitial} x={x(bar.period)! + band / 2} y={plotBottom + 14} textAnchor="middle">
                  {bar.label.charAt(0)}
                </text>
              ) : null,
            )
          : null}
        {unit === "month"
          ? [...years].map(([year, span]) => (
              <text key={year} className={styles.year} x={(span.first + span.last) / 2} y={plotBottom + 32} textAnchor="middle">
                {year}
              </text>
            ))
          : bars
              .filter((bar) => Number(bar.period) % step === 0 || bars.length === 1)
              .map((bar) => (
                <text key={bar.period} className={styles.year} x={x(bar.period)! + band / 2} y={plotBottom + 18} textAnchor="middle">
                  {bar.period}
                </text>
              ))}
      </g>

      {yearOnly.length > 0 && (
        <g>
          <line className={styles.yearOnlyDivider} x1={monthsRight + YEAR_ONLY_GAP / 2} x2={monthsRight + YEAR_ONLY_GAP / 2} y1={MARGIN.top - 8} y2={plotBottom + 40} />
          {layers(yearOnly).map((layer) => (
            <g key={layer.key} fill={KIND_COLORS[layer.key]}>
              {layer.map((point, i) =>
                point[1] > point[0] ? (
                  <g key={point.data.period}>
                    <rect className={styles.segment} x={yearOnlyX(i) + (YEAR_ONLY_SLOT - yearOnlyBand) / 2} y={y(point[1])} width={yearOnlyBand} height={y(point[0]) - y(point[1])}>
                      <title>{barTitle(point.data, ", month unknown")}</title>
                    </rect>
                    <rect x={yearOnlyX(i) + (YEAR_ONLY_SLOT - yearOnlyBand) / 2} y={y(point[1])} width={yearOnlyBand} height={y(point[0]) - y(point[1])} fill={`url(#${id}-hatch)`} pointerEvents="none" />
                  </g>
                ) : null,
              )}
            </g>
          ))}
          {yearOnly.map((bar, i) => (
            <g key={bar.period} textAnchor="middle">
              <text className={styles.total} x={yearOnlyX(i) + YEAR_ONLY_SLOT / 2} y={y(bar.total) - 4}>
                {bar.total}
              </text>
              <text className={styles.year} x={yearOnlyX(i) + YEAR_ONLY_SLOT / 2} y={plotBottom + 14}>
                {bar.period}
              </text>
              <text className={styles.yearOnlyLabel} x={yearOnlyX(i) + YEAR_ONLY_SLOT / 2} y={plotBottom + 30}>
                year only
              </text>
            </g>
          ))}
        </g>
      )}
    </svg>
  );

  const rows = [...bars.filter((b) => b.total > 0), ...yearOnly.map((b) => ({ ...b, label: `${b.label} (month unknown)` }))];
  const table = (
    <CountsTable
      captionId={`${id}-table-caption`}
      caption={`${title}${unit === "month" && bars.some((b) => b.total === 0) ? " (months without filings are left out)" : ""}`}
      rowHeading={unit === "month" ? "Month" : "Year"}
      columns={kinds.map((kind) => ({ key: kind, label: FILING_KIND_LABELS[kind] }))}
      rows={rows.map((bar) => ({ key: bar.label, header: bar.label, counts: bar.counts, total: bar.total }))}
      totals
      nowrapHeaders
    />
  );

  return (
    <ChartFigure
      id={id}
      label={title}
      chart={chart}
      legend={<Legend title="Kind" items={kinds.map((kind) => ({ key: kind, label: FILING_KIND_LABELS[kind], color: KIND_COLORS[kind] }))} />}
      note={
        yearOnlyTotal > 0 ? (
          <>
            {plural(yearOnlyTotal, "filing is", "filings are")} dated only to the year, so {yearOnlyTotal === 1 ? "it cannot be placed" : "they cannot be placed"} in a month: {yearOnlyTotal === 1 ? "it is" : "they are"} shown apart, hatched, after the months.
          </>
        ) : unit === "year" ? (
          <>The filings span more than ten years, so they are counted per year. Narrow the dates to see them per month.</>
        ) : null
      }
      table={table}
    />
  );
}
