// The frame of the staff lists of lawsuits, filings, officials and courts: the heading
// with its "New …" link, the filter bar (a GET form, so that a filtered list has an
// address), and the table with its hidden caption. The pages choose the columns.
import Link from "next/link";
import type { ReactNode } from "react";

import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import { LIFECYCLE_SHOW_LABELS, LIFECYCLE_SHOWS, MAX_STAFF_QUERY_LENGTH, type LifecycleShow } from "@/lib/staff/lists";
import { plural } from "@/lib/text";

import styles from "./staff-list.module.css";

export function StaffListHeading({ title, newHref, newLabel }: { title: string; newHref: string; newLabel: string }) {
  return (
    <div className={styles.header}>
      <h1>{title}</h1>
      <Link href={newHref} className={styles.newButton}>
        {newLabel}
      </Link>
    </div>
  );
}

/** The filter bar; "Show all" appears once a filter is set. */
export function StaffListFilters({ action, label, filtered, children }: { action: string; label: string; filtered: boolean; children: ReactNode }) {
  return (
    <form method="get" action={action} className={styles.filters} role="search" aria-label={label}>
      {children}
      <div className={styles.actions}>
        <button type="submit">Search</button>
        {filtered ? <Link href={action}>Show all</Link> : null}
      </div>
    </form>
  );
}

export function SearchField({ id, label, value }: { id: string; label: string; value: string | undefined }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name="q" type="search" defaultValue={value ?? ""} maxLength={MAX_STAFF_QUERY_LENGTH} autoComplete="off" />
    </div>
  );
}

/** Which lifecycle state a list of lawsuits or filings shows ("Show", not "Status": a lawsuit has a status of its own). */
export function LifecycleField({ id, value }: { id: string; value: LifecycleShow }) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Show</label>
      <select id={id} name="show" defaultValue={value}>
        {LIFECYCLE_SHOWS.map((show) => (
          <option key={show} value={show}>
            {LIFECYCLE_SHOW_LABELS[show]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "3 filings match these filters, most recently changed first." — announced as the list changes. */
export function StaffListCount({ total, noun, filtered, order }: { total: number; noun: string; filtered: boolean; order?: string }) {
  return (
    <p className={styles.count} role="status">
      {plural(total, noun)}
      {filtered ? " match these filters" : ""}
      {order ? `, ${order}` : ""}.
    </p>
  );
}

/** The list's table, named by its caption (hidden: the heading and count say it on screen). */
export function StaffListTable({ captionId, caption, children }: { captionId: string; caption: string; children: ReactNode }) {
  return (
    <TableScroll labelledBy={captionId}>
      <table className={tableStyles.table}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        {children}
      </table>
    </TableScroll>
  );
}
