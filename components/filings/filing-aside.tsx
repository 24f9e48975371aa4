import Link from "next/link";

import { CopyButton } from "@/components/copy-button";
import type { FilingDetail } from "@/lib/filings/queries";
import { DATA_PATH } from "@/lib/releases/paths";

import { filingPath, RefLine } from "./filing-refs";
import styles from "./filing-page.module.css";

/** Beside the filing: how to cite it and link to it, and the filings before and after it in its lawsuit. */
/** `releaseCitation`: the citation of the filing in the newest data release holding it, null when none does yet. */
export function FilingAside({ filing, permalink, releaseCitation }: { filing: FilingDetail; permalink: string; releaseCitation: string | null }) {
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
        <h3 id="release-citation-heading">From a data release</h3>
        {releaseCitation ? (
          <>
            <p id="release-citation" className={styles.citation}>
              {releaseCitation}
            </p>
            <CopyButton targetId="release-citation" label="Copy release citation" />
          </>
        ) : (
          <p className={styles.citeDownloads}>
            Not in a <Link href={DATA_PATH}>data release</Link> yet.
          </p>
        )}
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
