import type { Metadata } from "next";
import Link from "next/link";

import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { UsMap } from "@/components/us-map";
import { htmlPath } from "@/lib/api/paths";
import { listJurisdictions, type JurisdictionListItem } from "@/lib/jurisdictions/queries";
import { JURISDICTION_SORTS, parseJurisdictionListParams, type JurisdictionSort } from "@/lib/jurisdictions/schema";

import styles from "./page.module.css";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "States and territories",
  description: "The 50 states, the District of Columbia and the 5 inhabited territories: the filings each joined and led, and the lawsuits each brought.",
  // Every order of the list is the same list.
  alternates: { canonical: "/states" },
};

const SORT_LABELS: Record<JurisdictionSort, string> = {
  name: "Name",
  joined: "Filings joined",
  led: "Filings led",
  lawsuits: "Lawsuits as plaintiff",
};

const sortHref = (sort: JurisdictionSort) => (sort === "name" ? "/states" : `/states?sort=${sort}`);

function SortableHeading({ current, sort, numeric = false }: { current: JurisdictionSort; sort: JurisdictionSort; numeric?: boolean }) {
  const active = current === sort;
  return (
    <th scope="col" className={numeric ? tableStyles.number : undefined} aria-sort={active ? (sort === "name" ? "ascending" : "descending") : undefined}>
      {active ? (
        SORT_LABELS[sort]
      ) : (
        <Link href={sortHref(sort)} className={styles.sortLink}>
          {SORT_LABELS[sort]}
          <span className="visually-hidden">, sort by this column</span>
        </Link>
      )}
    </th>
  );
}

/** A count; zeros recede, so that the jurisdictions that took part stand out. */
function Count({ value }: { value: number }) {
  return <td className={value === 0 ? `${tableStyles.number} ${tableStyles.muted}` : tableStyles.number}>{value}</td>;
}

function Rows({ jurisdictions }: { jurisdictions: JurisdictionListItem[] }) {
  return jurisdictions.map((j) => (
    <tr key={j.code}>
      <th scope="row">
        <Link href={htmlPath.jurisdiction(j.code)}>{j.name}</Link> <span className={styles.code}>{j.code}</span>
      </th>
      <Count value={j.joined} />
      <Count value={j.led} />
      <Count value={j.lawsuits} />
    </tr>
  ));
}

export default async function StatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { sort } = parseJurisdictionListParams(await searchParams);
  const jurisdictions = await listJurisdictions(sort);
  // The 50 states first; DC and the territories, whose attorneys general join too, apart.
  const states = jurisdictions.filter((j) => j.kind === "state");
  const others = jurisdictions.filter((j) => j.kind !== "state");
  const active = jurisdictions.filter((j) => j.joined > 0).length;

  return (
    <>
      <h1>States and territories</h1>
      <p className="lede">
        The 50 states, the District of Columbia and the 5 inhabited territories, whose attorneys general join multistate filings.{" "}
        {active} of the {jurisdictions.length} have joined at least one filing recorded here.
      </p>

      <div className={styles.map}>
        <UsMap
          title="Filings joined by each state and territory"
          description={`${active} jurisdictions have joined at least one filing; darker means more filings.`}
          highlighted={jurisdictions.map((j) => ({ code: j.code, count: j.joined }))}
          mode="counts"
        />
      </div>

      <form method="get" action="/states" className={styles.sortForm}>
        <label htmlFor="states-sort">Sort by</label>
        <select id="states-sort" name="sort" defaultValue={sort}>
          {JURISDICTION_SORTS.map((option) => (
            <option key={option} value={option}>
              {SORT_LABELS[option]}
            </option>
          ))}
        </select>
        <button type="submit">Sort</button>
      </form>

      <div className={styles.tableBox}>
      <TableScroll labelledBy="states-caption">
        <table className={tableStyles.table}>
          <caption id="states-caption">
            {jurisdictions.length} jurisdictions, sorted by {SORT_LABELS[sort].toLowerCase()}
          </caption>
          <thead>
            <tr>
              <SortableHeading current={sort} sort="name" />
              <SortableHeading current={sort} sort="joined" numeric />
              <SortableHeading current={sort} sort="led" numeric />
              <SortableHeading current={sort} sort="lawsuits" numeric />
            </tr>
          </thead>
          <tbody>
            <tr className={styles.group}>
              <th scope="colgroup" colSpan={4} id="group-states">
                States ({states.length})
              </th>
            </tr>
            <Rows jurisdictions={states} />
          </tbody>
          <tbody>
            <tr className={styles.group}>
              <th scope="colgroup" colSpan={4} id="group-others">
                District of Columbia and territories ({others.length})
              </th>
            </tr>
            <Rows jurisdictions={others} />
          </tbody>
        </table>
      </TableScroll>
      </div>
    </>
  );
}
