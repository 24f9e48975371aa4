// The active filters as removable chips, each with the link that removes it; and, when
// nothing matches, which filter to loosen first.
import { formatPartialDate } from "@/lib/dates/partial-date";
import { DEMAND_OUTCOME_LABELS, demandCategoryLabel } from "@/lib/demands/labels";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { hrefWithFilter, type Filter } from "@/lib/filters/schema";
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

export function describeActiveFilters(filter: Filter, lawsuitNames: Map<string, string> = new Map()): ActiveFilter[] {
  const base: Filter = { ...filter, cursor: undefined };
  const chips: ActiveFilter[] = [];
  const add = (label: string, value: string, without: Filter) => chips.push({ label, value, without, removeHref: hrefWithFilter("/", without) });

  for (const code of filter.state) {
    const state = filter.state.filter((s) => s !== code);
    add("State", getJurisdictionName(code), { ...base, state, match: state.length > 1 ? filter.match : "any" });
  }
  if (filter.state.length > 1 && filter.match === "all") add("Match", "joined by all", { ...base, match: "any" });
  if (filter.role) add("Role", filter.role === "lead" ? "led" : filter.role, { ...base, role: undefined });
  for (const kind of filter.kind) add("Kind", FILING_KIND_LABELS[kind], { ...base, kind: filter.kind.filter((k) => k !== kind) });
  if (filter.lawsuit) add("Lawsuit", lawsuitNames.get(filter.lawsuit) ?? filter.lawsuit, { ...base, lawsuit: undefined });
  if (filter.demandCategory) add("Demand", demandCategoryLabel(filter.demandCategory), { ...base, demandCategory: undefined });
  if (filter.outcome) add("Outcome", DEMAND_OUTCOME_LABELS[filter.outcome], { ...base, outcome: undefined });
  if (filter.from) add("From", formatPartialDate(filter.from), { ...base, from: undefined });
  if (filter.to) add("To", formatPartialDate(filter.to), { ...base, to: undefined });
  if (filter.q) add("Words", `“${filter.q}”`, { ...base, q: undefined });
  return chips;
}

/** The view with every filter removed, keeping the order. */
export function clearAllHref(filter: Filter): string {
  return hrefWithFilter("/", { sort: filter.sort });
}
