import type { Metadata } from "next";
import Link from "next/link";

import { LawsuitStatusBadge } from "@/components/lawsuits/status-badge";
import { ListPager } from "@/components/ui/list-pager";
import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { htmlPath } from "@/lib/api/paths";
import { LAWSUIT_STATUSES } from "@/lib/dataset/schema";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { LAWSUIT_STATUS_LABELS } from "@/lib/lawsuits/labels";
import { listLawsuits } from "@/lib/lawsuits/queries";
import { plural } from "@/lib/text";
import { DEFAULT_DIRECTION, LAWSUITS_PAGE_SIZE, MAX_LAWSUIT_QUERY_LENGTH, parseLawsuitListParams, type LawsuitListParams, type LawsuitSort } from "@/lib/lawsuits/schema";

import styles from "./page.module.css";

// Always read the database: lawsuits change without a rebuild.
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
  return {
    title: "Lawsuits",
    description: "Every lawsuit in Docketline, with its court, status, filings and the size of its coalition of states.",
    alternates: { canonical: listHref(parseLawsuitListParams(await searchParams), {}) },
  };
}

const SORT_LABELS: Record<LawsuitSort, string> = {
  filed: "Date filed",
  name: "Name",
  filings: "Number of filings",
  coalition: "Coalition size",
};

/** The list's URL with some parameters changed; defaults and blanks are left out. */
function listHref(params: LawsuitListParams, change: Partial<LawsuitListParams>): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.status) query.set("status", next.status);
  if (next.court) query.set("court", next.court);
  if (next.sort !== "filed") query.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIRECTION[next.sort]) query.set("dir", next.dir);
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return text ? `/lawsuits?${text}` : "/lawsuits";
}

/** A column heading that sorts by its column; a second click reverses the order. */
function SortableHeading({ params, sort, label, numeric = false }: { params: LawsuitListParams; sort: LawsuitSort; label: string; numeric?: boolean }) {
  const active = params.sort === sort;
  const dir = active ? (params.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
  return (
    <th scope="col" className={numeric ? tableStyles.number : undefined} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={listHref(params, { sort, dir, page: 1 })} className={styles.sortLink}>
        {label}
        {active && <span aria-hidden="true">{params.dir === "asc" ? " ▲" : " ▼"}</span>}
        <span className="visually-hidden">, sort {dir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export default async function LawsuitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseLawsuitListParams(await searchParams);
  const { lawsuits, total, page, pageCount, courts } = await listLawsuits(params);
  const first = (page - 1) * LAWSUITS_PAGE_SIZE + 1;
  const filtered = !!(params.q || params.status || params.court);

  return (
    <>
      <h1>Lawsuits</h1>
      <p className="lede">
        Every lawsuit in Docketline, with its court, its status, its filings, and how many states and territories took part: as
        plaintiffs, and on its largest filing (amicus briefs included).
      </p>

      <form method="get" action="/lawsuits" className={styles.filters} aria-label="Filter and sort lawsuits">
        <div className={styles.field}>
          <label htmlFor="lawsuit-q">Name contains</label>
          <input id="lawsuit-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={MAX_LAWSUIT_QUERY_LENGTH} autoComplete="off" />
        </div>
        <div className={styles.field}>
          <label htmlFor="lawsuit-status">Status</label>
          <select id="lawsuit-status" name="status" defaultValue={params.status ?? ""}>
            <option value="">Any status</option>
            {LAWSUIT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {LAWSUIT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="lawsuit-court">Court</label>
          <select id="lawsuit-court" name="court" defaultValue={params.court ?? ""}>
            <option value="">Any court</option>
            {courts.map((court) => (
              <option key={court.id} value={court.id}>
                {court.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="lawsuit-sort">Sort by</label>
          <select id="lawsuit-sort" name="sort" defaultValue={params.sort}>
            {(Object.keys(SORT_LABELS) as LawsuitSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="lawsuit-dir">Order</label>
          <select id="lawsuit-dir" name="dir" defaultValue={params.dir}>
            <option value="desc">Descending</option>
            <option value="asc">Ascending</option>
          </select>
        </div>
        <div className={styles.actions}>
          <button type="submit">Apply</button>
          {(filtered || params.sort !== "filed" || params.dir !== DEFAULT_DIRECTION.filed) && <Link href="/lawsuits">Reset</Link>}
        </div>
      </form>

      <p className={styles.count}>
        {plural(total, "lawsuit")}
        {filtered ? " match these filters" : ""}, sorted by {SORT_LABELS[params.sort].toLowerCase()}, {params.dir === "asc" ? "ascending" : "descending"}
        {pageCount > 1 && lawsuits.length > 0 ? `; showing ${first.toLocaleString("en-US")}–${(first + lawsuits.length - 1).toLocaleString("en-US")}` : ""}.
      </p>

      {lawsuits.length > 0 ? (
        <TableScroll labelledBy="lawsuits-caption">
          <table className={tableStyles.table}>
            <caption id="lawsuits-caption" className="visually-hidden">
              Lawsuits, sorted by {SORT_LABELS[params.sort].toLowerCase()}
              {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
            </caption>
            <thead>
              <tr>
                <SortableHeading params={params} sort="name" label="Lawsuit" />
                <th scope="col">Status</th>
                <th scope="col">Court</th>
                <SortableHeading params={params} sort="filed" label="Filed" />
                <SortableHeading params={params} sort="filings" label="Filings" numeric />
                <SortableHeading params={params} sort="coalition" label="Plaintiff jurisdictions" numeric />
                <th scope="col" className={tableStyles.number}>
                  Most on one filing
                </th>
              </tr>
            </thead>
            <tbody>
              {lawsuits.map((lawsuit) => (
                <tr key={lawsuit.id}>
                  <th scope="row" className={styles.lawsuitCell}>
                    <Link href={htmlPath.lawsuit(lawsuit.id)}>{lawsuit.caseNameShort}</Link>
                    <span className={styles.docket}>No. {lawsuit.docketNumber}</span>
                  </th>
                  <td>
                    <LawsuitStatusBadge status={lawsuit.status} />
                  </td>
                  <td className={tableStyles.nowrap}>
                    <abbr title={lawsuit.court.fullName}>{lawsuit.court.shortName}</abbr>
                  </td>
                  <td className={tableStyles.nowrap}>
                    <time dateTime={lawsuit.dateFiled}>{formatPartialDate(lawsuit.dateFiled)}</time>
                  </td>
                  <td className={tableStyles.number}>{lawsuit.filingCount}</td>
                  <td className={tableStyles.number}>{lawsuit.plaintiffCount}</td>
                  <td className={tableStyles.number}>{lawsuit.largestFilingCoalition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : page > 1 && total > 0 ? (
        <p>
          There is no page {page}. <Link href={listHref(params, { page: 1 })}>Back to the first page</Link>.
        </p>
      ) : (
        <p>
          No lawsuit matches these filters. <Link href="/lawsuits">Show all lawsuits</Link>.
        </p>
      )}
      <ListPager page={page} pageCount={pageCount} label="Pages of lawsuits" hrefFor={(n) => listHref(params, { page: n })} />
    </>
  );
}
