import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { ActiveFilters } from "@/components/timeline/active-filters";
import { RESULTS_ANCHOR } from "@/components/timeline/anchors";
import { IgnoredFilters } from "@/components/timeline/ignored-filters";
import { ExportLinks } from "@/components/timeline/export-links";
import { FilterPanel } from "@/components/timeline/filter-panel";
import { Pagination } from "@/components/timeline/pagination";
import { TimelineResults } from "@/components/timeline/timeline-results";
import { hrefWithFilter, isFiltered, parsePageQuery, type Filter } from "@/lib/filters/schema";
import { feedPath } from "@/lib/feeds/paths";
import { getCodedNames } from "@/lib/coding/filter-names";
import { boundLawsuitFacet } from "@/lib/lawsuits/filter";
import { absoluteUrl } from "@/lib/site";
import { countTimeline, getTimeline } from "@/lib/timeline/queries";
import { resolveSearchWords } from "@/lib/timeline/search-words";
import { clearAllHref, describeActiveFilters } from "@/lib/timeline/summary";
import { isView, VIEW_PARAM } from "@/lib/timeline/views";

import styles from "./timeline.module.css";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { filter } = parsePageQuery(await searchParams);
  const title = filter.q ? `Filings matching “${filter.q}”` : isFiltered(filter) ? "Filtered timeline" : "Timeline of multistate filings";
  return {
    title: { absolute: `${title} · Docketline` },
    description: "Lawsuits, motions, briefs, letters and orders in multistate litigation, with the states that joined each one and what they demanded.",
    openGraph: { title, type: "website" },
    alternates: {
      canonical: hrefWithFilter("/", filter),
      types: { "application/atom+xml": [{ url: await absoluteUrl(feedPath(filter)), title: "Atom feed of these filings" }] },
    },
  };
}

export default async function TimelinePage({ searchParams }: { searchParams: SearchParams }) {
  // A bad parameter in a shared link should not cost the reader the page: show what
  // can be shown with the good ones, and say what was ignored (with a 400, proxy.ts).
  const query = await searchParams;
  const { filter, words, problems } = parsePageQuery(query);
  // Words typed in a search field (a lawsuit, a policy, an agency): one match becomes the
  // filter's value. The reader's choice of view (list or timeline) goes with it.
  const requested = query[VIEW_PARAM];
  const view = typeof requested === "string" && isView(requested) ? requested : null;
  const hrefFor = (f: Filter) => {
    if (!view) return hrefWithFilter("/", f);
    const url = new URL(hrefWithFilter("/", f), "http://docketline.invalid");
    url.searchParams.set(VIEW_PARAM, view);
    return `${url.pathname}${url.search}`;
  };
  const searched = await resolveSearchWords(words, filter, hrefFor);
  if ("redirect" in searched) redirect(searched.redirect);
  const [{ page, facets: allFacets }, codedNames] = await Promise.all([getTimeline(filter), getCodedNames(filter)]);
  const { facets, names: lawsuitNames } = await boundLawsuitFacet(filter.lawsuit, allFacets);
  const chips = describeActiveFilters(filter, new Map([...lawsuitNames, ...codedNames]));
  // Only when nothing matches: how many each filter's removal would bring back.
  const loosened = page.total === 0 ? await Promise.all(chips.map(async (chip) => ({ chip, count: await countTimeline(chip.without) }))) : [];
  const newestFirst = filter.sort !== "oldest";

  return (
    <>
      <h1 className={styles.title}>{filter.q ? <>Filings matching “{filter.q}”</> : "Timeline of multistate filings"}</h1>
      <p className="lede">
        Lawsuits, motions, briefs, letters and orders, with the states that joined each one through their attorneys general, and what they demanded.
      </p>
      <IgnoredFilters problems={problems} />
      <div className={styles.layout}>
        <aside className={styles.sidebar} aria-label="Filters">
          <FilterPanel filter={filter} facets={facets} activeCount={chips.length} searchChoices={searched.choices} />
        </aside>
        <section className={styles.results} aria-labelledby="results-heading">
          <ActiveFilters chips={chips} clearHref={clearAllHref(filter)} />
          <div className={styles.resultsBar}>
            <h2 id="results-heading" className={styles.count} aria-live="polite">
              {page.total.toLocaleString("en-US")} {page.total === 1 ? "filing" : "filings"}
              {page.items.length < page.total && page.items.length > 0 ? <span className={styles.range}> · showing {page.items.length}</span> : null}
            </h2>
            <nav aria-label="Order" className={styles.sort}>
              <a href={hrefWithFilter("/", { ...filter, cursor: undefined, sort: "newest" })} aria-current={newestFirst ? "true" : undefined}>
                Newest first
              </a>
              <a href={hrefWithFilter("/", { ...filter, cursor: undefined, sort: "oldest" })} aria-current={!newestFirst ? "true" : undefined}>
                Oldest first
              </a>
            </nav>
          </div>
          <ExportLinks filter={filter} />
          {page.items.length > 0 ? (
            <TimelineResults items={page.items} />
          ) : (
            <div className={styles.empty} id={RESULTS_ANCHOR} tabIndex={-1}>
              <p>
                <strong>No filings match {isFiltered(filter) ? "these filters" : "yet"}.</strong>
              </p>
              {loosened.length > 0 && (
                <>
                  <p>Try loosening one of them:</p>
                  <ul>
                    {loosened
                      .sort((a, b) => b.count - a.count)
                      .map(({ chip, count }) => (
                        <li key={chip.removeHref}>
                          <a href={chip.removeHref}>
                            Remove {chip.label.toLowerCase()} {chip.value}
                          </a>{" "}
                          ({count} {count === 1 ? "filing" : "filings"})
                        </li>
                      ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <Pagination
            newestFirst={newestFirst}
            previousHref={page.previous ? hrefWithFilter("/", { ...filter, cursor: page.previous }) : null}
            nextHref={page.next ? hrefWithFilter("/", { ...filter, cursor: page.next }) : null}
          />
        </section>
      </div>
    </>
  );
}
