import { CiteThis } from "@/components/citations/cite-this";
import { htmlPath } from "@/lib/api/paths";
import { historyPath } from "@/lib/editing/paths";
import type { FilingDetail } from "@/lib/filings/queries";

import { RefLine } from "./filing-refs";
import styles from "./filing-page.module.css";

/** Beside the filing: how to cite it and link to it, and the filings before and after it in its lawsuit. */
/** `releaseCitation`: the citation of the filing in the newest data release holding it, null when none does yet. */
export function FilingAside({ filing, permalink, releaseCitation }: { filing: FilingDetail; permalink: string; releaseCitation: string | null }) {
  return (
    <aside className={styles.aside} aria-label="Cite and navigate">
      <CiteThis
        className={styles.card}
        citation={filing.citation}
        releaseCitation={releaseCitation}
        permalink={permalink}
        historyHref={historyPath("filing", filing.id)}
        downloads={
          <>
            Download as{" "}
            <a href={`${htmlPath.filing(filing.id)}/cite.bib`} download>
              BibTeX
            </a>{" "}
            or{" "}
            <a href={`${htmlPath.filing(filing.id)}/cite.json`} download>
              CSL-JSON
            </a>
          </>
        }
      />

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
