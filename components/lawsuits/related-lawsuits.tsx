import Link from "next/link";

import { htmlPath } from "@/lib/api/paths";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { LAWSUIT_RELATION_LABELS, LAWSUIT_STATUS_LABELS, PARTY_SIDE_LABELS } from "@/lib/lawsuits/labels";
import type { LawsuitDetail, LawsuitRef } from "@/lib/lawsuits/queries";

import styles from "./lawsuit-page.module.css";

/** The parties other than the plaintiff states, by side; nothing when there are none. */
export function OtherParties({ lawsuit }: { lawsuit: LawsuitDetail }) {
  if (lawsuit.otherParties.length === 0) return null;
  return (
    <section aria-labelledby="parties-heading" className={styles.section}>
      <h2 id="parties-heading">Other parties</h2>
      <div className={styles.parties}>
        {lawsuit.otherParties.map((group) => (
          <div key={group.side}>
            <h3 id={`side-${group.side}`}>{PARTY_SIDE_LABELS[group.side]}</h3>
            <ul aria-labelledby={`side-${group.side}`} className={styles.partyList}>
              {group.names.map((name, index) => (
                <li key={index}>{name}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

/** Lawsuits related to this one, and the rest of its transfer and appeal chain; nothing when there are none. */
export function RelatedLawsuits({ lawsuit }: { lawsuit: LawsuitDetail }) {
  if (lawsuit.related.length === 0 && lawsuit.chain.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className={styles.section}>
      <h2 id="related-heading">Related lawsuits</h2>
      {lawsuit.related.length > 0 && (
        <ul className={styles.plainList} aria-labelledby="related-heading">
          {lawsuit.related.map((related) => (
            <li key={`${related.direction}-${related.relation}-${related.lawsuit.id}`}>
              <span className={styles.relation}>{LAWSUIT_RELATION_LABELS[related.relation][related.direction]}:</span>{" "}
              <LawsuitLink lawsuit={related.lawsuit} />
            </li>
          ))}
        </ul>
      )}
      {lawsuit.chain.length > 0 && (
        <>
          <h3 id="chain-heading">Further along the transfer and appeal chain</h3>
          <ul className={styles.plainList} aria-labelledby="chain-heading">
            {lawsuit.chain.map((link) => (
              <li key={`${link.from.id}-${link.to.id}`}>
                <Link href={htmlPath.lawsuit(link.from.id)}>{link.from.caseNameShort}</Link>{" "}
                <span className={styles.relation}>{LAWSUIT_RELATION_LABELS[link.relation].outgoing.toLowerCase()}</span>{" "}
                <Link href={htmlPath.lawsuit(link.to.id)}>{link.to.caseNameShort}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LawsuitLink({ lawsuit }: { lawsuit: LawsuitRef }) {
  return (
    <>
      <Link href={htmlPath.lawsuit(lawsuit.id)}>{lawsuit.caseNameShort}</Link>
      <span className={styles.muted}>
        {" "}
        · No. {lawsuit.docketNumber} ({lawsuit.court}) · filed <time dateTime={lawsuit.dateFiled}>{formatPartialDate(lawsuit.dateFiled)}</time> ·{" "}
        {LAWSUIT_STATUS_LABELS[lawsuit.status]}
      </span>
    </>
  );
}
