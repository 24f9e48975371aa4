// The timeline's lawsuit filter at any size of the collection: the filter panel lists
// only the selected lawsuit and a few top ones, never all of them; the others are found
// by the search field (lib/timeline/search-words.ts). Used by every page that shows the
// filter panel (the timeline, insights).
import "server-only";

import { db } from "@/lib/db/client";
import { TOP_LAWSUIT_OPTIONS, type FacetValue, type TimelineFacets } from "@/lib/timeline/queries";

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
