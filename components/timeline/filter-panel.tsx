// The timeline's filter panel, rendered on the server around its client part
// (filter-form.tsx): the lists' labels (the jurisdictions' names, the kinds of filing,
// the demands' outcomes and categories), the plain text fields and what a search's
// words matched are written here, so that the browser downloads neither the
// vocabularies nor the list of jurisdictions with the panel's code (issue 9,
// docs/decisions/031).
import "server-only";

import Link from "next/link";

import { PARTIAL_DATE_HINT, PARTIAL_DATE_INPUT_PATTERN } from "@/lib/dates/partial-date-syntax";
import { DEMAND_OUTCOME_LABELS, demandCategoryLabel, type DemandOutcome } from "@/lib/demands/labels";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import type { SearchedParam } from "@/lib/filters/params";
import type { Filter } from "@/lib/filters/schema";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import type { TimelineFacets } from "@/lib/timeline/queries";
import type { SearchChoice, SearchChoices } from "@/lib/timeline/search-words";

import { FilterForm } from "./filter-form";
import styles from "./filter-panel.module.css";
import { SEARCH_FIELDS } from "./search-fields";

const countOf = (values: { value: string; count: number }[], value: string) => values.find((v) => v.value === value)?.count ?? 0;

/**
 * `action`: the page the form submits to without JavaScript (the timeline, or another
 * view of the same filter such as /insights). `sortable`: whether the order applies there.
 * `facets.lawsuit` holds only the selected and a few top lawsuits (lib/lawsuits/filter.ts),
 * `facets.policy` and `facets.agency` the top few (TOP_CODING_OPTIONS); any other is found
 * by their search fields. `searchChoices`: what the last search words matched, for each
 * field whose words did not name one value.
 */
export function FilterPanel({
  filter,
  facets,
  activeCount,
  action = "/",
  sortable = true,
  searchChoices = {},
}: {
  filter: Filter;
  facets: TimelineFacets;
  activeCount: number;
  action?: string;
  sortable?: boolean;
  searchChoices?: SearchChoices;
}) {
  const labelled: TimelineFacets = {
    ...facets,
    kind: Object.entries(FILING_KIND_LABELS).map(([value, label]) => ({ value, label, count: countOf(facets.kind, value) })),
    demandCategory: facets.demandCategory.map((c) => ({ ...c, label: demandCategoryLabel(c.value) })),
    outcome: facets.outcome.map((o) => ({ ...o, label: DEMAND_OUTCOME_LABELS[o.value as DemandOutcome] })),
  };
  const otherStates = JURISDICTIONS.filter((j) => !facets.state.some((s) => s.value === j.code)).map((j) => ({ value: j.code, label: j.name, count: 0 }));
  const searched = (Object.entries(searchChoices) as [SearchedParam, SearchChoice | undefined][]).filter((entry): entry is [SearchedParam, SearchChoice] => entry[1] !== undefined);
  return (
    <FilterForm
      filter={filter}
      facets={labelled}
      otherStates={otherStates}
      activeCount={activeCount}
      action={action}
      sortable={sortable}
      searchWords={Object.fromEntries(searched.map(([param, choice]) => [param, choice.words]))}
      searchMatches={Object.fromEntries(searched.map(([param, choice]) => [param, <SearchMatches key={param} param={param} choice={choice} />]))}
      textFields={<TextFields filter={filter} />}
    />
  );
}

/**
 * The words and the date range: plain fields that the form reads when it is submitted
 * (filter-form.tsx), keyed by the filter's values so that a new filter resets them.
 */
function TextFields({ filter }: { filter: Filter }) {
  return (
    <>
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
            <input id="filter-from" name="from" inputMode="numeric" pattern={PARTIAL_DATE_INPUT_PATTERN} aria-describedby="date-hint" defaultValue={filter.from ?? ""} key={`from-${filter.from ?? ""}`} />
          </div>
          <div className={styles.field}>
            <label htmlFor="filter-to">To</label>
            <input id="filter-to" name="to" inputMode="numeric" pattern={PARTIAL_DATE_INPUT_PATTERN} aria-describedby="date-hint" defaultValue={filter.to ?? ""} key={`to-${filter.to ?? ""}`} />
          </div>
        </div>
      </fieldset>
      <button type="submit" className={styles.apply}>
        Apply
      </button>
    </>
  );
}

/** What a search field's submitted words matched: links that set the filter, or that nothing did. */
function SearchMatches({ param, choice }: { param: SearchedParam; choice: SearchChoice }) {
  const { one, many, retry } = SEARCH_FIELDS[param];
  if (choice.matches.length === 0) {
    return (
      <p className={styles.matches} role="status">
        No {one} matches “{choice.words}”. {retry}
      </p>
    );
  }
  const more = choice.total - choice.matches.length;
  const headingId = `${param}-matches-heading`;
  return (
    <div className={styles.matches}>
      <p id={headingId}>
        {choice.total.toLocaleString("en-US")} {many} match “{choice.words}”{more > 0 ? `; the first ${choice.matches.length} are listed, type more words to narrow them` : ""}. Choose one:
      </p>
      <ul aria-labelledby={headingId}>
        {choice.matches.map((match) => (
          <li key={match.value}>
            <Link href={match.href}>{match.label}</Link> {match.detail && <span className={styles.detail}>{match.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
