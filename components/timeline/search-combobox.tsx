"use client";

// A search field of the filter panel as an ARIA 1.2 combobox (a text field that controls
// a listbox popup): as the reader types, it suggests matching lawsuits, policies or
// agencies from the API's search (/api/v1/lawsuits?q=, /policies?q=, /agencies?q=; a few
// at most), and choosing one sets that filter. search-field.tsx loads it once the page is
// idle, or as soon as the reader focuses the plain field, which is what shows until then
// (and without JavaScript).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { apiPath } from "@/lib/api/paths";
import { agencyMatch, policyMatch } from "@/lib/coding/search-matches";
import type { SearchedParam } from "@/lib/filters/params";

import styles from "./filter-panel.module.css";
import popupStyles from "./search-combobox.module.css";
import { SearchFieldFrame, wordsFieldProps } from "./search-field-frame";
import { SEARCH_FIELDS } from "./search-fields";

/** Fewer characters than this suggest nothing yet: "a" would match most names. */
const MIN_CHARACTERS = 2;
/** Waits for a pause in typing before asking the server. */
const DEBOUNCE_MS = 150;

/** A value a search suggests: the filter's value, its name, and what tells it apart. */
interface Suggestion {
  value: string;
  label: string;
  detail: string;
}


/** Where each field suggests from (the API's search, `?q=`), its answer as suggestions, and what the status says once one is chosen. */
const SUGGEST: Record<SearchedParam, { api: string; suggestions: (data: unknown[]) => Suggestion[]; chosen: (suggestion: Suggestion) => string }> = {
  lawsuit: {
    api: apiPath.lawsuits,
    suggestions: (data) =>
      (data as { id: string; caseNameShort: string; docketNumber: string }[]).map((l) => ({ value: l.id, label: l.caseNameShort, detail: `No. ${l.docketNumber}` })),
    chosen: (s) => `Showing the filings of ${s.label}.`,
  },
  policy: {
    api: apiPath.policies,
    suggestions: (data) => (data as Parameters<typeof policyMatch>[0][]).map(policyMatch),
    chosen: (s) => `Showing the filings of lawsuits that challenge ${s.label}.`,
  },
  agency: {
    api: apiPath.agencies,
    suggestions: (data) => (data as Parameters<typeof agencyMatch>[0][]).map(agencyMatch),
    chosen: (s) => `Showing the filings of lawsuits that challenge a policy of ${s.label}.`,
  },
};

export interface SearchComboboxProps {
  /** The ids of the field's parts (SearchField's useId), kept across the switch from the plain field. */
  id: string;
  /** Which filter the field sets. */
  param: SearchedParam;
  /** What the plain field held when the combobox replaced it. */
  defaultWords: string;
  /** The reader was in the plain field: the combobox takes the focus, the caret at the end. */
  focused: boolean;
  onChoose: (id: string) => void;
}

