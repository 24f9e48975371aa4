import type { ReactNode } from "react";

import { tableStyles } from "@/components/ui/table-scroll";

export interface CountsColumn<K extends string> {
  key: K;
  label: string;
}

export interface CountsRow<K extends string> {
  key: string;
  /** The row's header cell: a period, a category, a jurisdiction (a link if it has a page). */
  header: ReactNode;
  counts: Partial<Record<K, number>>;
  total?: number;
}

/**
 * Counts per row and column, as the charts' and state pages' tables show them: a row
 * header, one number per column (zeros muted, not left out, so that every cell reads
 * with its row and column), and the row's total when `totals` is set. The caption names
 * the table (`captionId` for the region that scrolls it, components/ui/table-scroll).
 */
export function CountsTable<K extends string>({
  captionId,
  caption,
  rowHeading,
  columns,
  rows,
  totals = false,
  footer,
  nowrapHeaders = false,
}: {
  captionId: string;
  caption: ReactNode;
  rowHeading: string;
  columns: CountsColumn<K>[];
  rows: CountsRow<K>[];
  totals?: boolean;
  /** A last row apart, e.g. the totals of each column. */
  footer?: CountsRow<K>;
  /** Row headers on one line (months: "September 2018"). */
  nowrapHeaders?: boolean;
}) {
  const cells = (row: CountsRow<K>) => (
    <>
      <th scope="row" className={nowrapHeaders ? tableStyles.nowrap : undefined}>
        {row.header}
      </th>
      {columns.map((column) => (
        <CountCell key={column.key} count={row.counts[column.key] ?? 0} />
      ))}
      {totals && <CountCell count={row.total ?? 0} />}
    </>
  );
  return (
    <table className={tableStyles.table}>
      <caption id={captionId}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={tableStyles.number}>
              {column.label}
            </th>
          ))}
          {totals && (
            <th scope="col" className={tableStyles.number}>
              Total
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>{cells(row)}</tr>
        ))}
      </tbody>
      {footer && (
        <tfoot>
          <tr>{cells(footer)}</tr>
        </tfoot>
      )}
    </table>
  );
}

function CountCell({ count }: { count: number }) {
  return <td className={count ? tableStyles.number : `${tableStyles.number} ${tableStyles.muted}`}>{count}</td>;
}
