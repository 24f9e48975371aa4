"use client";

// RecordPicker: chooses one record (a lawsuit, a filing) by searching, never by typing
// its id. A combobox: typing searches by title or id (after a short pause), arrows move,
// Enter chooses, Escape closes. Each option shows the title, date, kind and a Draft or
// Deleted badge; the chosen record is shown above the box with a "Clear" button.
// Props: FieldProps (`path`, `label`, `error`, `hint`, `required`), `value` (the chosen
// RecordOption or null), `onChange(option | null)`, `search(query)` (returns options;
// usually a server action from lib/staff/search-actions.ts, bound to its
// restrictions such as the lawsuit), `placeholder`, `disabled`, `disabledReason`
// (shown instead of the box when disabled, e.g. "Choose the lawsuit first").
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { formatPartialDate, isPartialDate } from "@/lib/dates/partial-date";

import { Button } from "./buttons";
import { describedBy, FieldShell, type FieldProps } from "./text-fields";
import { fieldId, type RecordOption } from "@/lib/editing/form-fields";
import styles from "./fields.module.css";


const SEARCH_DELAY_MS = 200;

function OptionMeta({ option }: { option: RecordOption }) {
  return (
    <span className={styles.optionMeta}>
      {option.date && isPartialDate(option.date) ? <span>{formatPartialDate(option.date)}</span> : null}
      {option.kind ? <span>· {option.kind}</span> : null}
      {option.detail ? <span>· {option.detail}</span> : null}
      <span>· {option.id}</span>
      {option.draft ? <Badge tone="partial">Draft</Badge> : null}
      {option.deleted ? <Badge tone="negative">Deleted</Badge> : null}
    </span>
  );
}

export function RecordPicker({ path, label, value, onChange, search, error, hint, required, placeholder = "Search by title or id", disabled = false, disabledReason }: FieldProps & { value: RecordOption | null; onChange: (option: RecordOption | null) => void; search: (query: string) => Promise<RecordOption[]>; placeholder?: string; disabled?: boolean; disabledReason?: string }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<RecordOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const listboxId = useId();
  const id = fieldId(path);
  const chosenId = `${id}-chosen`;
  const request = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const runSearch = (text: string, delay: number) => {
    clearTimeout(timer.current);
    const ticket = ++request.current;
    setLoading(true);
    timer.current = setTimeout(() => {
      search(text).then(
        (found) => {
          // Only the latest answer counts: a slow early search must not overwrite a later one.
          if (ticket !== request.current) return;
          setOptions(found);
          setFailed(false);
          setLoading(false);
          setActive(0);
        },
        () => {
          if (ticket !== request.current) return;
          setOptions([]);
          setFailed(true);
          setLoading(false);
        },
      );
    }, delay);
  };

  const choose = (option: RecordOption) => {
    onChange(option);
    setQuery("");
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) {
          setOpen(true);
          runSearch(query, 0);
        } else setActive((i) => Math.min(i + 1, options.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case "Enter":
        // Enter chooses here; it must never submit the whole form.
        event.preventDefault();
        if (open && options[active]) choose(options[active]);
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  };

  const showList = open && !disabled;
  const activeOption = showList ? options[active] : undefined;
  const optionId = (optionKey: string) => `${listboxId}-${optionKey}`;
  const described = [describedBy(path, { hint, error }), value ? chosenId : null].filter(Boolean).join(" ") || undefined;

  return (
    <FieldShell path={path} label={label} error={error} hint={hint} required={required}>
      {value ? (
        <div className={styles.chosen} id={chosenId}>
          <span className={styles.chosenText}>
            <span>
              <span className="visually-hidden">Chosen: </span>
              <strong>{value.title}</strong>
            </span>
            <OptionMeta option={value} />
          </span>
          <Button size="small" onClick={() => onChange(null)} aria-label={`Clear ${typeof label === "string" ? label : "the choice"}`}>
            Clear
          </Button>
        </div>
      ) : null}
      {disabled ? (
        <p className={styles.hint}>{disabledReason}</p>
      ) : (
        <div className={styles.combo}>
          <input
            id={id}
            className={styles.control}
            type="search"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listboxId}
            aria-activedescendant={activeOption ? optionId(activeOption.id) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            placeholder={value ? "Search to change" : placeholder}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
              runSearch(event.target.value, SEARCH_DELAY_MS);
            }}
            onFocus={() => {
              setOpen(true);
              runSearch(query, 0);
            }}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul id={listboxId} role="listbox" aria-label={`${typeof label === "string" ? label : "Records"}: results`} aria-busy={loading} className={styles.listbox} hidden={!showList}>
            {options.map((option, index) => (
              <li
                key={option.id}
                id={optionId(option.id)}
                role="option"
                aria-selected={index === active}
                className={styles.option}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(option)}
              >
                <span>{option.title}</span>
                <OptionMeta option={option} />
              </li>
            ))}
            {!loading && options.length === 0 ? (
              <li className={styles.noOptions} role="presentation">
                {failed ? "The search failed; try again." : "No matching records."}
              </li>
            ) : null}
            {loading && options.length === 0 ? (
              <li className={styles.noOptions} role="presentation">
                Searching…
              </li>
            ) : null}
          </ul>
        </div>
      )}
    </FieldShell>
  );
}
