import type { YearActivity } from "@/lib/jurisdictions/queries";

import styles from "./jurisdiction-activity-chart.module.css";

const ROW = 28;
const LABEL = 48;
const WIDTH = 480;
const BAR_HEIGHT = 18;
const VALUE_SPACE = 72;

/**
 * Filings joined and led per year as horizontal bars. Decoration for sighted readers:
 * the table beside it carries the same numbers, so the chart is hidden from screen readers.
 */
export function JurisdictionActivityChart({ years }: { years: YearActivity[] }) {
  const max = Math.max(1, ...years.map((y) => y.joined));
  const scale = (WIDTH - LABEL - VALUE_SPACE) / max;
  const height = years.length * ROW + 4;
  return (
    <figure className={styles.figure} aria-hidden="true">
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} focusable="false">
        {years.map((year, index) => {
          const y = index * ROW + 2;
          const joinedWidth = Math.max(year.joined * scale, year.joined > 0 ? 2 : 0);
          const ledWidth = Math.max(year.led * scale, year.led > 0 ? 2 : 0);
          return (
            <g key={year.year}>
              <text x={0} y={y + BAR_HEIGHT - 4} className={styles.year}>
                {year.year}
              </text>
              <rect x={LABEL} y={y} width={joinedWidth} height={BAR_HEIGHT} rx={2} className={styles.joined} />
              <rect x={LABEL} y={y} width={ledWidth} height={BAR_HEIGHT} rx={2} className={styles.led} />
              <text x={LABEL + joinedWidth + 6} y={y + BAR_HEIGHT - 4} className={styles.value}>
                {year.joined}
                {year.led > 0 ? ` (${year.led} led)` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <span>
          <span className={`${styles.swatch} ${styles.swatchLed}`} /> Led
        </span>
        <span>
          <span className={`${styles.swatch} ${styles.swatchJoined}`} /> Joined
        </span>
      </figcaption>
    </figure>
  );
}
