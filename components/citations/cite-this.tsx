import Link from "next/link";
import type { ReactNode } from "react";

import { CopyButton } from "@/components/copy-button";
import { DATA_PATH } from "@/lib/releases/paths";

import styles from "./cite-this.module.css";

interface CiteThisProps {
  /** The live record's plain-text citation. */
  citation: string;
  /** The citation of the record in the newest data release holding it; null when none does yet. */
  releaseCitation: string | null;
  /** The record's absolute, stable URL. */
  permalink: string;
  /** Its history page. */
  historyHref: string;
  /** Other forms of the citation to download (BibTeX, CSL-JSON), under the live one. */
  downloads?: ReactNode;
  className?: string;
}

/**
 * "Cite this" on a record's page: the live citation, the release citation beside it (a
 * release never changes, so that is what a reader can get back exactly), the permalink
 * and the history. One block for filings and lawsuits, so both are cited alike.
 */
export function CiteThis({ citation, releaseCitation, permalink, historyHref, downloads, className }: CiteThisProps) {
  return (
    <section aria-labelledby="cite-heading" className={className}>
      <h2 id="cite-heading">Cite this</h2>
      <p id="citation" className={styles.citation}>
        {citation}
      </p>
      <CopyButton targetId="citation" label="Copy citation" />
      {downloads && <p className={styles.note}>{downloads}</p>}
      <h3 id="release-citation-heading">From a data release</h3>
      {releaseCitation ? (
        <>
          <p id="release-citation" className={styles.citation}>
            {releaseCitation}
          </p>
          <CopyButton targetId="release-citation" label="Copy release citation" />
        </>
      ) : (
        <p className={styles.note}>
          Not in a <Link href={DATA_PATH}>data release</Link> yet.
        </p>
      )}
      <h3 id="permalink-heading">Permalink</h3>
      <p id="permalink" className={styles.permalink}>
        <a href={permalink}>{permalink}</a>
      </p>
      <CopyButton targetId="permalink" label="Copy link" />
      <p className={styles.note}>
        <Link href={historyHref}>History</Link>: every change to this record, and who made it
      </p>
    </section>
  );
}
