import Link from "next/link";
import type { ReactNode } from "react";

import { ActiveFilters } from "@/components/timeline/active-filters";
import { FilterPanel } from "@/components/timeline/filter-panel";
import { IgnoredFilters } from "@/components/timeline/ignored-filters";
import { hrefWithFilter, isFiltered, type FilterProblem } from "@/lib/filters/schema";
import type { InsightsPageData } from "@/lib/insights/page-data";
import { plural } from "@/lib/text";

import styles from "./insights-page.module.css";

/**
 * What both pages of insights share: the title, the timeline's filter panel (submitting
 * to the page itself), the active filters, how many filings match, and — when none do —
 * a way back instead of the `children`.
 */
export function InsightsFrame({
  title,
  lede,
  path,
  data,
  problems,
  clearHref,
  children,
}: {
  title: string;
  lede: ReactNode;
  /** The page's own path: the filter panel's action. */
  path: string;
  data: InsightsPageData;
  problems: FilterProblem[];
  /** The page without any filter (its view kept). */
  clearHref: string;
  children: ReactNode;
}) {
  const { filter, facets, chips, searchChoices, insights } = data;
  const { total } = insights;
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">{lede}</p>
      <IgnoredFilters problems={problems} />

      <div className={styles.layout}>
        <aside className={styles.sidebar} aria-label="Filters">
          <FilterPanel filter={filter} facets={facets} activeCount={chips.length} action={path} sortable={false} searchChoices={searchChoices} />
        </aside>

        <div className={styles.content}>
          <ActiveFilters chips={chips} clearHref={clearHref} />
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
                <Link href={clearHref}>See insights into all filings</Link>
              </p>
            </div>
          ) : (
            children
          )}
        </div>
      </div>
    </>
  );
}
