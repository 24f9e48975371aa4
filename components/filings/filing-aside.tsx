import Link from "next/link";

import { CopyButton } from "@/components/copy-button";
import type { FilingDetail } from "@/lib/filings/queries";

import { filingPath, RefLine } from "./filing-refs";
import styles from "./filing-page.module.css";

/** Beside the filing: how to cite it and link to it, and the filings before and after it in its lawsuit. */
export function FilingAside({ filing, permalink }: { filing: FilingDetail; permalink: string }) {
  return (
    <aside className={styles.aside} aria-label="Cite and navigate">
      <section aria-labelledby="cite-heading" className={styles.card}>
        <h2 id="cite-heading">Cite this</h2>
        <p id="citation" className={styles.citation}>
          {filing.citation}
        </p>
        <CopyButton targetId="citation" label="Copy citation" />
        <p className={styles.citeDownloads}>
          Download as{" "}
          <a href={`${filingPath(filing.id)}/cite.bib`} download>
            BibTeX
          </a>{" "}
          or{" "}
          <a href={`${filingPath(filing.id)}/cite.json`} download>
            CSL-JSON
          </a>
        </p>
        <h3 id="permalink-heading">Permalink</h3>
        <p id="permalink" className={styles.permalink}>
          <a href={permalink}>{permalink}</a>
        </p>
        <CopyButton targetId="permalink" label="Copy link" />
        <p className={styles.citeDownloads}>
          <Link href={`${filingPath(filing.id)}/history`}>History</Link>: every change to this record, and who made it
        </p>
      </section>

      {filing.lawsuit && (filing.previous || filing.next) && (
        <nav aria-label="Filings in this lawsuit" className={`${styles.card} ${styles.pager}`}>
          <h2>In this lawsuit</h2>
          {filing.previous && (
            <p>
              <span className={styles.pagerLabel}>Previous</span>
              <RefLine filing={filing.previous} rel="prev" />
            </p>
          )}
          {filing.next && (
            <p>
              <span className={styles.pagerLabel}>Next</span>
              <RefLine filing={filing.next} rel="next" />
            </p>
          )}
        </nav>
      )}
    </aside>
  );
}
