import type { InputHTMLAttributes, ReactNode } from "react";

import { LAWSUIT_WORDS_PARAM, MAX_QUERY_LENGTH } from "@/lib/filters/params";

import styles from "./filter-panel.module.css";

/** The text field's own attributes, the same on the plain field and the combobox. */
export function wordsFieldProps(id: string): InputHTMLAttributes<HTMLInputElement> {
  return {
    id: `${id}-input`,
    name: LAWSUIT_WORDS_PARAM,
    type: "text",
    inputMode: "search",
    enterKeyHint: "search",
    autoComplete: "off",
    spellCheck: false,
    maxLength: MAX_QUERY_LENGTH,
    "aria-describedby": `${id}-hint`,
  };
}

/**
 * What the lawsuit search field looks like around its text field, plain or combobox: the
 * label, the hint, the Find button (which submits the words without JavaScript) and the
 * status line the combobox announces through. One frame, so that the switch from one to
 * the other moves nothing on the page.
 */
export function LawsuitSearchFrame({ id, announcement = "", children }: { id: string; announcement?: string; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-input`}>Find a lawsuit</label>
      <p id={`${id}-hint`} className={styles.hint}>
        Words of its name, or its docket number
      </p>
      <div className={styles.search}>
        {children}
        <button type="submit" className={styles.find}>
          Find
        </button>
      </div>
      <p role="status" className={styles.searchStatus}>
        {announcement}
      </p>
    </div>
  );
}
