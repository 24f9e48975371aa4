import Link from "next/link";

import styles from "./pagination.module.css";

/** Previous and next pages as shareable links (keyset cursors in the URL). */
export function Pagination({ previousHref, nextHref, newestFirst }: { previousHref: string | null; nextHref: string | null; newestFirst: boolean }) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label="Pages of filings" className={styles.pages}>
      {previousHref ? (
        <Link href={previousHref} rel="prev">
          ← {newestFirst ? "Newer" : "Earlier"} filings
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} rel="next">
          {newestFirst ? "Older" : "Later"} filings →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
