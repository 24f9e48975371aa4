import type { Metadata } from "next";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";

import { BothSidesList, StateRecordsTable, TimeToInjunctionTable } from "@/components/insights/coding-insights";
import { FilingsOverTimeChart } from "@/components/insights/filings-over-time-chart";
import { InsightsFrame } from "@/components/insights/insights-frame";
import styles from "@/components/insights/insights-page.module.css";
import { OutcomeSharesChart } from "@/components/insights/outcome-shares-chart";
import { OutcomesChart } from "@/components/insights/outcomes-chart";
import { CountsTable, type CountsColumn } from "@/components/ui/counts-table";
import { TableScroll } from "@/components/ui/table-scroll";
import { UsMap } from "@/components/us-map";
import { htmlPath } from "@/lib/api/paths";
import { EMPTY_FILTER, isFiltered, parsePageQuery } from "@/lib/filters/schema";
import type { CodingInsights } from "@/lib/insights/coding";
import { getInsightsPageData } from "@/lib/insights/page-data";
import type { JurisdictionActivity } from "@/lib/insights/queries";
import { COALITION_VIEW_PARAMS, COALITIONS_PATH, coalitionsHref, INSIGHTS_PATH, insightsHref, MAP_MEASURES, parseInsightsView, type MapMeasure } from "@/lib/insights/schema";
import { plural } from "@/lib/text";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const params = await searchParams;
  const { filter } = parsePageQuery(params);
  const title = isFiltered(filter) ? "Insights into the filtered filings" : "Insights";
  return {
    title,
    description: "Filings per month by kind, the states that joined them, what became of their demands, and how the lawsuits ended for the states.",
    openGraph: { title, type: "website" },
    alternates: { canonical: insightsHref(filter, parseInsightsView(params)) },
  };
}

const MAP_LABELS: Record<MapMeasure, string> = { joined: "Filings joined", led: "Filings led" };

export default async function InsightsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // The coalition matrix and top partners moved to a page of their own: old links follow.
  if (COALITION_VIEW_PARAMS.some((name) => name in params)) {
    const query = new URLSearchParams(Object.entries(params).flatMap(([name, values]) => [values ?? []].flat().map((value) => [name, value])));
    query.delete("map");
    permanentRedirect(`${COALITIONS_PATH}?${query}`);
  }
  // As on the timeline: a bad parameter costs the reader nothing but that filter.
  const query = parsePageQuery(params);
  const view = parseInsightsView(params);
  const data = await getInsightsPageData(query, view, (filter) => insightsHref(filter, view), { pairs: false, coding: true });
  const { filter, insights, coding } = data;
  const { total, activity } = insights;

  return (
    <InsightsFrame
      title="Insights"
      lede="The filings on the timeline as pictures: when they were filed, which states and territories joined them and with whom, what became of what they asked for, and how their lawsuits ended for the states. Every picture follows the filters, and each has its numbers as a table."
      path={INSIGHTS_PATH}
      data={data}
      problems={query.problems}
      clearHref={insightsHref(EMPTY_FILTER, view)}
    >
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
              {insights.withJurisdictions} of the {plural(total, "filing")} {insights.withJurisdictions === 1 ? "was" : "were"} joined by states or territories through their
              attorneys general; {plural(activity.length, "jurisdiction")} took part.
            </p>
            <nav aria-label="What the map shows" className={styles.options}>
              {MAP_MEASURES.map((measure) => (
                <Link key={measure} href={insightsHref(filter, { map: measure }, "map-heading")} aria-current={view.map === measure ? "true" : undefined} scroll={false}>
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
            <p>
              <Link href={coalitionsHref(filter)}>Who joins with whom: the coalition matrix and each jurisdiction’s top partners</Link>
            </p>
          </>
        )}
      </section>

      {coding && <CodingSections coding={coding} />}

      <section className={styles.section} aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">What they asked for, and what came of it</h2>
        {insights.outcomes.total === 0 ? (
          <p>None of these filings records a demand.</p>
        ) : (
          <>
            <p className={styles.sectionLede}>Every demand these filings make, by category and outcome. A filing chosen for one demand counts with all of its demands.</p>
            <OutcomesChart id="outcomes" data={insights.outcomes} />
          </>
        )}
      </section>
    </InsightsFrame>
  );
}

/** The research coding's insights: over the lawsuits of these filings, each counted once. */
function CodingSections({ coding }: { coding: CodingInsights }) {
  if (coding.lawsuits === 0) {
    return (
      <section className={styles.section} aria-labelledby="lawsuit-outcomes-heading">
        <h2 id="lawsuit-outcomes-heading">How the lawsuits ended for the states</h2>
        <p>None of these filings belongs to a lawsuit.</p>
      </section>
    );
  }
  return (
    <>
      <section className={styles.section} aria-labelledby="lawsuit-outcomes-heading">
        <h2 id="lawsuit-outcomes-heading">How the lawsuits ended for the states</h2>
        <p className={styles.sectionLede}>
          The {plural(coding.lawsuits, "lawsuit")} of these filings, by the outcome for the states that the <Link href="/about/codebook">research coding</Link> records. A lawsuit
          not coded yet counts as unknown.
        </p>
        <h3 className={styles.subheading}>By administration</h3>
        <OutcomeSharesChart id="outcomes-by-administration" title="Outcomes for the states by administration" rowHeading="Administration" rows={coding.byAdministration} />
        <h3 className={styles.subheading}>By issue area</h3>
        <OutcomeSharesChart id="outcomes-by-issue-area" title="Outcomes for the states by issue area" rowHeading="Issue area" rows={coding.byIssueArea} />
      </section>

      <section className={styles.section} aria-labelledby="state-records-heading">
        <h2 id="state-records-heading">Each state’s record</h2>
        {coding.states.length === 0 ? <p>No state has a coded side in these lawsuits.</p> : <StateRecordsTable states={coding.states} />}
      </section>

      <section className={styles.section} aria-labelledby="time-to-injunction-heading">
        <h2 id="time-to-injunction-heading">From complaint to the first ruling on a preliminary injunction</h2>
        <TimeToInjunctionTable data={coding.timeToInjunction} />
      </section>

      <section className={styles.section} aria-labelledby="both-sides-heading">
        <h2 id="both-sides-heading">States on both sides</h2>
        <BothSidesList total={coding.bothSides.total} listed={coding.bothSides.listed} />
      </section>
    </>
  );
}

function ActivityTable({ activity }: { activity: JurisdictionActivity[] }) {
  const columns: CountsColumn<"joined" | "led" | "coLed">[] = [
    { key: "joined", label: "Joined (any role)" },
    { key: "led", label: "Led" },
    ...(activity.some((a) => a.coLed > 0) ? [{ key: "coLed" as const, label: "Co-led" }] : []),
  ];
  return (
    <TableScroll labelledBy="activity-caption">
      <CountsTable
        captionId="activity-caption"
        caption="Filings each jurisdiction joined and led, most first"
        rowHeading="Jurisdiction"
        columns={columns}
        rows={activity.map((a) => ({ key: a.code, header: <Link href={htmlPath.jurisdiction(a.code)}>{a.name}</Link>, counts: { joined: a.joined, led: a.led, coLed: a.coLed } }))}
      />
    </TableScroll>
  );
}
