"use client";

// The timeline's filters, in the browser (filter-panel.tsx labels their lists on the
// server and renders it). A plain GET form whose fields carry the filter's query
// parameter names, so it works without JavaScript. With JavaScript, each change of a box,
// a radio or a select navigates at once to the new filter's URL, and the server renders
// the new view. The controls show the server's parsed filter (the `filter` prop), never a
// second reading of the URL: what the panel shows is what the results were filtered by,
// and the browser's first render matches the server's for any query. While a change
// loads, they show the reader's change (an optimistic copy of the filter).
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useOptimistic, useRef, useTransition, type FormEvent, type ReactNode } from "react";

import type { FilingKind } from "@/lib/filings/kinds";
import { FILTER_KEYS, filterToSearchParams, SEARCH_WORDS_PARAMS, SEARCHED_PARAMS, type SearchedParam } from "@/lib/filters/params";
import type { Filter } from "@/lib/filters/schema";
import type { FacetValue, TimelineFacets } from "@/lib/timeline/queries";

import styles from "./filter-panel.module.css";
import { SearchField } from "./search-field";

/** A search field's words to put in the URL; null ends that search. */
type SearchWords = Partial<Record<SearchedParam, string | null>>;

/**
 * The current page's URL with another filter: the filter's parameters as the server
 * writes them, then the page's other parameters (the view, say) as they were. A search
 * field's words stay unless `words` replaces them.
 */
