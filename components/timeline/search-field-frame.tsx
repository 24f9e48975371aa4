import type { InputHTMLAttributes, ReactNode } from "react";

import { MAX_QUERY_LENGTH, SEARCH_WORDS_PARAMS, type SearchedParam } from "@/lib/filters/params";

import styles from "./filter-panel.module.css";
import { SEARCH_FIELDS } from "./search-fields";

/** The text field's own attributes, the same on the plain field and the combobox. */
export function wordsFieldProps(id: string, param: SearchedParam): InputHTMLAttributes<HTMLInputElement> {
  return {
    id: `${id}-input`,
    name: SEARCH_WORDS_PARAMS[param],
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
 * What a search field looks like around its text field, plain or combobox: the label,
 * the hint, the Find button (which submits the words without JavaScript) and the status
 * line the combobox announces through. One frame, so that the switch from one to the
 * other moves nothing on the page.
 */
export function SearchFieldFrame({ id, param, announcement = "", children }: { id: string; param: SearchedParam; announcement?: string; children: ReactNode }) {
  const { label, hint } = SEARCH_FIELDS[param];
  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
      </p>
      <div className={styles.search}>
        {children}
        {/* Named after its field: the panel has a Find button for each search. */}
        <button type="submit" className={styles.find} aria-label={label}>
          Find
        </button>
      </div>
      <p role="status" className={styles.searchStatus}>
        {announcement}
      </p>
    </div>
  );
}
