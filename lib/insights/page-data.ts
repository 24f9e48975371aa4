// What both pages of insights (/insights and /insights/coalitions) read for a query: the
// filter, the insights under it, the filter panel's facets and the active filter chips,
// every link leading back to the same page.
import "server-only";

import { redirect } from "next/navigation";

import { getCodedNames } from "@/lib/coding/filter-names";
import type { Filter, PageQuery } from "@/lib/filters/schema";
import { getCodingInsights, type CodingInsights } from "@/lib/insights/coding";
import { getInsights, type Insights } from "@/lib/insights/queries";
import type { InsightsView } from "@/lib/insights/schema";
import { boundLawsuitFacet } from "@/lib/lawsuits/filter";
import { getTimelineFacets, type TimelineFacets } from "@/lib/timeline/queries";
import { resolveSearchWords, type SearchChoices } from "@/lib/timeline/search-words";
import { describeActiveFilters, type ActiveFilter } from "@/lib/timeline/summary";

export interface InsightsPageData {
  filter: Filter;
  insights: Insights;
  /** The research coding's insights, on the page that shows them (/insights); else null. */
  coding: CodingInsights | null;
  facets: TimelineFacets;
  chips: ActiveFilter[];
  /** Search words that named several lawsuits, policies or agencies, or none. */
  searchChoices: SearchChoices;
}

/** `hrefFor` builds the page's own link for another filter (its view kept). */
export async function getInsightsPageData(
  query: PageQuery,
  view: InsightsView,
  hrefFor: (filter: Filter) => string,
  shows: { pairs: boolean; coding: boolean },
): Promise<InsightsPageData> {
  const filter: Filter = { ...query.filter, cursor: undefined };
  // Words typed in a search field (a lawsuit, a policy, an agency): one match becomes the filter's value.
  const searched = await resolveSearchWords(query.words, filter, hrefFor);
  if ("redirect" in searched) redirect(searched.redirect);
  const [insights, allFacets, codedNames, coding] = await Promise.all([
    getInsights(filter, view, shows),
    getTimelineFacets(filter),
    getCodedNames(filter),
    shows.coding ? getCodingInsights(filter) : null,
  ]);
  const { facets, names: lawsuitNames } = await boundLawsuitFacet(filter.lawsuit, allFacets);
  // The timeline's chips, leading back to this page rather than to the timeline.
  const chips = describeActiveFilters(filter, new Map([...lawsuitNames, ...codedNames])).map((chip) => ({ ...chip, removeHref: hrefFor(chip.without) }));
  return { filter, insights, coding, facets, chips, searchChoices: searched.choices };
}
