// The timeline's lawsuit filter at any size of the collection: words typed in the
// lawsuit search field resolve to a lawsuit (or to a short list of them), and the
// filter panel lists only the selected lawsuit and a few top ones, never all of them.
// Used by every page that shows the filter panel (the timeline, insights).
import "server-only";

import { db } from "@/lib/db/client";
import { searchLawsuits } from "@/lib/lawsuits/search";
import type { FacetValue, TimelineFacets } from "@/lib/timeline/queries";

/** The lawsuits with the most filings under the current filter that the panel lists. */
export const TOP_LAWSUIT_OPTIONS = 5;

/** A lawsuit offered for words that fit several. */
export interface LawsuitMatch {
  id: string;
  caseNameShort: string;
  docketNumber: string;
  court: string;
  /** The current view filtered by this lawsuit. */
  href: string;
}

/** What the lawsuit search words of a page's query came to, when they did not name one lawsuit. */
export interface LawsuitChoice {
  words: string;
  /** The best matches, at most LAWSUIT_SEARCH_LIMIT; empty when nothing matches. */
  matches: LawsuitMatch[];
  /** Every match. */
  total: number;
}

export type LawsuitWordsOutcome = { lawsuit: string } | { choice: LawsuitChoice } | null;

/**
 * The lawsuit the page's `lawsuitq` words (parsePageQuery) name: one match is that lawsuit (the page
 * redirects to the filter with its id); several or none become a choice to show. Null
 * when there are no words.
 */
export async function resolveLawsuitWords(
  words: string | undefined,
  hrefFor: (lawsuit: string) => string,
): Promise<LawsuitWordsOutcome> {
  if (!words) return null;
  const { matches, total } = await searchLawsuits(words);
  if (total === 1) return { lawsuit: matches[0].id };
  return {
    choice: {
      words,
      total,
      matches: matches.map((m) => ({ id: m.id, caseNameShort: m.caseNameShort, docketNumber: m.docketNumber, court: m.court, href: hrefFor(m.id) })),
    },
  };
}

/**
 * The facets with the lawsuit facet cut to the selected lawsuit and the top few, and the
 * names of the lawsuits the page mentions (for the active filter chips). A selected
 * lawsuit with no filing under the other filters is still named.
 */
export async function boundLawsuitFacet(selected: string | undefined, facets: TimelineFacets): Promise<{ facets: TimelineFacets; names: Map<string, string> }> {
  const top = facets.lawsuit.slice(0, TOP_LAWSUIT_OPTIONS);
  let chosen: FacetValue | undefined;
  if (selected && !top.some((l) => l.value === selected)) {
    chosen = facets.lawsuit.find((l) => l.value === selected);
    if (!chosen) {
      const lawsuit = await db.lawsuit.findUnique({ where: { id: selected, isPublic: true }, select: { caseNameShort: true } });
      if (lawsuit) chosen = { value: selected, label: lawsuit.caseNameShort, count: 0 };
    }
  }
  const lawsuit = chosen ? [chosen, ...top] : top;
  return { facets: { ...facets, lawsuit }, names: new Map(lawsuit.map((l) => [l.value, l.label ?? l.value])) };
}
