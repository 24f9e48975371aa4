import type { Metadata } from "next";
import Link from "next/link";

import { CoalitionMatrix } from "@/components/insights/coalition-matrix";
import { InsightsFrame } from "@/components/insights/insights-frame";
import styles from "@/components/insights/insights-page.module.css";
import { TopPartners } from "@/components/insights/top-partners";
import { EMPTY_FILTER, isFiltered, parsePageQuery } from "@/lib/filters/schema";
import { getInsightsPageData } from "@/lib/insights/page-data";
import { COALITIONS_PATH, coalitionsHref, insightsHref, parseInsightsView } from "@/lib/insights/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const params = await searchParams;
  const { filter } = parsePageQuery(params);
  const title = isFiltered(filter) ? "Who joins with whom, in the filtered filings" : "Who joins with whom";
  return {
    title,
    description: "Which states and territories join the same filings: the coalition matrix of every pair, and each one's top partners.",
    openGraph: { title, type: "website" },
    alternates: { canonical: coalitionsHref(filter, parseInsightsView(params)) },
  };
}

export default async function CoalitionsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // As on the timeline: a bad parameter costs the reader nothing but that filter.
  const query = parsePageQuery(params);
  const view = parseInsightsView(params);
  const data = await getInsightsPageData(query, view, (filter) => coalitionsHref(filter, view), { pairs: true, coding: false });
  const { filter, insights } = data;
  const { activity, topPartners } = insights;

  return (
    <InsightsFrame
      title="Who joins with whom"
      lede={
        <>
          Which states and territories join the same filings through their attorneys general, pair by pair, and each one’s most frequent partners. It follows the filters, like the
          other <Link href={insightsHref(filter)}>insights</Link>.
        </>
      }
      path={COALITIONS_PATH}
      data={data}
      problems={query.problems}
      clearHref={coalitionsHref(EMPTY_FILTER, view)}
    >
      {activity.length === 0 ? (
        <p>No state or territory joined any of these filings.</p>
      ) : (
        <>
          <section className={styles.section} aria-labelledby="coalitions-heading" id="coalitions">
            <h2 id="coalitions-heading">The coalition matrix</h2>
            <p className={styles.sectionLede}>
              How many of these filings each pair of jurisdictions joined together. Darker cells: more filings together. The diagonal holds each one’s filings in all.
            </p>
            <CoalitionMatrix matrix={insights.matrix} filter={filter} view={view} partnersName={topPartners ? topPartners.of.name : null} />
          </section>

          {topPartners && (
            <section className={styles.section} aria-labelledby="partners-heading">
              <h2 id="partners-heading">Top partners of {topPartners.of.name}</h2>
              {insights.partnersOfInactive && (
                <p className={styles.notice}>
                  {getJurisdictionName(insights.partnersOfInactive)} joined none of these filings; showing the partners of {topPartners.of.name} instead.
                </p>
              )}
              <TopPartners partners={topPartners} activity={activity} filter={filter} view={view} />
            </section>
          )}
        </>
      )}
    </InsightsFrame>
  );
}
