"use client";

// ConflictNotice: shown when a save is refused because someone else saved the record
// since the form was loaded. Says who and when, lists what they changed field by field,
// and offers to load their version with the editor's own edits re-applied (the merge
// itself is the form's: lib/staff/merge.ts). Nothing the editor typed is discarded.
// Props: `conflict` (ConflictDetails from lib/editing), `kind` (the record's, which
// names it and its fields), `formatValue(field, value)` (optional: reads a value,
// default readableValue), `onMerge()`.
import { useEffect, useRef } from "react";

import { formatTimestamp } from "@/lib/dates/timestamp";
import type { ConflictDetails, EditableKind } from "@/lib/editing/types";
import { fieldLabel, revisionPredicate } from "@/lib/editing/vocabulary";

import { Button } from "./fields/buttons";
import styles from "./conflict-notice.module.css";

const MAX_TEXT = 240;

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A value as a short line of text: lists and nested records reduced to their plain values. */
export function readableValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return `“${cut(value)}”`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    return cut(value.map((item) => (item !== null && typeof item === "object" ? Object.values(item).filter((v) => v !== null && typeof v !== "object").join(" · ") : String(item))).join("; "));
  }
  if (typeof value === "object") return cut(Object.values(value).filter((v) => v !== null && typeof v !== "object").join(" · "));
  return String(value);
}

export function ConflictNotice({ conflict, kind, formatValue, onMerge }: { conflict: ConflictDetails; kind: EditableKind; formatValue?: (field: string, value: unknown) => string; onMerge: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const read = formatValue ?? ((_field: string, value: unknown) => readableValue(value));

  useEffect(() => {
    heading.current?.focus();
  }, [conflict]);

  return (
    <section className={styles.notice} aria-labelledby="conflict-title">
      <h2 id="conflict-title" ref={heading} tabIndex={-1}>
        Someone else saved this {kind} while you were editing
      </h2>
      <p>Your changes were not saved, and nothing you typed is lost: it is still in the form below.</p>
      {conflict.changedBy.length ? (
        <ul className={styles.who}>
          {conflict.changedBy.map((change, index) => (
            <li key={index}>
              <strong>{change.name}</strong> {revisionPredicate(change.action)} on <time dateTime={change.at}>{formatTimestamp(change.at)}</time>
            </li>
          ))}
        </ul>
      ) : null}
      {conflict.changes.length ? (
        <>
          <h3>What they changed</h3>
          <dl className={styles.changes}>
            {conflict.changes.map((change) => (
              <div key={change.field} className={styles.change}>
                <dt>{fieldLabel(kind, change.field)}</dt>
                <dd>
                  <span className={styles.before}>
                    <span className="visually-hidden">Before: </span>
                    {read(change.field, change.before)}
                  </span>
                  <span aria-hidden="true"> → </span>
                  <span className={styles.after}>
                    <span className="visually-hidden">, now: </span>
                    {read(change.field, change.after)}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>They changed its status only; its fields are as you loaded them.</p>
      )}
      <p>
        Load their version to continue: every field you changed keeps your value, every other field takes theirs. Then review and save again.
      </p>
      <Button variant="primary" onClick={onMerge}>
        Load their version and re-apply my edits
      </Button>
    </section>
  );
}