function urlWithFilter(filter: Filter, words: SearchWords = {}): string {
  const others = new URLSearchParams(window.location.search);
  for (const key of FILTER_KEYS) others.delete(key);
  const params = filterToSearchParams(filter);
  for (const param of SEARCHED_PARAMS) {
    if (words[param] === undefined) continue;
    others.delete(SEARCH_WORDS_PARAMS[param]);
    if (words[param]) params.set(SEARCH_WORDS_PARAMS[param], words[param]);
  }
  others.forEach((value, key) => params.append(key, value));
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}`;
}

/**
 * `facets`: every value with its label (filter-panel.tsx), `kind` holding every kind of
 * filing, with a count of 0 where none is found. `otherStates`: the jurisdictions absent
 * from `facets.state`, with their names. `searchWords` and `searchMatches`: a search
 * field's last words, and what they matched, for each field whose words did not name one
 * value. `textFields`: the words and the dates, which the form reads when submitted
 * (server-rendered, keyed by the filter's values so that a new filter resets them). The
 * other props are FilterPanel's.
 */
export function FilterForm({
  filter,
  facets,
  otherStates,
  activeCount,
  action,
  sortable,
  searchWords,
  searchMatches,
  textFields,
}: {
  filter: Filter;
  facets: TimelineFacets;
  otherStates: FacetValue[];
  activeCount: number;
  action: string;
  sortable: boolean;
  searchWords: Partial<Record<SearchedParam, string>>;
  searchMatches: Partial<Record<SearchedParam, ReactNode>>;
  textFields: ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, showChange] = useOptimistic(filter);
  const details = useRef<HTMLDetailsElement>(null);

  // Open on wide screens where the panel is a sidebar (for browsers without ::details-content).
  useEffect(() => {
    if (details.current && window.matchMedia("(min-width: 60rem)").matches) details.current.open = true;
  }, []);

  /** Every change starts again from the first page. */
  const update = (changes: Partial<Filter>, words?: SearchWords) => {
    const next: Filter = { ...shown, ...changes, cursor: undefined };
    startTransition(() => {
      showChange(next);
      router.push(urlWithFilter(next, words), { scroll: false });
    });
  };
  /** Choosing a value, from its list or its search field, ends that field's search. */
  const choose = (param: SearchedParam, value: string | undefined) => update({ [param]: value }, { [param]: null });
  const chooseLawsuit = (lawsuit: string | null) => choose("lawsuit", lawsuit ?? undefined);
  /** The search field of a filter whose values are too many to list, and what its last words matched. */
  const search = (param: SearchedParam) => (
    <>
      <SearchField key={`${filter[param] ?? ""}-${searchWords[param] ?? ""}`} param={param} defaultWords={searchWords[param] ?? ""} onChoose={(value) => choose(param, value)} />
      {searchMatches[param]}
    </>
  );

  const toggle = (key: "state" | "kind", value: string, checked: boolean) => {
    const current: string[] = shown[key];
    const next = checked ? [...current, value] : current.filter((v) => v !== value);
    update({ [key]: next });
  };

  const submitText = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(form.get(name) ?? "").trim();
      return value === "" ? undefined : value;
    };
    update({ q: text("q"), from: text("from"), to: text("to") }, Object.fromEntries(SEARCHED_PARAMS.map((param) => [param, text(SEARCH_WORDS_PARAMS[param]) ?? null])));
  };

  const stateOptions = [
    ...facets.state,
    ...shown.state.filter((code) => !facets.state.some((f) => f.value === code)).map((code) => otherStates.find((s) => s.value === code) ?? { value: code, count: 0 }),
  ];
  const unlisted = otherStates.filter((s) => !shown.state.includes(s.value));

  return (
    // Open where the server has something to say about a search, even on a phone.
    <details ref={details} className={styles.panel} open={Object.keys(searchMatches).length > 0 ? true : undefined}>
      <summary className={styles.summary}>
        Filters{activeCount > 0 ? ` (${activeCount} active)` : ""}
      </summary>
      <form method="get" action={action} className={styles.form} onSubmit={submitText} aria-describedby="filter-status">
        <p id="filter-status" role="status" className={styles.status}>
          {pending ? "Updating…" : ""}
        </p>

        {textFields}

        <fieldset className={styles.group}>
          <legend>Kind of filing</legend>
          <ul className={styles.options}>
            {facets.kind
              .filter(({ value, count }) => count > 0 || shown.kind.includes(value as FilingKind))
              .map(({ value: kind, label, count }) => (
                <li key={kind}>
                  <label>
                    <input type="checkbox" name="kind" value={kind} checked={shown.kind.includes(kind as FilingKind)} onChange={(e) => toggle("kind", kind, e.target.checked)} />
                    {label ?? kind} <span className={styles.count}>({count})</span>
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>

        <fieldset className={styles.group}>
          <legend>States joining</legend>
          <ul className={styles.options}>
            {stateOptions.map((state) => (
              <StateOption key={state.value} state={state} checked={shown.state.includes(state.value)} onToggle={toggle} />
            ))}
          </ul>
          {unlisted.length > 0 && (
            <details className={styles.more}>
              <summary>Jurisdictions with no filing here ({unlisted.length})</summary>
              <ul className={styles.options}>
                {unlisted.map((state) => (
                  <StateOption key={state.value} state={state} checked={false} onToggle={toggle} />
                ))}
              </ul>
            </details>
          )}
          {shown.state.length > 1 && (
            <div className={styles.radios} role="radiogroup" aria-label="Which filings">
              <label>
                <input type="radio" name="match" value="any" checked={shown.match !== "all"} onChange={() => update({ match: "any" })} /> joined by any of them
              </label>
              <label>
                <input type="radio" name="match" value="all" checked={shown.match === "all"} onChange={() => update({ match: "all" })} /> joined by all of them
              </label>
            </div>
          )}
          <label className={styles.check}>
            <input type="checkbox" name="role" value="lead" checked={shown.role === "lead"} onChange={(e) => update({ role: e.target.checked ? "lead" : undefined })} />
            {shown.state.length ? "Only filings they led" : "Only filings with a lead state"}
          </label>
          <FacetSelect
            name="side"
            label={shown.state.length ? "Their side in the lawsuit" : "A state's side in the lawsuit"}
            any="Any side"
            values={facets.side}
            selected={shown.side}
            onChange={(side) => update({ side: side as Filter["side"] })}
          />
        </fieldset>

        <fieldset className={styles.group}>
          <legend>Lawsuit</legend>
          <ul className={styles.options}>
            <li>
              <label>
                <input type="radio" name="lawsuit" value="" checked={!shown.lawsuit} onChange={() => chooseLawsuit(null)} />
                Any lawsuit
              </label>
            </li>
            {facets.lawsuit.map((l) => (
              <li key={l.value}>
                <label>
                  <input type="radio" name="lawsuit" value={l.value} checked={shown.lawsuit === l.value} onChange={() => chooseLawsuit(l.value)} />
                  {l.label ?? l.value} <span className={styles.count}>({l.count})</span>
                </label>
              </li>
            ))}
          </ul>
          {search("lawsuit")}
        </fieldset>

        <fieldset className={styles.group}>
          <legend>The lawsuit’s coding</legend>
          {CODING_SELECTS.map(({ name, label, any }) => {
            const searched = name === "policy" || name === "agency";
            return (
              <Fragment key={name}>
                <FacetSelect name={name} label={label} any={any} values={facets[name]} selected={shown[name]} onChange={(value) => (searched ? choose(name, value) : update({ [name]: value }))} />
                {searched && search(name)}
              </Fragment>
            );
          })}
        </fieldset>

        <div className={styles.field}>
          <label htmlFor="filter-category">Demand</label>
          <select id="filter-category" name="demandCategory" value={shown.demandCategory ?? ""} onChange={(e) => update({ demandCategory: e.target.value || undefined })}>
            <option value="">Any demand</option>
            {facets.demandCategory.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label ?? c.value} ({c.count})
              </option>
            ))}
          </select>
        </div>

        <div className={styles.field}>
          <label htmlFor="filter-outcome">Outcome of a demand</label>
          <select id="filter-outcome" name="outcome" value={shown.outcome ?? ""} onChange={(e) => update({ outcome: (e.target.value || undefined) as Filter["outcome"] })}>
            <option value="">Any outcome</option>
            {facets.outcome.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label ?? o.value} ({o.count})
              </option>
            ))}
          </select>
        </div>

        {sortable && (
          <div className={styles.field}>
            <label htmlFor="filter-sort">Order</label>
            <select id="filter-sort" name="sort" value={shown.sort} onChange={(e) => update({ sort: e.target.value as Filter["sort"] })}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </div>
        )}
        <noscript>
          <button type="submit" className={styles.apply}>
            Apply filters
          </button>
        </noscript>
      </form>
    </details>
  );
}

/** The lawsuit coding's filters, each a select of its facet's values. */
const CODING_SELECTS: { name: "issueArea" | "policy" | "agency" | "administration" | "lawsuitOutcome" | "relief" | "reliefStatus"; label: string; any: string }[] = [
  { name: "issueArea", label: "Issue area", any: "Any issue area" },
  { name: "policy", label: "Policy challenged", any: "Any policy" },
  { name: "agency", label: "Agency", any: "Any agency" },
  { name: "administration", label: "Administration when filed", any: "Any administration" },
  { name: "lawsuitOutcome", label: "Outcome for the states", any: "Any outcome" },
  { name: "relief", label: "Relief", any: "Any relief" },
  { name: "reliefStatus", label: "What became of the relief", any: "Requested, granted, denied or stayed" },
];

/**
 * A select of one facet's values with their counts (the server's labels). The lists that
 * grow with the data come cut to the top few (lib/timeline/queries.ts, TOP_CODING_OPTIONS).
 */
function FacetSelect({
  name,
  label,
  any,
  values,
  selected,
  onChange,
}: {
  name: string;
  label: string;
  any: string;
  values: FacetValue[];
  selected: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} value={selected ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{any}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label ?? v.value} ({v.count})
          </option>
        ))}
      </select>
    </div>
  );
}

function StateOption({ state, checked, onToggle }: { state: FacetValue; checked: boolean; onToggle: (key: "state", value: string, checked: boolean) => void }) {
  return (
    <li>
      <label>
        <input type="checkbox" name="state" value={state.value} checked={checked} onChange={(e) => onToggle("state", state.value, e.target.checked)} />
        {state.label ?? state.value} <span className={styles.count}>({state.count})</span>
      </label>
    </li>
  );
}
