import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { CoalitionMatrix } from "@/components/insights/coalition-matrix";
import { FilingsOverTimeChart } from "@/components/insights/filings-over-time-chart";
import { OutcomesChart } from "@/components/insights/outcomes-chart";
import { TopPartners } from "@/components/insights/top-partners";
import { ActiveFilters } from "@/components/timeline/active-filters";
import { IgnoredFilters } from "@/components/timeline/ignored-filters";
import { FilterPanel } from "@/components/timeline/filter-panel";
import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { UsMap } from "@/components/us-map";
import { EMPTY_FILTER, hrefWithFilter, isFiltered, parsePageQuery, type Filter } from "@/lib/filters/schema";
import { getInsights, type JurisdictionActivity } from "@/lib/insights/queries";
import { insightsHref, MAP_MEASURES, parseInsightsView, type MapMeasure } from "@/lib/insights/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { boundLawsuitFacet, resolveLawsuitWords } from "@/lib/lawsuits/filter";
import { getTimelineFacets } from "@/lib/timeline/queries";
import { plural } from "@/lib/text";
import { describeActiveFilters } from "@/lib/timeline/summary";

import styles from "./page.module.css";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { filter } = parsePageQuery(await searchParams);
  const title = isFiltered(filter) ? "Insights into the filtered filings" : "Insights";
  return {
    title,
    description: "Filings per month by kind, the states that joined them, which states join together, and what became of their demands.",
    openGraph: { title, type: "website" },
  };
}

const MAP_LABELS: Record<MapMeasure, string> = { joined: "Filings joined", led: "Filings led" };

