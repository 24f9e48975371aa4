// Words typed in the filter panel's search fields (`lawsuitq`, `policyq`, `agencyq`,
// SEARCH_WORDS_PARAMS) as a page's query holds them when the form was submitted without
// JavaScript: words that fit one lawsuit, policy or agency become that filter (the page
// redirects to it, so that a shared link names the value, not a search); words that fit
// several, or none, become a choice the panel shows. Used by every page that shows the
// filter panel (the timeline, insights).
import "server-only";

import { searchAgencies, searchPolicies } from "@/lib/coding/search";
import { agencyMatch, policyMatch } from "@/lib/coding/search-matches";
import { SEARCH_WORDS_PARAMS, SEARCHED_PARAMS, type Filter, type PageQuery, type SearchedParam } from "@/lib/filters/schema";
import { searchLawsuits } from "@/lib/lawsuits/search";

/** A value offered for words that fit several. */
export interface SearchMatch {
  /** The filter's value: a lawsuit's or policy's id, an agency's name. */
  value: string;
  label: string;
  /** What tells it apart: a docket number and court, a policy's agencies, an agency's lawsuits. */
  detail: string;
  /** The current view filtered by this value. */
  href: string;
}

/** What a search field's words came to, when they did not name one value. */
export interface SearchChoice {
  words: string;
  /** The best matches; empty when nothing matches. */
  matches: SearchMatch[];
  /** Every match. */
  total: number;
}

export type SearchChoices = Partial<Record<SearchedParam, SearchChoice>>;

type Found = { total: number; matches: { value: string; label: string; detail: string }[] };

/** Each search field's server search, its matches as values of its filter. */
const SEARCHES: Record<SearchedParam, (words: string) => Promise<Found>> = {
  lawsuit: async (words) => {
    const { matches, total } = await searchLawsuits(words);
    return { total, matches: matches.map((m) => ({ value: m.id, label: m.caseNameShort, detail: `No. ${m.docketNumber} (${m.court})` })) };
  },
  policy: async (words) => {
    const { matches, total } = await searchPolicies(words);
    return { total, matches: matches.map(policyMatch) };
  },
  agency: async (words) => {
    const { matches, total } = await searchAgencies(words);
    return { total, matches: matches.map(agencyMatch) };
  },
};

/**
 * The page's search words resolved: `redirect` when some named one value each (the
 * filter with those values, and the words of the others still to choose from), else the
 * choices to show. `hrefFor` is the page's own link for a filter.
 */
export async function resolveSearchWords(
  words: PageQuery["words"],
  filter: Filter,
  hrefFor: (filter: Filter) => string,
): Promise<{ redirect: string } | { choices: SearchChoices }> {
  const searched = SEARCHED_PARAMS.filter((param) => words[param] !== undefined);
  const found = await Promise.all(searched.map((param) => SEARCHES[param](words[param]!)));
  const chosen: Partial<Filter> = {};
  const choices: SearchChoices = {};
  searched.forEach((param, index) => {
    const { total, matches } = found[index];
    if (total === 1) chosen[param] = matches[0].value;
    else choices[param] = { words: words[param]!, total, matches: matches.map((m) => ({ ...m, href: hrefFor({ ...filter, [param]: m.value, cursor: undefined }) })) };
  });
  if (Object.keys(chosen).length === 0) return { choices };
  // The page's own link is a path; parsed against any origin to add the words of the searches still open.
  const url = new URL(hrefFor({ ...filter, ...chosen, cursor: undefined }), "http://docketline.invalid");
  for (const param of Object.keys(choices) as SearchedParam[]) url.searchParams.set(SEARCH_WORDS_PARAMS[param], choices[param]!.words);
  return { redirect: `${url.pathname}${url.search}` };
}
