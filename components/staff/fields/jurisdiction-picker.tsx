"use client";

// JurisdictionPicker: adds jurisdictions to a list (a filing's joining states, a
// lawsuit's plaintiffs). A combobox over the 56 jurisdictions: typing filters by code
// or name, arrows move, Enter adds, Escape closes. Typing or pasting a list ("WA, NM,
// CA", one per line, "Washington and Oregon") adds all of them at once and says which
// entries were not known; those stay in the box to be corrected.
// Props: `path` (the list's record path, e.g. ["states"]; the input's id is
// fieldId(path)), `label`, `selected` (codes already in the list: not offered again),
// `onAdd(codes)` (new codes, in the order given), `error`, `hint`.
// The caller renders the chosen items itself (role, official, date joined…).
import { useId, useState, type ClipboardEvent, type KeyboardEvent } from "react";

import { describedBy, FieldShell, type FieldProps } from "./text-fields";
import { findJurisdiction, looksLikeList, matchJurisdictions, parseJurisdictionList } from "./jurisdiction-list";
import { fieldId } from "@/lib/editing/form-fields";
import styles from "./fields.module.css";

interface Status {
  text: string;
  warning: boolean;
}

export function JurisdictionPicker({ path, label, selected, onAdd, error, hint, required }: FieldProps & { selected: readonly string[]; onAdd: (codes: string[]) => void }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<Status>({ text: "", warning: false });
  const listboxId = useId();
  const id = fieldId(path);
  const matches = open ? matchJurisdictions(query, selected) : [];
  const activeOption = matches[Math.min(active, matches.length - 1)];

  const addCodes = (codes: string[], unknown: string[] = []) => {
    const fresh = codes.filter((code) => !selected.includes(code));
    const repeated = codes.filter((code) => selected.includes(code));
    if (fresh.length) onAdd(fresh);
    const parts = [
      fresh.length ? `Added ${fresh.join(", ")}.` : "",
      repeated.length ? `Already listed: ${repeated.join(", ")}.` : "",
      unknown.length ? `Not a known jurisdiction: ${unknown.map((u) => `“${u}”`).join(", ")}.` : "",
    ].filter(Boolean);
    setStatus({ text: parts.join(" ") || "Nothing to add.", warning: unknown.length > 0 || fresh.length === 0 });
    setQuery(unknown.join(", "));
    setActive(0);
    setOpen(false);
  };

  const addList = (text: string) => {
    const { codes, unknown } = parseJurisdictionList(text);
    addCodes(codes, unknown);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((i) => Math.min(i + 1, matches.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case "Home":
      case "End":
        if (open && matches.length) {
          event.preventDefault();
          setActive(event.key === "Home" ? 0 : matches.length - 1);
        }
        break;
      case "Enter": {
        // Enter adds here; it must never submit the whole form.
        event.preventDefault();
        if (!query.trim() && !open) return;
        if (looksLikeList(query)) addList(query);
        else if (open && activeOption) addCodes([activeOption.code]);
        else {
          const found = findJurisdiction(query);
          if (found) addCodes([found.code]);
          else addCodes([], [query.trim()]);
        }
        break;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (query) {
          event.preventDefault();
          setQuery("");
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text");
    if (!looksLikeList(text)) return;
    event.preventDefault();
    addList(`${query} ${text}`.trim());
  };

  const optionId = (code: string) => `${listboxId}-${code}`;

  return (
    <FieldShell path={path} label={label} error={error} hint={hint} required={required}>
      <div className={styles.combo}>
        <input
          id={id}
          className={styles.control}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open && matches.length > 0}
          aria-controls={listboxId}
          aria-activedescendant={open && activeOption ? optionId(activeOption.code) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(path, { hint, error })}
          placeholder="Type a code or name, or paste a list: WA, NM, CA"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(!looksLikeList(event.target.value));
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <ul id={listboxId} role="listbox" aria-label={`${typeof label === "string" ? label : "Jurisdictions"}: suggestions`} className={styles.listbox} hidden={!open || matches.length === 0}>
          {matches.map((j, index) => (
            <li
              key={j.code}
              id={optionId(j.code)}
              role="option"
              aria-selected={activeOption?.code === j.code}
              className={styles.option}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => addCodes([j.code])}
            >
              <span>
                <strong>{j.code}</strong> {j.name}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p role="status" className={`${styles.status} ${status.warning ? styles.statusWarning : ""}`}>
        {status.text}
      </p>
    </FieldShell>
  );
}
