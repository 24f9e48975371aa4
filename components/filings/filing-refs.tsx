// How a filing's page refers to other filings: by date, kind, docket entry and title.
import Link from "next/link";

import { htmlPath } from "@/lib/api/paths";
import type { DateView, FilingRef, ThreadNode } from "@/lib/filings/queries";

import styles from "./filing-page.module.css";

/** Only what is known of the date: "June 2018" stays a month. */
export function DateText({ date }: { date: DateView }) {
  return <time dateTime={date.value}>{date.text}</time>;
}

export function FilingLink({ filing, rel }: { filing: FilingRef; rel?: string }) {
  return (
    <Link href={htmlPath.filing(filing.id)} rel={rel}>
      {filing.title}
    </Link>
  );
}

/** "2 July 2018 · Motion · ECF No. 15", then the title as a link. */
export function RefLine({ filing, rel, note }: { filing: FilingRef; rel?: string; note?: string }) {
  return (
    <span className={styles.refLine}>
      <span className={styles.refMeta}>
        <DateText date={filing.dateFiled} /> · {filing.kindLabel}
        {filing.entryNumber !== null && ` · ECF No. ${filing.entryNumber}`}
        {note && ` · ${note}`}
      </span>
      <FilingLink filing={filing} rel={rel} />
    </span>
  );
}

export function ThreadItem({ node }: { node: ThreadNode }) {
  return (
    <li className={node.isCurrent ? styles.current : undefined}>
      <span className={styles.refLine}>
        <span className={styles.refMeta}>
          <DateText date={node.dateFiled} /> · {node.kindLabel}
          {node.entryNumber !== null && ` · ECF No. ${node.entryNumber}`}
          {node.isCurrent && <strong className={styles.here}> · this filing</strong>}
        </span>
        <Link href={htmlPath.filing(node.id)} aria-current={node.isCurrent ? "page" : undefined}>
          {node.title}
        </Link>
      </span>
      {node.responses.length > 0 && (
        <ol>
          {node.responses.map((child) => (
            <ThreadItem key={child.id} node={child} />
          ))}
        </ol>
      )}
    </li>
  );
}
