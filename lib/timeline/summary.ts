// The active filters as removable chips, each with the link that removes it; and, when
// nothing matches, which filter to loosen first.
import { codeLabel, OUTCOME_CLASS_CODES, RELIEF_KIND_CODES, RELIEF_STATUS_CODES, STATE_SIDE_CODES } from "@/lib/coding/labels";
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
const CHIPS: { [K in Described]: { label: string; value: (value: string, names: Map<string, string>, filter: Filter) => string | null } } = {
  state: { label: "State", value: (code) => getJurisdictionName(code) },
  match: { label: "Match", value: (match, _, filter) => (filter.state.length > 1 && match === "all" ? "joined by all" : null) },
  role: { label: "Role", value: (role) => (role === "lead" ? "led" : role) },
  side: { label: "Side", value: (side) => codeLabel(STATE_SIDE_CODES, side) },
  lawsuit: { label: "Lawsuit", value: (id, names) => names.get(id) ?? id },
  issueArea: { label: "Issue area", value: (slug, names) => names.get(codedNameKey("issueArea", slug)) ?? slug },
  policy: { label: "Policy", value: (id, names) => names.get(codedNameKey("policy", id)) ?? id },
  agency: { label: "Agency", value: (agency) => agency },
  administration: { label: "Administration", value: (id, names) => names.get(codedNameKey("administration", id)) ?? id },
  lawsuitOutcome: { label: "Lawsuit outcome", value: (outcome) => codeLabel(OUTCOME_CLASS_CODES, outcome) },
  relief: { label: "Relief", value: (relief) => codeLabel(RELIEF_KIND_CODES, relief) },
  reliefStatus: { label: "Relief status", value: (status) => codeLabel(RELIEF_STATUS_CODES, status) },
  kind: { label: "Kind", value: (kind) => FILING_KIND_LABELS[kind as FilingKind] },
  demandCategory: { label: "Demand", value: (category) => demandCategoryLabel(category) },
  outcome: { label: "Outcome", value: (outcome) => DEMAND_OUTCOME_LABELS[outcome as DemandOutcome] },
  from: { label: "From", value: (date) => formatPartialDate(date) },
  to: { label: "To", value: (date) => formatPartialDate(date) },
  q: { label: "Words", value: (words) => `“${words}”` },
};

/** The coded values a chip names from the database: issue areas, policies, administrations. */
export type NamedCodedParam = "issueArea" | "policy" | "administration";

/**
 * The key of a coded value's name in the names describeActiveFilters takes, beside the
 * lawsuits' names keyed by their ids (slugs, which hold no colon).
 */
export const codedNameKey = (param: NamedCodedParam, value: string): string => `${param}:${value}`;

/** The filter without one of its values (and from the first page); without a state, `match` as it then means. */
function withoutValue(filter: Filter, key: Described, value: string): Filter {
  const base: Filter = { ...filter, cursor: undefined };
  const current = filter[key];
  if (!Array.isArray(current)) return { ...base, [key]: key === "match" ? "any" : undefined };
  const rest = current.filter((v) => v !== value);
  return key === "state" ? { ...base, state: rest, match: rest.length > 1 ? filter.match : "any" } : { ...base, [key]: rest };
}

/** `names`: lawsuits' short names by id, and coded values' names by codedNameKey. */
export function describeActiveFilters(filter: Filter, names: Map<string, string> = new Map()): ActiveFilter[] {
  const chips: ActiveFilter[] = [];
  for (const key of Object.keys(CHIPS) as Described[]) {
    const current = filter[key];
    for (const value of Array.isArray(current) ? current : current ? [current] : []) {
      const words = CHIPS[key].value(value, names, filter);
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