export default async function InsightsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // As on the timeline: a bad parameter costs the reader nothing but that filter.
  const query = parsePageQuery(params);
  const filter: Filter = { ...query.filter, cursor: undefined };
  const view = parseInsightsView(params);
  // Words typed in the lawsuit search field: one match becomes the filter's lawsuit id.
  const lawsuitWords = await resolveLawsuitWords(query.lawsuitWords, (lawsuit) => insightsHref({ ...filter, lawsuit }, view));
  if (lawsuitWords && "lawsuit" in lawsuitWords) redirect(insightsHref({ ...filter, lawsuit: lawsuitWords.lawsuit }, view));
  const [insights, allFacets] = await Promise.all([getInsights(filter, view), getTimelineFacets(filter)]);
  const { facets, names: lawsuitNames } = await boundLawsuitFacet(filter.lawsuit, allFacets);
  // The timeline's chips, leading back to this page rather than to the timeline.
  const chips = describeActiveFilters(filter, lawsuitNames).map((chip) => ({ ...chip, removeHref: insightsHref(chip.without, view) }));
  const { total, activity, topPartners } = insights;
  const partnersName = topPartners ? topPartners.of.name : null;

  return (
    <>
      <h1>Insights</h1>
      <p className="lede">
        The filings on the timeline as pictures: when they were filed, which states and territories joined them and with whom, and what became of what they asked for. Every
        picture follows the filters, and each has its numbers as a table.
      </p>
      <IgnoredFilters problems={query.problems} />

      <div className={styles.layout}>
        <aside className={styles.sidebar} aria-label="Filters">
          <FilterPanel
            filter={filter}
            facets={facets}
            activeCount={chips.length}
            action="/insights"
            sortable={false}
            lawsuitChoice={lawsuitWords && "choice" in lawsuitWords ? lawsuitWords.choice : null}
          />
        </aside>

        <div className={styles.content}>
          <ActiveFilters chips={chips} clearHref={insightsHref(EMPTY_FILTER, view)} />
          <p className={styles.count}>
            <strong aria-live="polite">{plural(total, "filing")}</strong>
            {isFiltered(filter) ? " match these filters" : " in all"}
            {total > 0 && (
              <>
                {" · "}
                <Link href={hrefWithFilter("/", filter)}>See {total === 1 ? "it" : "them"} on the timeline</Link>
              </>
            )}
          </p>

          {total === 0 ? (
            <div className={styles.empty}>
              <p>
                <strong>No filings match these filters, so there is nothing to draw.</strong>
              </p>
              <p>
                <Link href={insightsHref(EMPTY_FILTER, view)}>See insights into all filings</Link>
              </p>
            </div>
          ) : (
            <>
              <section className={styles.section} aria-labelledby="over-time-heading">
                <h2 id="over-time-heading">{insights.overTime.unit === "month" ? "Filings per month" : "Filings per year"}</h2>
                <FilingsOverTimeChart id="over-time" data={insights.overTime} total={total} />
              </section>

              <section className={styles.section} aria-labelledby="map-heading">
                <h2 id="map-heading">Where they came from</h2>
                {activity.length === 0 ? (
                  <p>No state or territory joined any of these filings.</p>
                ) : (
                  <>
                    <p className={styles.sectionLede}>
                      {insights.withJurisdictions} of the {plural(total, "filing")} {insights.withJurisdictions === 1 ? "was" : "were"} joined by states or territories through
                      their attorneys general; {plural(activity.length, "jurisdiction")} took part.
                    </p>
                    <nav aria-label="What the map shows" className={styles.options}>
                      {MAP_MEASURES.map((measure) => (
                        <Link key={measure} href={insightsHref(filter, { ...view, map: measure }, "map-heading")} aria-current={view.map === measure ? "true" : undefined} scroll={false}>
                          {MAP_LABELS[measure]}
                        </Link>
                      ))}
                    </nav>
                    <div className={styles.map}>
                      <UsMap
                        mode="counts"
                        title={view.map === "led" ? "Filings each state or territory led" : "Filings each state or territory joined, in any role"}
                        description={
                          view.map === "led"
                            ? `${plural(activity.filter((a) => a.led > 0).length, "jurisdiction")} led at least one of these filings; darker means more.`
                            : `${plural(activity.length, "jurisdiction")} joined at least one of these filings; darker means more.`
                        }
                        highlighted={activity.map((a) => ({ code: a.code, count: view.map === "led" ? a.led : a.joined }))}
                      />
                    </div>
                    <details className={styles.tableToggle}>
                      <summary>Show as table</summary>
                      <ActivityTable activity={activity} />
                    </details>
                  </>
                )}
              </section>

              {activity.length > 0 && (
                <section className={styles.section} aria-labelledby="coalitions-heading" id="coalitions">
                  <h2 id="coalitions-heading">Who joins with whom</h2>
                  <p className={styles.sectionLede}>
                    How many of these filings each pair of jurisdictions joined together. Darker cells: more filings together. The diagonal holds each one’s filings in all.
                  </p>
                  <CoalitionMatrix matrix={insights.matrix} filter={filter} view={view} partnersName={partnersName} />

                  {topPartners && (
                    <>
                      <h3 id="partners-heading" className={styles.subheading}>
                        Top partners of {topPartners.of.name}
                      </h3>
                      {insights.partnersOfInactive && (
                        <p className={styles.notice}>
                          {getJurisdictionName(insights.partnersOfInactive)} joined none of these filings; showing the partners of {topPartners.of.name} instead.
                        </p>
                      )}
                      <TopPartners partners={topPartners} activity={activity} filter={filter} view={view} />
                    </>
                  )}
                </section>
              )}

              <section className={styles.section} aria-labelledby="outcomes-heading">
                <h2 id="outcomes-heading">What they asked for, and what came of it</h2>
                {insights.outcomes.total === 0 ? (
                  <p>None of these filings records a demand.</p>
                ) : (
                  <>
                    <p className={styles.sectionLede}>
                      Every demand these filings make, by category and outcome. A filing chosen for one demand counts with all of its demands.
                    </p>
                    <OutcomesChart id="outcomes" data={insights.outcomes} />
                  </>
                )}
              </section>
            </>
          )}
        </div>
      </div>
    </>
  );
}

function ActivityTable({ activity }: { activity: JurisdictionActivity[] }) {
  const withCoLeads = activity.some((a) => a.coLed > 0);
  return (
    <TableScroll labelledBy="activity-caption">
      <table className={tableStyles.table}>
        <caption id="activity-caption">Filings each jurisdiction joined and led, most first</caption>
        <thead>
          <tr>
            <th scope="col">Jurisdiction</th>
            <th scope="col" className={tableStyles.number}>
              Joined (any role)
            </th>
            <th scope="col" className={tableStyles.number}>
              Led
            </th>
            {withCoLeads && (
              <th scope="col" className={tableStyles.number}>
                Co-led
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {activity.map((a) => (
            <tr key={a.code}>
              <th scope="row">
                <Link href={`/states/${a.code}`}>{a.name}</Link>
              </th>
              <td className={tableStyles.number}>{a.joined}</td>
              <td className={a.led ? tableStyles.number : `${tableStyles.number} ${tableStyles.muted}`}>{a.led}</td>
              {withCoLeads && <td className={a.coLed ? tableStyles.number : `${tableStyles.number} ${tableStyles.muted}`}>{a.coLed}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
