"use client";

// CheckboxList: choose any of a short list of records by their ids (a lawsuit's
// policies, issue areas from the vocabulary). `value` is the chosen ids in the order
// they were chosen; `onChange(next)` gets the new list.
import styles from "./fields.module.css";

export function CheckboxList({ options, value, onChange }: { options: readonly { value: string; label: string }[]; value: readonly string[]; onChange: (next: string[]) => void }) {
  return (
    <ul className={styles.list}>
      {options.map((option) => (
        <li key={option.value}>
          <label>
            <input
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
            />{" "}
            {option.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
