import Link from "next/link";

import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { countBuckets } from "@/components/us-map";
import type { Filter } from "@/lib/filters/schema";
import type { CoalitionMatrix as Matrix } from "@/lib/insights/queries";
import { coalitionsHref, MATRIX_LIMIT, MATRIX_SORTS, type InsightsView, type MatrixSort } from "@/lib/insights/schema";

import styles from "./charts.module.css";
import { textColorOn } from "./palette";

const filings = (n: number) => `${n} ${n === 1 ? "filing" : "filings"}`;

/**
 * The coalition matrix: jurisdiction × jurisdiction, how many filings both joined, as a
 * table (so that every number is read with its row and column), shaded like the map.
 * The diagonal holds the filings each joined in all. Unless the reader asks for all of
 * them, only the first MATRIX_LIMIT jurisdictions in the chosen order: 56 × 56 cells
 * would weigh more than the rest of the page.
 */
export function CoalitionMatrix({ matrix, filter, view, partnersName }: { matrix: Matrix; filter: Filter; view: InsightsView; partnersName: string | null }) {
  const { counts, max, sort } = matrix;
  const capped = view.matrix !== "all" && matrix.jurisdictions.length > MATRIX_LIMIT;
  const jurisdictions = capped ? matrix.jurisdictions.slice(0, MATRIX_LIMIT) : matrix.jurisdictions;
  const buckets = countBuckets(max);
  const shade = (n: number) => buckets.find((b) => n >= b.min && n <= b.max)?.fill;
  const sortLabels: Record<MatrixSort, string> = {
    filings: "Most filings first",
    code: "By postal code",
    partners: partnersName ? `By partners of ${partnersName}` : "By partners",
  };
  const sortOptions = MATRIX_SORTS.filter((s) => s !== "partners" || partnersName);

  return (
    <>
      <div className={styles.matrixBar}>
        <nav aria-label="Order of the matrix" className={styles.options}>
          <span className={styles.optionsLabel} aria-hidden="true">
            Order:
          </span>
          {sortOptions.map((option) => (
            <Link key={option} href={coalitionsHref(filter, { ...view, matrixSort: option }, "coalitions")} aria-current={sort === option ? "true" : undefined} scroll={false}>
              {sortLabels[option]}
            </Link>
          ))}
        </nav>
        <div className={styles.legend} aria-hidden="true">
          <span className={styles.legendTitle}>Filings together</span>
          <ul>
            {buckets.map((b) => (
              <li key={b.min}>
                <span className={styles.swatch} style={{ background: b.fill }} />
                {b.min === b.max ? b.min : `${b.min}–${b.max}`}
              </li>
            ))}
            <li>
              <span className={`${styles.swatch} ${styles.swatchDiagonal}`} />
              In all (diagonal)
            </li>
          </ul>
        </div>
      </div>
      <TableScroll labelledBy="matrix-caption">
        <table className={`${tableStyles.table} ${styles.matrix}`}>
          <caption id="matrix-caption">
            Filings joined by both jurisdictions of each pair; on the diagonal, all the filings each joined (
            {capped ? `the first ${jurisdictions.length} of ${matrix.jurisdictions.length} jurisdictions` : `${jurisdictions.length} jurisdictions`}, {sortLabels[sort].toLowerCase()})
          </caption>
          <thead>
            <tr>
              <td className={styles.corner} />
              {jurisdictions.map((j) => (
                <th key={j.code} scope="col" title={j.name}>
                  <span aria-hidden="true">{j.code}</span>
                  <span className="visually-hidden">{j.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {jurisdictions.map((row, i) => (
              <tr key={row.code}>
                <th scope="row" title={row.name}>
                  <span aria-hidden="true">{row.code}</span>
                  <span className="visually-hidden">{row.name}</span>
                </th>
                {jurisdictions.map((col, j) => {
                  const n = counts[i][j];
                  if (i === j) {
                    return (
                      <td key={col.code} className={styles.diagonal} title={`${row.name}: ${filings(n)} in all`}>
                        {n}
                      </td>
                    );
                  }
                  const fill = n > 0 ? shade(n) : undefined;
                  return (
                    // No title per cell: the row and column headers name the pair, and 600 titles would outweigh the numbers.
                    <td key={col.code} style={fill ? { background: fill, color: textColorOn(fill) } : undefined}>
                      {n > 0 ? (
                        n
                      ) : (
                        <>
                          <span aria-hidden="true" className={styles.zero}>
                            ·
                          </span>
                          <span className="visually-hidden">0</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {capped ? (
        <p className={styles.matrixMore}>
          <Link href={coalitionsHref(filter, { ...view, matrix: "all" }, "coalitions")} scroll={false}>
            Show all {matrix.jurisdictions.length} jurisdictions in the matrix
          </Link>
        </p>
      ) : (
        view.matrix === "all" &&
        matrix.jurisdictions.length > MATRIX_LIMIT && (
          <p className={styles.matrixMore}>
            <Link href={coalitionsHref(filter, { ...view, matrix: "top" }, "coalitions")} scroll={false}>
              Show only the first {MATRIX_LIMIT}
            </Link>
          </p>
        )
      )}
    </>
  );
}
