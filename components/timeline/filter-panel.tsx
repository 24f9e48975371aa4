"use client";

// The timeline's filters. A plain GET form whose fields carry the filter's query
// parameter names, so it works without JavaScript; with JavaScript, nuqs applies each
// change to the URL at once and the server renders the new view.
import Link from "next/link";
import { parseAsNativeArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useEffect, useRef, useTransition, type FormEvent } from "react";

import { PARTIAL_DATE_HINT } from "@/lib/dates/partial-date";
import { DEMAND_OUTCOME_LABELS, demandCategoryLabel, type DemandOutcome } from "@/lib/demands/labels";
import { FILING_KIND_LABELS, type FilingKind } from "@/lib/filings/kinds";
import type { Filter } from "@/lib/filters/schema";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import type { LawsuitChoice } from "@/lib/lawsuits/filter";
import type { TimelineFacets } from "@/lib/timeline/queries";

import { LawsuitSearch } from "./lawsuit-search";
import styles from "./filter-panel.module.css";

const parsers = {
  state: parseAsNativeArrayOf(parseAsString).withDefault([]),
  kind: parseAsNativeArrayOf(parseAsString).withDefault([]),
  match: parseAsString,
  role: parseAsString,
  lawsuit: parseAsString,
  // The lawsuit search field's words (LAWSUIT_WORDS_PARAM), which the server resolves to `lawsuit`.
  lawsuitq: parseAsString,
  demandCategory: parseAsString,
  outcome: parseAsString,
  from: parseAsString,
  to: parseAsString,
  q: parseAsString,
  sort: parseAsString,
  cursor: parseAsString,
};

const countOf = (values: { value: string; count: number }[], value: string) => values.find((v) => v.value === value)?.count ?? 0;

/**
 * `action`: the page the form submits to without JavaScript (the timeline, or another
 * view of the same filter such as /insights). `sortable`: whether the order applies there.
 * `facets.lawsuit` holds only the selected and a few top lawsuits (lib/lawsuits/filter.ts);
 * any other is found by the search field. `lawsuitChoice`: what the last search words
 * matched, when they did not name one lawsuit.
 */
