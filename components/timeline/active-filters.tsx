import Link from "next/link";

import type { ActiveFilter } from "@/lib/timeline/summary";

import styles from "./active-filters.module.css";

/** Links, not buttons: removing a filter is a navigation that works without JavaScript. */
export function ActiveFilters({ chips, clearHref }: { chips: ActiveFilter[]; clearHref: string }) {
  if (chips.length === 0) return null;
  return (
    <nav aria-label="Active filters" className={styles.bar}>
      <ul className={styles.chips}>
        {chips.map((chip) => (
          <li key={`${chip.label}-${chip.value}`}>
            <Link href={chip.removeHref} className={styles.chip} aria-label={`Remove filter ${chip.label}: ${chip.value}`}>
              <span className={styles.label}>{chip.label}:</span> {chip.value} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <Link href={clearHref} className={styles.clear}>
          Clear all filters
        </Link>
      )}
    </nav>
  );
}
