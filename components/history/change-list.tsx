// One revision's changes, field by field: a label, then before → after for a value,
// the words added and removed for long text, and added, removed and changed items for
// a list. Everything is rendered as text; <ins> and <del> carry the meaning, with
// visually hidden words for screen readers that do not announce them.
import type { ChangeView, DetailChange, ListItemChange, TextSegment } from "@/lib/editing/changes";

import styles from "./history.module.css";

function Segments({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.type === "added" ? (
          <ins key={index} className={styles.ins}>
            <span className="visually-hidden">[added: </span>
            {segment.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : segment.type === "removed" ? (
          <del key={index} className={styles.del}>
            <span className="visually-hidden">[removed: </span>
            {segment.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function BeforeAfter({ before, after }: { before: string | null; after: string | null }) {
  if (before === null && after !== null) {
    return <ins className={styles.ins}>{after}</ins>;
  }
  return (
    <>
      <del className={styles.del}>
        <span className="visually-hidden">Before: </span>
        {before ?? "(none)"}
      </del>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden">, after: </span>
      <ins className={styles.ins}>{after ?? "(none)"}</ins>
    </>
  );
}

function Detail({ detail }: { detail: DetailChange }) {
  return (
    <>
      {detail.label}{" "}
      {detail.segments ? <Segments segments={detail.segments} /> : <BeforeAfter before={detail.before} after={detail.after} />}
    </>
  );
}

const MARKS: Record<ListItemChange["type"], { mark: string; words: string }> = {
  added: { mark: "+", words: "Added:" },
  removed: { mark: "−", words: "Removed:" },
  changed: { mark: "~", words: "Changed:" },
  reordered: { mark: "↕", words: "" },
};

function Item({ item }: { item: ListItemChange }) {
  const { mark, words } = MARKS[item.type];
  return (
    <li className={styles[item.type]}>
      <span aria-hidden="true" className={styles.mark}>
        {mark}
      </span>{" "}
      {words && <span className="visually-hidden">{words} </span>}
      {item.type === "changed" ? (
        <>
          {item.text}:{" "}
          {item.details.map((detail, index) => (
            <span key={index}>
              {index > 0 && "; "}
              <Detail detail={detail} />
            </span>
          ))}
        </>
      ) : (
        item.text
      )}
    </li>
  );
}

export function ChangeList({ changes }: { changes: ChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <dl className={styles.changes}>
      {changes.map((change) => (
        <div key={change.field} className={styles.change}>
          <dt>{change.label}</dt>
          <dd>
            {change.type === "list" ? (
              <ul className={styles.items}>
                {change.items.map((item, index) => (
                  <Item key={index} item={item} />
                ))}
              </ul>
            ) : change.type === "text" ? (
              <p className={styles.text}>
                <Segments segments={change.segments} />
              </p>
            ) : (
              <BeforeAfter before={change.before} after={change.after} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