export function FilterPanel({
  filter,
  facets,
  activeCount,
  action = "/",
  sortable = true,
  lawsuitChoice = null,
}: {
  filter: Filter;
  facets: TimelineFacets;
  activeCount: number;
  action?: string;
  sortable?: boolean;
  lawsuitChoice?: LawsuitChoice | null;
}) {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(parsers, { shallow: false, history: "push", scroll: false, startTransition });
  // The URL's values, updated at once on change (the server's `filter` follows a moment later).
  const selectedStates = params.state.map((s) => s.toUpperCase());
  const selectedKinds = params.kind;
  const details = useRef<HTMLDetailsElement>(null);

  // Open on wide screens where the panel is a sidebar (for browsers without ::details-content).
  useEffect(() => {
    if (details.current && window.matchMedia("(min-width: 60rem)").matches) details.current.open = true;
  }, []);

  /** Every change starts again from the first page. */
  const update = (changes: Partial<Record<keyof typeof parsers, string | string[] | null>>) =>
    void setParams({ ...changes, cursor: null } as Parameters<typeof setParams>[0]);
  /** Choosing a lawsuit ends its search. */
  const chooseLawsuit = (lawsuit: string | null) => update({ lawsuit, lawsuitq: null });

  const toggle = (key: "state" | "kind", value: string, checked: boolean) => {
    const current = key === "state" ? selectedStates : selectedKinds;
    const next = checked ? [...current, value] : current.filter((v) => v !== value);
    update({ [key]: next.length ? next : null });
  };

  const submitText = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(form.get(name) ?? "").trim();
      return value === "" ? null : value;
    };
    update({ q: text("q"), from: text("from"), to: text("to"), lawsuitq: text("lawsuitq") });
  };

  const stateOptions = [...facets.state.map((f) => f.value), ...selectedStates.filter((code) => !facets.state.some((f) => f.value === code))];
  const otherStates = JURISDICTIONS.filter((j) => !stateOptions.includes(j.code));

  return (
    // Open where the server has something to say about the lawsuit search, even on a phone.
    <details ref={details} className={styles.panel} open={lawsuitChoice ? true : undefined}>
      <summary className={styles.summary}>
        Filters{activeCount > 0 ? ` (${activeCount} active)` : ""}
      </summary>
      <form method="get" action={action} className={styles.form} onSubmit={submitText} aria-describedby="filter-status">
        <p id="filter-status" role="status" className={styles.status}>
          {pending ? "Updating…" : ""}
        </p>

        <div className={styles.field}>
          <label htmlFor="filter-q">Words</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} key={`q-${filter.q ?? ""}`} placeholder="e.g. expedited discovery" />
        </div>

        <fieldset className={styles.group}>
          <legend>Date filed</legend>
          <p className={styles.hint} id="date-hint">
            {PARTIAL_DATE_HINT}
          </p>
          <div className={styles.dates}>
            <div className={styles.field}>
              <label htmlFor="filter-from">From</label>
              <input id="filter-from" name="from" inputMode="numeric" pattern="\d{4}(-\d{2}(-\d{2})?)?" aria-describedby="date-hint" defaultValue={filter.from ?? ""} key={`from-${filter.from ?? ""}`} />
            </div>
            <div className={styles.field}>
              <label htmlFor="filter-to">To</label>
              <input id="filter-to" name="to" inputMode="numeric" pattern="\d{4}(-\d{2}(-\d{2})?)?" aria-describedby="date-hint" defaultValue={filter.to ?? ""} key={`to-${filter.to ?? ""}`} />
            </div>
          </div>
        </fieldset>
        <button type="submit" className={styles.apply}>
          Apply
        </button>

        <fieldset className={styles.group}>
          <legend>Kind of filing</legend>
          <ul className={styles.options}>
            {Object.entries(FILING_KIND_LABELS)
              .filter(([kind]) => countOf(facets.kind, kind) > 0 || filter.kind.includes(kind as FilingKind))
              .map(([kind, label]) => (
                <li key={kind}>
                  <label>
                    <input type="checkbox" name="kind" value={kind} checked={selectedKinds.includes(kind)} onChange={(e) => toggle("kind", kind, e.target.checked)} />
                    {label} <span className={styles.count}>({countOf(facets.kind, kind)})</span>
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>

        <fieldset className={styles.group}>
          <legend>States joining</legend>
          <ul className={styles.options}>
            {stateOptions.map((code) => (
              <StateOption key={code} code={code} count={countOf(facets.state, code)} checked={selectedStates.includes(code)} onToggle={toggle} />
            ))}
          </ul>
          {otherStates.length > 0 && (
            <details className={styles.more}>
              <summary>Jurisdictions with no filing here ({otherStates.length})</summary>
              <ul className={styles.options}>
                {otherStates.map((j) => (
                  <StateOption key={j.code} code={j.code} count={0} checked={selectedStates.includes(j.code)} onToggle={toggle} />
                ))}
              </ul>
            </details>
          )}
          {selectedStates.length > 1 && (
            <div className={styles.radios} role="radiogroup" aria-label="Which filings">
              <label>
                <input type="radio" name="match" value="any" checked={params.match !== "all"} onChange={() => update({ match: null })} /> joined by any of them
              </label>
              <label>
                <input type="radio" name="match" value="all" checked={params.match === "all"} onChange={() => update({ match: "all" })} /> joined by all of them
              </label>
            </div>
          )}
          <label className={styles.check}>
            <input type="checkbox" name="role" value="lead" checked={params.role === "lead"} onChange={(e) => update({ role: e.target.checked ? "lead" : null })} />
            {selectedStates.length ? "Only filings they led" : "Only filings with a lead state"}
          </label>
        </fieldset>

        <fieldset className={styles.group}>
          <legend>Lawsuit</legend>
          <ul className={styles.options}>
            <li>
              <label>
                <input type="radio" name="lawsuit" value="" checked={!params.lawsuit} onChange={() => chooseLawsuit(null)} />
                Any lawsuit
              </label>
            </li>
            {facets.lawsuit.map((l) => (
              <li key={l.value}>
                <label>
                  <input type="radio" name="lawsuit" value={l.value} checked={params.lawsuit === l.value} onChange={() => chooseLawsuit(l.value)} />
                  {l.label ?? l.value} <span className={styles.count}>({l.count})</span>
                </label>
              </li>
            ))}
          </ul>
          <LawsuitSearch key={`${filter.lawsuit ?? ""}-${lawsuitChoice?.words ?? ""}`} defaultWords={lawsuitChoice?.words ?? ""} onChoose={chooseLawsuit} />
          {lawsuitChoice && <LawsuitMatches choice={lawsuitChoice} />}
        </fieldset>

        <div className={styles.field}>
          <label htmlFor="filter-category">Demand</label>
          <select id="filter-category" name="demandCategory" value={params.demandCategory ?? ""} onChange={(e) => update({ demandCategory: e.target.value || null })}>
            <option value="">Any demand</option>
            {facets.demandCategory.map((c) => (
              <option key={c.value} value={c.value}>
                {demandCategoryLabel(c.value)} ({c.count})
              </option>
            ))}
          </select>
        </div>

        <div className={styles.field}>
          <label htmlFor="filter-outcome">Outcome of a demand</label>
          <select id="filter-outcome" name="outcome" value={params.outcome ?? ""} onChange={(e) => update({ outcome: e.target.value || null })}>
            <option value="">Any outcome</option>
            {facets.outcome.map((o) => (
              <option key={o.value} value={o.value}>
                {DEMAND_OUTCOME_LABELS[o.value as DemandOutcome]} ({o.count})
              </option>
            ))}
          </select>
        </div>

        {sortable && (
          <div className={styles.field}>
            <label htmlFor="filter-sort">Order</label>
            <select id="filter-sort" name="sort" value={params.sort ?? "newest"} onChange={(e) => update({ sort: e.target.value === "newest" ? null : e.target.value })}>
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

function StateOption({ code, count, checked, onToggle }: { code: string; count: number; checked: boolean; onToggle: (key: "state", value: string, checked: boolean) => void }) {
  const name = JURISDICTIONS.find((j) => j.code === code)?.name ?? code;
  return (
    <li>
      <label>
        <input type="checkbox" name="state" value={code} checked={checked} onChange={(e) => onToggle("state", code, e.target.checked)} />
        {name} <span className={styles.count}>({count})</span>
      </label>
    </li>
  );
}

/** What the submitted search words matched: links that set the filter, or that nothing did. */
function LawsuitMatches({ choice }: { choice: LawsuitChoice }) {
  if (choice.matches.length === 0) {
    return (
      <p className={styles.matches} role="status">
        No lawsuit matches “{choice.words}”. Try other words of its name, or its docket number.
      </p>
    );
  }
  const more = choice.total - choice.matches.length;
  return (
    <div className={styles.matches}>
      <p id="lawsuit-matches-heading">
        {choice.total.toLocaleString("en-US")} lawsuits match “{choice.words}”{more > 0 ? `; the first ${choice.matches.length} are listed, type more words to narrow them` : ""}. Choose one:
      </p>
      <ul aria-labelledby="lawsuit-matches-heading">
        {choice.matches.map((match) => (
          <li key={match.id}>
            <Link href={match.href}>{match.caseNameShort}</Link> <span className={styles.docket}>No. {match.docketNumber} ({match.court})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
