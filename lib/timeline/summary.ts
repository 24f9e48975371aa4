// The active filters as removable chips, each with the link that removes it; and, when
// nothing matches, which filter to loosen first.
import { formatPartialDate } from "@/lib/dates/partial-date";
import { DEMAND_OUTCOME_LABELS, demandCategoryLabel, type DemandOutcome } from "@/lib/demands/labels";
import { FILING_KIND_LABELS, type FilingKind } from "@/lib/filings/kinds";
import { hrefWithFilter, type Filter, type FilterKey } from "@/lib/filters/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";

export interface ActiveFilter {
  /** "State", "Kind", "Words"… */
  label: string;
  value: string;
  /** The same view without this filter (and from the first page). */
  removeHref: string;
  /** The filter without this value, for counting what loosening it would show. */
  without: Filter;
}

type Described = Exclude<FilterKey, "sort" | "cursor">;

/**
 * How each filter reads as a chip: its label and its value in words. Keyed by every
 * parameter that narrows or qualifies the filter (FILTER_PARAMS), so that a new filter
 * cannot be added without saying how it reads. `match` reads only with several states.
 */
const CHIPS: { [K in Described]: { label: string; value: (value: string, lawsuitNames: Map<string, string>, filter: Filter) => string | null } } = {
  state: { label: "State", value: (code) => getJurisdictionName(code) },
  match: { label: "Match", value: (match, _, filter) => (filter.state.length > 1 && match === "all" ? "joined by all" : null) },
  role: { label: "Role", value: (role) => (role === "lead" ? "led" : role) },
  lawsuit: { label: "Lawsuit", value: (id, lawsuitNames) => lawsuitNames.get(id) ?? id },
  kind: { label: "Kind", value: (kind) => FILING_KIND_LABELS[kind as FilingKind] },
  demandCategory: { label: "Demand", value: (category) => demandCategoryLabel(category) },
  outcome: { label: "Outcome", value: (outcome) => DEMAND_OUTCOME_LABELS[outcome as DemandOutcome] },
  from: { label: "From", value: (date) => formatPartialDate(date) },
  to: { label: "To", value: (date) => formatPartialDate(date) },
  q: { label: "Words", value: (words) => `“${words}”` },
};

/** The filter without one of its values (and from the first page); without a state, `match` as it then means. */
function withoutValue(filter: Filter, key: Described, value: string): Filter {
  const base: Filter = { ...filter, cursor: undefined };
  const current = filter[key];
  if (!Array.isArray(current)) return { ...base, [key]: key === "match" ? "any" : undefined };
  const rest = current.filter((v) => v !== value);
  return key === "state" ? { ...base, state: rest, match: rest.length > 1 ? filter.match : "any" } : { ...base, [key]: rest };
}

export function describeActiveFilters(filter: Filter, lawsuitNames: Map<string, string> = new Map()): ActiveFilter[] {
  const chips: ActiveFilter[] = [];
  for (const key of Object.keys(CHIPS) as Described[]) {
    const current = filter[key];
    for (const value of Array.isArray(current) ? current : current ? [current] : []) {
      const words = CHIPS[key].value(value, lawsuitNames, filter);
      if (words === null) continue;
      const without = withoutValue(filter, key, value);
      chips.push({ label: CHIPS[key].label, value: words, without, removeHref: hrefWithFilter("/", without) });
    }
  }
  return chips;
}

/** The view with every filter removed, keeping the order. */
export function clearAllHref(filter: Filter): string {
  return hrefWithFilter("/", { sort: filter.sort });
}
