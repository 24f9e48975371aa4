import Link from "next/link";

import { htmlPath } from "@/lib/api/paths";
import type { FilingDetail } from "@/lib/filings/queries";

import styles from "./filing-page.module.css";

/** The filing's lawsuit, court, docket number and entry, and who filed it. */
export function FilingFacts({ filing }: { filing: FilingDetail }) {
  const { lawsuit } = filing;
  return (
    <dl className={styles.facts}>
      <div>
        <dt>Lawsuit</dt>
        <dd>
          {lawsuit ? <Link href={htmlPath.lawsuit(lawsuit.id)}>{lawsuit.caseNameShort}</Link> : "None: made outside any lawsuit"}
        </dd>
      </div>
      {lawsuit && (
        <>
          <div>
            <dt>Court</dt>
            <dd>{lawsuit.court.fullName}</dd>
          </div>
          <div>
            <dt>Docket number</dt>
            <dd>No. {lawsuit.docketNumber}</dd>
          </div>
        </>
      )}
      {filing.entryNumber !== null && (
        <div>
          <dt>Docket entry</dt>
          <dd>ECF No. {filing.entryNumber}</dd>
        </div>
      )}
      {filing.filedBy && (
        <div>
          <dt>Filed by</dt>
          <dd>{filing.filedBy}</dd>
        </div>
      )}
    </dl>
  );
}
