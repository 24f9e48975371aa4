"use client";

// PartialDateField: a date that may be known only to the year or month (YYYY, YYYY-MM
// or YYYY-MM-DD), typed as text. Below it, how the date will read ("2 July 2018",
// "June 2018") so the editor sees the precision they chose; nothing is invented.
// Props: the FieldProps of text-fields.tsx (`path`, `label`, `error`, `hint`,
// `required`), `value` (the string as typed), `onChange(value)`.
import { formatPartialDate, isPartialDate, PARTIAL_DATE_HINT } from "@/lib/dates/partial-date";

import { TextField, type FieldProps } from "./text-fields";
import styles from "./fields.module.css";

export function PartialDateField({ value, onChange, hint, ...field }: FieldProps & { value: string; onChange: (value: string) => void }) {
  const trimmed = value.trim();
  const preview = trimmed && isPartialDate(trimmed) ? formatPartialDate(trimmed) : null;
  return (
    <TextField
      {...field}
      hint={hint ?? PARTIAL_DATE_HINT}
      value={value}
      onChange={onChange}
      inputMode="numeric"
      autoComplete="off"
      placeholder="YYYY-MM-DD"
      maxLength={10}
      after={
        preview ? (
          <p className={styles.preview} aria-live="polite">
            Reads as {preview}
          </p>
        ) : null
      }
    />
  );
}