export default function SearchCombobox({ id, param, defaultWords, focused, onChoose }: SearchComboboxProps) {
  const spec = useMemo(() => ({ ...SEARCH_FIELDS[param], ...SUGGEST[param] }), [param]);
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const input = useRef<HTMLInputElement>(null);
  const [words, setWords] = useState(defaultWords);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const request = useRef<AbortController | null>(null);
  /**
   * The reader has moved to a suggestion with the arrows. Until they type again, the
   * list stays as they see it: a refresh still on its way from their earlier typing
   * would otherwise replace it, or take the highlight from under their Enter.
   */
  const choosing = useRef(false);
  /** A refresh that arrived while the reader was choosing: the list to show once they stop. */
  const held = useRef<{ found: Suggestion[]; total: number } | null>(null);

  useEffect(() => {
    if (!focused || !input.current) return;
    input.current.focus();
    input.current.setSelectionRange(input.current.value.length, input.current.value.length);
  }, [focused]);

  useEffect(() => {
    const text = words.trim();
    if (text.length < MIN_CHARACTERS) return;
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`${spec.api}?q=${encodeURIComponent(text)}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const body = (await response.json()) as { data: unknown[]; total: number };
        const found = spec.suggestions(body.data);
        if (choosing.current) {
          held.current = { found, total: body.total };
          return;
        }
        held.current = null;
        setSuggestions(found);
        setTotal(body.total);
        setActive(-1);
        setOpen(true);
        setAnnouncement(
          found.length === 0
            ? `No ${spec.one} matches “${text}”.`
            : body.total > found.length
              ? `${body.total} ${spec.many} match; the first ${found.length} are listed. Use the up and down arrows to choose one.`
              : `${found.length} ${found.length === 1 ? `${spec.one} matches` : `${spec.many} match`}. Use the up and down arrows to choose.`,
        );
      } catch (error) {
        if ((error as Error).name !== "AbortError") setAnnouncement(`The ${spec.many} could not be searched; press Enter to search on the page.`);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [words, spec]);

  const close = () => {
    choosing.current = false;
    setOpen(false);
    setActive(-1);
    // The suggestions for the words now in the field, for when the list opens again.
    if (held.current) {
      setSuggestions(held.current.found);
      setTotal(held.current.total);
      held.current = null;
    }
  };

  const type = (value: string) => {
    setWords(value);
    // An answer still on its way is for words the reader has just changed.
    request.current?.abort();
    // New words: the highlight leaves the list, which their suggestions will replace.
    choosing.current = false;
    held.current = null;
    setActive(-1);
    // Too few characters to search: forget the last suggestions rather than show stale ones.
    if (value.trim().length < MIN_CHARACTERS) {
      setSuggestions([]);
      close();
    }
  };

  const choose = (suggestion: Suggestion) => {
    close();
    setWords("");
    setSuggestions([]);
    setAnnouncement(spec.chosen(suggestion));
    onChoose(suggestion.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length;
    switch (event.key) {
      case "ArrowDown":
        if (count === 0) return;
        event.preventDefault();
        choosing.current = true;
        setOpen(true);
        setActive((i) => (!open || i >= count - 1 ? 0 : i + 1));
        break;
      case "ArrowUp":
        if (count === 0) return;
        event.preventDefault();
        choosing.current = true;
        setOpen(true);
        setActive((i) => (!open || i <= 0 ? count - 1 : i - 1));
        break;
      case "Enter":
        // With a suggestion highlighted, Enter chooses it; otherwise the form submits the words.
        if (open && active >= 0 && active < count) {
          event.preventDefault();
          choose(suggestions[active]);
        } else {
          close();
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        } else if (words) {
          event.preventDefault();
          type("");
        }
        break;
      case "Tab":
        close();
        break;
    }
  };

  const expanded = open && suggestions.length > 0;
  return (
    <SearchFieldFrame id={id} param={param} announcement={announcement}>
      <div className={styles.combobox}>
        <input
          ref={input}
          {...wordsFieldProps(id, param)}
          value={words}
          onChange={(event) => type(event.target.value)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          onKeyDown={onKeyDown}
          onBlur={close}
          onFocus={() => suggestions.length > 0 && setOpen(true)}
        />
        <div className={popupStyles.popup} hidden={!expanded}>
          <ul id={listId} role="listbox" aria-label={`Matching ${spec.many}`} className={popupStyles.listbox}>
            {suggestions.map((suggestion, index) => (
              <li
                key={suggestion.value}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={popupStyles.option}
                // Keeps the focus in the field, so that the click is not a blur that closes the list first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(suggestion)}
              >
                {suggestion.label} {suggestion.detail && <span className={styles.detail}>{suggestion.detail}</span>}
              </li>
            ))}
          </ul>
          {total > suggestions.length && (
            <p className={popupStyles.moreMatches} aria-hidden="true">
              {(total - suggestions.length).toLocaleString("en-US")} more: type more words
            </p>
          )}
        </div>
      </div>
    </SearchFieldFrame>
  );
}
