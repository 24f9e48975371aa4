import { formatPartialDate, type PartialDateString } from "@/lib/dates/partial-date";

import styles from "./source-list.module.css";

export interface SourceListItem {
  url: string;
  title: string;
  publisher: string;
  published: PartialDateString | null;
}

/** The public sources of a filing or a lawsuit: link, publisher, date as precisely as known. */
export function SourceList({ sources }: { sources: SourceListItem[] }) {
  return (
    <ol className={styles.sources}>
      {sources.map((source, i) => (
        <li key={i}>
          <a href={source.url} className={styles.link}>
            {source.title}
          </a>
          <span className={styles.muted}>
            {" "}
            — {source.publisher}
            {source.published ? (
              <>
                , <time dateTime={source.published}>{formatPartialDate(source.published)}</time>
              </>
            ) : (
              ", date not recorded"
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
