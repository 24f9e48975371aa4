import type { ReactNode } from "react";

import { LawsuitStatusBadge } from "@/components/lawsuits/status-badge";
import { formatPartialDate } from "@/lib/dates/partial-date";
import type { LawsuitDetail } from "@/lib/lawsuits/queries";

import styles from "./lawsuit-page.module.css";

/** The lawsuit's caption, status and docket facts, as the top of its page. */
export function LawsuitFacts({ lawsuit }: { lawsuit: LawsuitDetail }) {
  return (
    <header className={styles.header}>
      <h1 id="lawsuit-title">{lawsuit.caseName}</h1>
      <p className={styles.status}>
        <span className="visually-hidden">Status: </span>
        <LawsuitStatusBadge status={lawsuit.status} />
      </p>
      <dl className={styles.facts}>
        <Fact term="Short name">{lawsuit.caseNameShort}</Fact>
        <Fact term="Court">{lawsuit.court.fullName}</Fact>
        <Fact term="Docket number">{lawsuit.docketNumber}</Fact>
        {lawsuit.judge && <Fact term="Judge">{lawsuit.judge}</Fact>}
        <Fact term="Date filed">
          <time dateTime={lawsuit.dateFiled}>{formatPartialDate(lawsuit.dateFiled)}</time>
        </Fact>
        {lawsuit.dateTerminated && (
          <Fact term="Date terminated">
            <time dateTime={lawsuit.dateTerminated}>{formatPartialDate(lawsuit.dateTerminated)}</time>
          </Fact>
        )}
      </dl>
    </header>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
