import Link from "next/link";

import styles from "./list-pager.module.css";

/**
 * Previous and next pages of a list (staff lists, lawsuits, a state's lawsuits), as links that keep the list's filters
 * (`hrefFor` builds them). Nothing is shown when everything fits on one page.
 */
export function ListPager({ page, pageCount, label, hrefFor }: { page: number; pageCount: number; label: string; hrefFor: (page: number) => string }) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav aria-label={label} className={styles.pages}>
      {page > 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className={styles.pageInfo}>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next page →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
